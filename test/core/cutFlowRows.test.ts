/**
 * A total whose period cuts a month or quarter row of a summed input counts none of that row (a row
 * cannot be split): mentions by month from a listening export, a goal from 15 July (red-team 33
 * #1). The total is then at least what it shows: never "missed" on it, nor projected from it; it is
 * achieved once even that lower figure reaches the target. Whole months are exact, as before.
 */
import { describe, expect, it } from 'vitest';
import { dailyExport, evaluate, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const DATA = {
  'data/instagram/listening.json': rowsExport('instagram', [
    { month: '2026-07', mentions: 1070 },
    { month: '2026-08', mentions: 1080 },
    { month: '2026-09', mentions: 1090 },
  ]),
  'data/instagram/daily.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({ impressions: 1000 })),
};
const goal = (id: string, start: string, target: number) =>
  `  - { id: ${id}, title: Mentions, kpi: mentions, channel: instagram, start: ${start}, deadline: 2026-09-30, target: ${target} }\n`;
const root = loadRoot(
  SITE,
  `goals:\n${goal('short', '2026-07-15', 2500)}${goal('met', '2026-07-15', 2000)}${goal('whole', '2026-07-01', 4000)}`,
  DATA,
);

describe('a total whose period cuts a month row', () => {
  it('is a lower bound: undecided short of its target at the deadline, with no projection', () => {
    expect(root.problems).toEqual([]);
    // 2,170 counts August and September; July 15–31 held some of July's 1,070.
    expect(evaluate(root, 'short', '2026-10-15')).toMatchObject({
      actual: 2170,
      bound: 'lower',
      status: 'undecided',
      projection: null,
    });
  });

  it('is achieved once even what it counts reaches the target', () => {
    expect(evaluate(root, 'met', '2026-10-15')).toMatchObject({ actual: 2170, bound: 'lower', status: 'achieved' });
  });

  it('stays exact over whole months: missed is missed', () => {
    expect(evaluate(root, 'whole', '2026-10-15')).toMatchObject({ actual: 3240, bound: 'exact', status: 'missed' });
  });
});
