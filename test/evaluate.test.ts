/**
 * Goal evaluation by SPEC "Goal evaluation", on hand-computed expectations: statuses,
 * cumulative and level goals, budget caps, milestones, elapsed time, projections, OKR
 * scores and bands, and the report of a quarter (SPEC "CLI": `report --json`).
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../src/core/dates.ts';
import {
  evaluateGoal,
  evaluateKeyResult,
  evaluateMeasure,
  type OkrEvaluation,
  type SmartEvaluation,
  weightedScore,
} from '../src/core/evaluate.ts';
import type { Goal, KeyResult, Measure, OkrGoal, SmartGoal, TargetSpec } from '../src/core/goals.ts';
import type { KpiEngine } from '../src/core/kpis.ts';
import { elapsedShare, expectedProgress } from '../src/core/pace.ts';
import { rangePeriod } from '../src/core/periods.ts';
import { createEngine, type Project } from '../src/core/project.ts';
import { leastSquaresAt } from '../src/core/projection.ts';
import { buildReport, type OkrGoalJson, type SmartGoalJson } from '../src/core/report.ts';
import { capStatus, goalStatus, okrBand } from '../src/core/status.ts';
import { day, engineOf, expectClose, indexOf, period, rows } from './coreFixtures.ts';

const Q2 = period('2026-Q2'); // 2026-04-01 .. 2026-06-30: 91 days
const DAYS = 91;
/** The usual as-of date: 2026-04-01 .. 2026-05-16 inclusive is 30 + 16 = 46 days. */
const AS_OF = day('2026-05-16');
const ELAPSED = 46 / DAYS;
const AFTER = day('2026-07-10');
const BEFORE = day('2026-03-20');

/**
 * Instagram. Q1: 500 leads, bounce rate 500/1000, 12000 followers at its end.
 * Q2 up to 2026-05-16: leads 100 + 150 + 200 = 450; spend 200 + 150 = 350;
 * followers 12100 → 12400 → 12550, on a line of +10 a day from 2026-04-01;
 * bounces/sessions (200 + 250) / (400 + 600) = 0.45.
 * Q2 in all: leads 700, spend 750, followers 13000 at its end (2026-06-28).
 * 2026-07-10 (Q3) must never count for Q2 goals.
 */
const instagram = rows('instagram', [
  ['2026-02-10', { leads: 500, sessions: 1000, bounces: 500 }],
  ['2026-03-31', { followers: 12000 }],
  ['2026-04-01', { leads: 100, followers: 12100, spend: 200 }],
  ['2026-04-10', { sessions: 400, bounces: 200 }],
  ['2026-04-15', { leads: 150 }],
  ['2026-05-01', { followers: 12400, spend: 150 }],
  ['2026-05-10', { leads: 200, sessions: 600, bounces: 250 }],
  ['2026-05-16', { followers: 12550 }],
  ['2026-06-20', { leads: 250, spend: 400 }],
  ['2026-06-28', { followers: 13000 }],
  ['2026-07-10', { leads: 999, spend: 999, followers: 13100 }],
]);

/** LinkedIn: impressions and engagements a year before and in Q2, reach by month. */
const linkedin = rows('linkedin', [
  ['2025-05-01', { impressions: 2000, engagements: 100 }],
  ['2026-04-05', { impressions: 1000, engagements: 50 }],
  ['2026-06-20', { impressions: 3000, engagements: 90 }],
  ['2026-04', { reach: 5000 }],
  ['2026-05', { reach: 6000 }],
]);

const engine: KpiEngine = engineOf([...instagram, ...linkedin]);

const abs = (value: number): TargetSpec => ({ kind: 'absolute', value });
const pct = (ratio: number): TargetSpec => ({ kind: 'percent', ratio });
const delta = (amount: number): TargetSpec => ({ kind: 'delta', amount });

const GOAL_BASE = { description: null, category: null, objective: null, owner: null, file: 'goals/test.yaml' } as const;

function smart(id: string, kpi: string, target: TargetSpec, extra: Partial<Omit<SmartGoal, 'type'>> = {}): SmartGoal {
  return {
    ...GOAL_BASE,
    id,
    title: `Goal ${id}`,
    type: 'smart',
    period: Q2,
    kpi,
    channel: 'instagram',
    baseline: null,
    target,
    milestones: [],
    ...extra,
  };
}

function okr(id: string, keyResults: KeyResult[], extra: Partial<Omit<OkrGoal, 'type'>> = {}): OkrGoal {
  return { ...GOAL_BASE, id, title: `OKR ${id}`, type: 'okr', period: Q2, stretch: false, keyResults, ...extra };
}

const measured = (id: string, measure: Partial<Measure> & { kpi: string; target: TargetSpec }, weight = 1): KeyResult => ({
  id,
  title: null,
  weight,
  manual: null,
  measure: { channel: 'instagram', baseline: null, milestones: [], ...measure },
});
const manual = (id: string, current: number, target: number, weight = 1): KeyResult => ({
  id,
  title: `Manual ${id}`,
  weight,
  measure: null,
  manual: { current, target },
});

