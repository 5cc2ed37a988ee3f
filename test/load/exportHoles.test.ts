/**
 * A week missing inside a daily export (red-team 6 #15: TikTok's quarterly download lacking 1 to 7
 * August) is a validate note at the row after the hole, with what to do about it. A per-post
 * export (rows on publish days) and a file missing a single day say nothing.
 */
import { describe, expect, it } from 'vitest';
import { outcomeOf, SITE } from './helpers.ts';

/** Every day from `first` to `last`, as YYYY-MM-DD. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

/** A quarterly daily export (TikTok's in the red team's root; a channel of the test site here), one row a line, without the days `missing` keeps out. */
const tiktok = (missing: (d: string) => boolean) =>
  JSON.stringify({
    channel: 'instagram',
    rows: days('2026-07-01', '2026-09-30')
      .filter((d) => !missing(d))
      .map((date) => ({ date, impressions: 10000 + 10 * weekday(date), engagements: 500 })),
  }).replace(/\},\{/g, '},\n{');

describe('a run of days without a row inside a daily export', () => {
  it('is a note at the row after it, with a hint', () => {
    const out = outcomeOf({
      site: SITE,
      data: { 'data/tiktok-2026-q3.json': tiktok((d) => d >= '2026-08-01' && d <= '2026-08-07') },
    });
    expect(out.problems).toEqual([]);
    // The row after the hole is rows[31] (the 31 rows of July come before it), on line 32 of the file.
    expect(out.notes).toEqual([
      'data/tiktok-2026-q3.json:32:9: note: rows[31].date: 2026-08-08 comes after 7 days without a row for instagram ' +
        '(2026-08-01 to 2026-08-07) in an export with a row on almost every other day: the export may have missed them ' +
        '(if those days had no activity, add rows of 0; if the export missed them, export them again)',
    ]);
  });

  it('says nothing once another file gives the missing days (the week exported again: red-team 7 #15)', () => {
    const inHole = (d: string) => d >= '2026-08-01' && d <= '2026-08-07';
    const week = JSON.stringify({
      channel: 'instagram',
      rows: days('2026-08-01', '2026-08-07').map((date) => ({ date, impressions: 10000, engagements: 500 })),
    });
    const filled = outcomeOf({ site: SITE, data: { 'data/q3.json': tiktok(inHole), 'data/q3-week.json': week } });
    expect(filled).toEqual({ problems: [], notes: [] });
    // Part of the week only: still a note.
    const part = JSON.stringify({ channel: 'instagram', rows: [{ date: '2026-08-01', impressions: 10000 }] });
    const partly = outcomeOf({ site: SITE, data: { 'data/q3.json': tiktok(inHole), 'data/q3-day.json': part } });
    expect(partly.notes).toHaveLength(1);
  });

  it('says nothing for six days, a single missing day, or a per-post export with a holiday', () => {
    for (const missing of [
      (d: string) => d >= '2026-08-01' && d <= '2026-08-06',
      (d: string) => d === '2026-08-15',
      (d: string) => weekday(d) === 0 || weekday(d) === 6 || (d >= '2026-08-03' && d <= '2026-08-16'),
    ]) {
      const out = outcomeOf({ site: SITE, data: { 'data/posts.json': tiktok(missing) } });
      expect(out.problems).toEqual([]);
      expect(out.notes).toEqual([]);
    }
  });
});
