/**
 * A channel left out of a KPI for lacking an input that is not summed (`followers` for the
 * amplification rate, (shares / posts) / followers) does not cut a goal on it: its data ending
 * early says nothing about the figure, which does not count it (see `dataEnds`).
 */
import { describe, expect, it } from 'vitest';
import { dataEnds } from '../../src/core/coverage.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, evaluate, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
const GOALS = `goals:
  - { id: amp, title: Amplification, period: 2026-Q3, channel: all, kpi: amplification_rate, target: 0.001 }
  - { id: impr, title: Impressions, period: 2026-Q3, channel: all, kpi: impressions, target: 100000 }
`;
// LinkedIn gives shares, posts and its follower count to 30 September; Instagram's export, without
// followers, was downloaded on 20 August.
const root = loadRoot(SITE, GOALS, {
  'data/linkedin/q3.json': dailyExport('linkedin', '2026-07-01', '2026-09-30', () => ({
    shares: 20,
    posts: 2,
    followers: 10000,
  })),
  'data/instagram/q3.json': dailyExport(
    'instagram',
    '2026-07-01',
    '2026-08-20',
    () => ({ shares: 50, posts: 1, impressions: 500 }),
    '2026-08-20',
  ),
});

describe('a channel lacking a non-summed input of the KPI', () => {
  it('is left out of the goal and does not cut it', () => {
    expect(root.problems).toEqual([]);
    const e = evaluate(root, 'amp', '2026-09-30');
    if (e.type !== 'smart') throw new Error('smart goal expected');
    expect(e.leftOut).toEqual(['instagram']);
    expect(e.incomplete).toEqual([]);
    expect(e.dataTo).toBeNull();
    // LinkedIn alone over the whole quarter: (20 × 92) / (2 × 92) / 10,000.
    expect(e.actual).toBeCloseTo(0.001, 12);
    expect(
      dataEnds(
        root.engine!,
        ['instagram', 'linkedin'],
        period('2026-Q3'),
        day('2026-09-30'),
        root.engine!.kpis.get('amplification_rate'),
      ).dataTo,
    ).toBeNull();
  });

  it('still cuts a goal on a KPI it reports', () => {
    const e = evaluate(root, 'impr', '2026-09-30');
    if (e.type !== 'smart') throw new Error('smart goal expected');
    expect(e.incomplete).toEqual(['instagram']);
    expect(e.dataTo).toBe(day('2026-08-20'));
  });
});