function evalSmart(goal: SmartGoal, asOf = AS_OF, e = engine): SmartEvaluation {
  const result = evaluateGoal(e, goal, asOf);
  if (result.type !== 'smart') throw new Error('expected a SMART evaluation');
  return result;
}

function evalOkr(goal: OkrGoal, asOf = AS_OF): OkrEvaluation {
  const result = evaluateGoal(engine, goal, asOf);
  if (result.type !== 'okr') throw new Error('expected an OKR evaluation');
  return result;
}

describe('elapsed and expected pace', () => {
  const start = day('2026-04-01');
  const deadline = day('2026-06-30');

  it('counts days from the start through the as-of date inclusive, over the days of the period', () => {
    expect(elapsedShare(start, deadline, start)).toBe(1 / 91);
    expect(elapsedShare(start, deadline, AS_OF)).toBe(46 / 91);
    expect(elapsedShare(start, deadline, deadline - 1)).toBe(90 / 91);
  });

  it('is 0 before the start and 1 from the deadline on', () => {
    expect(elapsedShare(start, deadline, start - 1)).toBe(0);
    expect(elapsedShare(start, deadline, deadline)).toBe(1);
    expect(elapsedShare(start, deadline, AFTER)).toBe(1);
  });

  it('reports elapsed on a goal, also for a date range', () => {
    expect(evalSmart(smart('g', 'leads', abs(900))).elapsed).toBe(46 / 91);
    const range = smart('r', 'leads', abs(900), { period: rangePeriod(day('2026-05-01'), day('2026-05-10')) });
    expect(evalSmart(range, day('2026-05-05')).elapsed).toBe(5 / 10);
    expect(evalSmart(range, day('2026-05-05')).expected).toBe(5 / 10);
  });

  it('expects elapsed without milestones', () => {
    for (const asOf of [start, AS_OF, deadline - 1])
      expect(expectedProgress(start, deadline, asOf)).toBe(elapsedShare(start, deadline, asOf));
  });

  it('follows the line start → milestones → deadline where milestones are given', () => {
    const m = [{ date: day('2026-04-30'), progress: 0.6 }];
    expectClose(expectedProgress(start, deadline, day('2026-04-15'), m), 0.6 * (15 / 30));
    expect(expectedProgress(start, deadline, day('2026-04-30'), m)).toBe(0.6);
    expectClose(expectedProgress(start, deadline, AS_OF, m), 0.6 + 0.4 * (16 / 61));
    expect(expectedProgress(start, deadline, deadline, m)).toBe(1);
  });

  it('ignores milestones outside the period and sorts the others', () => {
    const m = [
      { date: day('2026-05-31'), progress: 0.8 },
      { date: day('2026-04-30'), progress: 0.2 },
      { date: day('2026-07-15'), progress: 5 },
    ];
    expectClose(expectedProgress(start, deadline, AS_OF, m), 0.2 + 0.6 * (16 / 31));
  });

  it('stays finite with a huge milestone progress', () => {
    const m = [{ date: day('2026-05-31'), progress: 1.7e308 }];
    expectClose(expectedProgress(start, deadline, AS_OF, m), 1.7e308 * (46 / 61));
  });
});

describe('status rules', () => {
  it('compares progress with 0.9 and 0.7 times the expected pace', () => {
    const running = { started: true, ended: false, expected: 0.5 };
    expect(goalStatus({ ...running, progress: 1 })).toBe('achieved');
    expect(goalStatus({ ...running, progress: 0.45 })).toBe('on_track');
    expect(goalStatus({ ...running, progress: 0.4499 })).toBe('at_risk');
    expect(goalStatus({ ...running, progress: 0.35 })).toBe('at_risk');
    expect(goalStatus({ ...running, progress: 0.3499 })).toBe('off_track');
    expect(goalStatus({ ...running, progress: -0.2 })).toBe('off_track');
  });

  it('is achieved or missed from the deadline on, not_started before the start, no_data without progress', () => {
    expect(goalStatus({ started: true, ended: true, expected: 1, progress: 1 })).toBe('achieved');
    expect(goalStatus({ started: true, ended: true, expected: 1, progress: 0.999 })).toBe('missed');
    expect(goalStatus({ started: false, ended: false, expected: 0, progress: 2 })).toBe('not_started');
    expect(goalStatus({ started: true, ended: false, expected: 0.5, progress: null })).toBe('no_data');
  });

  it('judges a budget cap on actual against target × expected', () => {
    const running = { started: true, ended: false, expected: 0.5 };
    expect(capStatus(running, 500, 1000)).toBe('on_track');
    expect(capStatus(running, 501, 1000)).toBe('at_risk');
    expect(capStatus(running, 1000, 1000)).toBe('at_risk');
    expect(capStatus(running, 1001, 1000)).toBe('off_track');
    expect(capStatus({ ...running, ended: true }, 1000, 1000)).toBe('achieved');
    expect(capStatus({ ...running, ended: true }, 1001, 1000)).toBe('missed');
    expect(capStatus({ ...running, started: false }, 0, 1000)).toBe('not_started');
    expect(capStatus(running, null, 1000)).toBe('no_data');
  });
});

