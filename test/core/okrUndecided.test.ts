/**
 * An objective whose key results are partly or all undecided (red-team 9 #12). Instagram's export
 * stops on 20 July for good, Facebook's runs to 31 August, and the report is asked as of 15
 * October: Instagram's key results that the data do not decide are undecided. An undecided key
 * result could score anything from 0 to 1, so the objective's score is a lower bound (undecided
 * ones count 0, `score_bound: 'lower'`) whether some or all of them are undecided, and its band is
 * given only when the undecided key results could not change it (counted 0 or 1, the same band).
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type OkrGoalJson } from '../../src/core/report.ts';
import { scorecardCsv } from '../../src/site/csv.ts';
import { day } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const SITE =
  'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n  facebook: { label: Facebook }\n';
const IG = '{ id: kr-ig, kpi: impressions, channel: instagram, target: 500000 }';
const CTR = '{ id: kr-ctr, kpi: ctr, channel: instagram, baseline: 0.01, target: 0.012 }';
const MET = '{ id: kr-met, kpi: impressions, channel: instagram, target: 50000 }';
const okr = (id: string, krs: readonly string[]) =>
  `  - id: ${id}\n    type: okr\n    title: ${id}\n    period: 2026-Q3\n    key_results:\n${krs.map((kr) => `      - ${kr}\n`).join('')}`;
const GOALS =
  'goals:\n' +
  // Undecided 0 to 1, achieved 1, manual 0.5: 0.50 to 0.83, yellow or green.
  okr('partly', [IG, MET, '{ id: kr-manual, title: Events, manual: { current: 1, target: 2 } }']) +
  okr('all', [IG, CTR]) +
  // 0.75 to 1: green whatever the undecided one scores.
  okr('green', [IG, MET.replace('}', ', weight: 3 }')]) +
  // 0 to 0.1: red whatever.
  okr('red', [IG, '{ id: kr-none, title: Launches, manual: { current: 0, target: 4 }, weight: 9 }']);
const DATA = {
  'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-07-20', () => ({ impressions: 5000, clicks: 50 })),
  'data/facebook/q3.json': dailyExport('facebook', '2026-07-01', '2026-08-31', () => ({ impressions: 10000, clicks: 100 })),
};
const root = loadRoot(SITE, GOALS, DATA);
if (!root.project || !root.engine) throw new Error(root.problems.join('; '));
const quarter = parseQuarter('2026-Q3');
if (!quarter.ok) throw new Error(quarter.reason);
const report = buildReport(root.project, root.engine, { quarter: quarter.period, asOf: day('2026-10-15') });
const kpis = new Map(kpiMetas(root.engine).map((k) => [k.id, k]));
const objective = (id: string) => report.goals.find((g) => g.id === id) as OkrGoalJson;

describe('an objective with undecided key results (red-team 9 #12)', () => {
  it('some undecided: a lower-bound score, and no band while they could still change it', () => {
    const o = objective('partly');
    expect(o.undecided).toEqual(['kr-ig']);
    expect(o.score).toBeCloseTo(0.5, 9);
    expect(o).toMatchObject({ score_bound: 'lower', band: null });
  });

  it('all undecided: the same rule, a lower bound of 0 and no band', () => {
    expect(objective('all')).toMatchObject({ undecided: ['kr-ig', 'kr-ctr'], score: 0, score_bound: 'lower', band: null });
  });

  it('the band stands where the undecided key results cannot change it', () => {
    expect(objective('green').score).toBeCloseTo(0.75, 9);
    expect(objective('green')).toMatchObject({ score_bound: 'lower', band: 'green' });
    expect(objective('red')).toMatchObject({ score: 0, score_bound: 'lower', band: 'red' });
  });

  it('the text report and the scorecard CSV say the score is a lower bound', () => {
    const text = renderText(report, root.project!.site, kpis);
    expect(text).toContain('OKR partly: partly, score ≥ 0.50 (band undecided)');
    expect(text).toContain('OKR all: all, score ≥ 0.00 (band undecided)');
    expect(text).toContain('OKR green: green, score ≥ 0.75 (green)');
    const csv = scorecardCsv(report, kpis, { kind: 'live' }, 'EUR').trim().split('\r\n');
    const header = csv[0]!.split(',');
    const okrRow = (id: string) => csv.find((l) => l.includes(`,okr,${id},`))!.split(',');
    expect(okrRow('partly')[header.indexOf('bound')]).toBe('lower');
    expect(okrRow('partly')[header.indexOf('score')]).toBe('0.5');
    expect(okrRow('all')[header.indexOf('score')]).toBe('0');
  });
});
