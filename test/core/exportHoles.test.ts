/**
 * A run of days with no row inside an export whose rows are otherwise daily (red-team 6 #15):
 * LinkedIn's Campaign Manager clicks in one long file that lacks 11 to 30 June, beside page
 * analytics impressions every day. Those days are not covered by the clicks export (its span is
 * split at the hole), so Q2's CTR is flagged and a Q3 goal's implicit baseline is taken to 10 June,
 * as for a clicks export that ends early. A per-post export (rows on publish days) and an export
 * missing a single day keep working as before.
 */
import { describe, expect, it } from 'vitest';
import { type SmartEvaluation, evaluateGoal } from '../../src/core/evaluate.ts';
import { measureTarget } from '../../src/core/targets.ts';
import { DAILY_MIN_SHARE, exportHoles, HOLE_MIN_DAYS, splitAtHoles } from '../../src/core/exportHoles.ts';
import { windowFor } from '../../src/core/kpis.ts';
import { day, engineOf, expectClose, period, rows, smartGoal } from '../coreFixtures.ts';

/** Every day from `first` to `last`, as YYYY-MM-DD. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
const dom = (d: string) => Number(d.slice(8));
const impressions = (d: string) => 5000 + 100 * (dom(d) % 3);
const clicks = (d: string) => 150 + (dom(d) % 4);
const sum = (list: readonly string[], f: (d: string) => number) => list.reduce((a, d) => a + f(d), 0);

const HOLE = { from: '2026-06-11', to: '2026-06-30' };
const page = rows(
  'linkedin',
  days('2026-01-01', '2026-08-31').map((d) => [d, { impressions: impressions(d) }] as const),
  'data/linkedin/page.json',
);
/** Campaign Manager clicks, one file from January to August, without the days `missing` keeps out. */
const campaigns = (missing: (d: string) => boolean) =>
  rows(
    'linkedin',
    days('2026-01-01', '2026-08-31')
      .filter((d) => !missing(d))
      .map((d) => [d, { clicks: clicks(d) }] as const),
    'data/linkedin/campaigns.json',
  );
const inHole = (d: string) => d >= HOLE.from && d <= HOLE.to;
const Q2 = period('2026-Q2');
const Q3 = period('2026-Q3');
const ctrGoal = smartGoal('ctr', { kind: 'percent', ratio: 0.1 }, { channel: 'linkedin', period: Q3 });

describe('exportHoles', () => {
  const list = (texts: readonly string[]) => texts.map(day);
  it('finds a run of HOLE_MIN_DAYS days or more without a row in a daily export', () => {
    const dates = list(days('2026-07-01', '2026-08-31').filter((d) => d < '2026-08-01' || d > '2026-08-07'));
    expect(HOLE_MIN_DAYS).toBe(7);
    expect(exportHoles(dates)).toEqual([{ from: day('2026-08-01'), to: day('2026-08-07'), after: 31 }]);
    expect(splitAtHoles([dates[0]!, dates.at(-1)!], exportHoles(dates))).toEqual([
      [day('2026-07-01'), day('2026-07-31')],
      [day('2026-08-08'), day('2026-08-31')],
    ]);
  });

  it('finds a three-week hole in two months of daily rows (under half of the span)', () => {
    const dates = list(days('2026-07-01', '2026-08-31').filter((d) => d < '2026-07-20' || d > '2026-08-09'));
    expect(exportHoles(dates)).toEqual([{ from: day('2026-07-20'), to: day('2026-08-09'), after: 19 }]);
  });

  it('finds none in a shorter gap, a single missing day or a per-post export', () => {
    expect(exportHoles(list(days('2026-07-01', '2026-08-31').filter((d) => d < '2026-08-01' || d > '2026-08-06')))).toEqual([]);
    expect(exportHoles(list(days('2026-07-01', '2026-08-31').filter((d) => d !== '2026-07-14')))).toEqual([]);
    // Posts on weekdays, and a two-week holiday: rows on about 71% of the other days.
    const weekdays = days('2026-07-01', '2026-09-30').filter((d) => {
      const w = new Date(`${d}T00:00:00Z`).getUTCDay();
      return w !== 0 && w !== 6 && (d < '2026-08-03' || d > '2026-08-16');
    });
    expect(weekdays.length).toBeLessThan(DAILY_MIN_SHARE * (92 - 14));
    expect(exportHoles(list(weekdays))).toEqual([]);
    // A per-post export, as `import` writes it: posts on the 5th and 20th of each month, or once a week
    // (every run without a row is then a "hole", and the rows fill every other day: red-team 7 #1).
    const fortnightly = days('2026-01-01', '2026-08-10').filter((d) => dom(d) === 5 || dom(d) === 20);
    expect(exportHoles(list(fortnightly))).toEqual([]);
    const weekly = days('2026-01-01', '2026-08-10').filter((_, i) => i % 8 === 0);
    expect(exportHoles(list(weekly))).toEqual([]);
    // Follower snapshots, one a quarter, or a few rows weeks apart: not a daily export.
    expect(exportHoles(list(['2026-03-31', '2026-06-30', '2026-09-30']))).toEqual([]);
    expect(exportHoles(list([...days('2026-04-01', '2026-04-05'), '2026-05-20']))).toEqual([]);
  });
});