describe('cumulative goals (flow KPIs)', () => {
  it('totals the actual from the start through the as-of date, with baseline 0', () => {
    const e = evalSmart(smart('leads', 'leads', abs(900)));
    expect(e).toMatchObject({
      mode: 'cumulative',
      good: 'up',
      baseline: 0,
      previous: 500,
      target: 900,
      actual: 100 + 150 + 200,
      progress: 450 / 900,
      elapsed: ELAPSED,
      expected: ELAPSED,
      status: 'on_track',
      start: '2026-04-01',
      deadline: '2026-06-30',
    });
  });

  it('projects actual ÷ elapsed', () => {
    expectClose(evalSmart(smart('leads', 'leads', abs(900))).projection, 450 / (46 / 91));
  });

  it('has no projection when actual ÷ elapsed overflows', () => {
    const huge = engineOf(rows('x', [['2026-04-01', { leads: 1e308 }]]));
    const e = evalSmart(smart('huge', 'leads', abs(1e308), { channel: 'x' }), day('2026-04-01'), huge);
    expect(e).toMatchObject({ actual: 1e308, progress: 1, elapsed: 1 / 91, projection: null });
  });

  it("applies a relative target to the previous period's total", () => {
    const e = evalSmart(smart('leads', 'leads', pct(0.2)));
    expect(e.previous).toBe(500);
    expectClose(e.target, 500 * 1.2);
    expectClose(e.progress, 450 / 600);
    expect(e.baseline).toBe(0);
    expect(evalSmart(smart('leads', 'leads', delta(300))).target).toBe(500 + 300);
  });

  it('shows a given baseline but still measures progress as actual / target', () => {
    const e = evalSmart(smart('leads', 'leads', abs(900), { baseline: 50 }));
    expect(e.baseline).toBe(50);
    expect(e.progress).toBe(450 / 900);
  });

  it('is on_track, at_risk, off_track or achieved before the deadline by progress against elapsed', () => {
    // expected = 46/91 ≈ 0.5055: on track from 0.4549, at risk from 0.3538.
    expect(evalSmart(smart('a', 'leads', abs(900))).status).toBe('on_track'); // 0.5
    expect(evalSmart(smart('b', 'leads', abs(1000))).status).toBe('at_risk'); // 0.45
    expect(evalSmart(smart('c', 'leads', abs(1200))).status).toBe('at_risk'); // 0.375
    expect(evalSmart(smart('d', 'leads', abs(1500))).status).toBe('off_track'); // 0.3
    expect(evalSmart(smart('e', 'leads', abs(400))).status).toBe('achieved'); // 1.125
  });

  it('is achieved or missed from the deadline on, counting only the period', () => {
    const missed = evalSmart(smart('m', 'leads', abs(1000)), AFTER);
    expect(missed).toMatchObject({ actual: 700, progress: 0.7, elapsed: 1, expected: 1, status: 'missed', projection: 700 });
    expect(evalSmart(smart('a', 'leads', abs(700)), AFTER).status).toBe('achieved');
  });

  it('is not_started before the start, with nothing measured', () => {
    expect(evalSmart(smart('n', 'leads', abs(900)), BEFORE)).toMatchObject({
      status: 'not_started',
      actual: null,
      progress: null,
      elapsed: 0,
      expected: 0,
      projection: null,
      previous: 500,
    });
  });

  it('is no_data when the KPI has no data, or a relative target has nothing to apply to', () => {
    expect(evalSmart(smart('x', 'conversions', abs(10)))).toMatchObject({
      status: 'no_data',
      actual: null,
      progress: null,
      projection: null,
    });
    expect(evalSmart(smart('y', 'leads', abs(10), { channel: 'tiktok' }))).toMatchObject({ status: 'no_data', actual: null });
    expect(evalSmart(smart('z', 'clicks', pct(0.1)))).toMatchObject({ status: 'no_data', target: null, previous: null });
  });
});

