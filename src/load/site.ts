import { builtInKpi } from '../core/catalogue.ts';
import { BUILT_IN_METRICS, type DeclaredMetric, isSpecialVariable, type SpecialVariable } from '../core/metrics.ts';
import type { SiteSettings } from '../core/project.ts';
import { FileReporter, type SourceFile } from './files.ts';
import { issuesToProblems } from './issues.ts';
import { parseYaml } from './locate.ts';
import { addProblem, type Problem } from './problems.ts';
import { siteSchema } from './schemas.ts';

export const SITE_FILE = 'content/site.yaml';

export const DEFAULT_SITE: SiteSettings = {
  title: 'Social media report', locale: 'en-US', currency: 'EUR', customerLtv: null, channels: {}, base: '/',
};

export interface LoadedSite {
  readonly site: SiteSettings;
  /** Whether the site declares its channels (then data must use only those). */
  readonly declaredChannels: boolean;
  /** Custom metrics declared under `metrics:` (each also a KPI), valid ones only. */
  readonly metrics: readonly DeclaredMetric[];
  /** Every name under `metrics:`, valid or not: data using them is not also reported as undeclared. */
  readonly named: readonly string[];
}

/** Validates `content/site.yaml` (absent: defaults) into site settings. */
export function loadSite(file: SourceFile | null, problems: Problem[]): LoadedSite {
  if (!file) return { site: DEFAULT_SITE, declaredChannels: false, metrics: [], named: [] };
  const parsed = parseYaml(file.text);
  const report = new FileReporter(file.path, parsed.locator, problems);
  for (const s of parsed.syntax) addProblem(problems, { file: file.path, ...s.position, message: s.message });
  if (parsed.syntax.length > 0) return { site: DEFAULT_SITE, declaredChannels: false, metrics: [], named: [] };
  const input = parsed.value ?? {};
  const raw = (input as { metrics?: unknown }).metrics;
  const named = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : [];
  const result = siteSchema.safeParse(input);
  if (!result.success) {
    for (const p of issuesToProblems(file.path, parsed.locator, siteSchema, input, result.error.issues)) addProblem(problems, p);
    return { site: DEFAULT_SITE, declaredChannels: false, metrics: [], named };
  }
  const s = result.data;
  for (const id of Object.keys(s.channels ?? {}).filter((k) => /^v\d+$/.test(k))) {
    report.at(['channels', id], `channel '${id}' would clash with the URLs of frozen report versions (/reports/<quarter>/v1/): give the channel another id`, 'key');
  }
  if (s.channels && 'all' in s.channels) {
    report.at(['channels', 'all'], "'all' is reserved for every channel together: give this channel another id", 'key');
  }
  const labelled = new Map<string, string>();
  for (const [id, c] of Object.entries(s.channels ?? {})) {
    const first = labelled.get(c.label);
    if (first === undefined) { labelled.set(c.label, id); continue; }
    report.note(['channels', id, 'label'], `channels '${first}' and '${id}' have the same label '${c.label}': charts tell them apart `
      + `as '${c.label} (${first})' and '${c.label} (${id})'; give each channel its own label`);
  }
  const metrics: DeclaredMetric[] = [];
  for (const [id, m] of Object.entries(s.metrics ?? {})) {
    const clash = declaredMetricClash(id);
    if (clash) { report.at(['metrics', id], clash, 'key'); continue; }
    metrics.push({ id, aggregation: m.aggregation, signed: m.signed ?? false, builtIn: false, label: m.label, unit: m.unit, good: m.good ?? 'up' });
  }
  const channels = Object.fromEntries(Object.entries(s.channels ?? {}).map(([id, c]) => [id, { label: c.label, color: c.color ?? null }]));
  return {
    site: {
      title: s.title ?? DEFAULT_SITE.title, locale: s.locale ?? DEFAULT_SITE.locale, currency: s.currency ?? DEFAULT_SITE.currency,
      customerLtv: s.customer_ltv ?? null, channels, base: s.base ?? '/',
    },
    declaredChannels: s.channels !== undefined,
    metrics,
    named,
  };
}

/** Why a name cannot be declared as a custom metric (it is built in, a KPI's id, or computed), or null. */
function declaredMetricClash(id: string): string | null {
  if (BUILT_IN_METRICS.some((m) => m.id === id)) return `'${id}' is a built-in metric: its aggregation is fixed by the KPI catalogue`;
  if (builtInKpi(id)) return `'${id}' is the id of a built-in KPI: give the metric another name`;
  if (isSpecialVariable(id)) return `${computedName(id)}: give the metric another name`;
  return null;
}

/** What the computed names that formulas may read are, for messages. */
const COMPUTED: Readonly<Record<string, string>> = {
  followers_start: 'followers at the start of a period',
  followers_change: 'the change in followers over a period',
};

/**
 * Why a name that formulas may read besides metrics (a site setting, or a value Goalpost
 * computes) is not a metric: it can be neither declared nor given in data.
 */
export function computedName(name: SpecialVariable): string {
  if (name === 'customer_ltv') return "'customer_ltv' is a site setting (customer_ltv: in content/site.yaml), not a metric";
  const what = COMPUTED[name];
  return `'${name}' is computed by Goalpost${what ? ` (${what})` : ''}, not a metric`;
}
