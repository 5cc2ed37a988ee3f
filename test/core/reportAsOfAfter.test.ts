/**
 * A report `--as-of` a day after its quarter (red-team 15 #6, roots s2 and s): a channel whose data
 * reach the quarter's last day lacks nothing of it, so it is not incomplete; one whose data stop
 * inside the quarter still is. Coverage is judged to the earlier of the as-of day and the quarter's end.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const Q2 = period('2026-Q2');

describe('a report as of a day after its quarter', () => {
  it("does not mark a channel whose data reach the quarter's last day (root s2)", () => {
    const r = loadRoot('title: S2\n', 'goals: []\n', {
      'data/li/q.json': rowsExport('li', [
        { date: '2026-04-01', impressions: 100 },
        { date: '2026-06-30', impressions: 100 },
      ]),
    });
    if (!r.engine || !r.project) throw new Error(r.problems.join('\n'));
    const report = buildReport(r.project, r.engine, { quarter: Q2, asOf: day('2026-07-01') });
    expect(report.coverage).toEqual({ li: '2026-06-30' });
    expect(report.incomplete).toEqual([]);
  });

  it('marks only the channel that stops inside the quarter (root s, as of 2030-01-01)', () => {
    const r = loadRoot('title: S\n', 'goals: []\n', {
      'data/ig/q.json': dailyExport('ig', '2026-01-01', '2026-05-15', () => ({ impressions: 100 })),
      'data/li/q.json': dailyExport('li', '2026-01-01', '2026-06-30', () => ({ impressions: 100 })),
    });
    if (!r.engine || !r.project) throw new Error(r.problems.join('\n'));
    const report = buildReport(r.project, r.engine, { quarter: Q2, asOf: day('2030-01-01') });
    expect(report.incomplete).toEqual(['ig']);
    expect(report.coverage).toEqual({ ig: '2026-05-15', li: '2026-06-30' });
  });
});