describe('budget caps (cumulative goals on spend, good when down)', () => {
  it('is on_track while spending below target × expected', () => {
    // 350 spent; 1000 × 46/91 ≈ 505.5
    expect(evalSmart(smart('cap', 'spend', abs(1000)))).toMatchObject({
      mode: 'cumulative',
      good: 'down',
      actual: 350,
      target: 1000,
      progress: 0.35,
      status: 'on_track',
    });
  });

  it('is at_risk when ahead of the expected pace but under the cap', () => {
    expect(evalSmart(smart('cap', 'spend', abs(600))).status).toBe('at_risk'); // 600 × 46/91 ≈ 303.3 < 350 ≤ 600
  });

  it('is off_track once over the cap, even though progress looks like a success', () => {
    const e = evalSmart(smart('cap', 'spend', abs(300)));
    expect(e.progress).toBeGreaterThan(1);
    expect(e.status).toBe('off_track');
  });

  it('is achieved at the deadline if actual ≤ target, else missed', () => {
    expect(evalSmart(smart('cap', 'spend', abs(1000)), AFTER)).toMatchObject({ actual: 200 + 150 + 400, status: 'achieved' });
    expect(evalSmart(smart('cap', 'spend', abs(750)), AFTER).status).toBe('achieved');
    expect(evalSmart(smart('cap', 'spend', abs(700)), AFTER).status).toBe('missed');
  });

  it('is not_started before the start and no_data without a previous total for a relative cap', () => {
    expect(evalSmart(smart('cap', 'spend', abs(1000)), BEFORE).status).toBe('not_started');
    expect(evalSmart(smart('cap', 'spend', pct(-0.1))).status).toBe('no_data'); // no spend in Q1
  });
});

describe('level goals (stock, rate and unique KPIs)', () => {
  it('takes the latest stock value as actual and the previous quarter as the omitted baseline', () => {
    const e = evalSmart(smart('f', 'follower_count', pct(0.2)));
    expect(e).toMatchObject({ mode: 'level', baseline: 12000, previous: 12000, actual: 12550 });
    expectClose(e.target, 12000 * 1.2);
    expectClose(e.progress, (12550 - 12000) / (14400 - 12000));
    expect(e.status).toBe('off_track'); // 0.229 < 0.7 × 46/91
  });

  it('applies a relative target to a given baseline', () => {
    const e = evalSmart(smart('f', 'follower_count', pct(0.04), { baseline: 12500 }));
    expectClose(e.target, 12500 * 1.04);
    expectClose(e.progress, (12550 - 12500) / (13000 - 12500));
    expect(evalSmart(smart('f', 'follower_count', delta(500))).target).toBe(12000 + 500);
  });

  it('measures progress as (actual − baseline) / (target − baseline), unclamped', () => {
    const g = (target: number, baseline = 12000) => evalSmart(smart('f', 'follower_count', abs(target), { baseline }));
    expect(g(13000)).toMatchObject({ progress: 550 / 1000, status: 'on_track' });
    expectClose(g(13500).progress, 550 / 1500);
    expect(g(13500).status).toBe('at_risk');
    expect(g(14000)).toMatchObject({ progress: 550 / 2000, status: 'off_track' });
    expect(g(12500)).toMatchObject({ progress: 550 / 500, status: 'achieved' });
    expectClose(g(14400, 13000).progress, (12550 - 13000) / (14400 - 13000));
  });

  it('is achieved or missed from the deadline on, on the last value in the period', () => {
    expect(evalSmart(smart('f', 'follower_count', abs(14400), { baseline: 12000 }), AFTER)).toMatchObject({
      actual: 13000,
      progress: 1000 / 2400,
      status: 'missed',
    });
    expect(evalSmart(smart('f', 'follower_count', abs(13000), { baseline: 12000 }), AFTER).status).toBe('achieved');
  });

  it('projects the least-squares line through the values at each data point, read at the deadline', () => {
    // (04-01, 12100), (05-01, 12400), (05-16, 12550): +10 a day; 2026-06-30 is 90 days after 04-01.
    expectClose(evalSmart(smart('f', 'follower_count', abs(14400))).projection, 12100 + 10 * 90);
  });

  it('has no projection with fewer than two data points', () => {
    expect(evalSmart(smart('f', 'follower_count', abs(14400)), day('2026-04-20')).projection).toBeNull();
  });

  it('handles a KPI that is good when down with the same progress formula', () => {
    // Baseline: Q1's bounce rate 500/1000; actual (200 + 250) / (400 + 600); target 0.4.
    const e = evalSmart(smart('b', 'bounce_rate', abs(0.4)));
    expect(e).toMatchObject({ mode: 'level', good: 'down', baseline: 0.5, actual: 0.45 });
    expectClose(e.progress, (0.45 - 0.5) / (0.4 - 0.5));
    expect(e.status).toBe('on_track');
    // Points: 04-10 (day 9) at 200/400 = 0.5, 05-10 (day 39) at 0.45; the line read at day 90.
    expectClose(e.projection, 0.45 + ((0.45 - 0.5) / 30) * (90 - 39));
    expectClose(evalSmart(smart('b', 'bounce_rate', pct(-0.2))).target, 0.5 * 0.8);
  });

  it('is off_track when a down KPI goes up', () => {
    const e = evalSmart(smart('b', 'bounce_rate', abs(0.4), { baseline: 0.42 }));
    expectClose(e.progress, (0.45 - 0.42) / (0.4 - 0.42));
    expect(e.progress).toBeLessThan(0);
    expect(e.status).toBe('off_track');
  });

  it("takes a date range's baseline from as many days just before its start", () => {
    // 2026-05-10..2026-05-20 (11 days): the previous range is 2026-04-29..2026-05-09, whose last followers value is 12400.
    const e = evalSmart(smart('r', 'follower_count', abs(13000), { period: rangePeriod(day('2026-05-10'), day('2026-05-20')) }));
    expect(e).toMatchObject({ baseline: 12400, actual: 12550, start: '2026-05-10', deadline: '2026-05-20' });
    expectClose(e.progress, 150 / 600);
  });

  it('is no_data when no baseline can be found', () => {
    expect(evalSmart(smart('f', 'follower_count', abs(100), { channel: 'linkedin' }))).toMatchObject({
      status: 'no_data',
      baseline: null,
      actual: null,
    });
    const eng = evalSmart(smart('e', 'engagement_rate', abs(0.05), { channel: 'linkedin' }));
    expect(eng).toMatchObject({ baseline: null, status: 'no_data' }); // nothing in Q1
    expectClose(eng.actual, 50 / 1000); // only 2026-04-05 is on or before 2026-05-16
  });

  it('flags an actual read from a unique metric summed from finer rows', () => {
    const e = evalSmart(smart('reach', 'reach', abs(20000), { channel: 'linkedin', baseline: 8000 }), AFTER);
    expect(e).toMatchObject({ mode: 'level', actual: 11000, approximate: true });
  });
});

