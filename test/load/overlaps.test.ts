/**
 * A total given for a month (or a quarter) and again by finer rows inside it, with sums that
 * disagree, is two exports of one thing: the month row wins for the whole month and the day
 * rows only for parts of it, so figures would silently differ by view. validate notes it.
 */
import { describe, expect, it } from 'vitest';
import { outcomeOf, SITE } from './helpers.ts';

const days = (n: number, values: Record<string, number>) =>
  Array.from({ length: n }, (_, i) => ({ date: `2026-07-${String(i + 1).padStart(2, '0')}`, ...values }));
const file = (rows: unknown[]) => JSON.stringify({ channel: 'instagram', rows }, null, 1);

describe('coarse and fine rows of one total', () => {
  it('notes a month total that disagrees with the day rows inside it, at the month value', () => {
    const out = outcomeOf({
      site: SITE,
      data: {
        'data/days.json': file(days(31, { impressions: 1000, reach: 10 })),
        'data/month.json': file([{ month: '2026-07', impressions: 30000, reach: 200 }]),
      },
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      "data/month.json:6:19: note: instagram 'impressions' for 2026-07 is 30000 here and 31000 in the 31 day rows inside it " +
        '(data/days.json): the month row counts for the whole month and the day rows for parts of it, ' +
        'so figures differ by view; keep one of them',
    ]);
  });

  it('notes a quarter total against month rows; says nothing when the totals agree or for unique metrics', () => {
    const out = outcomeOf({
      site: SITE,
      data: {
        'data/m.json': file([
          { month: '2026-07', clicks: 10, reach: 5 },
          { month: '2026-08', clicks: 20 },
        ]),
        'data/q.json': file([{ quarter: '2026-Q3', clicks: 31, reach: 7 }]),
        'data/days.json': file(days(2, { likes: 3 })),
        'data/july.json': file([{ month: '2026-07', likes: 6 }]),
      },
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      "data/q.json:6:14: note: instagram 'clicks' for 2026-Q3 is 31 here and 30 in the 2 month rows inside it " +
        '(data/m.json): the quarter row counts for the whole quarter and the month rows for parts of it, ' +
        'so figures differ by view; keep one of them',
    ]);
  });

  it('checks only the channel and metric a coarse row gives: other channels and metrics are left alone', () => {
    const other = (rows: unknown[]) => JSON.stringify({ channel: 'linkedin', rows }, null, 1);
    const out = outcomeOf({
      site: SITE,
      data: {
        'data/days.json': file(days(31, { impressions: 1000, clicks: 5 })),
        'data/linkedin.json': other(days(31, { impressions: 7 })),
        'data/month.json': file([{ month: '2026-07', clicks: 100 }]),
      },
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      "data/month.json:6:14: note: instagram 'clicks' for 2026-07 is 100 here and 155 in the 31 day rows inside it " +
        '(data/days.json): the month row counts for the whole month and the day rows for parts of it, ' +
        'so figures differ by view; keep one of them',
    ]);
  });
});

describe('a unique metric (reach) below the same metric over a part of its period (red-team 15 #12)', () => {
  it('notes a quarter reach below a month reach inside it, and a month reach below a day inside it, at the coarse value', () => {
    const out = outcomeOf({
      site: SITE,
      data: {
        'data/q.json': file([{ quarter: '2026-Q3', reach: 10 }]),
        'data/m.json': file([
          { month: '2026-07', reach: 6 },
          { month: '2026-08', reach: 20 },
        ]),
        'data/days.json': file(days(2, { reach: 8 })),
      },
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      "data/m.json:6:13: note: instagram 'reach' for 2026-07 is 6 here, below 8 for 2026-07-01 inside it (data/days.json): " +
        'the people reached over a period include those reached over any part of it; check the figures (a typo, or columns swapped)',
      "data/q.json:6:13: note: instagram 'reach' for 2026-Q3 is 10 here, below 20 for 2026-08 inside it (data/m.json): " +
        'the people reached over a period include those reached over any part of it; check the figures (a typo, or columns swapped)',
    ]);
  });

  it('says nothing when each reach is at least that of every part of its period, or on another channel', () => {
    const other = (rows: unknown[]) => JSON.stringify({ channel: 'linkedin', rows }, null, 1);
    const out = outcomeOf({
      site: SITE,
      data: {
        'data/q.json': file([{ quarter: '2026-Q3', reach: 20 }]),
        'data/m.json': file([{ month: '2026-07', reach: 20 }]),
        'data/days.json': file(days(2, { reach: 8 })),
        'data/li.json': other([{ month: '2026-07', reach: 500 }]),
      },
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([]);
  });
});
