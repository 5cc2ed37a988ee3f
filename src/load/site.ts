import { BUILT_IN_METRICS, type MetricDef } from '../core/metrics.ts';
import type { SiteSettings } from '../core/project.ts';
import { FileReporter, type SourceFile } from './files.ts';
import { issuesToProblems } from './issues.ts';
import { parseYaml } from './locate.ts';
import type { Problem } from './problems.ts';
import { siteSchema } from './schemas.ts';

export const SITE_FILE = 'content/site.yaml';

export const DEFAULT_SITE: SiteSettings = {
  title: 'Social media report', locale: 'en-US', currency: 'EUR', customerLtv: null, channels: {}, base: '/',
};

export interface LoadedSite {
  readonly site: SiteSettings;
  /** Whether the site declares its channels (then data must use only those). */
  readonly declaredChannels: boolean;
  /** Custom metrics declared with their aggregation kind or as signed. */
  readonly metrics: readonly MetricDef[];
}

/** Validates `content/site.yaml` (absent: defaults) into site settings. */
export function loadSite(file: SourceFile | null, problems: Problem[]): LoadedSite {
  if (!file) return { site: DEFAULT_SITE, declaredChannels: false, metrics: [] };
  const parsed = parseYaml(file.text);
  const report = new FileReporter(file.path, parsed.locator, problems);
  for (const s of parsed.syntax) problems.push({ file: file.path, ...s.position, message: s.message });
  if (parsed.syntax.length > 0) return { site: DEFAULT_SITE, declaredChannels: false, metrics: [] };
  const input = parsed.value ?? {};
  const result = siteSchema.safeParse(input);
  if (!result.success) {
    problems.push(...issuesToProblems(file.path, parsed.locator, siteSchema, input, result.error.issues));
    return { site: DEFAULT_SITE, declaredChannels: false, metrics: [] };
  }
  const s = result.data;
  for (const id of Object.keys(s.channels ?? {}).filter((k) => /^v\d+$/.test(k))) {
    report.at(['channels', id], `channel '${id}' would clash with the URLs of frozen report versions (/reports/<quarter>/v1/): give the channel another id`, 'key');
  }
  if (s.channels && 'all' in s.channels) {
    report.at(['channels', 'all'], "'all' is reserved for every channel together: give this channel another id", 'key');
  }
  for (const id of Object.keys(s.metrics ?? {})) {
    if (BUILT_IN_METRICS.some((m) => m.id === id)) {
      report.at(['metrics', id], `'${id}' is a built-in metric: its aggregation is fixed by the KPI catalogue`, 'key');
    }
  }
  const channels = Object.fromEntries(Object.entries(s.channels ?? {}).map(([id, c]) => [id, { label: c.label, color: c.color ?? null }]));
  const metrics = Object.entries(s.metrics ?? {}).map(([id, m]): MetricDef => ({
    id, aggregation: m.aggregation ?? 'flow', signed: m.signed ?? false, builtIn: false,
  }));
  return {
    site: {
      title: s.title ?? DEFAULT_SITE.title, locale: s.locale ?? DEFAULT_SITE.locale, currency: s.currency ?? DEFAULT_SITE.currency,
      customerLtv: s.customer_ltv ?? null, channels, base: s.base ?? '/',
    },
    declaredChannels: s.channels !== undefined,
    metrics,
  };
}
