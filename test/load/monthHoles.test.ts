/**
 * A month missing between two month rows of one export (test/monthHoleFixture.ts: mentions and
 * competitors' mentions by month with June absent) is a validate note at the first row after it,
 * once for the metrics it misses together, as a week missing inside a daily export is
 * (test/load/exportHoles.test.ts). On main `validate` said nothing.
 */
import { describe, expect, it } from 'vitest';
import { rowsExport } from '../exportsFixture.ts';
import { MONTH_HOLE_MONTHS, monthHoleRoot } from '../monthHoleFixture.ts';

describe('a month missing between two month rows of one export', () => {
  it('is a note at the row after it, with what to do', () => {
    expect(monthHoleRoot().notes).toEqual([
      'data/facebook/listening.json:15:13: note: rows[2].month: 2026-07 comes after 1 month without a row giving ' +
        'competitor_mentions, mentions for facebook (2026-06-01 to 2026-06-30) in an export that gives them by month ' +
        'before and after: those days count as not covered for them, and the quarter holding them is compared as partial ' +
        '(if there was none, add a row of 0; if the export missed them, export those months again)',
    ]);
  });

  it('names only the metric missing where the month’s row gives the others', () => {
    const months = [...MONTH_HOLE_MONTHS, { month: '2026-06', competitor_mentions: 100 }];
    const [note] = monthHoleRoot({}, months).notes;
    expect(note).toContain('without a row giving mentions for facebook (2026-06-01 to 2026-06-30)');
  });

  it('says nothing once another file gives the missing month', () => {
    const june = rowsExport('facebook', [{ month: '2026-06', mentions: 100, competitor_mentions: 100 }]);
    expect(monthHoleRoot({ 'data/facebook/june.json': june }).notes).toEqual([]);
  });

  it('says nothing for an export whose months follow one another', () => {
    const months = [...MONTH_HOLE_MONTHS, { month: '2026-06', mentions: 100, competitor_mentions: 100 }];
    expect(monthHoleRoot({}, months).notes).toEqual([]);
  });

  it('notes a quarter missing between two quarter rows', () => {
    const quarters = [
      { quarter: '2026-Q1', mentions: 300 },
      { quarter: '2026-Q3', mentions: 360 },
      { quarter: '2026-Q4', mentions: 360 },
    ];
    const [note] = monthHoleRoot({}, quarters).notes;
    expect(note).toContain('rows[1].quarter: 2026-Q3 comes after 3 months without a row giving mentions for facebook');
  });
});
