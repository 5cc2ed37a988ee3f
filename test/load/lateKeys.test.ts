/**
 * A metric whose key first appears well inside a daily export (revenue from the day a pixel was
 * installed) makes the export's earlier days count as none of it: `validate` says so at its first
 * row, with the way out. Not for spend or posts (their absence is none), a metric that starts
 * within a week, or one given only now and then after it starts.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { day } from '../coreFixtures.ts';
import { outcomeOf } from './helpers.ts';

/** An instagram export of 2026-07-01..09-30 with impressions and clicks each day, and `extra(date, i)` on each row. */
const exportWith = (extra: (date: string, i: number) => object) => {
  const rows = [];
  for (let d = day('2026-07-01'), i = 0; d <= day('2026-09-30'); d++, i++) {
    const date = formatDay(d);
    rows.push({ date, impressions: 1000, clicks: 20, ...extra(date, i) });
  }
  return { 'data/ig.json': JSON.stringify({ channel: 'instagram', rows }) };
};
const lateNotes = (data: Record<string, string>) => outcomeOf({ data }).notes.filter((n) => n.includes('of this export'));

describe('a metric that starts inside a daily export', () => {
  it('is noted at its first row: revenue from 10 August', () => {
    const out = outcomeOf({ data: exportWith((date) => (date >= '2026-08-10' ? { revenue: 50 } : {})) });
    expect(out.problems).toEqual([]);
    expect(out.notes.filter((n) => n.includes('of this export'))).toEqual([
      expect.stringMatching(
        /^data\/ig\.json:\d+:\d+: note: rows\[40\]\.revenue: the first revenue of this export for instagram comes on 2026-08-10, 40 days after its first row \(2026-07-01\): those days count as no revenue; .*start the goals that use it on that day/,
      ),
    ]);
  });

  it('is not noted for spend or posts, for a start within a week, or for a metric given now and then', () => {
    expect(lateNotes(exportWith((date) => (date >= '2026-08-10' ? { spend: 5, posts: 1 } : {})))).toEqual([]);
    expect(lateNotes(exportWith((date) => (date >= '2026-07-05' ? { revenue: 50 } : {})))).toEqual([]);
    expect(lateNotes(exportWith((date, i) => (date >= '2026-08-10' && i % 3 === 0 ? { revenue: 50 } : {})))).toEqual([]);
    expect(lateNotes(exportWith(() => ({ revenue: 50 })))).toEqual([]);
  });
});
