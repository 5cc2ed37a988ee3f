/**
 * Days no export of a channel covers between two of its exports (red-team 12 #14, root c2: a file to
 * 19 October 2025, the next from 1 December) are noted by `validate` as a hole inside one export is.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { day } from '../coreFixtures.ts';
import { outcomeOf } from './helpers.ts';

const file = (from: string, to: string, extra: Record<string, unknown> = {}) => {
  const rows = [];
  for (let d = day(from); d <= day(to); d++) rows.push({ date: formatDay(d), impressions: 1000 });
  return JSON.stringify({ channel: 'instagram', ...extra, rows });
};
const gapNotes = (data: Record<string, string>) => outcomeOf({ data }).notes.filter((n) => n.includes('no export covers'));

describe('a gap between two exports of a channel', () => {
  it('is noted at the first row of the export after it', () => {
    const notes = gapNotes({ 'data/a.json': file('2025-07-01', '2025-10-19'), 'data/b.json': file('2025-12-01', '2026-03-31') });
    expect(notes).toEqual([
      expect.stringMatching(
        /^data\/b\.json:\d+:\d+: note: rows\[0\]: this export of instagram starts on 2025-12-01, 42 days after the data of instagram before it end \(2025-10-19, data\/a\.json\): no export covers 2025-10-20 to 2025-11-30/,
      ),
    ]);
  });

  it('is not noted for exports that meet or overlap, a few days apart, a third export that fills it, or a through day that reaches it', () => {
    expect(
      gapNotes({ 'data/a.json': file('2025-07-01', '2025-10-19'), 'data/b.json': file('2025-10-20', '2026-03-31') }),
    ).toEqual([]);
    expect(
      gapNotes({ 'data/a.json': file('2025-07-01', '2025-10-19'), 'data/b.json': file('2025-10-25', '2026-03-31') }),
    ).toEqual([]);
    expect(
      gapNotes({
        'data/a.json': file('2025-07-01', '2025-10-19'),
        'data/b.json': file('2025-12-01', '2026-03-31'),
        'data/c.json': file('2025-10-15', '2025-12-05'),
      }),
    ).toEqual([]);
    expect(
      gapNotes({
        'data/a.json': file('2025-07-01', '2025-10-19', { through: '2025-11-30' }),
        'data/b.json': file('2025-12-01', '2026-03-31'),
      }),
    ).toEqual([]);
  });

  it('is not noted for a channel paused for a quarter (left out of it, not flagged) nor before a per-post export’s first post in its month (red-team 13 #1, #3)', () => {
    expect(
      gapNotes({ 'data/a.json': file('2026-01-01', '2026-03-31'), 'data/b.json': file('2026-07-01', '2026-09-30') }),
    ).toEqual([]);
    const posts = (from: string, through: string) => {
      const rows = [];
      for (let d = day(from); d <= day(through); d += 4) rows.push({ date: formatDay(d), impressions: 1000 });
      return JSON.stringify({ channel: 'instagram', through, rows });
    };
    expect(
      gapNotes({ 'data/jul.json': posts('2026-07-01', '2026-07-31'), 'data/aug.json': posts('2026-08-13', '2026-08-31') }),
    ).toEqual([]);
  });
});

describe('an export that resumes inside a later quarter than its channel stopped in (red-team 18 #7)', () => {
  const posts = (days: readonly string[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ channel: 'instagram', ...extra, rows: days.map((date) => ({ date, impressions: 1000, posts: 1 })) });
  const q2Posts = ['2026-04-03', '2026-04-15', '2026-04-28', '2026-05-12', '2026-05-26', '2026-06-10', '2026-06-24'];
  const q3Posts = [
    '2026-08-05',
    '2026-08-12',
    '2026-08-19',
    '2026-08-26',
    '2026-09-02',
    '2026-09-10',
    '2026-09-17',
    '2026-09-24',
  ];

  it('notes a per-post download whose first post is in its second month: read from that month, July is flagged', () => {
    expect(gapNotes({ 'data/q2.json': posts(q2Posts), 'data/q3.json': posts(q3Posts) })).toEqual([
      expect.stringMatching(
        /^data\/q3\.json:\d+:\d+: note: rows\[0\]: this export of instagram starts on 2026-08-01 \(the first day of its first row's month, as it gives no "from"\), after the data of instagram before it end \(2026-06-24, data\/q2\.json\): no export covers 2026-07-01 to 2026-07-31, so figures over those days are flagged .*give it a "from" day\)$/,
      ),
    ]);
    // With its `from`, the download covers July (no posts then): nothing flagged, nothing noted.
    expect(gapNotes({ 'data/q2.json': posts(q2Posts), 'data/q3.json': posts(q3Posts, { from: '2026-07-01' }) })).toEqual([]);
  });

  it('notes the days of its quarter before a daily export that resumes after a pause', () => {
    expect(
      gapNotes({ 'data/a.json': file('2025-01-01', '2025-07-31'), 'data/b.json': file('2026-02-01', '2026-06-30') }),
    ).toEqual([
      expect.stringContaining(
        'this export of instagram starts on 2026-02-01, after the data of instagram before it end (2025-07-31, data/a.json): no export covers 2026-01-01 to 2026-01-31',
      ),
    ]);
  });

  it('is not noted when it resumes in its quarter’s first week, nor for an ads export (a campaign starting: nothing flagged)', () => {
    expect(
      gapNotes({ 'data/a.json': file('2026-01-01', '2026-06-24'), 'data/b.json': file('2026-07-05', '2026-09-30') }),
    ).toEqual([]);
    const ads = (from: string, to: string) => {
      const rows = [];
      for (let d = day(from); d <= day(to); d++) rows.push({ date: formatDay(d), spend: 20, clicks: 10 });
      return JSON.stringify({ channel: 'instagram', rows });
    };
    expect(
      gapNotes({
        'data/ads-2025.json': ads('2025-01-01', '2025-07-31'),
        'data/ads-2026.json': ads('2026-02-10', '2026-06-30'),
      }),
    ).toEqual([]);
  });
});
