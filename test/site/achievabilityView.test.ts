/**
 * The goal page's "Achievable?" history on exports shaped like real ones: a quarter the first
 * export begins inside is shown with its figure and said to be partial data, not counted, and
 * neither it nor the change after it is a change; the verdict counts complete quarters only.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { achievabilityViews } from '../../src/site/achievabilityView.ts';
import * as baselineChannels from '../baselineChannelsFixture.ts';
import { SITE } from '../load/helpers.ts';

/** LinkedIn impressions, 500 a day, from 15 February 2025 (the first export's first day) to 30 June 2026. */
const rows = () => {
  const out: object[] = [];
  for (let t = Date.parse('2025-02-15T00:00:00Z'); t <= Date.parse('2026-06-30T00:00:00Z'); t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), impressions: 500 });
  }
  return JSON.stringify({ channel: 'linkedin', rows: out });
};

const goals = `goals:
  - id: li
    title: LinkedIn impressions
    channel: linkedin
    period: 2026-Q3
    kpi: impressions
    target: 60000
`;

describe('the achievability history of a goal', () => {
  it('shows a partial first quarter as partial data, not counted, and judges on complete quarters', () => {
    const result = loadFromSources(
      { path: 'content/site.yaml', text: SITE },
      [{ path: 'goals/g.yaml', text: goals }],
      [{ path: 'data/li.json', text: rows() }],
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [view] = achievabilityViews(result.project, createEngine(result.project), result.project.goals[0]!);
    expect(view!.verdict).toBe('stretch');
    expect(view!.history.map((h) => [h.period, h.change, h.partial])).toEqual([
      ['2025-Q1', 'partial data: not counted', true],
      ['2025-Q2', '', false],
      ['2025-Q3', '+1.1%', false],
      ['2025-Q4', '0.0%', false],
      ['2026-Q1', '-2.2%', false],
      ['2026-Q2', '+1.1%', false],
    ]);
    // The partial quarter's figure is still shown (45 days of 500).
    expect(view!.history[0]!.value).toBe('22,500');
  });
});

describe('the achievability of a rate whose baseline lacks a channel new in the period (red-team 15 #4)', () => {
  it('says the previous value covers other channels, not that there is none', () => {
    const result = loadFromSources(
      { path: 'content/site.yaml', text: baselineChannels.site() },
      [{ path: 'goals/g.yaml', text: baselineChannels.GOALS }],
      Object.entries(baselineChannels.DATA).map(([path, text]) => ({ path, text })),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const engine = createEngine(result.project);
    const goal = (id: string) => result.project.goals.find((g) => g.id === id)!;
    const [view] = achievabilityViews(result.project, engine, goal('cpc'));
    expect(view!.text).toBe(
      'The previous value is a rate over other channels than the actual (a channel counted now has no data then): no reference for a change.',
    );
    // LinkedIn alone has its previous value: judged as before.
    const [alone] = achievabilityViews(result.project, engine, goal('cpc-li'));
    expect(alone!.text).not.toMatch(/other channels|no previous value/);
  });
});
