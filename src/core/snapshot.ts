/**
 * Frozen report versions (SPEC "Versions and review"): what `goalpost freeze` writes to
 * `reports/<yyyy-qn>/v<k>.json`, and the comparison of a frozen report with the figures
 * today's goals and data give (a restatement). Pure: the loader validates snapshots and
 * the CLI stamps the time and commit.
 */
import { createHash } from 'node:crypto';
import type { Unit } from './catalogue.ts';
import type { KpiMeta, QuarterFigures } from './figures.ts';
import type { GoalJson } from './report.ts';

/** The snapshot file format this code writes and reads (2: with a digest of the content). */
export const SNAPSHOT_FORMAT = 2;

/** The input files a report was computed from: path → SHA-256 of the text, and one fingerprint over all. */
export interface InputsFingerprint {
  readonly fingerprint: string;
  readonly files: Readonly<Record<string, string>>;
}

/** A frozen version of a quarter's report, as written to `reports/<yyyy-qn>/v<k>.json`. */
export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  /** `2026-Q2`. */
  readonly quarter: string;
  readonly version: number;
  /** ISO 8601 instant of the freeze. */
  readonly frozen_at: string;
  /** The commit the content was at, or null outside git. */
  readonly commit: string | null;
  /** Whether content files differed from that commit when frozen. */
  readonly uncommitted_changes: boolean;
  /**
   * The goalpost that froze it: its version and a digest of its core's code (absent in snapshots
   * frozen before it was recorded). The same core computes the same figures at the same commit.
   */
  readonly goalpost?: { readonly version: string; readonly core: string };
  /**
   * The ISO 4217 currency its amounts are in: the site's when frozen (absent in snapshots frozen
   * before it was recorded, which are read in the site's currency of today).
   */
  readonly currency?: string;
  readonly inputs: InputsFingerprint;
  /** The definitions of the quarter's goals, as written (see review/goalDiff `definition`). */
  readonly goals: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** The KPIs the figures use, as defined when frozen. */
  readonly kpis: readonly KpiMeta[];
  /** `all` and every channel: the figures of each report page. */
  readonly figures: Readonly<Record<string, QuarterFigures>>;
  /** `sha256:` over the canonical form of every other key (see `snapshotDigest`): a hand edit breaks it. */
  readonly digest: string;
}

/** A snapshot before its digest is added. */
export type SnapshotContent = Omit<Snapshot, 'digest'>;

/**
 * JSON with object keys sorted at every level and no spaces: one text per value,
 * whatever the key order or layout of the file it was read from.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The digest of a snapshot's content: SHA-256 of the canonical JSON of everything but `digest`. */
export function snapshotDigest(snapshot: SnapshotContent | Snapshot): string {
  const { digest: _, ...content } = snapshot as Snapshot;
  return `sha256:${createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex')}`;
}

/** A snapshot with its digest. */
export function sealSnapshot(content: SnapshotContent): Snapshot {
  return { ...content, digest: snapshotDigest(content) };
}

/**
 * Whether freezing `next` would repeat `newest`: the same inputs, goal definitions, KPI
 * definitions, figures and currency (the version, time and commit aside).
 */
export function sameFrozenContent(newest: SnapshotContent, next: SnapshotContent): boolean {
  const content = (s: SnapshotContent) =>
    canonicalJson({ inputs: s.inputs, goals: s.goals, kpis: s.kpis, figures: s.figures, currency: s.currency });
  return content(newest) === content(next);
}

/** The currency of a snapshot's amounts: the one recorded at freeze, else (older snapshots) the site's of today. */
export function snapshotCurrency(snapshot: SnapshotContent, site: { readonly currency: string }): string {
  return snapshot.currency ?? site.currency;
}

/** Which figures a report shows: a frozen version of the quarter, or today's computation. */
export type FigureSource =
  | { readonly kind: 'frozen'; readonly version: number; /** ISO 8601 instant of the freeze. */ readonly frozenAt: string }
  | { readonly kind: 'live' };

