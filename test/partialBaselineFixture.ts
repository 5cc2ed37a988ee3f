/**
 * A previous quarter one channel covers only in part (red-team 9 #4, root n1), as real exports
 * give it: Facebook's page impressions and its ads clicks, one file each, every day of 2026 to
 * 30 September (CTR 3%); Instagram's daily export starts on 15 May (CTR 1%, spend and reach), so
 * it covers 47 of Q2's 91 days. Goals on Q3 read Q2 as their previous quarter.
 */
import { createEngine, type Project } from '../src/core/project.ts';
import type { KpiEngine } from '../src/core/kpis.ts';
import { dailyExport, loadRoot } from './exportsFixture.ts';

export const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
/** Instagram's first day: its daily export starts inside Q2. */
export const IG_START = '2026-05-15';
export const GOALS = `goals:
  - { id: all-ctr, title: CTR all, period: 2026-Q3, channel: all, kpi: ctr, target: 0.025 }
  - { id: all-ctr-rel, title: CTR up, period: 2026-Q3, channel: all, kpi: ctr, target: { change: "+10%" } }
  - { id: all-ctr-given, title: CTR given, period: 2026-Q3, channel: all, kpi: ctr, baseline: 0.02, target: 0.025 }
  - { id: fb-ctr, title: FB CTR, period: 2026-Q3, channel: facebook, kpi: ctr, target: 0.035 }
  - { id: ig-impr, title: IG impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: 100000 }
  - { id: ig-reach, title: IG reach, period: 2026-Q3, channel: instagram, kpi: reach, target: 400000 }
  - id: okr
    type: okr
    title: Traffic
    period: 2026-Q3
    key_results:
      - { id: kr-ctr, kpi: ctr, channel: all, target: 0.025 }
      - { id: kr-impr, kpi: impressions, channel: instagram, target: 100000 }
`;

export const DATA: Readonly<Record<string, string>> = {
  'data/facebook/impressions.json': dailyExport('facebook', '2026-01-01', '2026-09-30', () => ({ impressions: 10_000 })),
  'data/facebook/clicks.json': dailyExport('facebook', '2026-01-01', '2026-09-30', () => ({ clicks: 300 })),
  'data/instagram/daily.json': dailyExport('instagram', IG_START, '2026-09-30', () => ({
    impressions: 8000,
    clicks: 80,
    spend: 50,
    reach: 3000,
  })),
};

/** CTR of both channels over `days` days every one of them covers (Facebook 3%, Instagram 1%). */
export const CTR_BOTH = (300 + 80) / (10_000 + 8000);
/** CTR over the whole of Q2: Facebook's 91 days beside Instagram's 47, the figure the goal took on main. */
export const CTR_Q2_WHOLE = (91 * 300 + 47 * 80) / (91 * 10_000 + 47 * 8000);

/** The root loaded, in a locale. */
export function loadPartial(locale = 'en-US'): {
  project: Project;
  engine: KpiEngine;
  notes: readonly string[];
} {
  const root = loadRoot(SITE.replace('en-US', locale), GOALS, DATA);
  if (!root.project) throw new Error(root.problems.join('\n'));
  return { project: root.project, engine: createEngine(root.project), notes: root.notes };
}
