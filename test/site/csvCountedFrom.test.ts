/**
 * Both CSVs say where a change of followers is counted from a total a week old or more when its period
 * began (red-team 27 #3: totals on the 1st of each month, Q4's growth from 1 September's): a last
 * `counted_from` column, `instagram=2026-09-01`, empty on every other row.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport } from '../../src/core/report.ts';
import { kpiCsv, scorecardCsv } from '../../src/site/csv.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const root = loadRoot(
  'title: T\nlocale: en-US\ncurrency: EUR\nchannels:\n  ig: { label: Instagram }\n',
  'goals:\n  - { id: fg, title: FG, period: 2026-Q4, channel: ig, kpi: follower_growth, target: 100 }\n',
  {
    'data/ig/page.json': dailyExport('ig', '2026-04-01', '2026-10-31', (d) => ({
      impressions: 1000,
      ...(d.endsWith('-01') ? { followers: 10000 + Number(d.slice(5, 7)) * 100 } : {}),
    })),
  },
);
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q4'), asOf: day('2026-10-31') });
const kpis = new Map(kpiMetas(root.engine!).map((k) => [k.id, k]));
const rows = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;

describe('counted_from in the CSVs', () => {
  it('closes the KPI CSV, on the follower growth rows only', () => {
    const text = kpiCsv(report, kpis, { kind: 'live' }, 'EUR');
    expect(text.split('\r\n')[0]!.split(',').at(-1)).toBe('counted_from');
    const all = rows(text);
    const of = (kpi: string) => all.find((r) => r['channel'] === 'ig' && r['kpi'] === kpi)!;
    expect(of('follower_growth')['counted_from']).toBe('ig=2026-09-01');
    expect(of('audience_growth_rate')['counted_from']).toBe('ig=2026-09-01');
    expect(of('follower_count')['counted_from']).toBe('');
    expect(of('impressions')['counted_from']).toBe('');
  });

  it('closes the scorecard CSV, with the goal undecided', () => {
    const text = scorecardCsv(report, kpis, { kind: 'live' }, 'EUR');
    expect(text.split('\r\n')[0]!.split(',').at(-4)).toBe('counted_from');
    expect(rows(text)[0]).toMatchObject({
      goal: 'fg',
      status: 'undecided',
      bound: 'unbounded',
      projection: '',
      counted_from: 'ig=2026-09-01',
    });
  });
});
