/**
 * The KPI table's QoQ and YoY against partial or differently-channelled quarters (red-team 6 #11,
 * #16), on exports shaped like real ones (test/compareFixture.ts): a rate whose previous quarter's
 * inputs end apart is compared with that quarter over the days all its inputs cover, as the goal's
 * `baseline_to` is; a total over other channels keeps its change, flagged on the figure; a quarter
 * to date is flagged on each figure that grows with the days counted. JSON, CSV, text and the
 * "Biggest moves" agree.
 */
import { describe, expect, it } from 'vitest';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { changeText } from '../../src/format/changes.ts';
import { kpiCsv } from '../../src/site/csv.ts';
import { cellMove, quarterSummary } from '../../src/site/summary.ts';
import { days } from '../baselineToFixture.ts';
import { CLICKS_Q2_END, loadCompare } from '../compareFixture.ts';
import { expectClose, period } from '../coreFixtures.ts';

const { project, engine } = loadCompare();
const report = buildReport(project, engine, { quarter: period('2026-Q3') });
const metas = new Map(kpiMetas(engine).map((k) => [k.id, k]));
const fmt = { locale: 'en-US', currency: 'USD' };

describe('a rate whose previous quarter has inputs ending apart', () => {
  const ctr = report.kpis.linkedin!.ctr!;
  // Q2: clicks 30 a day to 10 June over impressions 1,000 a day: 3%, the same as Q3.
  const q2To10June = (days('2026-04-01', CLICKS_Q2_END).length * 30) / (days('2026-04-01', CLICKS_Q2_END).length * 1000);

  it('is compared with that quarter over the days all its inputs cover, as the goal baseline is', () => {
    const goal = report.goals.find((g) => g.id === 'li-ctr') as SmartGoalJson;
    expectClose(ctr.value, 0.03);
    expectClose(goal.baseline, q2To10June);
    expect(goal.baseline_to).toBe(CLICKS_Q2_END);
    // On main: +28.2% against clicks to 10 June over impressions to 30 June (2.34%).
    expectClose(ctr.qoq, (0.03 - goal.baseline!) / goal.baseline!);
    expect(ctr.qoq_to).toBe(CLICKS_Q2_END);
    expect(ctr.qoq_channels_differ).toBeUndefined();
  });

  it('is the same figure in the previous quarter’s own report: to the day its clicks stop, with its inputs_to', () => {
    // One rule for a quarter's own figure and its figure as an earlier quarter (red-team 7 #8): 3%, not 2.34%.
    const q2 = buildReport(project, engine, { quarter: period('2026-Q2') }).kpis.linkedin!.ctr!;
    expectClose(q2.value, q2To10June);
    expect(q2.data_to).toBe(CLICKS_Q2_END);
    expect(q2.inputs_to).toEqual({ linkedin: { clicks: CLICKS_Q2_END, impressions: '2026-06-30' } });
  });

  it('shows the same change in the CSV and no move on the page', () => {
    const [header, ...lines] = kpiCsv(report, metas, { kind: 'live' }, 'EUR').trimEnd().split('\r\n');
    const columns = header!.split(',');
    const row = lines
      .map((l) => l.split(','))
      .find((c) => c[columns.indexOf('channel')] === 'linkedin' && c[columns.indexOf('kpi')] === 'ctr')!;
    expect(Number(row[columns.indexOf('qoq')])).toBeCloseTo(0, 12);
    expect(row[columns.indexOf('qoq_to')]).toBe(CLICKS_Q2_END);
    // "Biggest moves" on the LinkedIn page: no "+0.7 pts" for a CTR that did not move.
    const moves = quarterSummary(report, metas, 'linkedin').movers;
    expect(moves.find((m) => m.id === 'ctr')?.change ?? 0).toBeCloseTo(0, 9);
  });
});

describe('figures whose change is not like for like', () => {
  const clicks = report.kpis.all!.clicks!;
  const impressions = report.kpis.all!.impressions!;

  it('flags a total’s YoY over other channels, keeping its value', () => {
    // 2025-Q3: LinkedIn alone; 2026-Q3: LinkedIn and Facebook (launched 15 June).
    expect(clicks.channels).toEqual(['facebook', 'linkedin']);
    expect(clicks.yoy_channels_differ).toBe(true);
    expectClose(clicks.yoy, (62 * 30 + 62 * 1000) / (92 * 20) - 1);
  });

  it('flags a total’s QoQ when a channel stopped before the quarter (TikTok in Q2 only)', () => {
    expect(impressions.left_out).toEqual(['tiktok']);
    expect(impressions.qoq_channels_differ).toBe(true);
    // Facebook's data start on 15 June: against a Q2 it covers in part, the total has no change (red-team 7 #8).
    expect(impressions.qoq).toBeNull();
    expect(impressions.qoq_partial).toEqual({ from: '2026-06-15', to: '2026-06-30' });
    // LinkedIn covers all of Q2: its own change stands.
    expect(report.kpis.linkedin!.impressions!.qoq_partial).toBeUndefined();
    expect(report.kpis.linkedin!.impressions!.qoq).not.toBeNull();
  });

  it('flags each figure of a quarter to date that grows with the days counted, not a rate', () => {
    expect(report.as_of).toBe('2026-08-31');
    expect(impressions.to_date).toBe(true);
    expect(clicks.to_date).toBe(true);
    expect(report.kpis.linkedin!.ctr!.to_date).toBeUndefined();
    const whole = buildReport(project, engine, { quarter: period('2026-Q2') });
    expect(whole.kpis.all!.impressions!.to_date).toBeUndefined();
  });

  it('carries the flags in the CSV', () => {
    const [header, ...lines] = kpiCsv(report, metas, { kind: 'live' }, 'EUR').trimEnd().split('\r\n');
    const columns = header!.split(',');
    const row = lines
      .map((l) => l.split(','))
      .find((c) => c[columns.indexOf('channel')] === 'all' && c[columns.indexOf('kpi')] === 'impressions')!;
    const cell = (name: string) => row[columns.indexOf(name)];
    expect([cell('qoq_channels_differ'), cell('yoy_channels_differ'), cell('to_date')]).toEqual(['true', 'true', 'true']);
  });

  it('is shown as over other channels, and is no move on the page', () => {
    expect(changeText(impressions, 'yoy', fmt)).toMatch(/ \(other channels\)$/);
    // Facebook from 15 June, LinkedIn's clicks to 10 June: Q2 has no day both channels' inputs cover (red-team 7 #8).
    expect(report.kpis.all!.ctr!.qoq).toBeNull();
    expect(changeText(report.kpis.all!.ctr!, 'qoq', fmt)).toBe('n/a: earlier quarter covered only 2026-06-15 – 2026-06-30');
    expect(cellMove(metas.get('impressions')!, impressions)).toBeNull();
  });
});