describe('milestones change the expected progress', () => {
  it('raises expected for a cumulative goal with an early milestone', () => {
    const plain = evalSmart(smart('l', 'leads', abs(1000)));
    const early = evalSmart(smart('l', 'leads', abs(1000), { milestones: [{ date: day('2026-04-30'), target: 600 }] }));
    expect(plain.expected).toBe(ELAPSED);
    expect(plain.status).toBe('at_risk'); // 0.45 ≥ 0.7 × 0.5055
    expectClose(early.expected, 0.6 + 0.4 * (16 / 61));
    expect(early.status).toBe('off_track'); // 0.45 < 0.7 × 0.7049
  });

  it('lowers expected with a late, modest milestone', () => {
    const late = evalSmart(smart('l', 'leads', abs(1000), { milestones: [{ date: day('2026-05-31'), target: 200 }] }));
    expectClose(late.expected, 0.2 * (46 / 61));
    expect(late.status).toBe('on_track');
  });

  it('converts a level milestone into progress from the baseline', () => {
    const e = evalSmart(
      smart('f', 'follower_count', abs(14400), { baseline: 12000, milestones: [{ date: day('2026-05-15'), target: 13200 }] }),
    );
    // 13200 is (13200 − 12000) / (14400 − 12000) = 0.5 of the way, on 2026-05-15; the deadline is 46 days later.
    expectClose(e.expected, 0.5 + 0.5 * (1 / 46));
  });
});

