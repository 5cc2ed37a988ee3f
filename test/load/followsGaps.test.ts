/**
 * Follows missing for a week or more between two downloads, on a channel with follower totals
 * (red-team 18 #6): a count is never carried across those days, so the quarters after them read
 * "n/a" (a goal on follower_count "No data"); `validate` now says why, at the export after them.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = 'goals:\n  - { id: fc, title: Followers, period: 2026-Q3, channel: fb, kpi: follower_count, target: 11000 }\n';
const follows = (totals: readonly string[]) => (d: string) => ({
  impressions: 1000,
  new_followers: 5,
  lost_followers: 1,
  ...(totals.includes(d) ? { followers: 10000 } : {}),
});

/** Follows to `aTo`, then again from `bFrom`, with totals on the given days. */
function root(aTo: string, bFrom: string, totals: readonly string[]) {
  return loadRoot(site, goals, {
    'data/fb/a.json': dailyExport('fb', '2026-01-01', aTo, follows(totals)),
    'data/fb/b.json': dailyExport('fb', bFrom, '2026-09-30', follows(totals)),
  });
}
const gapNotes = (notes: readonly string[]) => notes.filter((n) => /no export gives fb's follows/.test(n));
const countIn = (r: ReturnType<typeof root>, quarter: string) =>
  buildReport(r.project!, r.engine!, { quarter: period(quarter) }).kpis['fb']?.['follower_count']?.value ?? null;

describe('a week of follows missing between two downloads, on a channel with follower totals', () => {
  it('is noted at the first row after it, with the total counts are carried from (the count after it is n/a)', () => {
    const r = root('2026-06-23', '2026-07-01', ['2026-02-01']);
    expect(r.problems).toEqual([]);
    expect(countIn(r, '2026-Q3')).toBeNull();
    // The quarter they fall in counts them as none, flagged (red-team 20 #5: the note says so).
    expect(countIn(r, '2026-Q2')).not.toBeNull();
    expect(gapNotes(r.notes)).toEqual([
      expect.stringMatching(
        /^data\/fb\/b\.json:\d+:\d+: note: no export gives fb's follows from 2026-06-24 to 2026-06-30: follower counts of the quarters after them, carried across them from the total of 2026-02-01, are n\/a, while the count of the quarter they fall in takes them as none, flagged \(the follows over those days are unknown, not none\); add the export that covers them, or give a followers total on a day after them/,
      ),
    ]);
  });

  it('names the total after it, from which counts are known again', () => {
    const r = root('2026-06-23', '2026-07-01', ['2026-02-01', '2026-07-05']);
    expect(countIn(r, '2026-Q3')).not.toBeNull();
    expect(gapNotes(r.notes)).toEqual([
      expect.stringContaining('carried across them from the total of 2026-02-01, are n/a until the total of 2026-07-05'),
    ]);
  });

  it('says which counts are lost where the only total comes after it (counts taken back from it)', () => {
    const r = root('2026-03-20', '2026-04-01', ['2026-08-01']);
    const at = (d: string) => r.engine!.index.followersAtEnd('fb', day('2026-01-01'), day(d))?.value ?? null;
    expect(at('2026-03-15')).toBeNull();
    expect(at('2026-03-31')).toBe(10000 - 4 * 123);
    expect(gapNotes(r.notes)).toEqual([
      expect.stringContaining(
        'from 2026-03-21 to 2026-03-31: follower counts before them, taken back from the total of 2026-08-01, are n/a',
      ),
    ]);
  });

  it('is not noted for a lag of under a week (carried as none), nor without any total (no count to carry)', () => {
    const lag = root('2026-06-25', '2026-07-01', ['2026-02-01']);
    expect(countIn(lag, '2026-Q3')).not.toBeNull();
    expect(gapNotes(lag.notes)).toEqual([]);
    expect(gapNotes(root('2026-06-23', '2026-07-01', []).notes)).toEqual([]);
  });
});