describe('a hole inside a daily export', () => {
  const engine = engineOf([...page, ...campaigns(inHole)]);

  it('is days the export does not cover: the quarter’s CTR says its clicks reach only 10 June', () => {
    expect(engine.index.coverageEnd('linkedin', 'clicks', Q2.start, Q2.end)).toBe(day('2026-06-10'));
    expect(engine.index.coverageEnd('linkedin', 'clicks', Q3.start, Q3.end)).toBe(day('2026-08-31'));
    const q2 = windowFor(engine, ['linkedin'], Q2.start, Q2.end).value(engine.kpis.get('ctr')!);
    expect(q2.inputsEnd).toEqual({ linkedin: { clicks: day('2026-06-10'), impressions: day('2026-06-30') } });
  });

  it('gives the next quarter’s implicit baseline over the days both inputs cover (baselineTo)', () => {
    const m = measureTarget(engine, ctrGoal, Q3);
    expect(m.baselineTo).toBe(day('2026-06-10'));
    const shared = days('2026-04-01', '2026-06-10');
    expectClose(m.baseline, sum(shared, clicks) / sum(shared, impressions));
  });

  it('cuts a goal in the quarter of the hole to its first day, as an export that ends there', () => {
    const e = evaluateGoal(
      engine,
      { ...ctrGoal, period: Q2, target: { kind: 'absolute', value: 0.04 } },
      day('2026-06-30'),
    ) as SmartEvaluation;
    expect(e.dataTo).toBe(day('2026-06-10'));
    expect(e.incomplete).toEqual(['linkedin']);
  });

  it('changes nothing for an export missing a single day (a day without activity)', () => {
    const one = engineOf([...page, ...campaigns((d) => d === '2026-06-20')]);
    expect(one.index.coverageEnd('linkedin', 'clicks', Q2.start, Q2.end)).toBe(Q2.end);
    expect(measureTarget(one, ctrGoal, Q3).baselineTo).toBeNull();
  });

  it('changes nothing for a per-post export with a holiday', () => {
    const posts = rows(
      'linkedin',
      days('2026-04-01', '2026-08-31')
        .filter((d) => {
          const w = new Date(`${d}T00:00:00Z`).getUTCDay();
          return w !== 0 && w !== 6 && !inHole(d);
        })
        .map((d) => [d, { clicks: clicks(d) }] as const),
      'data/linkedin/posts.json',
    );
    const e = engineOf([...page, ...posts]);
    expect(e.index.coverageEnd('linkedin', 'clicks', Q2.start, Q2.end)).toBe(Q2.end);
    expect(measureTarget(e, ctrGoal, Q3).baselineTo).toBeNull();
  });
});
