/**
 * A status never withdraws "Achieved" without a change to its data (red-team 9 #6). Instagram's
 * follows export (a follower total on 1 July, then new and lost followers every day) and its posts
 * export (engagements) were downloaded on 10 September, while its content export (impressions)
 * goes on to 5 October. A level goal on
 * follower_count, and one on the engagement rate asking for no change, are met on the follows so
 * far; from the deadline on those data cannot settle a level (`ends_early`: undecided). So before
 * the deadline, a level whose data end early is not called achieved either: it reads on track,
 * as it would on its pace, and then undecided, never "Achieved" then "Undecided". A level is
 * called achieved before its deadline only while its data reach the report's day (as the SPEC's
 * "achieved if progress ≥ 1" has it), and a total that cannot fall and is past its target stays
 * achieved across the deadline.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import type { SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type OkrGoalJson, type SmartGoalJson } from '../../src/core/report.ts';
import { goalView } from '../../src/site/goalView.ts';
import { day } from '../coreFixtures.ts';
import { dailyExport, days, evaluate, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const GOALS = `goals:
  - { id: fc-ig, title: IG followers, period: 2026-Q3, channel: instagram, kpi: follower_count, baseline: 14000, target: 14500 }
  - { id: er-same, title: IG engagement held, period: 2026-Q3, channel: instagram, kpi: engagement_rate, baseline: 0.05, target: 0.05 }
  - { id: impr-met, title: IG impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: 100000 }
  - id: okr-f
    type: okr
    title: Grow
    period: 2026-Q3
    key_results:
      - { id: kr-fc, kpi: follower_count, channel: instagram, baseline: 14000, target: 14500 }
`;
const follows = (followsTo: string) =>
  dailyExport('instagram', '2026-07-01', followsTo, (d) => ({
    ...(d === '2026-07-01' ? { followers: 15000 } : {}),
    new_followers: 12,
    lost_followers: 4,
  }));
const content = dailyExport('instagram', '2026-07-01', '2026-10-05', () => ({ impressions: 2000 }));
const posts = (postsTo: string) => dailyExport('instagram', '2026-07-01', postsTo, () => ({ engagements: 100 }));
const root = (to: string) =>
  loadRoot(SITE, GOALS, {
    'data/instagram/follows.json': follows(to),
    'data/instagram/posts.json': posts(to),
    'data/instagram/content.json': content,
  });
const early = root('2026-09-10');
const status = (r: ReturnType<typeof root>, id: string, asOf: string) => (evaluate(r, id, asOf) as SmartEvaluation).status;

describe('a level whose data end before the deadline (red-team 9 #6)', () => {
  it('is on track, not achieved, the day before the deadline, and undecided the day after', () => {
    expect(early.problems).toEqual([]);
    const before = evaluate(early, 'fc-ig', '2026-09-29') as SmartEvaluation;
    expect(before).toMatchObject({ dataTo: Date.parse('2026-09-10T00:00:00Z') / 86_400_000, endsEarly: false });
    expect(before.progress).toBeGreaterThan(1);
    expect(before).toMatchObject({ status: 'on_track', metSoFar: true });
    const after = evaluate(early, 'fc-ig', '2026-10-01') as SmartEvaluation;
    expect(after).toMatchObject({ actual: before.actual, endsEarly: true, status: 'undecided' });
  });

  it('a level asking for no change reads the same way', () => {
    expect(status(early, 'er-same', '2026-09-29')).toBe('on_track');
    expect(status(early, 'er-same', '2026-10-01')).toBe('undecided');
  });

  it('from the first report day its data do not reach, a level is achieved on no later day: on track, then undecided', () => {
    for (const id of ['fc-ig', 'er-same']) {
      const statuses = days('2026-09-11', '2026-10-05').map((d) => [d, status(early, id, d)] as const);
      expect(
        statuses.filter(([d, s]) => s !== (d < '2026-09-30' ? 'on_track' : 'undecided')),
        id,
      ).toEqual([]);
    }
  });

  it('a total past its target, which cannot fall, stays achieved across the deadline', () => {
    const statuses = days('2026-09-01', '2026-10-05').map((d) => status(early, 'impr-met', d));
    expect(new Set(statuses)).toEqual(new Set(['achieved']));
  });

  it('a level whose data reach the report day is achieved before its deadline, as before', () => {
    const whole = root('2026-10-05');
    expect(status(whole, 'fc-ig', '2026-09-29')).toBe('achieved');
    expect(status(whole, 'er-same', '2026-09-29')).toBe('achieved');
    expect(status(whole, 'fc-ig', '2026-10-01')).toBe('achieved');
  });

  it('says why it is on track, not achieved: JSON, text report and goal page', () => {
    const { project, engine } = early;
    const quarter = parseQuarter('2026-Q3');
    if (!project || !engine || !quarter.ok) throw new Error('the root does not load');
    const report = buildReport(project, engine, { quarter: quarter.period, asOf: day('2026-09-29') });
    expect(report.goals.find((g) => g.id === 'fc-ig') as SmartGoalJson).toMatchObject({
      status: 'on_track',
      met_so_far: true,
    });
    const okr = report.goals.find((g) => g.id === 'okr-f') as OkrGoalJson;
    expect(okr.key_results[0]).toMatchObject({ status: 'on_track', met_so_far: true, score: 1 });
    const text = renderText(report, project.site, new Map(kpiMetas(engine).map((k) => [k.id, k])));
    const said = "on track, not achieved: met on its data so far, which end before the report's day";
    // fc-ig's line, er-same's and the key result's.
    expect(text.split('\n').filter((line) => line.includes(said))).toHaveLength(3);
    // The site is as of its last data day, 5 October: past the deadline, undecided and no longer "met so far".
    const view = goalView(
      project,
      engine,
      project.goals.find((g) => g.id === 'fc-ig')!,
    );
    expect(view.evaluation).toMatchObject({ status: 'undecided', metSoFar: false });
    expect(view.metSoFar).toBeNull();
    // As of 20 September (the content export's last day), before the deadline, the page says why.
    const sept = loadRoot(SITE, GOALS, {
      'data/instagram/follows.json': follows('2026-09-10'),
      'data/instagram/posts.json': posts('2026-09-10'),
      'data/instagram/content.json': dailyExport('instagram', '2026-07-01', '2026-09-20', () => ({ impressions: 2000 })),
    });
    const page = goalView(
      sept.project!,
      sept.engine!,
      sept.project!.goals.find((g) => g.id === 'fc-ig')!,
    );
    expect(page.evaluation).toMatchObject({ status: 'on_track', metSoFar: true });
    expect(page.metSoFar).toBe(
      'On track, not achieved: the target is met on its data to Sep 10, 2026, which end before the report’s day. It is achieved once its data reach that day, and undecided from the deadline on if they still end before it.',
    );
  });
});
