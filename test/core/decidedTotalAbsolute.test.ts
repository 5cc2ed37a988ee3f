/**
 * A cap already overspent over every channel of the goal (red-team 24 #5, roots k, v): Instagram's
 * daily ads export ends on 20 August, Facebook gives its spend as a quarter row. The goal is
 * evaluated as of 20 August, when Facebook's Q3 row is not whole, so its actual leaves Facebook
 * out. Since red-team 23 #2 the total that already decides a goal was taken over the actual's
 * channels only, so 2,550 of Instagram alone decided nothing and a cap of 3,000 read "Undecided"
 * at the deadline, though Instagram and Facebook together had spent 3,550. A number as target is
 * not set from any channel: every channel of the goal counts towards it.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: cap, title: Cap, period: 2026-Q3, channel: all, kpi: spend, target: 3000 }
  - { id: rel, title: Relative cap, period: 2026-Q3, channel: all, kpi: spend, target: { change: "-40%" } }
`;
const root = loadRoot(site, goals, {
  'data/ig/ads.json': dailyExport('ig', '2026-04-01', '2026-08-20', () => ({ spend: 50 })),
  'data/fb/ads.json': rowsExport('fb', [
    { quarter: '2026-Q2', spend: 1000 },
    { quarter: '2026-Q3', spend: 1000 },
  ]),
});
const goal = (id: string) =>
  buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') }).goals.find((g) => g.id === id) as SmartGoalJson;

describe('a cap overspent over all its channels, one of them a quarter row', () => {
  it('is "Missed" at the deadline on every channel’s spend, none left out', () => {
    const cap = goal('cap');
    expect(cap).toMatchObject({ status: 'missed', actual: 2550 + 1000, actual_to: '2026-09-30', data_to: '2026-08-20' });
    expect(cap.left_out).toBeUndefined();
  });

  it('still decides a relative cap only over the channels its target was set from', () => {
    // Its target, 60% of Instagram's Q2 spend (4,550 → 2,730), leaves Facebook out: Instagram's 2,550 decides nothing.
    expect(goal('rel')).toMatchObject({ status: 'undecided', actual: 2550, target: 2730, left_out: ['fb'] });
  });
});
