/**
 * In-memory content roots shaped like real exports, for the status tests: one metric file per
 * channel and source, daily rows, an optional `through` (the day the export was downloaded to).
 * Loads them as `validate` does and hands back the project, its KPI engine, errors and notes.
 */
import { type Day, parseIsoDate } from '../src/core/dates.ts';
import { evaluateGoal, type GoalEvaluation } from '../src/core/evaluate.ts';
import type { KpiEngine } from '../src/core/kpis.ts';
import { createEngine, type Project } from '../src/core/project.ts';
import { formatProblem } from '../src/load/problems.ts';
import { loadFromSources } from '../src/load/project.ts';

/** Every day from `first` to `last`, as YYYY-MM-DD. */
export function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** A metric file of daily rows from `first` to `last`, `values(day)` on each. */
export function dailyExport(
  channel: string,
  first: string,
  last: string,
  values: (d: string) => Record<string, number>,
  through?: string,
): string {
  const rows = days(first, last).map((date) => ({ date, ...values(date) }));
  return JSON.stringify({ channel, currency: 'EUR', ...(through ? { through } : {}), rows }, null, 1);
}

/** A metric file of rows given as written (month or quarter rows, say). */
export function rowsExport(channel: string, rows: readonly object[]): string {
  return JSON.stringify({ channel, rows }, null, 1);
}

export interface LoadedRoot {
  readonly project: Project | null;
  readonly engine: KpiEngine | null;
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

/** Loads a root from its site settings, one goals file and its metric files (path → text). */
export function loadRoot(site: string, goals: string, data: Readonly<Record<string, string>>): LoadedRoot {
  const loaded = loadFromSources(
    { path: 'content/site.yaml', text: site },
    [{ path: 'goals/g.yaml', text: goals }],
    Object.entries(data).map(([path, text]) => ({ path, text })),
  );
  const notes = loaded.notes.map(formatProblem);
  if (!loaded.ok) return { project: null, engine: null, problems: loaded.problems.map(formatProblem), notes };
  return { project: loaded.project, engine: createEngine(loaded.project), problems: [], notes };
}

/** Evaluates the goal `id` of a loaded root as of `asOf` (YYYY-MM-DD). */
export function evaluate(root: LoadedRoot, id: string, asOf: string): GoalEvaluation {
  if (!root.project || !root.engine) throw new Error(`the root does not load: ${root.problems.join('; ')}`);
  const goal = root.project.goals.find((g) => g.id === id);
  if (!goal) throw new Error(`no goal ${id}`);
  const day = parseIsoDate(asOf);
  if (!day.ok) throw new Error(day.reason);
  return evaluateGoal(root.engine, goal, day.day as Day);
}

/**
 * Q3 2026 exports with one downloaded early: Facebook's ads export runs to 31 August (impressions,
 * clicks, spend every day); Instagram's was downloaded on 10 August (its `through`), `instagram`
 * on each of its days.
 */
export function earlyDownloadExports(instagram: Readonly<Record<string, number>>): Record<string, string> {
  return {
    'data/facebook/q3.json': dailyExport('facebook', '2026-07-01', '2026-08-31', () => ({
      impressions: 10000,
      clicks: 100,
      spend: 200,
    })),
    'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-08-10', () => ({ ...instagram }), '2026-08-10'),
  };
}

/** Instagram's reach as month rows for July and August 2026 (their sum is only an upper bound of the quarter's). */
export const INSTAGRAM_MONTHLY_REACH: Readonly<Record<string, string>> = {
  'data/instagram/reach.json': rowsExport('instagram', [
    { month: '2026-07', reach: 350000 },
    { month: '2026-08', reach: 350000 },
  ]),
};

/** LinkedIn's page analytics: impressions and not one click, in Q2 and in Q3 to 31 August. */
export const LINKEDIN_NO_CLICKS: Readonly<Record<string, string>> = {
  'data/linkedin/q2.json': dailyExport('linkedin', '2026-04-01', '2026-06-30', () => ({ impressions: 1000, clicks: 0 })),
  'data/linkedin/q3.json': dailyExport('linkedin', '2026-07-01', '2026-08-31', () => ({ impressions: 1000, clicks: 0 })),
};

/** A custom KPI, cost per 1000 reached: it divides by reach, so over a reach summed from month rows it is a lower bound. */
export const CPR_KPI =
  '  - { id: cpr, label: Cost per 1000 reached, formula: "spend / reach * 1000", unit: money, good: down }\n';

/** Instagram's daily spend (€100) and impressions (10,000) from April to 31 August 2026, its reach as a Q2 row and July and August month rows. */
export const INSTAGRAM_SPEND_MONTHLY_REACH: Readonly<Record<string, string>> = {
  'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-08-31', () => ({
    spend: 100,
    impressions: 10000,
  })),
  'data/instagram/reach.json': rowsExport('instagram', [
    { quarter: '2026-Q2', reach: 400000 },
    { month: '2026-07', reach: 300000 },
    { month: '2026-08', reach: 300000 },
  ]),
};

/** Facebook's ads export (10,000 impressions a day) in two files with a week between them: no export covers 3 to 9 August 2026. */
export const FACEBOOK_MISSING_WEEK: Readonly<Record<string, string>> = {
  'data/facebook/july.json': dailyExport('facebook', '2026-07-01', '2026-08-02', () => ({ impressions: 10000 })),
  'data/facebook/august.json': dailyExport('facebook', '2026-08-10', '2026-08-31', () => ({ impressions: 10000 })),
};

/**
 * Q3 2026 exports whose channels end on different days: Facebook's impressions run to 30
 * September and its clicks export was downloaded on 10 September; Instagram's export (impressions
 * and clicks) on 15 September; LinkedIn's page analytics (impressions, no clicks column) on 5
 * September. Q2 is whole for all three.
 */
export const CHANNELS_END_APART: Readonly<Record<string, string>> = {
  'data/facebook/impressions.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 10000 })),
  'data/facebook/clicks.json': dailyExport('facebook', '2026-04-01', '2026-09-10', () => ({ clicks: 300 }), '2026-09-10'),
  'data/instagram/content.json': dailyExport(
    'instagram',
    '2026-04-01',
    '2026-09-15',
    () => ({ impressions: 8000, clicks: 80 }),
    '2026-09-15',
  ),
  'data/linkedin/page.json': dailyExport('linkedin', '2026-04-01', '2026-09-05', () => ({ impressions: 1000 }), '2026-09-05'),
};
