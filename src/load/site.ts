import { colorDistance, TOO_CLOSE, tooClose } from '../charts/colors.ts';
import { builtInKpi } from '../core/catalogue.ts';
import { BUILT_IN_METRICS, type DeclaredMetric, isSpecialVariable, type SpecialVariable } from '../core/metrics.ts';
import type { SiteSettings } from '../core/project.ts';
import { FileReporter, type SourceFile } from './files.ts';
import { issuesToProblems } from './issues.ts';
import { parseYaml } from './locate.ts';
import { addProblem, type Problem } from './problems.ts';
import { siteSchema } from './schemas.ts';
import { hint } from './suggest.ts';
import { slotsOf, stringKeys } from '../translations/index.ts';

export const SITE_FILE = 'content/site.yaml';

export const DEFAULT_SITE: SiteSettings = {
  title: 'Social media report',
  locale: 'en-US',
  currency: 'EUR',
  customerLtv: null,
  channels: {},
  base: '/',
  url: null,
  robots: 'index',
  strings: {},
};

export interface LoadedSite {
  readonly site: SiteSettings;
  /** Whether the site declares its channels (then data must use only those). */
  readonly declaredChannels: boolean;
  /** Custom metrics declared under `metrics:` (each also a KPI), valid ones only. */
  readonly metrics: readonly DeclaredMetric[];
  /** Every name under `metrics:`, valid or not: data using them is not also reported as undeclared. */
  readonly named: readonly string[];
  /** The team's account on each channel that names one (`channels: { instagram: { account } }`), for `import`. */
  readonly accounts: Readonly<Record<string, string>>;
  /** Notes on site.yaml that need the data (see `noteRatesAcrossChannels`); absent without a readable file. */
  readonly reporter?: FileReporter;
}

/**
 * The paths of every `__proto__` key in a settings document: the schemas' records drop such a key
 * without a word (a channel or a text override named so would vanish).
 */
function protoKeys(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => protoKeys(v, [...path, i]));
  return Object.entries(value).flatMap(([k, v]) => (k === '__proto__' ? [[...path, k]] : protoKeys(v, [...path, k])));
}

/** Validates `content/site.yaml` (absent: defaults) into site settings. */
export function loadSite(file: SourceFile | null, problems: Problem[]): LoadedSite {
  if (!file) return { site: DEFAULT_SITE, declaredChannels: false, metrics: [], named: [], accounts: {} };
  const parsed = parseYaml(file.text);
  const report = new FileReporter(file.path, parsed.locator, problems);
  for (const s of parsed.syntax) addProblem(problems, { file: file.path, ...s.position, message: s.message });
  if (parsed.syntax.length > 0) return { site: DEFAULT_SITE, declaredChannels: false, metrics: [], named: [], accounts: {} };
  const input = parsed.value ?? {};
  for (const path of protoKeys(input)) {
    report.at(path, "'__proto__' cannot be a key: JavaScript keeps the name for itself; choose another", 'key');
  }
  const raw = (input as { metrics?: unknown }).metrics;
  const named = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw) : [];
  const result = siteSchema.safeParse(input);
  if (!result.success) {
    for (const p of issuesToProblems(file.path, parsed.locator, siteSchema, input, result.error.issues)) addProblem(problems, p);
    return { site: DEFAULT_SITE, declaredChannels: false, metrics: [], named, accounts: {} };
  }
  const s = result.data;
  for (const id of Object.keys(s.channels ?? {}).filter((k) => /^v\d+$/.test(k))) {
    report.at(
      ['channels', id],
      `channel '${id}' would clash with the URLs of frozen report versions (/reports/<quarter>/v1/): give the channel another id`,
      'key',
    );
  }
  if (s.channels && 'all' in s.channels) {
    report.at(['channels', 'all'], "'all' is reserved for every channel together: give this channel another id", 'key');
  }
  const labelled = new Map<string, string>();
  for (const [id, c] of Object.entries(s.channels ?? {})) {
    const first = labelled.get(c.label);
    if (first === undefined) {
      labelled.set(c.label, id);
      continue;
    }
    report.note(
      ['channels', id, 'label'],
      `channels '${first}' and '${id}' have the same label '${c.label}': charts tell them apart ` +
        `as '${c.label} (${first})' and '${c.label} (${id})'; give each channel its own label`,
    );
  }
  const coloured = Object.entries(s.channels ?? {}).flatMap(([id, c]) => (c.color ? [[id, c.color] as const] : []));
  for (const [j, [id, color]] of coloured.entries()) {
    const near = coloured.slice(0, j).find(([, other]) => tooClose(color, other));
    if (!near) continue;
    report.note(
      ['channels', id, 'color'],
      `the colours of channels '${near[0]}' (${near[1]}) and '${id}' (${color}) are hard to tell apart in charts ` +
        `(ΔE OK ${colorDistance(color, near[1]).toFixed(2)}, under ${TOO_CLOSE}): give one of them a more distinct colour`,
    );
  }
  const metrics: DeclaredMetric[] = [];
  for (const [id, m] of Object.entries(s.metrics ?? {})) {
    const clash = declaredMetricClash(id);
    if (clash) {
      report.at(['metrics', id], clash, 'key');
      continue;
    }
    if (m.aggregation === 'flow' && RATE_UNITS.has(m.unit)) {
      // A note, not a problem: declared metrics aggregate as declared (the format's contract), but a sum of rates is rarely meant.
      report.note(
        ['metrics', id, 'unit'],
        `'${id}' is declared a flow with unit ${m.unit}: a flow is summed over days and channels, so its rates add up ` +
          `(45% a day is 4,140% over a quarter); declare the counts it divides as flows (unit count) and a custom KPI that ` +
          `divides them in goals (kpis: [{ id, label, formula: "completed_views / video_views", unit: ${m.unit} }])`,
      );
    }
    metrics.push({
      id,
      aggregation: m.aggregation,
      signed: m.signed ?? false,
      builtIn: false,
      absentMeans: 'unknown',
      label: m.label,
      unit: m.unit,
      good: m.good ?? 'up',
    });
  }
  const channels = Object.fromEntries(
    Object.entries(s.channels ?? {}).map(([id, c]) => [id, { label: c.label, color: c.color ?? null }]),
  );
  const strings = checkStrings(s.strings ?? {}, report);
  return {
    site: {
      title: s.title ?? DEFAULT_SITE.title,
      locale: s.locale ?? DEFAULT_SITE.locale,
      currency: s.currency ?? DEFAULT_SITE.currency,
      customerLtv: s.customer_ltv ?? null,
      channels,
      base: s.base ?? '/',
      url: s.url === undefined ? null : withSlash(s.url),
      robots: s.robots ?? 'index',
      strings,
      ...(metrics.length > 0 ? { metricLabels: Object.fromEntries(metrics.map((m) => [m.id, m.label])) } : {}),
    },
    declaredChannels: s.channels !== undefined,
    metrics,
    named,
    reporter: report,
    accounts: Object.fromEntries(Object.entries(s.channels ?? {}).flatMap(([id, c]) => (c.account ? [[id, c.account]] : []))),
  };
}