describe('OKRs', () => {
  const followers = measured('followers', { kpi: 'follower_count', baseline: 12000, target: abs(14400) }, 2);
  const shrinking = measured('shrink', { kpi: 'follower_count', baseline: 13000, target: abs(14400) });
  const events = manual('events', 1, 3);
  const talks = manual('talks', 5, 4);

  it('evaluates a measured key result like a goal, its score being progress clamped to [0, 1]', () => {
    const kr = evaluateKeyResult(engine, followers, Q2, AS_OF);
    expect(kr).toMatchObject({
      id: 'followers',
      manual: false,
      kpi: 'follower_count',
      channel: 'instagram',
      baseline: 12000,
      target: 14400,
      actual: 12550,
      weight: 2,
    });
    expectClose(kr.progress, 550 / 2400);
    expect(kr.score).toBe(kr.progress);
    const below = evaluateKeyResult(engine, shrinking, Q2, AS_OF);
    expect(below.progress).toBeLessThan(0);
    expect(below.score).toBe(0);
  });

  it('evaluates a manual key result as current / target, clamped to 1', () => {
    expect(evaluateKeyResult(engine, events, Q2, AS_OF)).toMatchObject({
      manual: true,
      kpi: null,
      channel: null,
      baseline: null,
      target: 3,
      actual: 1,
      progress: 1 / 3,
      score: 1 / 3,
      projection: null,
    });
    expect(evaluateKeyResult(engine, talks, Q2, AS_OF)).toMatchObject({ progress: 5 / 4, score: 1, status: 'achieved' });
  });

  it('gives a manual key result a status from the period', () => {
    expect(evaluateKeyResult(engine, events, Q2, BEFORE).status).toBe('not_started');
    expect(evaluateKeyResult(engine, events, Q2, AFTER).status).toBe('missed');
    expect(evaluateKeyResult(engine, manual('m', 1, 2), Q2, AS_OF)).toMatchObject({ expected: ELAPSED, status: 'on_track' });
    expect(evaluateKeyResult(engine, manual('zero', 1, 0), Q2, AS_OF)).toMatchObject({
      progress: null,
      score: null,
      status: 'no_data',
    });
  });

  it('scores the objective as the weighted mean of key-result scores', () => {
    const e = evalOkr(okr('o', [followers, events, talks, shrinking]));
    const expected = (2 * (550 / 2400) + 1 / 3 + 1 + 0) / (2 + 1 + 1 + 1);
    expectClose(e.score, expected);
    expect(e.band).toBe('red'); // ≈ 0.358
    expect(e).toMatchObject({ type: 'okr', start: '2026-04-01', deadline: '2026-06-30', elapsed: ELAPSED, stretch: false });
    expect(e.keyResults.map((kr) => kr.id)).toEqual(['followers', 'events', 'talks', 'shrink']);
  });

  it('counts a key result without a score as 0, and has no score when none has one', () => {
    expect(
      weightedScore([
        { score: 1, weight: 1 },
        { score: null, weight: 3 },
      ]),
    ).toBe(1 / 4);
    expect(weightedScore([{ score: null, weight: 1 }])).toBeNull();
    expect(weightedScore([])).toBeNull();
    const none = evalOkr(okr('o', [manual('zero', 1, 0)]));
    expect(none).toMatchObject({ score: null, band: null });
  });

  it('bands scores: ≥ 0.7 green, ≥ 0.4 yellow, else red', () => {
    expect([1, 0.7, 0.69, 0.4, 0.39, 0].map((s) => okrBand(s))).toEqual(['green', 'green', 'yellow', 'yellow', 'red', 'red']);
  });

  it('counts 0.6 to 0.7 as a success (green) for stretch OKRs', () => {
    expect([0.7, 0.6, 0.59, 0.4, 0.39].map((s) => okrBand(s, true))).toEqual(['green', 'green', 'yellow', 'yellow', 'red']);
    const krs = [manual('a', 0.65, 1)];
    expect(evalOkr(okr('plain', krs))).toMatchObject({ score: 0.65, band: 'yellow' });
    expect(evalOkr(okr('stretch', krs, { stretch: true }))).toMatchObject({ score: 0.65, band: 'green', stretch: true });
  });
});

describe('least squares', () => {
  it('reads the fitted line at x', () => {
    // x̄ = 1, ȳ = 2, Σ(x − x̄)(y − ȳ) = 1, Σ(x − x̄)² = 2: slope 0.5.
    expect(
      leastSquaresAt(
        [
          [0, 1],
          [1, 3],
          [2, 2],
        ],
        5,
      ),
    ).toBe(2 + 0.5 * (5 - 1));
    expect(
      leastSquaresAt(
        [
          [0, 0],
          [10, 5],
        ],
        20,
      ),
    ).toBe(10);
  });

  it('is null with fewer than two points or a single x', () => {
    expect(leastSquaresAt([], 1)).toBeNull();
    expect(leastSquaresAt([[3, 4]], 1)).toBeNull();
    expect(
      leastSquaresAt(
        [
          [3, 4],
          [3, 6],
        ],
        1,
      ),
    ).toBeNull();
  });
});

