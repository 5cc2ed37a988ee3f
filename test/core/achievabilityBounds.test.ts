/**
 * The history an "Achievable?" verdict is judged against counts only figures that compare
 * (red-team 33 #4): not a total over a window that leaves out a month row it covers in part
 * (78-day windows over mentions by month swing with how many whole months fit in them), nor a
 * reach that is only an upper bound (summed from month rows) beside exact quarters. A rate over
 * the whole months inside a window still counts.
 */
import { describe, expect, it } from 'vitest';
import { pastValues } from '../../src/core/achievability.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const months = Array.from({ length: 30 }, (_, i) => {
  const m = 2024 * 12 + i;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});
const DATA = {
  'data/instagram/listening.json': rowsExport(
    'instagram',
    months.map((month) => ({ month, mentions: 1000, competitor_mentions: 3000 })),
  ),
  'data/instagram/reach.json': rowsExport('instagram', [
    ...months.slice(0, 24).map((month) => ({ month, reach: 40000 })),
    { quarter: '2026-Q1', reach: 100000 },
    { quarter: '2026-Q2', reach: 105000 },
  ]),
  'data/instagram/daily.json': dailyExport('instagram', '2024-01-01', '2026-06-30', () => ({ impressions: 1000 })),
};
const GOALS = `goals:
  - { id: mentions, title: Mentions, kpi: mentions, channel: instagram, start: 2026-07-15, deadline: 2026-09-30, target: 2500 }
  - { id: sov, title: SOV, kpi: share_of_voice, channel: instagram, start: 2026-07-15, deadline: 2026-09-30, target: 0.3 }
  - { id: reach, title: Reach, kpi: reach, channel: instagram, period: 2026-Q3, target: 120000 }
`;

describe('the history of an achievability verdict', () => {
  const root = loadRoot(SITE, GOALS, DATA);
  const past = (id: string) => {
    const goal = root.project!.goals.find((g) => g.id === id)!;
    if (goal.type !== 'smart') throw new Error('smart goals only');
    return pastValues(root.engine!, goal, goal.period);
  };

  it('leaves out totals over windows that cut month rows', () => {
    expect(past('mentions').filter((p) => p.complete)).toEqual([]);
  });

  it('keeps a rate over the whole months inside those windows', () => {
    expect(past('sov').filter((p) => p.complete).length).toBeGreaterThan(3);
  });

  it('leaves out quarters whose reach is only an upper bound, keeps exact ones', () => {
    const reach = past('reach');
    expect(reach.filter((p) => p.complete).map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2']);
  });
});