/** The `strings:` overrides whose key names a page text, each reported otherwise (unknown key, unknown slot). */
function checkStrings(overrides: Readonly<Record<string, string>>, report: FileReporter): Record<string, string> {
  const known = stringKeys();
  const names = [...known.keys()];
  const valid: Record<string, string> = {};
  for (const [key, text] of Object.entries(overrides)) {
    const english = known.get(key);
    if (english === undefined) {
      const group = names.filter((n) => n.startsWith(`${key}.`));
      const why =
        group.length > 0
          ? `: '${key}' is a group of texts; override one of them, such as '${group[0]}'`
          : hint(key, names, 'keys') ||
            ': the keys are the dotted names of the texts, such as status.on_track (see docs/site.md)';
      report.at(['strings', key], `unknown text key '${key}'${why}`, 'key');
      continue;
    }
    const allowed = slotsOf(english);
    const unknown = slotsOf(text).filter((slot) => !allowed.includes(slot));
    if (unknown.length > 0) {
      report.at(
        ['strings', key],
        `unknown slot ${unknown.map((u) => `{${u}}`).join(', ')} in the text of '${key}': ` +
          (allowed.length > 0 ? `it can use ${allowed.map((a) => `{${a}}`).join(', ')}` : 'this text has no slots'),
      );
      continue;
    }
    valid[key] = text;
  }
  return valid;
}

/** A site URL with a trailing slash on its path, so that page paths resolve under it. */
function withSlash(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/')) u.pathname = `${u.pathname}/`;
  return u.href;
}

/** Why a name cannot be declared as a custom metric (it is built in, a KPI's id, or computed), or null. */
function declaredMetricClash(id: string): string | null {
  if (BUILT_IN_METRICS.some((m) => m.id === id))
    return `'${id}' is a built-in metric: its aggregation is fixed by the KPI catalogue`;
  if (builtInKpi(id)) return `'${id}' is the id of a built-in KPI: give the metric another name`;
  if (isSpecialVariable(id)) return `${computedName(id)}: give the metric another name`;
  return null;
}

/**
 * Notes each declared rate (unit percent, ratio, per_post or score) kept as a stock or unique metric
 * that the data give on two channels or more: over several channels such a metric is summed, as
 * followers are, so the all-channel figure adds the channels' rates (10% and 20% show as 30%;
 * red-team 14 #3). The figure stays as the format's rule gives it; the note says what it is.
 */
export function noteRatesAcrossChannels(
  metrics: readonly DeclaredMetric[],
  givenOn: (metric: string) => readonly string[],
  report: FileReporter | undefined,
): void {
  if (!report) return;
  for (const m of metrics) {
    if (m.aggregation === 'flow' || !RATE_UNITS.has(m.unit)) continue;
    const channels = givenOn(m.id);
    if (channels.length < 2) continue;
    report.note(
      ['metrics', m.id, 'aggregation'],
      `'${m.id}' is a rate (unit ${m.unit}) declared ${m.aggregation}, given on ${channels.length} channels ` +
        `(${channels.slice(0, 3).join(', ')}${channels.length > 3 ? '…' : ''}): over several channels a ${m.aggregation} metric ` +
        `is summed, so its all-channel figure adds their rates (10% and 20% show as 30%); read it per channel, or declare ` +
        `the counts it divides as flows and a custom KPI that divides them`,
    );
  }
}

/**
 * Units of rates: a value per impression, per post or on a scale, never a total, so that a sum of
 * them over days or channels means nothing (red-team 14 #2): a metric in one of them declared a flow is noted.
 */
const RATE_UNITS: ReadonlySet<string> = new Set(['percent', 'ratio', 'per_post', 'score']);

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
