/**
 * A goal whose previous period has days no export covers (red-team 12 #2, goals): Facebook's daily
 * export misses 20 October – 30 November 2025 (a hole inside one file, or the same days between
 * two files). A 2026-Q1 goal then reads that quarter as one a channel covers only in part
 * (`previous_partial`, with the hole as its `gaps`): a total's "+12%" is flagged, and a rate's
 * implicit baseline is taken over the days covered (clicks, from an ads export with no hole, are
 * not divided by impressions that miss 42 of their days).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { renderText } from '../../src/cli/report.ts';
import { buildSnapshot } from '../../src/core/freeze.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parsePeriod } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { snapshotSchema } from '../../src/load/snapshotSchema.ts';
import { scorecardCsv } from '../../src/site/csv.ts';
import { goalView } from '../../src/site/goalView.ts';
import { days, loadRoot, type LoadedRoot } from '../exportsFixture.ts';
import { coveredSum, growingRow, HOLED_SITE, inHole } from '../holedExportFixture.ts';

const SITE = HOLED_SITE;
const GOALS = `goals:
  - { id: impr, title: Impressions, channel: facebook, period: 2026-Q1, kpi: impressions, target: { change: "+12%" } }
  - { id: ctr, title: CTR, channel: facebook, period: 2026-Q1, kpi: ctr, target: { change: "+10%" } }
`;

const row = growingRow;

/** Page exports (impressions) that miss the hole; the ads export (clicks) covers every day. */
const file = (first: string, last: string) =>
  JSON.stringify({
    channel: 'facebook',
    rows: days(first, last)
      .filter((d) => !inHole(d))
      .map((d) => ({ date: d, impressions: row(d).impressions })),
  });
const ads = JSON.stringify({
  channel: 'facebook',
  rows: days('2024-07-01', '2026-09-30').map((d) => ({ date: d, clicks: row(d).clicks })),
});

const roots: ReadonlyArray<readonly [string, LoadedRoot]> = [
  [
    'a hole inside one export',
    loadRoot(SITE, GOALS, { 'data/facebook/page.json': file('2024-07-01', '2026-09-30'), 'data/facebook/ads.json': ads }),
  ],
  [
    'a gap between two exports',
    loadRoot(SITE, GOALS, {
      'data/facebook/old.json': file('2024-07-01', '2025-10-19'),
      'data/facebook/new.json': file('2025-12-01', '2026-09-30'),
      'data/facebook/ads.json': ads,
    }),
  ],
];

const q1 = (() => {
  const parsed = parsePeriod('2026-Q1');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.period;
})();

const sum = coveredSum;

const PART = { from: '2025-10-01', to: '2025-12-31', gaps: [{ from: '2025-10-20', to: '2025-11-30' }] };

describe.each(roots)('a goal whose previous period has %s', (_, root) => {
  const json = () => buildReport(root.project!, root.engine!, { quarter: q1 });
  const goal = (id: string) => {
    const g = json().goals.find((x) => x.id === id);
    if (!g || g.type !== 'smart') throw new Error(`no smart goal ${id}`);
    return g;
  };

  it("flags a total's relative target as set on a partial previous total, with the days no export covers", () => {
    expect(root.problems).toEqual([]);
    const g = goal('impr');
    expect(g.previous_partial).toEqual(PART);
    // As a previous total a channel covers in part: kept as it is, and flagged.
    expect(g.target).toBeCloseTo(sum('2025-10-01', '2025-12-31', 'impressions') * 1.12, 6);
  });

  it("takes a rate's implicit baseline over the days covered, flagged with the gaps", () => {
    const g = goal('ctr');
    expect(g.previous_partial).toEqual(PART);
    expect(g.baseline).toBeCloseTo(
      sum('2025-10-01', '2025-12-31', 'clicks') / sum('2025-10-01', '2025-12-31', 'impressions'),
      12,
    );
  });

  it('says "except" the days no export covers in the text report, the scorecard CSV, the goal page and validate', () => {
    const report = json();
    const metas = new Map(kpiMetas(root.engine!).map((m) => [m.id, m]));
    const text = renderText(report, root.project!.site, metas).split('\n');
    const line = (id: string) =>
      text
        .slice(text.findIndex((l) => l.includes(` ${id}: `)))
        .slice(0, 2)
        .join('\n');
    expect(line('impr')).toContain(
      "the previous total is partial: a channel's data cover only 2025-10-01 to 2025-12-31 except 2025-10-20 to 2025-11-30",
    );
    expect(line('ctr')).toContain('over the previous period only from 2025-10-01 to 2025-12-31 except 2025-10-20 to 2025-11-30');
    const rows = parse(scorecardCsv(report, metas, { kind: 'live' }, 'EUR'), { columns: true }) as Array<Record<string, string>>;
    const cell = (id: string) => rows.find((r) => r['goal'] === id)?.['previous_partial'];
    expect(cell('impr')).toBe('2025-10-01..2025-12-31 except 2025-10-20..2025-11-30');
    expect(cell('ctr')).toBe('2025-10-01..2025-12-31 except 2025-10-20..2025-11-30');
    const page = (id: string) =>
      goalView(
        root.project!,
        root.engine!,
        root.project!.goals.find((g) => g.id === id)!,
      )
        .definition.map(([, t]) => t)
        .join('\n');
    expect(page('impr')).toContain('covers only Oct 1, 2025 to Dec 31, 2025 except Oct 20, 2025 – Nov 30, 2025');
    expect(page('ctr')).toContain('only from Oct 1, 2025 to Dec 31, 2025 except Oct 20, 2025 – Nov 30, 2025');
    expect(root.notes.join('\n')).toContain(
      'the previous total (impressions over 2025-Q4) covers only 2025-10-01 to 2025-12-31 except 2025-10-20 to 2025-11-30 (50 of 92 days',
    );
  });

  it('keeps report --json and a frozen snapshot to their schemas, gaps included', () => {
    const printed = { ...json(), figures: 'live', version: null, frozen_at: null, partial: false, currency: 'EUR' };
    const parsed = reportJsonSchema.safeParse(JSON.parse(JSON.stringify(printed)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const snapshot = buildSnapshot(root.project!, root.engine!, q1, {
      version: 1,
      frozenAt: '2026-04-01T00:00:00Z',
      commit: null,
      uncommittedChanges: false,
    });
    const frozen = snapshotSchema.safeParse(JSON.parse(JSON.stringify(snapshot)));
    expect(frozen.success, JSON.stringify(frozen.error?.issues)).toBe(true);
    // The frozen goal keeps its previous period's gaps, as report --json gives them.
    const kept = (snapshot.figures['all']!.report.goals as Array<{ id: string; previous_partial?: unknown }>).find(
      (g) => g.id === 'impr',
    );
    expect(kept?.previous_partial).toEqual(PART);
  });
});
