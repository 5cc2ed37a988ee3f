/**
 * A month missing inside one export of month rows (test/monthHoleFixture.ts: mentions for April,
 * May, July, August and September in one file) reads as the JSON gives it wherever its change is
 * shown: in 2026-Q3 no QoQ against a 2026-Q2 that misses June ("n/a", the earlier quarter's days
 * no export covers), in 2026-Q2 no change with June as the days no export covers, on the quarter
 * page's KPI table, in the KPI CSV and in the text report, and it is no "biggest move". On main
 * 2026-Q3 said "+80.0%".
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport } from '../../src/core/report.ts';
import { changeText } from '../../src/format/changes.ts';
import { gapsNote } from '../../src/format/gaps.ts';
import { kpiCsv } from '../../src/site/csv.ts';
import { quarterSummary } from '../../src/site/summary.ts';
import { period } from '../coreFixtures.ts';
import { monthHoleRoot } from '../monthHoleFixture.ts';

const root = monthHoleRoot();
const project = root.project!;
const kpis = new Map(kpiMetas(root.engine!).map((k) => [k.id, k]));
const reportOf = (quarter: string) => buildReport(project, root.engine!, { quarter: period(quarter) });
const csvRow = (quarter: string) =>
  (parse(kpiCsv(reportOf(quarter), kpis, { kind: 'live' }, 'EUR'), { columns: true }) as Array<Record<string, string>>).find(
    (r) => r['channel'] === 'facebook' && r['kpi'] === 'mentions',
  )!;
const textLine = (quarter: string) =>
  renderText(reportOf(quarter), project.site, kpis)
    .split('\n')
    .find((l) => /^Mentions\b/.test(l.trim()))!;

describe('2026-Q3 against a 2026-Q2 whose month rows miss June', () => {
  const cell = reportOf('2026-Q3').kpis['facebook']!['mentions']!;

  it('has no change on the quarter page, saying the earlier quarter has days no export covers', () => {
    expect(changeText(cell, 'qoq', project.site)).toBe(
      'n/a: earlier quarter has days no export covers (2026-06-01 – 2026-06-30)',
    );
  });

  it('has no change in the KPI CSV, with the earlier quarter’s gaps', () => {
    const row = csvRow('2026-Q3');
    expect([row['value'], row['qoq']]).toEqual(['360', '']);
    expect(Object.values(row).join(' ')).toContain('2026-06-01..2026-06-30');
  });

  it('has no change in the text report', () => {
    const line = textLine('2026-Q3');
    expect(line).toContain('n/a: earlier quarter has days no export covers (2026-06-01 – 2026-06-30)');
    expect(line).not.toContain('%');
  });

  it('is no biggest move', () => {
    expect(quarterSummary(reportOf('2026-Q3'), kpis, 'facebook').movers.map((m) => m.id)).not.toContain('mentions');
  });
});

describe('2026-Q2, whose month rows miss June', () => {
  const cell = reportOf('2026-Q2').kpis['facebook']!['mentions']!;

  it('says no export covers June on the quarter page, in the KPI CSV and in the text report', () => {
    expect(gapsNote(cell.gaps, project.site)?.short).toBe('no export covers Mentions on Facebook from 2026-06-01 to 2026-06-30');
    expect(csvRow('2026-Q2')['gaps']).toBe('facebook mentions=2026-06-01..2026-06-30');
    expect(textLine('2026-Q2')).toContain('no export covers Mentions on Facebook from 2026-06-01 to 2026-06-30');
  });
});