describe('evaluateMeasure', () => {
  it('selects channels: a list, or all', () => {
    const m = (channel: string | string[]): Measure => ({
      kpi: 'engagements',
      channel,
      baseline: null,
      target: abs(1000),
      milestones: [],
    });
    expect(evaluateMeasure(engine, m('all'), Q2, AFTER).actual).toBe(140);
    expect(evaluateMeasure(engine, m(['linkedin', 'instagram']), Q2, AFTER).actual).toBe(140);
    expect(evaluateMeasure(engine, m('instagram'), Q2, AFTER).actual).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------
// The report of a quarter.

function projectOf(goals: Goal[]): Project {
  return {
    site: {
      title: 'Test',
      locale: 'en-US',
      currency: 'EUR',
      customerLtv: null,
      channels: {},
      base: '/',
      url: null,
      robots: 'index',
      strings: {},
    },
    objectives: [],
    goals,
    customKpis: [],
    index: indexOf([...instagram, ...linkedin]),
    sources: [],
    reports: [],
    inputs: { fingerprint: 'sha256:0', files: {} },
  };
}

describe('buildReport', () => {
  const goals: Goal[] = [
    smart('leads-q2', 'leads', abs(1000)),
    smart('leads-q1', 'leads', abs(500), { period: period('2026-Q1') }),
    smart('li-summer', 'impressions', abs(5000), {
      channel: 'linkedin',
      period: rangePeriod(day('2026-06-15'), day('2026-07-15')),
    }),
    smart('leads-q3', 'leads', abs(500), { period: period('2026-Q3') }),
    okr('okr-q2', [
      measured('sent', { kpi: 'engagement_rate', channel: 'all', baseline: 0.02, target: abs(0.05) }, 2),
      manual('events', 1, 3),
    ]),
  ];
  const project = projectOf(goals);
  const report = buildReport(project, createEngine(project), { quarter: Q2 });

  it('names the period and the as-of date: the last day with data in the quarter', () => {
    expect(report.period).toBe('2026-Q2');
    // Instagram's export runs on to 2026-07-10: it covers the whole quarter (an export covers the days
    // from its first row to its last), though its last row in the quarter is on 2026-06-28.
    expect(report.as_of).toBe('2026-06-30');
  });

  it('has KPI tables for all and for each channel', () => {
    expect(report.channels).toEqual(['all', 'instagram', 'linkedin']);
    expect(Object.keys(report.kpis)).toEqual(['all', 'instagram', 'linkedin']);
  });

  it('gives each KPI its value with qoq and yoy', () => {
    expect(report.kpis.instagram!.leads).toEqual({ value: 700, qoq: (700 - 500) / 500, yoy: null, previous: 500 });
    expect(report.kpis.instagram!.follower_count).toEqual({
      value: 13000,
      qoq: (13000 - 12000) / 12000,
      yoy: null,
      previous: 12000,
    });
    const rate = report.kpis.linkedin!.engagement_rate!;
    expectClose(rate.value, 140 / 4000);
    expect(rate.qoq).toBeNull();
    expectClose(rate.yoy, (140 / 4000 - 100 / 2000) / (100 / 2000));
    expect(report.kpis.all!.leads!.value).toBe(700);
    // LinkedIn's data stop on 20 June: a total over part of the quarter has no change (red-team 15 #7).
    expect(report.kpis.all!.impressions).toEqual({
      value: 4000,
      qoq: null,
      yoy: null,
      channels: ['linkedin'],
      left_out: ['instagram'],
      incomplete: ['linkedin'],
      incomplete_to: { linkedin: '2026-06-20' },
    });
  });

  it('flags approximate reach and omits the flag elsewhere', () => {
    // LinkedIn's reach rows stop with May while its other data go on to 20 June: the figure is April's
    // and May's, and says so (red-team 12 #3: a unique input ends where its own month rows do).
    expect(report.kpis.all!.reach).toEqual({
      value: 11000,
      qoq: null,
      yoy: null,
      approximate: true,
      bound: 'upper',
      channels: ['linkedin'],
      left_out: ['instagram'],
      inputs_to: { linkedin: { reach: '2026-05-31' } },
      data_to: '2026-05-31',
      // The days after its rows end, while LinkedIn's other data go on: part of a quarter (rt13 #5).
      gaps: { linkedin: { reach: [{ from: '2026-06-01', to: '2026-06-20' }] } },
      incomplete: ['linkedin'],
      incomplete_to: { linkedin: '2026-06-20' },
    });
    expect('approximate' in report.kpis.all!.impressions!).toBe(false);
  });

  it('lists exactly the goals whose period overlaps the quarter, in file order', () => {
    expect(report.goals.map((g) => g.id)).toEqual(['leads-q2', 'li-summer', 'okr-q2']);
  });

  it("evaluates SMART goals as of the report's as-of date, in SPEC's shape", () => {
    const g = report.goals[0] as SmartGoalJson;
    const elapsed = 1; // 2026-04-01 .. 2026-06-30, the deadline
    expect(g).toMatchObject({
      id: 'leads-q2',
      type: 'smart',
      kpi: 'leads',
      channel: 'instagram',
      mode: 'cumulative',
      baseline: 0,
      previous: 500,
      target: 1000,
      actual: 700,
      progress: 0.7,
      elapsed,
      expected: elapsed,
      status: 'missed',
      start: '2026-04-01',
      deadline: '2026-06-30',
    });
    expectClose(g.projection, 700 / elapsed);
    for (const key of [
      'id',
      'type',
      'kpi',
      'channel',
      'baseline',
      'target',
      'actual',
      'progress',
      'expected',
      'status',
      'projection',
    ]) {
      expect(g, key).toHaveProperty(key);
    }
  });

  it('evaluates a goal that runs past the quarter on the same as-of date, or its channel last day before it', () => {
    // LinkedIn's data ends on 06-20, before the report's as-of day (06-28, Instagram's last):
    // the goal is evaluated as of 06-20 (6 days of 31) and says so.
    const g = report.goals[1] as SmartGoalJson;
    expect(g).toMatchObject({
      id: 'li-summer',
      actual: 3000,
      progress: 3000 / 5000,
      elapsed: 6 / 31,
      status: 'on_track',
      incomplete: ['linkedin'],
      data_to: '2026-06-20',
    });
    expect(report.incomplete).toContain('linkedin');
  });

  it('gives OKRs their score, band and key results', () => {
    const o = report.goals[2] as OkrGoalJson;
    // LinkedIn's data end on 06-20, before the deadline the report is as of: `sent` is undecided
    // and counts 0, which the objective says (red-team 7 #16); the manual one settles. The score is
    // then a lower bound, and no band while `sent` could still move it (red-team 9 #12).
    expect(o).toMatchObject({ id: 'okr-q2', type: 'okr', band: null, score_bound: 'lower', undecided: ['sent'] });
    expectClose(o.score, 1 / 3 / 3);
    expect(o.key_results.map((kr) => kr.id)).toEqual(['sent', 'events']);
    expect(o.key_results[0]).toMatchObject({ baseline: 0.02, target: 0.05, weight: 2, manual: false, status: 'undecided' });
    expectClose(o.key_results[0]!.actual, 140 / 4000);
    expect(o.key_results[0]!.score).toBeNull();
    expect(o.key_results[1]).toMatchObject({ baseline: null, target: 3, actual: 1, progress: 1 / 3, score: 1 / 3, manual: true });
  });

  it('survives a JSON round trip unchanged (no NaN, Infinity or undefined)', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('evaluates as of a given date instead', () => {
    const r = buildReport(project, createEngine(project), { quarter: Q2, asOf: AS_OF });
    expect(r.as_of).toBe('2026-05-16');
    expect(r.goals[0]).toMatchObject({ id: 'leads-q2', actual: 450, expected: ELAPSED });
    expect(r.kpis.instagram!.leads!.value).toBe(450);
  });

  it("restricts to one channel: its KPIs, its coverage against the quarter's as-of date and the goals touching it (directly or through all)", () => {
    const r = buildReport(project, createEngine(project), { quarter: Q2, channel: 'linkedin' });
    expect(r.channels).toEqual(['linkedin']);
    expect(Object.keys(r.kpis)).toEqual(['linkedin']);
    // The quarter's as-of day, as in the full report: linkedin's data stop before it (red-team 6 #19).
    expect(r.as_of).toBe('2026-06-30');
    expect(r.incomplete).toEqual(['linkedin']);
    expect(r.coverage).toEqual({ linkedin: '2026-06-20' });
    expect(r.goals.map((g) => g.id)).toEqual(['li-summer', 'okr-q2']);
  });

  it('uses the day before the quarter as as-of date when nothing has data up to its end', () => {
    const r = buildReport(project, createEngine(project), { quarter: period('2025-Q1') });
    expect(r.as_of).toBe(formatDay(period('2025-Q1').start - 1));
    expect(r.goals).toEqual([]);
  });
});

describe('buildReport period overlap edges', () => {
  it('includes goals touching the quarter by a single day at either end', () => {
    const touching: Goal[] = [
      smart('ends-first-day', 'leads', abs(1), { period: rangePeriod(day('2026-03-01'), day('2026-04-01')) }),
      smart('starts-last-day', 'leads', abs(1), { period: rangePeriod(day('2026-06-30'), day('2026-07-31')) }),
      smart('ends-day-before', 'leads', abs(1), { period: rangePeriod(day('2026-03-01'), day('2026-03-31')) }),
      smart('year', 'leads', abs(1), { period: period('2026') }),
    ];
    const project = projectOf(touching);
    const ids = buildReport(project, createEngine(project), { quarter: Q2 }).goals.map((g) => g.id);
    expect(ids).toEqual(['ends-first-day', 'starts-last-day', 'year']);
  });
});

describe('budget caps as key results', () => {
  const spend = rows('instagram', [
    ['2026-04-01', { spend: 600 }],
    ['2026-05-01', { spend: 600 }],
    ['2026-06-30', { spend: 0 }],
  ]);
  const engine = engineOf(spend);
  const cap = (target: number): KeyResult => ({
    id: 'cap',
    title: null,
    weight: 1,
    manual: null,
    measure: { kpi: 'spend', channel: 'instagram', baseline: null, target: { kind: 'absolute', value: target }, milestones: [] },
  });
  it('score by whether the cap is kept, not by spend ÷ cap', () => {
    // 1,200 spent by the deadline.
    expect(evaluateKeyResult(engine, cap(1000), Q2, day('2026-06-30'))).toMatchObject({
      status: 'missed',
      progress: 1.2,
      score: 0,
    });
    expect(evaluateKeyResult(engine, cap(1500), Q2, day('2026-06-30'))).toMatchObject({ status: 'achieved', score: 1 });
    // By 2026-05-01 (31 of 91 days), 1,200 of a 3,000 cap is ahead of pace (3,000 × 31/91 ≈ 1,022): at risk.
    expect(evaluateKeyResult(engine, cap(3000), Q2, day('2026-05-01'))).toMatchObject({ status: 'at_risk', score: 0.5 });
  });
});
