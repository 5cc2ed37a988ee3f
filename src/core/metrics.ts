/**
 * Raw metrics as they appear in metric JSON, and how each rolls up over time and
 * across channels (SPEC "Metric JSON"). Custom metrics are declared in the site
 * settings (with a label and a unit: each is also a KPI), or named in a custom KPI's
 * formula (then a flow).
 */
import type { Direction, KpiDef, Unit } from './catalogue.ts';

/** flow: summed; stock: value at the period's end (summed across channels); unique: not additive. */
export type Aggregation = 'flow' | 'stock' | 'unique';

export interface MetricDef {
  readonly id: string;
  readonly aggregation: Aggregation;
  /** Signed metrics may be negative; every other value must be ≥ 0. */
  readonly signed: boolean;
  /** Whether the metric is in the built-in table (as opposed to custom). */
  readonly builtIn: boolean;
  /**
   * What a day row without the metric's key says of that day, inside an export that gives it on
   * the days around: `unknown` (an outcome the export missed: a week of rows without clicks is
   * days it does not cover) or `none` (the team's own activity, which exports leave out on a day
   * there was none: no spend while a campaign was paused, no posts over a holiday).
   */
  readonly absentMeans: AbsentMeans;
}

/** What a row without a metric's key says of that metric on its day (see `MetricDef.absentMeans`). */
export type AbsentMeans = 'none' | 'unknown';

const FLOWS = [
  'impressions',
  'engagements',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
  'video_views',
  'posts',
  'sessions',
  'bounces',
  'conversions',
  'signups',
  'leads',
  'sales_leads',
  'new_customers',
  'spend',
  'revenue',
  'mentions',
  'positive_mentions',
  'neutral_mentions',
  'negative_mentions',
  'competitor_mentions',
  'competitor_engagements',
  'messages',
  'responses',
  'response_minutes',
  'resolved',
  'promoters',
  'passives',
  'detractors',
  'csat_responses',
  'csat_satisfied',
  'applications',
  'new_followers',
  'lost_followers',
] as const;

/**
 * The flows of the team's own activity, which an export leaves out of a row on a day there was none
 * (a paused campaign, a holiday without posts): a row without their key is a day of none.
 */
const ABSENT_MEANS_NONE: ReadonlySet<string> = new Set(['posts', 'spend']);

/** The built-in metrics, in a stable order. */
export const BUILT_IN_METRICS: readonly MetricDef[] = [
  ...FLOWS.map((id): MetricDef => ({
    id,
    aggregation: 'flow',
    signed: false,
    builtIn: true,
    absentMeans: ABSENT_MEANS_NONE.has(id) ? 'none' : 'unknown',
  })),
  { id: 'followers', aggregation: 'stock', signed: false, builtIn: true, absentMeans: 'unknown' },
  { id: 'reach', aggregation: 'unique', signed: false, builtIn: true, absentMeans: 'unknown' },
];

/** Metrics whose sum stands in for a missing `engagements` on a row. */
export const ENGAGEMENT_PARTS = ['likes', 'comments', 'shares', 'saves'] as const;

/**
 * Variables a formula may use besides metrics: the stock at the period's start, and
 * site settings. They are resolved by the KPI engine, not read from rows.
 */
export const SPECIAL_VARIABLES = {
  followers_start: 'followers at the start of the period (the count the day before it, else the first total in it)',
  followers_change:
    'followers at the end minus at the start of the period; where a channel gives no follower total, its new_followers − lost_followers',
  customer_ltv: 'customer lifetime value, from content/site.yaml',
} as const;

export type SpecialVariable = keyof typeof SPECIAL_VARIABLES;

/** Whether a name is a special variable. */
export function isSpecialVariable(name: string): name is SpecialVariable {
  return Object.hasOwn(SPECIAL_VARIABLES, name);
}

/** The daily follows a follower figure is built from where a channel gives them (SPEC "Followers"). */
export const FOLLOWS = ['new_followers', 'lost_followers'] as const;

/** Every metric a follower figure reads: totals and the daily follows. */
export const FOLLOWER_METRICS = ['followers', ...FOLLOWS] as const;

/** The metrics in rows whose values feed a special variable (the days they fall on are data points). */
const SPECIAL_INPUTS: Readonly<Record<SpecialVariable, readonly string[]>> = {
  followers_start: FOLLOWER_METRICS,
  followers_change: FOLLOWER_METRICS,
  customer_ltv: [],
};

/**
 * The metrics a formula's variables read from rows: metrics as they are, special variables
 * through what they are computed from (followers also move with daily follows).
 */
export function dataMetrics(variables: readonly string[], table: MetricTable): string[] {
  const out = new Set<string>();
  for (const name of variables) {
    const names = isSpecialVariable(name)
      ? SPECIAL_INPUTS[name]
      : name === 'followers'
        ? SPECIAL_INPUTS.followers_change
        : [name];
    for (const n of names) if (table.get(n)) out.add(n);
  }
  return [...out];
}

/** A lookup of metric definitions: built-ins, then declared or discovered custom metrics. */
export interface MetricTable {
  get(id: string): MetricDef | undefined;
  ids(): string[];
}

/** Builds the metric table from built-ins plus custom metrics (declared ones win over discovered ones). */
export function metricTable(custom: readonly MetricDef[] = []): MetricTable {
  const byId = new Map<string, MetricDef>();
  for (const m of BUILT_IN_METRICS) byId.set(m.id, m);
  for (const m of custom) if (!byId.has(m.id)) byId.set(m.id, m);
  return {
    get: (id) => byId.get(id),
    ids: () => [...byId.keys()],
  };
}

/** A custom metric declared under `metrics:` in content/site.yaml: a metric and a KPI of the same id. */
export interface DeclaredMetric extends MetricDef {
  readonly label: string;
  readonly unit: Unit;
  readonly good: Direction;
}

/** Whether a metric definition is a declared custom metric (with a label and a unit). */
export function isDeclaredMetric(def: MetricDef): def is DeclaredMetric {
  return !def.builtIn && 'label' in def;
}

/** The ids of the declared custom metrics of a table. */
export function declaredMetricIds(table: MetricTable): string[] {
  return table.ids().filter((id) => isDeclaredMetric(table.get(id)!));
}

/** The KPI a declared metric gives: its aggregate, with its label, unit and direction. */
export function declaredMetricKpi(m: DeclaredMetric): KpiDef {
  return {
    id: m.id,
    label: m.label,
    formula: m.id,
    unit: m.unit,
    good: m.good,
    family: 'custom',
    description: `${m.label}: a metric declared in content/site.yaml (${m.aggregation}).`,
    custom: true,
  };
}

/** A custom metric with default behaviour (a non-negative flow). */
export function customFlow(id: string): MetricDef {
  return { id, aggregation: 'flow', signed: false, builtIn: false, absentMeans: 'unknown' };
}
