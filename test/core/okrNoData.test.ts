/**
 * An objective with a key result that has no data (red-team 14 #1): a share-of-voice key result
 * whose listening export is not in the repository yet, a CTR key result whose relative target
 * has no previous quarter to apply to. Such a key result has no score and counts 0 in the
 * objective's, which is then only a floor of the true one (the key result could score anything
 * from 0 to 1), as with an undecided key result: the score is a lower bound, the key results are
 * named, and the band is given only where they could not change it.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type OkrGoalJson } from '../../src/core/report.ts';
import { scorecardCsv } from '../../src/site/csv.ts';
import { day } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
const IMPRESSIONS = '{ id: kr-impressions, kpi: impressions, channel: instagram, target: 100000 }';
const SOV = '{ id: kr-sov, kpi: share_of_voice, channel: all, baseline: 0.2, target: 0.3 }';
const CTR = '{ id: kr-ctr, kpi: ctr, channel: instagram, target: { change: "+10%" } }';
const okr = (id: string, krs: readonly string[]) =>
  `  - id: ${id}\n    type: okr\n    title: ${id}\n    period: 2026-Q3\n    key_results:\n${krs.map((kr) => `      - ${kr}\n`).join('')}`;
const GOALS =
  'goals:\n' +
  // Achieved 1 and no data (0 to 1): 0.5 to 1, yellow or green.
  okr('listening', [IMPRESSIONS, SOV]) +
  okr('no-baseline', [IMPRESSIONS, CTR]) +
  // 0.75 to 1: green whatever the key result without data scores.
  okr('green', [IMPRESSIONS.replace('}', ', weight: 3 }'), SOV]) +
  // No key result with a score: no score at all, as before.
  okr('none', [SOV, CTR]);
// Instagram's Q3 content export: impressions and clicks, no mentions; nothing before Q3.
const DATA = {
  'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({ impressions: 5000, clicks: 50 })),
};
const root = loadRoot(SITE, GOALS, DATA);
if (!root.project || !root.engine) throw new Error(root.problems.join('; '));
const quarter = parseQuarter('2026-Q3');
if (!quarter.ok) throw new Error(quarter.reason);
const report = buildReport(root.project, root.engine, { quarter: quarter.period, asOf: day('2026-09-30') });
const kpis = new Map(kpiMetas(root.engine).map((k) => [k.id, k]));
const objective = (id: string) => report.goals.find((g) => g.id === id) as OkrGoalJson;

describe('an objective with a key result without data (red-team 14 #1)', () => {
  it('the key result has no data and no score', () => {
    const kr = objective('listening').key_results.find((k) => k.id === 'kr-sov')!;
    expect(kr).toMatchObject({ status: 'no_data', score: null });
  });

  it('its score is a lower bound, the key results without data named, and no band while they could change it', () => {
    expect(objective('listening')).toMatchObject({ score: 0.5, score_bound: 'lower', band: null, without_data: ['kr-sov'] });
    expect(objective('no-baseline')).toMatchObject({ score: 0.5, score_bound: 'lower', band: null, without_data: ['kr-ctr'] });
  });

  it('the band stands where they cannot change it', () => {
    expect(objective('green')).toMatchObject({ score: 0.75, score_bound: 'lower', band: 'green', without_data: ['kr-sov'] });
  });

  it('with no key result scored, no score and no band, as before', () => {
    const o = objective('none');
    expect(o).toMatchObject({ score: null, band: null });
    expect(o.score_bound).toBeUndefined();
  });

  it('the text report and the scorecard CSV say the score is a lower bound', () => {
    const text = renderText(report, root.project!.site, kpis);
    expect(text).toContain('OKR listening: listening, score ≥ 0.50 (band undecided)');
    expect(text).toContain('the kr-sov without data count 0');
    const csv = scorecardCsv(report, kpis, { kind: 'live' }, 'EUR').trim().split('\r\n');
    const header = csv[0]!.split(',');
    const row = csv.find((l) => l.includes(',okr,listening,'))!.split(',');
    expect(row[header.indexOf('bound')]).toBe('lower');
  });
});
