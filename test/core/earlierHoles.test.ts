/**
 * An earlier quarter with days no export covers (red-team 12 #2): Facebook's daily export misses
 * 20 October – 30 November 2025 (a hole of 42 days inside one file, or the same days between two
 * files). 2026-Q1 against that quarter is not a change: a total's QoQ is null and a rate is compared
 * over the days covered, flagged (`qoq_partial` with its `gaps`), as against a quarter a channel
 * covers only in part; and the quarter is no change in the Achievable? history either, so the hole
 * does not read "best +88.6%".
 */
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { achievability, pastValues } from '../../src/core/achievability.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { parsePeriod } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { changesTitle, changeText } from '../../src/format/changes.ts';
import { kpiCsv } from '../../src/site/csv.ts';
import { cellMove } from '../../src/site/summary.ts';
import { days, loadRoot, type LoadedRoot } from '../exportsFixture.ts';
import { coveredSum, growingRow, HOLED_SITE, inHole } from '../holedExportFixture.ts';

const SITE = HOLED_SITE;
const GOALS = `goals:
  - { id: fb-impr, title: Impressions, channel: facebook, period: 2026-Q3, kpi: impressions, target: { change: "+12%" } }
`;

const row = growingRow;

const file = (first: string, last: string) =>
  JSON.stringify({
    channel: 'facebook',
    rows: days(first, last)
      .filter((d) => !inHole(d))
      .map(row),
  });

/** The hole inside one export (root c), and the same days between two exports (root c2). */
const roots: ReadonlyArray<readonly [string, LoadedRoot]> = [
  ['a hole inside one export', loadRoot(SITE, GOALS, { 'data/facebook/page.json': file('2024-07-01', '2026-09-30') })],
  [
    'a gap between two exports',
    loadRoot(SITE, GOALS, {
      'data/facebook/old.json': file('2024-07-01', '2025-10-19'),
      'data/facebook/new.json': file('2025-12-01', '2026-09-30'),
    }),
  ],
];

function quarter(label: string) {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.period;
}

const sum = coveredSum;

describe.each(roots)('an earlier quarter with %s', (_, root) => {
  it('gives a total no QoQ against it, flagged with the days no export covers', () => {
    expect(root.problems).toEqual([]);
    const json = buildReport(root.project!, root.engine!, { quarter: quarter('2026-Q1') });
    const impressions = json.kpis.facebook!.impressions!;
    expect(impressions.value).toBe(sum('2026-01-01', '2026-03-31', 'impressions'));
    expect(impressions.qoq).toBeNull();
    expect(impressions.qoq_partial).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
      gaps: [{ from: '2025-10-20', to: '2025-11-30' }],
    });
    expect(changeText(impressions, 'qoq', root.project!.site)).toBe(
      'n/a: earlier quarter has days no export covers (2025-10-20 – 2025-11-30)',
    );
    expect(changesTitle(impressions, root.project!.site)).toContain(
      'An export misses days of the earlier quarter (2025-10-20 – 2025-11-30)',
    );
    const metas = new Map(kpiMetas(root.engine!).map((m) => [m.id, m]));
    const text = renderText(json, root.project!.site, metas);
    expect(text).toContain('n/a: earlier quarter has days no export covers (2025-10-20 – 2025-11-30)');
    const [header, ...lines] = kpiCsv(json, metas, { kind: 'live' }, 'EUR').trimEnd().split('\r\n');
    const columns = header!.split(',');
    const row = lines.map((l) => l.split(',')).find((c) => c[columns.indexOf('kpi')] === 'impressions')!;
    expect(row[columns.indexOf('qoq_partial')]).toBe('2025-10-01..2025-12-31 except 2025-10-20..2025-11-30');
    // The quarter after is whole against whole.
    const next = buildReport(root.project!, root.engine!, { quarter: quarter('2026-Q2') }).kpis.facebook!.impressions!;
    expect(next.qoq).not.toBeNull();
    expect(next.qoq_partial).toBeUndefined();
  });

  it('compares a rate with its rate over the days covered, flagged', () => {
    const json = buildReport(root.project!, root.engine!, { quarter: quarter('2026-Q1') });
    const ctr = json.kpis.facebook!.ctr!;
    const before = sum('2025-10-01', '2025-12-31', 'clicks') / sum('2025-10-01', '2025-12-31', 'impressions');
    expect(ctr.previous).toBeCloseTo(before, 12);
    expect(ctr.qoq).toBeCloseTo(ctr.value! / before - 1, 12);
    expect(ctr.qoq_partial?.gaps).toEqual([{ from: '2025-10-20', to: '2025-11-30' }]);
    expect(changeText(ctr, 'qoq', root.project!.site)).toMatch(
      / \(earlier quarter without 2025-10-20 – 2025-11-30, days no export covers\)$/,
    );
    // Not ranked among the biggest moves, though the rate's change is a number.
    expect(
      cellMove(
        kpiMetas(root.engine!).find((m) => m.id === 'ctr')!,
        ctr,
      ),
    ).toBeNull();
    const printed = { ...json, partial: false, figures: 'live', version: null, frozen_at: null, currency: 'EUR' };
    const parsed = reportJsonSchema.safeParse(JSON.parse(JSON.stringify(printed)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('gives the holed quarter’s own total no change against whole quarters, its rate one over the days covered', () => {
    const json = buildReport(root.project!, root.engine!, { quarter: quarter('2025-Q4') });
    const impressions = json.kpis.facebook!.impressions!;
    expect(impressions.gaps).toEqual({ facebook: { impressions: [{ from: '2025-10-20', to: '2025-11-30' }] } });
    // 51 days against 92 would read −43%.
    expect(impressions.value).toBe(sum('2025-10-01', '2025-12-31', 'impressions'));
    expect([impressions.qoq, impressions.yoy]).toEqual([null, null]);
    const ctr = json.kpis.facebook!.ctr!;
    const now = sum('2025-10-01', '2025-12-31', 'clicks') / sum('2025-10-01', '2025-12-31', 'impressions');
    const before = sum('2025-07-01', '2025-09-30', 'clicks') / sum('2025-07-01', '2025-09-30', 'impressions');
    expect(ctr.qoq).toBeCloseTo(now / before - 1, 12);
  });

  it('leaves the quarter out of the Achievable? history: no change into it or out of it', () => {
    const goal = root.project!.goals.find((g) => g.id === 'fb-impr') as SmartGoal;
    const past = pastValues(root.engine!, goal, goal.period);
    expect(past.find((p) => p.period === '2025-Q4')?.complete).toBe(false);
    expect(past.filter((p) => p.period !== '2025-Q4').every((p) => p.complete)).toBe(true);
    const verdict = achievability(root.engine!, goal, goal.period);
    // Quarters grow by 5% a day and by their length (90 to 92 days): at most +7.3%, never +88.6%.
    expect(verdict.best).toBeLessThan(0.08);
    expect(verdict.best).toBeGreaterThan(0.05);
    expect(verdict.verdict).toBe('stretch');
  });
});
