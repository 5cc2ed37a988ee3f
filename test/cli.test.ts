import { describe, expect, it } from 'vitest';
import type { ReportJson, SmartGoalJson, OkrGoalJson } from '../src/core/report.ts';
import { runCli } from './cliRunner.ts';

const run = (args: string[], root = 'test/fixtures/basic') => runCli(args, root);

async function reportJson(...extra: string[]): Promise<ReportJson> {
  const { status, out, err } = await run(['report', '--period', '2026-Q2', '--json', ...extra]);
  expect(err).toBe('');
  expect(status).toBe(0);
  return JSON.parse(out) as ReportJson;
}

describe('goalpost report --json', () => {
  it('prints the quarter, the as-of date and KPIs for all channels and each channel', async () => {
    const r = await reportJson();
    expect(r.period).toBe('2026-Q2');
    expect(r.as_of).toBe('2026-06-30');
    // the quarter's last day: the quarter is over, QoQ compares whole quarters
    expect((r as ReportJson & { partial: boolean }).partial).toBe(false);
    expect(Object.keys(r.kpis)).toEqual(['all', 'instagram']);
    // engagements: 40 likes + 10 comments (derived) on 04-01, 80 on 05-01; impressions 1000 + 1000
    expect(r.kpis['all']!['engagement_rate']!.value).toBeCloseTo(130 / 2000, 12);
    expect(r.kpis['instagram']!['follower_count']).toEqual({ value: 1100, qoq: 0.1, yoy: null, previous: 1000 });
    expect(r.kpis['instagram']!['reach']!.value).toBe(2500);
    expect(r.kpis['instagram']!['code_rate']!.value).toBeCloseTo(2 / 50, 12);
  });

  it('evaluates every goal overlapping the quarter, with SPEC fields', async () => {
    const r = await reportJson();
    const followers = r.goals.find((g) => g.id === 'ig-followers-q2') as SmartGoalJson;
    expect(followers).toMatchObject({
      type: 'smart',
      kpi: 'follower_count',
      channel: 'instagram',
      baseline: 1000,
      target: 1200,
      actual: 1100,
      expected: 1,
      status: 'missed',
    });
    expect(followers.progress).toBeCloseTo(0.5, 12);
    // least squares through (04-01, 1050) and (05-01, 1100), read at 06-30 (60 days after 05-01)
    expect(followers.projection).toBeCloseTo(1100 + (50 / 30) * 60, 9);
    const okr = r.goals.find((g) => g.id === 'reputation-q2') as OkrGoalJson;
    // KR er: (0.065 − 0.05) / (0.1 − 0.05) = 0.3, weight 2; KR events: 1/3, weight 1
    expect(okr.score).toBeCloseTo((0.3 * 2 + 1 / 3) / 3, 12);
    expect(okr.band).toBe('red');
    expect(okr.key_results.map((kr) => kr.id)).toEqual(['er', 'events']);
  });

  it('evaluates as of an earlier date with --as-of', async () => {
    const r = await reportJson('--as-of', '2026-04-30');
    expect(r.as_of).toBe('2026-04-30');
    // as of April 30, Q2 is not over: its QoQ compares a quarter to date with the whole of Q1
    expect((r as ReportJson & { partial: boolean }).partial).toBe(true);
    const impressions = r.goals.find((g) => g.id === 'ig-impressions-q2') as SmartGoalJson;
    expect(impressions.actual).toBe(1000);
    expect(impressions.elapsed).toBeCloseTo(30 / 91, 12);
    expect(impressions.status).toBe('on_track');
  });

  it('restricts KPIs and goals to one channel with --channel', async () => {
    const r = await reportJson('--channel', 'instagram');
    expect(Object.keys(r.kpis)).toEqual(['instagram']);
    expect(r.goals.map((g) => g.id)).toEqual(['ig-followers-q2', 'ig-impressions-q2', 'reputation-q2']);
  });

  it('never prints NaN or Infinity', async () => {
    const { out } = await run(['report', '--period', '2026-Q2', '--json']);
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('goalpost report (text)', () => {
  it('prints KPIs and goals with plain-language status', async () => {
    const { status, out } = await run(['report', '--period', '2026-Q2']);
    expect(status).toBe(0);
    expect(out).toContain('Basic fixture: report 2026-Q2, as of 2026-06-30');
    expect(out).toContain('Engagement rate');
    expect(out).toContain('6.5%');
    expect(out).toMatch(/✖ Missed\s+ig-followers-q2/);
    expect(out).toContain('OKR reputation-q2: Improve engagement, score 0.31 (red)');
  });
});

describe('command-line errors and help', () => {
  it.each([
    [['report', '--period', '2026-Q5'], "--period: '2026-Q5' has no quarter 5"],
    [['report', '--period', '2026-04'], "'2026-04' is not a quarter"],
    [['report'], 'report needs --period'],
    [['report', '--period', '2026-Q2', '--as-of', '2026-02-30'], "--as-of: '2026-02-30' does not exist"],
    [['report', '--period', '2026-Q3', '--as-of', '2026-06-30'], '--as-of 2026-06-30 is before 2026-Q3 starts (2026-07-01)'],
    [['report', '--period', '2026-Q3', '--as-of', '1999-12-31'], '--as-of 1999-12-31 is before 2026-Q3 starts'],
    [['report', '--period', '2026-Q2', '--channel', 'instagran'], "no data for channel 'instagran': did you mean 'instagram'?"],
    [['report', '--period', '2026-Q2', '--colour'], "unknown option '--colour': known options are '--help', '--period'"],
    [['validate', '--json'], "unknown option '--json': known options are '--help'"],
    [['validate', 'extra'], "unexpected argument 'extra'"],
    [['report', '--period', '2026-Q2', '--as-of', '2026-05-01', '--as-of', '2026-05-02'], '--as-of is given twice'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('%j exits 1 with a message', async (args, message) => {
    const { status, err } = await run(args);
    expect(status).toBe(1);
    expect(err).toContain(message);
  });

  it.each([[['--help']], [['validate', '--help']], [['report', '--help']]])('%j prints usage', async (args) => {
    const { status, out } = await run(args);
    expect(status).toBe(0);
    expect(out).toMatch(/Usage: npm run goalpost --/);
  });

  it('validate exits 0 with a summary on valid content', async () => {
    const { status, out } = await run(['validate']);
    expect(status).toBe(0);
    expect(out).toBe(
      'OK: 3 goals (2 key results), 1 objective, 1 custom KPI, 1 declared metric, 5 metric rows in 1 file, 1 channel, 0 frozen report versions.\n',
    );
  });
});
