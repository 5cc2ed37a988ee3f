/**
 * Follower KPIs built from net follows, on real-shaped data (red-team 6 #10): Instagram's content
 * export (impressions every day) and its follows export (new and lost followers every day, one
 * follower total at the start), each downloaded per quarter into its own file. The 2026-Q2 follows
 * file was downloaded on 10 June while the content export goes on to 30 June: the follows are an
 * input that ends early, treated as clicks are (`inputsEnd.test.ts`, `goalInputsEnd.test.ts`,
 * `baselineTo.test.ts`): `dataTo` / `inputsEnd` on the quarter's goals, `baselineTo` on a level
 * goal's implicit baseline and `referenceTo` on a relative target's total in the next quarter.
 */
import { describe, expect, it } from 'vitest';
import { dataEnds } from '../../src/core/coverage.ts';
import { evaluateGoal, type SmartEvaluation } from '../../src/core/evaluate.ts';
import { measureTarget } from '../../src/core/targets.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { summedInputs } from '../../src/core/kpis.ts';
import type { MetricRow } from '../../src/core/metricIndex.ts';
import { day, engineOf, expectClose, period, rows, smartGoal, type Values } from '../coreFixtures.ts';

/** Every day from `first` to `last`, as YYYY-MM-DD. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
const dom = (d: string) => Number(d.slice(8));
const gained = (d: string) => 55 + (dom(d) % 7);
const lost = (d: string) => 8 + (dom(d) % 3);
const net = (first: string, last: string) => days(first, last).reduce((s, d) => s + gained(d) - lost(d), 0);

const QUARTERS: ReadonlyArray<readonly [string, string, string]> = [
  ['2026-q1', '2026-01-01', '2026-03-31'],
  ['2026-q2', '2026-04-01', '2026-06-30'],
  ['2026-q3', '2026-07-01', '2026-09-30'],
];
const FOLLOWS_Q2_END = '2026-06-10';
const TOTAL = 50_000;

/** Instagram as its exports give it: content and follows files per quarter, one follower total. */
function instagram(followsQ2End = FOLLOWS_Q2_END, channel = 'instagram'): MetricRow[] {
  const out: MetricRow[] = [];
  for (const [name, first, last] of QUARTERS) {
    out.push(
      ...rows(
        channel,
        days(first, last).map((d) => [d, { impressions: 9000 + 100 * (dom(d) % 5) }] as const),
        `data/${channel}/content-${name}.json`,
      ),
    );
    const followsLast = name === '2026-q2' ? followsQ2End : last;
    out.push(
      ...rows(
        channel,
        days(first, followsLast).map((d): readonly [string, Values] => [
          d,
          d === '2026-01-01'
            ? { followers: TOTAL, new_followers: gained(d), lost_followers: lost(d) }
            : { new_followers: gained(d), lost_followers: lost(d) },
        ]),
        `data/${channel}/follows-${name}.json`,
      ),
    );
  }
  return out;
}

const engine = engineOf(instagram(), { cache: true });
const Q2 = period('2026-Q2');
const Q3 = period('2026-Q3');
const goal = (kpi: string, extra: Partial<SmartGoal> = {}) =>
  smartGoal(kpi, { kind: 'percent', ratio: 0.1 }, { channel: 'instagram', period: Q3, ...extra });
/** Followers at the end of a day: the total given on 1 January, plus the net follows since. */
const followersAt = (d: string) => TOTAL + net('2026-01-02', d);

