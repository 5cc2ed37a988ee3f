/**
 * From its deadline on, a goal whose data end before it settles only on what those data decide
 * (red-team 7 #10, root b): Instagram's export stops on 20 July for good, Facebook's runs to 31
 * August, and the report is asked as of 15 October. A total already past its target is achieved, a
 * cap already overspent is missed; anything else is `undecided`, with no projection, and says why
 * (`ends_early`), where it used to stay "on track" for ever. Before the deadline it is evaluated as
 * of its data's last day, as before. In an OKR (#16) the objective and its manual key results are
 * taken as of the report's day, measured key results by the same rule, and the objective's score
 * names the undecided ones it counts as 0.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type OkrGoalJson, type ReportJson, type SmartGoalJson } from '../../src/core/report.ts';
import { goalView } from '../../src/site/goalView.ts';
import { day } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const SITE =
  'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n  facebook: { label: Facebook }\n';
const GOALS = `goals:
  - { id: ig-q3, title: IG impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: 500000 }
  - { id: ig-met, title: IG impressions met, period: 2026-Q3, channel: instagram, kpi: impressions, target: 50000 }
  - { id: ig-over, title: IG spend cap overspent, period: 2026-Q3, channel: instagram, kpi: spend, target: 1000 }
  - { id: ig-under, title: IG spend cap kept so far, period: 2026-Q3, channel: instagram, kpi: spend, target: 5000 }
  - { id: ig-ctr, title: IG CTR, period: 2026-Q3, channel: instagram, kpi: ctr, baseline: 0.01, target: 0.012 }
  - { id: fb-q3, title: FB impressions, period: 2026-Q3, channel: facebook, kpi: impressions, target: 900000 }
  - id: okr
    type: okr
    title: Be seen
    period: 2026-Q3
    key_results:
      - { id: kr-ig, kpi: impressions, channel: instagram, target: 500000 }
      - { id: kr-met, kpi: impressions, channel: instagram, target: 50000 }
      - { id: kr-manual, title: Events, manual: { current: 1, target: 2 } }
`;
const DATA = {
  // Instagram: 5,000 impressions, 50 clicks and €100 a day, 1 to 20 July (20 days).
  'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-07-20', () => ({
    impressions: 5000,
    clicks: 50,
    spend: 100,
  })),
  'data/facebook/q3.json': dailyExport('facebook', '2026-07-01', '2026-08-31', () => ({ impressions: 10000, clicks: 100 })),
};
const root = loadRoot(SITE, GOALS, DATA);

function reportAsOf(asOf: string): { report: ReportJson; text: string } {
  if (!root.project || !root.engine) throw new Error(root.problems.join('; '));
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok) throw new Error(quarter.reason);
  const report = buildReport(root.project, root.engine, { quarter: quarter.period, asOf: day(asOf) });
  const kpis = new Map(kpiMetas(root.engine).map((k) => [k.id, k]));
  return { report, text: renderText(report, root.project.site, kpis) };
}
const goalIn = (report: ReportJson, id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('a goal whose channel stopped before its deadline, the deadline past (red-team 7 #10)', () => {
  const { report, text } = reportAsOf('2026-10-15');
  const goal = (id: string) => goalIn(report, id);

  it('is undecided where the unknown days could change it: not on track, no projection', () => {
    expect(root.problems).toEqual([]);
    // 100,000 of 500,000 by 20 July: on pace that day (elapsed 20/92), but the rest of July to September is unknown.
    expect(goal('ig-q3')).toMatchObject({
      actual: 100000,
      data_to: '2026-07-20',
      incomplete: ['instagram'],
      status: 'undecided',
      projection: null,
      ends_early: true,
    });
    expect(goal('ig-under')).toMatchObject({ actual: 2000, status: 'undecided', projection: null, ends_early: true });
    // A rate over the days so far could be anything over the whole quarter.
    expect(goal('ig-ctr')).toMatchObject({ actual: 0.01, status: 'undecided', projection: null, ends_early: true });
  });

  it('settles what the data already decide: a total past its target, a cap already overspent', () => {
    expect(goal('ig-met')).toMatchObject({ actual: 100000, status: 'achieved', ends_early: true });
    expect(goal('ig-over')).toMatchObject({ actual: 2000, status: 'missed', ends_early: true });
  });

  it('is undecided too where every channel stops before the deadline (an --as-of past all the data)', () => {
    // Facebook's data end on 31 August: short of 900,000 with September unknown.
    expect(goal('fb-q3')).toMatchObject({ actual: 620000, status: 'undecided', data_to: '2026-08-31' });
  });

  it('says why in the text report', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('ig-q3: IG impressions'));
    expect(lines[at]).toMatch(/◇ Undecided +ig-q3:/);
    expect(lines[at + 1]).toContain('projection n/a');
    expect(lines[at + 1]).toContain(
      'as of 2026-07-20 (the data from Instagram ends there), undecided: its data end before the deadline (2026-09-30), so what the period holds is not known',
    );
  });

  it('says why on its goal page, once the site is as of the deadline (Facebook to 30 September)', () => {
    const later = loadRoot(SITE, GOALS, {
      ...DATA,
      'data/facebook/q3.json': dailyExport('facebook', '2026-07-01', '2026-09-30', () => ({ impressions: 10000, clicks: 100 })),
    });
    const goal = later.project!.goals.find((g) => g.id === 'ig-q3')!;
    const view = goalView(later.project!, later.engine!, goal);
    expect(view.evaluation).toMatchObject({ status: 'undecided', endsEarly: true, projection: null });
    expect(view.endsEarly).toBe(
      'Undecided: its data from Instagram end on Jul 20, 2026, before the deadline (Sep 30, 2026), so what the whole period holds is not known; it settles once the rest of its period is added.',
    );
  });

  it('is noted by validate, though the deadline is after the last data', () => {
    expect(root.notes).toContainEqual(
      'goals/g.yaml:2:5: note: the data of instagram for impressions end on 2026-07-20, while other data go on to 2026-08-31: ' +
        'the goal is evaluated as of 2026-07-20, and from its deadline (2026-09-30) on it stays undecided unless its data so far ' +
        'decide it (a total already past its target, a cap already overspent); if an export covers the days after its last row, ' +
        'give it a "through" day; if the channel has stopped, leave it out of the goal',
    );
    expect(root.notes.some((n) => n.startsWith('goals/g.yaml:7:') && n.includes('undecided'))).toBe(false);
  });

  it('gives the whole note once per early end, and the later goals on it a short one that points to it', () => {
    const early = root.notes.filter((n) => n.includes('the data of instagram for'));
    expect(early.filter((n) => n.includes('give it a "through" day'))).toHaveLength(1);
    expect(root.notes).toContainEqual(
      'goals/g.yaml:3:5: note: the data of instagram for impressions end on 2026-07-20, while other data go on: ' +
        'evaluated as of 2026-07-20, as the note at goals/g.yaml:2:5 says',
    );
    expect(early.length).toBeGreaterThan(3);
  });
});

describe('the same goals before their deadline', () => {
  const { report } = reportAsOf('2026-09-15');
  const goal = (id: string) => goalIn(report, id);

  it('are evaluated as of their data last day, flagged, with a pace and a projection, as before', () => {
    expect(goal('ig-q3')).toMatchObject({ actual: 100000, elapsed: 20 / 92, status: 'on_track', data_to: '2026-07-20' });
    expect(goal('ig-q3').projection).toBeCloseTo(100000 / (20 / 92), 6);
    expect(goal('ig-q3')).not.toHaveProperty('ends_early');
    expect(goal('ig-over')).toMatchObject({ status: 'off_track' });
  });
});

describe('an OKR with a manual key result and measured ones whose data end early (red-team 7 #16)', () => {
  it('takes the objective and the manual key result as of the report day, the measured ones by the same rule', () => {
    const { report, text } = reportAsOf('2026-10-15');
    const okr = report.goals.find((g) => g.id === 'okr') as OkrGoalJson;
    const kr = (id: string) => okr.key_results.find((k) => k.id === id)!;
    expect(okr.elapsed).toBe(1);
    expect(kr('kr-manual')).toMatchObject({ status: 'missed', score: 0.5 });
    // No key result says "on track" in an objective that is over.
    expect(kr('kr-ig')).toMatchObject({ status: 'undecided', score: null, projection: null, ends_early: true });
    expect(kr('kr-met')).toMatchObject({ status: 'achieved', score: 1 });
    expect(okr.key_results.map((k) => k.status)).not.toContain('on_track');
    // The score counts the undecided one as 0 and says so.
    expect(okr.score).toBeCloseTo((0 + 1 + 0.5) / 3, 12);
    expect(okr.undecided).toEqual(['kr-ig']);
    expect(text).toContain('OKR okr: Be seen, score ≥ 0.50 (band undecided), at least: the undecided kr-ig count 0');
    expect(text).toMatch(
      /◇ kr-ig: Impressions 100,000 of 500,000, score n\/a \(weight 1\), undecided: its data end before the deadline/,
    );
  });

  it('before the deadline, has no undecided key result', () => {
    const okr = reportAsOf('2026-09-15').report.goals.find((g) => g.id === 'okr') as OkrGoalJson;
    expect(okr.key_results.find((k) => k.id === 'kr-ig')).toMatchObject({ status: 'on_track' });
    expect(okr).not.toHaveProperty('undecided');
  });
});