/** The source of a frozen report's figures. */
export function frozenSource(snapshot: Snapshot): Extract<FigureSource, { kind: 'frozen' }> {
  return { kind: 'frozen', version: snapshot.version, frozenAt: snapshot.frozen_at };
}

/** `frozen v2 (2026-07-03)` or `live`: how pages, the text report and goal pages name a source. */
export function sourceLabel(source: FigureSource): string {
  return source.kind === 'frozen' ? `frozen v${source.version} (${source.frozenAt.slice(0, 10)})` : 'live';
}

/** What a reader asks for: the default (newest frozen version, else live), `--frozen`, `--version k` or `--live`. */
export type FigureRequest =
  | { readonly kind: 'default' }
  | { readonly kind: 'frozen' }
  | { readonly kind: 'version'; readonly version: number }
  | { readonly kind: 'live' };

/**
 * The frozen version a request picks among a quarter's versions (oldest first), null for
 * today's figures, or why it cannot be answered. The one rule: a frozen quarter shows its
 * newest version unless another version or live figures are asked for.
 */
export function chooseVersion(
  versions: readonly FrozenReport[],
  quarter: string,
  request: FigureRequest,
): { ok: true; chosen: FrozenReport | null } | { ok: false; reason: string } {
  const newest = versions.at(-1) ?? null;
  switch (request.kind) {
    case 'live':
      return { ok: true, chosen: null };
    case 'default':
      return { ok: true, chosen: newest };
    case 'frozen':
      return newest
        ? { ok: true, chosen: newest }
        : { ok: false, reason: `${quarter} was never frozen (freeze it with: goalpost freeze ${quarter})` };
    case 'version': {
      const chosen = versions.find((r) => r.snapshot.version === request.version);
      if (chosen) return { ok: true, chosen };
      return {
        ok: false,
        reason:
          versions.length === 0
            ? `${quarter} has no frozen version ${request.version}: it was never frozen`
            : `${quarter} has no frozen version ${request.version} (versions: ${versions.map((r) => r.snapshot.version).join(', ')})`,
      };
    }
  }
}

/** A snapshot as loaded: where it came from, for messages and links. */
export interface FrozenReport {
  readonly file: string;
  readonly snapshot: Snapshot;
}

/** One figure that differs between the frozen report and today's. */
export interface Restatement {
  /** Whether the figure is the report's as-of date, a KPI of a scope, or a goal's. */
  readonly subject: 'report' | 'kpi' | 'goal';
  /** What the figure is, in words: `Engagement rate` or `Goal ig-followers-q2: actual`. */
  readonly figure: string;
  /** For a KPI, its scope (`all` or a channel); for a goal's figure, the goal id; else null. */
  readonly scope: string | null;
  /** The unit of the values (of the KPI, as defined now or when frozen); null for shares, scores and text. */
  readonly unit: Unit | null;
  readonly kind: 'number' | 'share' | 'score' | 'text';
  readonly frozen: number | string | null;
  readonly now: number | string | null;
}