describe('a follows export that ends before the channel’s other data', () => {
  it('counts among the summed inputs of every follower KPI', () => {
    for (const id of ['follower_growth', 'audience_growth_rate', 'follower_count']) {
      expect(summedInputs(engine, engine.kpis.get(id)!)).toEqual(['new_followers', 'lost_followers']);
    }
  });

  it('cuts a goal on follower growth in its quarter to the day the follows stop, as clicks ending early do', () => {
    const e = evaluateGoal(engine, goal('follower_growth', { period: Q2 }), day('2026-06-30')) as SmartEvaluation;
    expect(e.dataTo).toBe(day(FOLLOWS_Q2_END));
    expect(e.incomplete).toEqual(['instagram']);
    expect(e.inputsEnd).toEqual({ instagram: { new_followers: day(FOLLOWS_Q2_END), lost_followers: day(FOLLOWS_Q2_END) } });
    expectClose(e.actual, net('2026-04-01', FOLLOWS_Q2_END));
    // As of 10 June, not 30 June: the 20 days without follows are unknown, not days without a follow.
    expectClose(e.elapsed, 71 / 91);
    const ends = dataEnds(engine, ['instagram'], Q2, Q2.end, engine.kpis.get('audience_growth_rate'));
    expect(ends.incomplete).toEqual(['instagram']);
    expect(ends.dataTo).toBe(day(FOLLOWS_Q2_END));
  });

  it('flags the next quarter’s reference total with referenceTo (follower growth, relative target)', () => {
    const m = measureTarget(engine, goal('follower_growth'), Q3);
    expect(m.mode).toBe('cumulative');
    expect(m.referenceTo).toBe(day(FOLLOWS_Q2_END));
    expectClose(m.previous, net('2026-04-01', FOLLOWS_Q2_END));
  });

  it('takes the implicit baselines of audience growth rate and follower count to that day (baselineTo)', () => {
    const agr = measureTarget(engine, goal('audience_growth_rate'), Q3);
    expect(agr.baselineTo).toBe(day(FOLLOWS_Q2_END));
    const start = followersAt('2026-03-31');
    expectClose(agr.baseline, net('2026-04-01', FOLLOWS_Q2_END) / start);
    const count = measureTarget(engine, goal('follower_count'), Q3);
    expect(count.baselineTo).toBe(day(FOLLOWS_Q2_END));
    expectClose(count.baseline, followersAt(FOLLOWS_Q2_END));
  });

  it('changes nothing when the follows export reaches as far as the content export', () => {
    const whole = engineOf(instagram('2026-06-30'));
    const m = measureTarget(whole, goal('follower_growth'), Q3);
    expect(m.referenceTo).toBeNull();
    expectClose(m.previous, net('2026-04-01', '2026-06-30'));
    expect(measureTarget(whole, goal('audience_growth_rate'), Q3).baselineTo).toBeNull();
    const e = evaluateGoal(whole, goal('follower_growth', { period: Q2 }), day('2026-06-30')) as SmartEvaluation;
    expect(e.dataTo).toBeNull();
    expect(e.inputsEnd).toBeNull();
  });

  it('changes nothing on a channel that gives follower totals only (no follows export)', () => {
    const totals = rows(
      'linkedin',
      days('2026-01-01', '2026-06-30').map((d) => [d, { impressions: 4000, followers: 10_000 + dom(d) }] as const),
    );
    const e = engineOf([...instagram(), ...totals]);
    const m = measureTarget(e, goal('follower_count', { channel: 'linkedin' }), Q3);
    expect(m.baselineTo).toBeNull();
    expectClose(m.baseline, 10_030);
  });

  it('changes nothing when a follower total given on the last day makes the follows unneeded', () => {
    // The content export also gives the day's follower total: follower figures are read from it.
    const withTotals = instagram().map((row) =>
      row.origin.file.includes('/content-') && row.period.label !== '2026-01-01'
        ? { ...row, values: { ...row.values, followers: followersAt(row.period.label) } }
        : row,
    );
    const e = engineOf(withTotals);
    const m = measureTarget(e, goal('follower_count'), Q3);
    expect(m.baselineTo).toBeNull();
    expectClose(m.baseline, followersAt('2026-06-30'));
    expect(measureTarget(e, goal('follower_growth'), Q3).referenceTo).toBeNull();
  });
});
