/**
 * A total whose month rows stop before its quarter ends (rt13 #5, test/monthCutFixture.ts) reads
 * as the JSON gives it wherever its change is shown: no QoQ ("n/a") with the days its rows miss
 * ("no export covers Mentions on Facebook from … to …") on the quarter page's KPI table, in the
 * KPI CSV and in the text report, and it is no "biggest move". On main each said "−20.0%".
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
import { monthsToAugust } from '../monthCutFixture.ts';

const root = monthsToAugust();
const project = root.project!;
const report = buildReport(project, root.engine!, { quarter: period('2026-Q3') });
const kpis = new Map(kpiMetas(root.engine!).map((k) => [k.id, k]));
const cell = report.kpis['facebook']!['mentions']!;

describe('a total whose month rows stop in August, in a 2026-Q3 that ends in September', () => {
  it('has no change on the quarter page, with the days its rows miss beside the value', () => {
    expect(changeText(cell, 'qoq', project.site)).toBe('n/a');
    expect(gapsNote(cell.gaps, project.site)?.short).toBe('no export covers Mentions on Facebook from 2026-09-01 to 2026-09-30');
  });

  it('has no change in the KPI CSV, with its gaps', () => {
    const rows = parse(kpiCsv(report, kpis, { kind: 'live' }, 'EUR'), { columns: true }) as Array<Record<string, string>>;
    const row = rows.find((r) => r['channel'] === 'facebook' && r['kpi'] === 'mentions')!;
    expect([row['value'], row['qoq'], row['gaps'], row['inputs_to']]).toEqual([
      '240',
      '',
      'facebook mentions=2026-09-01..2026-09-30',
      'facebook mentions=2026-08-31',
    ]);
  });

  it('has no change in the text report, with its gaps', () => {
    const line = renderText(report, project.site, kpis)
      .split('\n')
      .find((l) => l.trim().startsWith('Mentions ['))!;
    expect(line).toContain('no export covers Mentions on Facebook from 2026-09-01 to 2026-09-30');
    expect(line).not.toContain('%');
  });

  it('is no biggest move', () => {
    expect(quarterSummary(report, kpis, 'facebook').movers.map((m) => m.id)).not.toContain('mentions');
  });
});
