/**
 * Follower totals whose month rows stop before the quarter ends (test/followerCutFixture.ts)
 * read as the JSON gives them wherever a follower figure's change is shown: the follower growth
 * has no QoQ ("n/a"), with the days the totals miss ("no export covers Followers on Instagram
 * from … to …"), on the quarter page's KPI table, in the KPI CSV and in the text report, and it is
 * no "biggest move"; the follower count says where the totals end. On main each said "−33.3%".
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
import { totalsToAugust } from '../followerCutFixture.ts';

const root = totalsToAugust();
const project = root.project!;
const report = buildReport(project, root.engine!, { quarter: period('2026-Q3') });
const kpis = new Map(kpiMetas(root.engine!).map((k) => [k.id, k]));
const growth = report.kpis['instagram']!['follower_growth']!;
const SEPTEMBER = 'no export covers Followers on Instagram from 2026-09-01 to 2026-09-30';

describe('follower totals whose month rows stop in August, in a 2026-Q3 that ends in September', () => {
  it('give the growth no change on the quarter page, with the days they miss beside the value', () => {
    expect(changeText(growth, 'qoq', project.site)).toBe('n/a');
    expect(gapsNote(growth.gaps, project.site)?.short).toBe(SEPTEMBER);
  });

  it('give it no change in the KPI CSV, with its gaps, and say where the count’s totals end', () => {
    const rows = parse(kpiCsv(report, kpis, { kind: 'live' }, 'EUR'), { columns: true }) as Array<Record<string, string>>;
    const row = (kpi: string) => rows.find((r) => r['channel'] === 'instagram' && r['kpi'] === kpi)!;
    expect([row('follower_growth')['value'], row('follower_growth')['qoq'], row('follower_growth')['gaps']]).toEqual([
      '200',
      '',
      'instagram followers=2026-09-01..2026-09-30',
    ]);
    expect([row('follower_count')['value'], row('follower_count')['inputs_to']]).toEqual([
      '12200',
      'instagram followers=2026-08-31',
    ]);
  });

  it('give it no change in the text report, with its gaps', () => {
    const line = renderText(report, project.site, kpis)
      .split('\n')
      .find((l) => l.trim().startsWith('Follower growth ['))!;
    expect(line).toContain(SEPTEMBER);
    expect(line).not.toContain('%');
  });

  it('make the growth no biggest move', () => {
    expect(quarterSummary(report, kpis, 'instagram').movers.map((m) => m.id)).not.toContain('follower_growth');
  });
});
