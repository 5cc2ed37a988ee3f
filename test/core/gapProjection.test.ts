/**
 * A cumulative goal whose total misses a week no export covers (red-team 6 #15): tiktok's
 * impressions come in two exports, 1–31 July and 8–31 August. Projecting 550,000 over 62 days
 * to the deadline counts the missing week as a week of nothing (816,129 against 900,000): the
 * goal gives no projection instead, and keeps its `gaps`. Without the gap, the pace projects.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { day, period } from '../coreFixtures.ts';

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d++) out.push(formatDay(d));
  return out;
};

const GOALS = `goals:
  - { id: tt-impr, title: TikTok impressions, period: 2026-Q3, channel: tiktok, kpi: impressions, target: 900000 }
`;

function goalWith(august: string): SmartGoalJson {
  const rows = (from: string, to: string) => days(from, to).map((date) => ({ date, impressions: 10_000 }));
  const files = {
    'data/tiktok/2026-07.json': { channel: 'tiktok', rows: rows('2026-07-01', '2026-07-31') },
    'data/tiktok/2026-08.json': { channel: 'tiktok', rows: rows(august, '2026-08-31') },
  };
  const result = loadFromSources(
    { path: 'content/site.yaml', text: 'title: T\n' },
    [{ path: 'goals/g.yaml', text: GOALS }],
    Object.entries(files).map(([path, body]) => ({ path, text: JSON.stringify(body) })),
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const engine = createEngine(result.project);
  const report = buildReport(result.project, engine, { quarter: period('2026-Q3') });
  return report.goals.find((g) => g.id === 'tt-impr') as SmartGoalJson;
}

describe('a cumulative goal over a week no export covers', () => {
  it('gives no projection (the week is unknown, not a week of nothing), and says which days', () => {
    const goal = goalWith('2026-08-08');
    expect(goal.actual).toBe(550_000);
    expect(goal.gaps).toEqual({ tiktok: { impressions: [{ from: '2026-08-01', to: '2026-08-07' }] } });
    expect(goal.projection).toBeNull();
  });

  it('projects its pace where every day is covered', () => {
    const goal = goalWith('2026-08-01');
    expect(goal.actual).toBe(620_000);
    expect(goal).not.toHaveProperty('gaps');
    expect(goal.projection).toBeCloseTo(620_000 / (62 / 92), 6);
  });
});