const TOLERANCE = 1e-9;

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * The figures that differ between a frozen report and the same report computed now: the
 * as-of date, every KPI value of every scope, and each goal's target, actual, progress,
 * status, score and key results; goals present in only one of them are listed too.
 * Sorted as the report is (KPIs by scope, then goals), so that a page can list them.
 * `currencies`, the frozen figures' and today's: where they differ, an amount of money differs
 * whatever its number (€210 frozen, $210 now: rt15 #11).
 */
export function restatements(
  frozen: Pick<QuarterFigures, 'report'>,
  now: Pick<QuarterFigures, 'report'>,
  kpis: readonly KpiMeta[],
  currencies?: { readonly frozen: string; readonly now: string },
): Restatement[] {
  const out: Restatement[] = [];
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const label = (id: string) => byId.get(id)?.label ?? id;
  const emit: Emit = {
    text(subject, figure, scope, a, b) {
      if (a !== b) out.push({ subject, figure, scope, unit: null, kind: 'text', frozen: a, now: b });
    },
    number(subject, figure, scope, kpi, kind, a, b) {
      const unit = kind === 'number' ? (byId.get(kpi ?? '')?.unit ?? 'count') : null;
      const otherCurrency =
        unit === 'money' && a !== null && b !== null && currencies !== undefined && currencies.frozen !== currencies.now;
      if (!sameNumber(a, b) || otherCurrency) out.push({ subject, figure, scope, unit, kind, frozen: a, now: b });
    },
  };

  emit.text('report', 'As of', null, frozen.report.as_of, now.report.as_of);
  for (const scope of union(frozen.report.channels, now.report.channels)) {
    const before = frozen.report.kpis[scope] ?? {};
    const after = now.report.kpis[scope] ?? {};
    for (const id of union(Object.keys(before), Object.keys(after))) {
      emit.number('kpi', label(id), scope, id, 'number', before[id]?.value ?? null, after[id]?.value ?? null);
    }
  }

  const nowGoals = new Map(now.report.goals.map((g) => [g.id, g]));
  const frozenGoals = new Map(frozen.report.goals.map((g) => [g.id, g]));
  for (const id of union(
    frozen.report.goals.map((g) => g.id),
    now.report.goals.map((g) => g.id),
  )) {
    const a = frozenGoals.get(id);
    const b = nowGoals.get(id);
    if (!a || !b) {
      emit.text('goal', `Goal ${id}`, id, a ? 'in the report' : 'not in the report', b ? 'in the report' : 'not in the report');
      continue;
    }
    if (a.type !== b.type) {
      emit.text('goal', `Goal ${id}: type`, id, a.type, b.type);
      continue;
    }
    goalRestatements(a, b, emit);
  }
  return out;
}

interface Emit {
  text(subject: Restatement['subject'], figure: string, scope: string | null, a: string | null, b: string | null): void;
  number(
    subject: Restatement['subject'],
    figure: string,
    scope: string | null,
    kpi: string | null,
    kind: Restatement['kind'],
    a: number | null,
    b: number | null,
  ): void;
}

function goalRestatements(a: GoalJson, b: GoalJson, emit: Emit): void {
  const id = a.id;
  const number = (figure: string, kpi: string | null, kind: Restatement['kind'], x: number | null, y: number | null) =>
    emit.number('goal', `Goal ${id}${figure}`, id, kpi, kind, x, y);
  const text = (figure: string, x: string | null, y: string | null) => emit.text('goal', `Goal ${id}${figure}`, id, x, y);
  if (a.type === 'smart' && b.type === 'smart') {
    number(': baseline', a.kpi, 'number', a.baseline, b.baseline);
    number(': target', a.kpi, 'number', a.target, b.target);
    number(': actual', a.kpi, 'number', a.actual, b.actual);
    number(': progress', null, 'share', a.progress, b.progress);
    text(': status', a.status, b.status);
    return;
  }
  if (a.type === 'okr' && b.type === 'okr') {
    number(': score', null, 'score', a.score, b.score);
    text(': band', a.band, b.band);
    const krs = new Map(b.key_results.map((kr) => [kr.id, kr]));
    for (const kr of a.key_results) {
      const now = krs.get(kr.id);
      if (!now) {
        text(`, key result ${kr.id}`, 'in the report', 'not in the report');
        continue;
      }
      number(`, key result ${kr.id}: target`, kr.kpi, 'number', kr.target, now.target);
      number(`, key result ${kr.id}: actual`, kr.kpi, 'number', kr.actual, now.actual);
      number(`, key result ${kr.id}: score`, null, 'share', kr.score, now.score);
    }
    const frozenIds = new Set(a.key_results.map((kr) => kr.id));
    for (const kr of b.key_results) {
      if (!frozenIds.has(kr.id)) text(`, key result ${kr.id}`, 'not in the report', 'in the report');
    }
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a);
  return [...a, ...b.filter((x) => !seen.has(x))];
}

/** The input files that differ between two fingerprints: changed, added and removed paths, sorted. */
export function changedInputs(frozen: InputsFingerprint, now: InputsFingerprint): string[] {
  const paths = new Set([...Object.keys(frozen.files), ...Object.keys(now.files)]);
  return [...paths].filter((p) => frozen.files[p] !== now.files[p]).sort();
}
