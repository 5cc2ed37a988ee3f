/**
 * Wherever a KPI cell or a key result appears, its caveats appear with it (red-team 7 #11 and the
 * follow-ups of its report): a week no export covers (Facebook's impressions, 3 to 9 August,
 * counted as nothing) is said beside the KPI value and in the KPI CSV's `gaps` column; an
 * approximate value names the side it is a bound on (spend per thousand reached over a reach
 * summed from month rows is a LOWER bound, not the "upper bound" every ≈ said); and key results
 * carry `approximate` and `bound` into the scorecard CSV, their notes ("Undecided: the actual is
 * only a lower bound …") and the text report, as SMART goals do. On main none of these was said.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type OkrGoalJson } from '../../src/core/report.ts';
import { approximateTitle, figureBound } from '../../src/format/bound.ts';
import { gapsNote } from '../../src/format/gaps.ts';
import { kpiCsv, scorecardCsv } from '../../src/site/csv.ts';
import { keyResultNotes } from '../../src/site/okrView.ts';
import { uiStrings } from '../../src/translations/index.ts';
import { CPR_KPI, FACEBOOK_MISSING_WEEK, INSTAGRAM_SPEND_MONTHLY_REACH, loadRoot } from '../exportsFixture.ts';

const SITE =
  'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  facebook: { label: Facebook }\n  instagram: { label: Instagram }\n';
const GOALS = `kpis:
${CPR_KPI}goals:
  - { id: okr, type: okr, title: Reach OKR, period: 2026-Q3, key_results: [
      { id: kr-cpr, kpi: cpr, channel: instagram, target: 20 },
      { id: kr-reach, kpi: reach, channel: instagram, baseline: 500000, target: 700000 },
      { id: kr-spend, kpi: spend, channel: instagram, target: 10000 } ] }
`;
const root = loadRoot(SITE, GOALS, { ...INSTAGRAM_SPEND_MONTHLY_REACH, ...FACEBOOK_MISSING_WEEK });
if (!root.project || !root.engine) throw new Error(root.problems.join('; '));
const parsed = parseQuarter('2026-Q3');
if (!parsed.ok) throw new Error(parsed.reason);
const report = buildReport(root.project, root.engine, { quarter: parsed.period });
const metas = new Map(kpiMetas(root.engine).map((k) => [k.id, k]));
const records = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;
const site = root.project.site;
const krs = (report.goals.find((g) => g.id === 'okr') as OkrGoalJson).key_results;
const kr = (id: string) => krs.find((k) => k.id === id)!;

describe('a KPI cell over days no export covers', () => {
  const cell = report.kpis['facebook']!['impressions']!;

  it('is said beside the value, in the goals’ words', () => {
    // 55 of the quarter's first 62 days: the missing week counts as nothing.
    expect(cell.value).toBe(550000);
    const note = gapsNote(cell.gaps, site, (iso) => iso);
    expect(note?.short).toBe('no export covers Impressions on Facebook from 2026-08-03 to 2026-08-09');
    expect(note?.long).toContain('those days count for nothing in the figure');
  });

  it('is given in the KPI CSV’s gaps column, empty for a cell without', () => {
    const rows = records(kpiCsv(report, metas, { kind: 'live' }, 'EUR'));
    const row = (channel: string, kpi: string) => rows.find((r) => r['channel'] === channel && r['kpi'] === kpi)!;
    expect(row('facebook', 'impressions')['gaps']).toBe('facebook impressions=2026-08-03..2026-08-09');
    expect(row('all', 'impressions')['gaps']).toBe('facebook impressions=2026-08-03..2026-08-09');
    expect(row('instagram', 'impressions')['gaps']).toBe('');
  });

  it('is said in the text report’s KPI lines', () => {
    const text = renderText(report, site, metas);
    expect(text).toMatch(/Impressions \[no export covers Impressions on Facebook from 2026-08-03 to 2026-08-09\]/);
  });
});

describe('an approximate KPI value', () => {
  const cpr = report.kpis['instagram']!['cpr']!;
  const reach = report.kpis['instagram']!['reach']!;

  it('names its side in the KPI CSV’s bound column', () => {
    const rows = records(kpiCsv(report, metas, { kind: 'live' }, 'EUR'));
    const row = (kpi: string) => rows.find((r) => r['channel'] === 'instagram' && r['kpi'] === kpi)!;
    expect([row('cpr')['approximate'], row('cpr')['bound']]).toEqual(['true', 'lower']);
    expect([row('reach')['approximate'], row('reach')['bound']]).toEqual(['true', 'upper']);
    expect([row('spend')['approximate'], row('spend')['bound']]).toEqual(['false', '']);
  });

  it('is marked ≈ with the side it is a bound on, in each language', () => {
    const en = uiStrings('en-US');
    expect(approximateTitle(cpr, en)).toBe(en.kpiTable.approximateLower);
    expect(approximateTitle(cpr, en)).toContain('lower bound');
    expect(approximateTitle(reach, en)).toBe(en.kpiTable.approximate);
    expect(approximateTitle(report.kpis['instagram']!['spend']!, en)).toBeNull();
    expect(approximateTitle(cpr, uiStrings('fr-FR'))).toContain('borne basse');
    expect(approximateTitle(cpr, uiStrings('it-IT'))).toContain('limite inferiore');
    expect(approximateTitle({ approximate: true, bound: 'unbounded' }, en)).toContain('neither exact nor a bound');
  });

  it('is an upper bound in snapshots frozen before `bound`, and no bound where a row was cut', () => {
    expect(figureBound({ approximate: true })).toBe('upper');
    expect(figureBound({ approximate: true, bound: 'lower', cut_rows: true })).toBeNull();
  });

  it('says its side in the text report', () => {
    const text = renderText(report, site, metas);
    expect(text).toContain('Cost per 1000 reached (≈ lower bound)');
    expect(text).toContain('Reach (≈ upper bound)');
  });
});

describe('a key result whose actual is only a bound', () => {
  it('carries approximate and bound into the scorecard CSV', () => {
    const rows = records(scorecardCsv(report, metas, { kind: 'live' }, 'EUR'));
    const row = (id: string) => rows.find((r) => r['key_result'] === id)!;
    expect([row('kr-cpr')['approximate'], row('kr-cpr')['bound']]).toEqual(['true', 'lower']);
    expect([row('kr-reach')['approximate'], row('kr-reach')['bound']]).toEqual(['true', 'upper']);
    expect([row('kr-spend')['approximate'], row('kr-spend')['bound']]).toEqual(['false', '']);
    // Its undecided key results make the objective's score a lower bound (red-team 9 #12).
    expect(rows.find((r) => r['type'] === 'okr')!['bound']).toBe('lower');
  });

  it('says why its status is undecided, as a SMART goal does', () => {
    const t = uiStrings('en-US');
    expect(kr('kr-cpr')).toMatchObject({ status: 'undecided', bound: 'lower' });
    expect(keyResultNotes(kr('kr-cpr'), 'down', t)).toEqual([{ kind: 'undecided-bound', text: t.goal.lowerBound }]);
    expect(keyResultNotes(kr('kr-spend'), 'down', t)).toEqual([]);
  });

  it('is marked in the text report', () => {
    const text = renderText(report, site, metas);
    const line = text.split('\n').find((l) => l.includes('kr-cpr:'))!;
    expect(line).toContain('≈€10.33 (lower bound) of €20.00');
    expect(line).toContain('undecided: the actual is only a lower bound');
  });
});

describe('a total over days no export covers, at its deadline (red-team 9 #7)', () => {
  it('is marked ≈ as a lower bound, though not approximate', () => {
    const t = uiStrings('en-US');
    const goal = { approximate: undefined, bound: 'lower' as const };
    expect(figureBound(goal)).toBe('lower');
    expect(approximateTitle(goal, t)).toBe(t.kpiTable.approximateLower);
    expect(figureBound({ bound: 'exact' as const })).toBeNull();
    expect(figureBound({ approximate: true })).toBe('upper');
    expect(figureBound({ approximate: true, bound: 'lower' as const, cut_rows: true })).toBeNull();
  });

  it('says in its tooltip that days no export covers make it one, not reach (red-team 26 #8)', () => {
    const t = uiStrings('en-US');
    const gaps = { 'meta-ads': { spend: [{ from: '2026-08-01', to: '2026-08-31' }] } };
    expect(approximateTitle({ bound: 'lower' as const, gaps }, t)).toBe(
      'at least: no export covers some of its days, which count as none here',
    );
    expect(approximateTitle({ bound: 'lower' as const, gaps }, uiStrings('fr-FR'))).toBe(
      uiStrings('fr-FR').kpiTable.approximateGaps,
    );
    // A lower bound from reach keeps its own reason, gaps or not.
    expect(approximateTitle({ approximate: true, bound: 'lower' as const, gaps }, t)).toBe(t.kpiTable.approximateLower);
  });
});
