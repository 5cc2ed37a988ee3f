/**
 * A goal's previous quarter that a channel covers only in part (red-team 9 #4, root n1): Instagram's
 * daily export starts on 15 May, Facebook's data run all year (test/partialBaselineFixture.ts). The
 * KPI table compares Q3 with the days of Q2 every channel covers; the goal now takes its previous
 * quarter the same way, and says so:
 * - a rate's implicit baseline (all-channel CTR) is taken over 15 May – 30 June, as the KPI table's
 *   previous value is (on main: CTR over the whole of Q2, Facebook's 91 days beside Instagram's 47);
 * - a total's `previous` (47 days of Instagram impressions) is kept and flagged, and judges no
 *   achievability (on main: "already met, a change of −73.4%");
 * - a reach, which grows with its days, gets no implicit baseline (on main: 47 days of reach);
 * - `previous_partial` in JSON and snapshots, the CSV, the text report, the goal page (en, fr, it)
 *   and a validate note say it; a baseline given, or a previous quarter covered whole, changes nothing.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { renderText } from '../../src/cli/report.ts';
import { achievability } from '../../src/core/achievability.ts';
import { evaluateGoal, type SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildSnapshot } from '../../src/core/freeze.ts';
import type { Measure } from '../../src/core/goals.ts';
import { windowFor } from '../../src/core/kpis.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { measureTarget } from '../../src/core/targets.ts';
import { buildReport, type OkrGoalJson, type SmartGoalJson } from '../../src/core/report.ts';
import { snapshotSchema } from '../../src/load/snapshotSchema.ts';
import { scorecardCsv } from '../../src/site/csv.ts';
import { achievabilityViews } from '../../src/site/achievabilityView.ts';
import { goalView } from '../../src/site/goalView.ts';
import { day, expectClose, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';
import { CTR_BOTH, CTR_Q2_WHOLE, IG_START, loadPartial, SITE } from '../partialBaselineFixture.ts';

const Q3 = period('2026-Q3');
const { project, engine, notes } = loadPartial();
const measure = (id: string) => project.goals.find((g) => g.id === id) as unknown as Measure;
const covered = { from: day(IG_START), to: day('2026-06-30') };
const report = buildReport(project, engine, { quarter: Q3 });
const json = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;
const partialJson = { from: IG_START, to: '2026-06-30' };

describe('a rate whose previous quarter a channel covers only in part', () => {
  it('takes its implicit baseline over the days every channel covers, as the KPI table does', () => {
    const m = measureTarget(engine, measure('all-ctr'), Q3);
    expect(m.previousPartial).toEqual(covered);
    expectClose(m.baseline, CTR_BOTH);
    expectClose(m.previous, CTR_BOTH);
    // The KPI table's all-channel CTR: the same previous quarter, the same partial span.
    const table = kpiChanges(engine, ['facebook', 'instagram'], Q3).get('ctr')!;
    expect(table.previousPartial).toEqual(covered);
    expectClose(m.baseline, table.previous!);
    // Not the CTR over the whole of Q2 (2.4%), which read the unchanged CTR as a fall.
    expect(Math.abs(m.baseline! - CTR_Q2_WHOLE)).toBeGreaterThan(0.002);
    const e = evaluateGoal(
      engine,
      project.goals.find((g) => g.id === 'all-ctr')!,
      day('2026-09-30'),
    ) as SmartEvaluation;
    expectClose(e.progress, 0);
  });

  it('resolves a relative target against that baseline', () => {
    const m = measureTarget(engine, measure('all-ctr-rel'), Q3);
    expectClose(m.target, CTR_BOTH * 1.1);
    expect(m.previousPartial).toEqual(covered);
  });

  it('leaves a baseline given, and a previous quarter covered whole, as they were', () => {
    const given = measureTarget(engine, measure('all-ctr-given'), Q3);
    expect(given).toMatchObject({ baseline: 0.02, previousPartial: null });
    const fb = measureTarget(engine, measure('fb-ctr'), Q3);
    expect(fb.previousPartial).toBeNull();
    const whole = windowFor(engine, ['facebook'], day('2026-04-01'), day('2026-06-30')).value(engine.kpis.get('ctr')!);
    expect(fb.baseline).toBe(whole.value);
  });
});

describe('a total or a reach whose previous quarter a channel covers only in part', () => {
  it('keeps a total’s previous figure, flagged, and judges no achievability from it', () => {
    const m = measureTarget(engine, measure('ig-impr'), Q3);
    expect(m).toMatchObject({ previous: 47 * 8000, baseline: 0, previousPartial: covered });
    expect(achievability(engine, measure('ig-impr'), Q3)).toMatchObject({ verdict: 'unknown', needed: null });
  });

  it('gives a reach no implicit baseline: part of a period is none', () => {
    const m = measureTarget(engine, measure('ig-reach'), Q3);
    expect(m).toMatchObject({ baseline: null, previousPartial: covered });
    expect(json('ig-reach')).toMatchObject({ baseline: null, progress: null, status: 'no_data' });
  });
});

describe('where the partial previous quarter is said', () => {
  it('report JSON and snapshots: previous_partial on goals and key results, in the published shapes', () => {
    expect(json('all-ctr').previous_partial).toEqual(partialJson);
    expect(json('ig-impr').previous_partial).toEqual(partialJson);
    expect(json('all-ctr-given')).not.toHaveProperty('previous_partial');
    expect(json('fb-ctr')).not.toHaveProperty('previous_partial');
    const okr = report.goals.find((g) => g.id === 'okr') as OkrGoalJson;
    expect(okr.key_results.map((kr) => kr.previous_partial)).toEqual([partialJson, partialJson]);
    // As `report --json` prints it (test/cli/reportBaselineTo.test.ts runs the command itself).
    const printed = { ...report, figures: 'live', version: null, frozen_at: null, partial: false, currency: 'EUR' };
    const parsed = reportJsonSchema.safeParse(printed);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const snapshot = buildSnapshot(project, engine, Q3, {
      version: 1,
      frozenAt: '2026-10-01T00:00:00Z',
      commit: null,
      uncommittedChanges: false,
    });
    const frozen = snapshotSchema.safeParse(JSON.parse(JSON.stringify(snapshot)));
    expect(frozen.success, JSON.stringify(frozen.error?.issues)).toBe(true);
  });

  it('validate notes it at the target, and no longer calls the 47-day total a target already met', () => {
    const at = (line: number) => notes.filter((n) => n.startsWith(`goals/g.yaml:${line}:`));
    expect(at(2)).toContainEqual(
      expect.stringContaining(
        "the baseline (ctr over 2026-Q2, as none is given) covers only 2026-05-15 to 2026-06-30 (47 of 91 days: instagram's daily data start on 2026-05-15)",
      ),
    );
    expect(at(6)).toContainEqual(
      expect.stringContaining(
        'the previous total (impressions over 2026-Q2) covers only 2026-05-15 to 2026-06-30 (47 of 91 days: ' +
          "instagram's daily data start on 2026-05-15): it is shown flagged, and no achievability is judged from it",
      ),
    );
    expect(at(6).some((n) => n.includes('already met'))).toBe(false);
    expect(at(7)).toContainEqual(
      expect.stringMatching(/no baseline: reach over 2026-Q2 .* covers only 2026-05-15 to 2026-06-30/),
    );
    expect(at(4)).toEqual([]);
  });

  it('the text report says the days the baseline is taken over, or why there is none', () => {
    const kpis = new Map(kpiMetas(engine).map((k) => [k.id, k]));
    const lines = renderText(report, project.site, kpis).split('\n');
    const figures = (id: string) => lines[lines.findIndex((l) => l.includes(` ${id}: `)) + 1]!;
    expect(figures('all-ctr')).toContain(
      '(baseline 2.1%, over the previous period only from 2026-05-15 to 2026-06-30, the days every channel covers)',
    );
    expect(figures('ig-impr')).toContain(
      "(baseline 0; the previous total is partial: a channel's data cover only 2026-05-15 to 2026-06-30 of the previous period)",
    );
    expect(figures('ig-reach')).toContain("(baseline n/a: none, as a channel's data cover only 2026-05-15 to 2026-06-30");
    expect(figures('all-ctr-given')).toContain('(baseline 2.0%),');
    expect(lines.find((l) => l.includes(' kr-ctr: '))).toContain('baseline 2.1%, over the previous period only from 2026-05-15');
  });

  it('the scorecard CSV gives previous_partial, appended', () => {
    const text = scorecardCsv(report, new Map(kpiMetas(engine).map((k) => [k.id, k])), { kind: 'live' }, 'EUR');
    expect(text.split('\r\n')[0]!.split(',').slice(-8, -3)).toEqual([
      'previous_partial',
      'met_so_far',
      'baseline_bound',
      'currency',
      'counted_from',
    ]);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    const cell = (goal: string, kr = '') => rows.find((r) => r['goal'] === goal && r['key_result'] === kr)!['previous_partial'];
    expect(cell('all-ctr')).toBe('2026-05-15..2026-06-30');
    expect(cell('ig-impr')).toBe('2026-05-15..2026-06-30');
    expect(cell('okr', 'kr-ctr')).toBe('2026-05-15..2026-06-30');
    expect(cell('fb-ctr')).toBe('');
  });

  it('the goal page gives the baseline with its days, and why (en, fr, it)', () => {
    const targetRow = (id: string, locale: string) => {
      const loaded = locale === 'en-US' ? { project, engine } : loadPartial(locale);
      const v = goalView(
        loaded.project,
        loaded.engine,
        loaded.project.goals.find((g) => g.id === id)!,
      );
      return v.definition.map(([, text]) => text).join('\n');
    };
    expect(targetRow('all-ctr', 'en-US')).toContain(
      '2.5% by the deadline, from a baseline of 2.1% over May 15\u2009–\u2009Jun 30, 2026.',
    );
    expect(targetRow('all-ctr', 'en-US')).toContain(
      'A channel’s data cover 2026-Q2 only from May 15, 2026 to Jun 30, 2026: the baseline (Click-through rate) is taken over those days',
    );
    expect(targetRow('all-ctr-rel', 'en-US')).toContain('(+10% on the baseline of 2.1% over May 15\u2009–\u2009Jun 30, 2026)');
    expect(targetRow('ig-impr', 'en-US')).toContain(
      'The previous period’s total (2026-Q2) covers only May 15, 2026 to Jun 30, 2026',
    );
    expect(targetRow('ig-reach', 'en-US')).toContain('No baseline: a channel’s data cover 2026-Q2 only from May 15, 2026');
    expect(targetRow('all-ctr-given', 'en-US')).not.toContain('2026-Q2 only');
    // Intl puts narrow and thin spaces in numbers and ranges: \s matches them.
    expect(targetRow('all-ctr', 'fr-FR')).toMatch(
      /à partir d’une valeur de référence de 2,1\s%\s\(sur 15\smai\s–\s30\sjuin\s2026\)/,
    );
    expect(targetRow('ig-reach', 'fr-FR')).toContain('Pas de valeur de référence');
    expect(targetRow('all-ctr', 'it-IT')).toMatch(/partendo da 2,1%\s\(nel periodo 15\smag\s–\s30\sgiu\s2026\)/);
    expect(targetRow('ig-impr', 'it-IT')).toContain('un totale parziale');
    // Its "Achievable?" says why it is not judged, not that there is no previous value.
    const [view] = achievabilityViews(
      project,
      engine,
      project.goals.find((g) => g.id === 'ig-impr')!,
    );
    expect(view).toMatchObject({ verdict: 'unknown' });
    expect(view!.text).toMatch(/^The previous period is covered only in part/);
  });
});

describe('a previous quarter whose export stops before its end (the Q1 file downloaded on 20 March)', () => {
  const root = loadRoot(
    SITE,
    'goals:\n  - { id: ig-q2, title: Q2, channel: instagram, period: 2026-Q2, kpi: impressions, target: { change: "+10%" } }\n',
    {
      'data/instagram-2026-q1.json': dailyExport('instagram', '2026-01-01', '2026-03-20', () => ({ impressions: 20_000 })),
      'data/instagram-2026-q2.json': dailyExport('instagram', '2026-04-01', '2026-06-30', () => ({ impressions: 20_000 })),
    },
  );
  const { project: p, engine: e } = { project: root.project!, engine: root.engine! };
  const r = buildReport(p, e, { quarter: period('2026-Q2') });

  it('flags the relative target’s total once: partial to the day the data end', () => {
    expect(r.goals[0]).toMatchObject({
      previous: 79 * 20_000,
      reference_to: '2026-03-20',
      previous_partial: { from: '2026-01-01', to: '2026-03-20' },
    });
    const text = renderText(r, p.site, new Map(kpiMetas(e).map((k) => [k.id, k])));
    expect(text).toContain("the previous total is partial: a channel's data cover only 2026-01-01 to 2026-03-20");
    expect(text).not.toContain('counts an input only to');
    const page = goalView(p, e, p.goals[0]!)
      .definition.map(([, t]) => t)
      .join('\n');
    expect(page).toContain('covers only Jan 1, 2026 to Mar 20, 2026');
    expect(page).not.toContain('counts one of its inputs only up to');
  });
});
