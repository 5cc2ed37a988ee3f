/**
 * A 2026-Q3 root shaped like real exports (one file per channel and source, daily rows, an
 * export downloaded early, month rows beside day rows) with a goal or key result on each case
 * whose actual needs a word beside it (red-team 6): a spend cap decided on every day with data
 * (`actual_to`), a reach summed from month rows (an upper bound, `approximate`, `provisional`), a
 * date-range window that cuts a month's reach row (`cut_rows`), a target equal to a baseline of 0
 * clicks (asks for no change), clicks with a fortnight between two exports (`gaps`), and a rate
 * whose clicks come as month rows beside daily impressions ending on 20 August (KPI `data_to`).
 */
import { kpiMetas } from '../src/core/figures.ts';
import { parseQuarter } from '../src/core/periods.ts';
import { buildReport, type ReportJson } from '../src/core/report.ts';
import {
  dailyExport,
  earlyDownloadExports,
  INSTAGRAM_MONTHLY_REACH,
  LINKEDIN_NO_CLICKS,
  loadRoot,
  rowsExport,
} from './exportsFixture.ts';

export const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
export const GOALS = `goals:
  - { id: cap, title: Spend cap, period: 2026-Q3, channel: all, kpi: spend, target: 15000 }
  - { id: zero-ctr, title: CTR up, period: 2026-Q3, channel: linkedin, kpi: ctr, target: { change: "+10%" } }
  - { id: ig-reach, title: Reach 600k, period: 2026-Q3, channel: instagram, kpi: reach, baseline: 500000, target: 600000 }
  - { id: mid, title: Reach from mid-July, start: 2026-07-15, deadline: 2026-09-15, channel: instagram, kpi: reach, baseline: 300000, target: 400000 }
  - { id: tt-clicks, title: TikTok clicks, period: 2026-Q3, channel: tiktok, kpi: clicks, target: 9000 }
  - { id: okr, type: okr, title: Summer OKR, start: 2026-07-15, deadline: 2026-09-15, key_results: [
      { id: kr-cap, kpi: spend, channel: all, target: 15000 },
      { id: kr-zero, kpi: ctr, channel: linkedin, target: { change: "+10%" } },
      { id: kr-mid, kpi: reach, channel: instagram, baseline: 300000, target: 400000 } ] }
`;

/** The root's export files, path → text. */
export const DATA: Readonly<Record<string, string>> = {
  ...earlyDownloadExports({ impressions: 5000, spend: 100 }),
  ...INSTAGRAM_MONTHLY_REACH,
  ...LINKEDIN_NO_CLICKS,
  'data/tiktok/views.json': dailyExport('tiktok', '2026-07-01', '2026-08-31', () => ({ impressions: 4000 })),
  'data/tiktok/clicks-july.json': dailyExport('tiktok', '2026-07-01', '2026-07-14', () => ({ clicks: 100 })),
  'data/tiktok/clicks-august.json': dailyExport('tiktok', '2026-08-01', '2026-08-31', () => ({ clicks: 100 })),
  'data/youtube/daily.json': dailyExport('youtube', '2026-07-01', '2026-08-20', () => ({ impressions: 3000 })),
  'data/youtube/monthly.json': rowsExport('youtube', [
    { month: '2026-07', clicks: 2790 },
    { month: '2026-08', clicks: 2790 },
  ]),
};

/** The loaded root. */
export function trustRoot() {
  const root = loadRoot(SITE, GOALS, DATA);
  if (!root.project || !root.engine) throw new Error(`fixture: ${root.problems.join('; ')}`);
  return { project: root.project, engine: root.engine };
}

/** The 2026-Q3 report of the root (as of its last day with data) and its KPIs' metadata. */
export function trustReport(): { report: ReportJson; kpis: Map<string, ReturnType<typeof kpiMetas>[number]> } {
  const { project, engine } = trustRoot();
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok) throw new Error(quarter.reason);
  return {
    report: buildReport(project, engine, { quarter: quarter.period }),
    kpis: new Map(kpiMetas(engine).map((k) => [k.id, k])),
  };
}
