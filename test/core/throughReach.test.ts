/**
 * A per-post export reaches its `through` day (red-team 6 #4). `import` writes a per-post export's
 * rows on the days something was published, with `through` set to the last day the export covers.
 * Its channel's data therefore reaches that day, not the last post. Before this fix the channel was
 * marked incomplete at its last post, and every goal on it and on all channels was cut to that day:
 * instagram's last 16 days were dropped.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { day, period } from '../coreFixtures.ts';

const Q3 = period('2026-Q3');
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d++) out.push(formatDay(d));
  return out;
};
// Instagram: daily page analytics to 31 August. Facebook: posts on the 3rd and 15th, export through 31 August.
const instagram = { channel: 'instagram', rows: days('2026-07-01', '2026-08-31').map((date) => ({ date, impressions: 1000 })) };
const posts = ['2026-07-03', '2026-07-15', '2026-08-03', '2026-08-15'].map((date) => ({ date, impressions: 500 }));
const goals = `goals:
  - id: all
    title: Impressions on every channel
    channel: all
    period: 2026-Q3
    kpi: impressions
    target: 95000
`;

function report(facebook: object) {
  const result = loadFromSources(
    { path: 'content/site.yaml', text: 'title: T\n' },
    [{ path: 'goals/g.yaml', text: goals }],
    [
      { path: 'data/instagram.json', text: JSON.stringify(instagram) },
      { path: 'data/facebook-posts.json', text: JSON.stringify(facebook) },
    ],
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return buildReport(result.project, createEngine(result.project), { quarter: Q3 });
}

describe("a per-post export's through day", () => {
  it('makes its channel reach that day: nothing incomplete, every goal evaluated to the end of the data', () => {
    const r = report({ channel: 'facebook', through: '2026-08-31', rows: posts });
    expect(r.as_of).toBe('2026-08-31');
    expect(r.coverage['facebook']).toBe('2026-08-31');
    expect(r.incomplete).toEqual([]);
    const goal = r.goals.find((g) => g.id === 'all')!;
    expect(goal).toMatchObject({ actual: 62_000 + 2_000 });
    expect(goal).not.toHaveProperty('data_to');
  });

  it('without a through day, the last post is as far as the export is known to reach', () => {
    const r = report({ channel: 'facebook', rows: posts });
    expect(r.coverage['facebook']).toBe('2026-08-15');
    expect(r.incomplete).toEqual(['facebook']);
    expect(r.goals.find((g) => g.id === 'all')).toMatchObject({ data_to: '2026-08-15' });
  });
});
