/**
 * Which figures a quarter page shows: a frozen quarter's newest snapshot (or the version
 * asked for), else today's figures; and, for a frozen report, what today's goals and data
 * would change (a restatement). Pure over the project and its engine.
 */
import { computeQuarter, kpiMetas, type QuarterFigures } from '../core/figures.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import type { Project } from '../core/project.ts';
import {
  changedInputs,
  type FigureSource,
  type FrozenReport,
  frozenSource,
  type Restatement,
  restatements,
  snapshotCurrency,
} from '../core/snapshot.ts';
import { withCurrency } from '../format/numbers.ts';
import { type QuarterView, quarterView } from './quarterView.ts';
import { type RestatedView, restatedView } from './restatedView.ts';

export interface FrozenNotice {
  readonly version: number;
  readonly newest: number;
  /** Every version of the quarter, oldest first. */
  readonly versions: readonly number[];
  readonly frozenAt: string;
  readonly commit: string | null;
  readonly uncommittedChanges: boolean;
  readonly file: string;
  /** Figures that differ today (empty when the report still holds). */
  readonly restated: readonly Restatement[];
  /** Input files changed, added or removed since the freeze. */
  readonly changedInputs: readonly string[];
  /** The restated figures as the notice lists them (in words, formatted). */
  readonly shown: RestatedView;
  /** The currency its amounts are in and the site's today, when they differ (a currency changed since the freeze); else null. */
  readonly currency: { readonly frozen: string; readonly now: string } | null;
}

export interface QuarterPage {
  readonly view: QuarterView;
  /** Which figures the page shows: a frozen version, or live. */
  readonly source: FigureSource;
  /** Null for live figures: a quarter never frozen, or a channel its snapshot lacks. */
  readonly frozen: FrozenNotice | null;
  /** The newest version of the quarter when it is frozen but this page is live (a channel added since). */
  readonly liveInFrozenQuarter: number | null;
}

/** The channels with a page in a quarter: those with data now, and those its frozen versions show. */
export function quarterChannels(project: Project, engine: KpiEngine, quarter: string): string[] {
  const frozen = frozenVersions(project, quarter).flatMap((r) => Object.keys(r.snapshot.figures).filter((k) => k !== 'all'));
  return [...new Set([...engine.index.channels, ...frozen])].sort();
}

/** The frozen versions of a quarter, oldest first. */
export function frozenVersions(project: Project, quarter: string): FrozenReport[] {
  return project.reports.filter((r) => r.snapshot.quarter === quarter);
}

/** A value computed once per project and key (several pages and components ask for the same). */
function cached<T>(store: WeakMap<Project, Map<string, T>>, project: Project, key: string, compute: () => T): T {
  let cache = store.get(project);
  if (!cache) store.set(project, (cache = new Map()));
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = compute()));
  return value;
}

const liveCache = new WeakMap<Project, Map<string, QuarterFigures>>();
const pageCache = new WeakMap<Project, Map<string, QuarterPage>>();

/** Today's figures of a quarter, for all channels or one. */
export function liveFigures(project: Project, engine: KpiEngine, quarter: Period, channel: string | null): QuarterFigures {
  return cached(liveCache, project, `${quarter.label}/${channel ?? 'all'}`, () =>
    computeQuarter(project, engine, { quarter, channel }),
  );
}

/**
 * A quarter page: from the snapshot of `version` (default: the newest) when the quarter
 * is frozen and the snapshot has the scope, else live. Cached per project.
 */
export function quarterPage(
  project: Project,
  engine: KpiEngine,
  quarter: Period,
  channel: string | null = null,
  version?: number,
): QuarterPage {
  return cached(pageCache, project, `${quarter.label}/${channel ?? 'all'}/${version ?? 'newest'}`, () =>
    buildQuarterPage(project, engine, quarter, channel, version),
  );
}

function buildQuarterPage(
  project: Project,
  engine: KpiEngine,
  quarter: Period,
  channel: string | null,
  version: number | undefined,
): QuarterPage {
  const versions = frozenVersions(project, quarter.label);
  const chosen = version === undefined ? versions[versions.length - 1] : versions.find((r) => r.snapshot.version === version);
  if (version !== undefined && !chosen) throw new Error(`${quarter.label} has no frozen version ${version}`);
  const scope = channel ?? 'all';
  const live = liveFigures(project, engine, quarter, channel);
  const frozenFigures = chosen?.snapshot.figures[scope];
  const channels = engine.index.channels;
  if (!chosen || !frozenFigures) {
    return {
      view: quarterView({ site: project.site, kpis: kpiMetas(engine), figures: live, channels }, quarter, channel),
      source: { kind: 'live' },
      frozen: null,
      liveInFrozenQuarter: versions.at(-1)?.snapshot.version ?? null,
    };
  }
  const { snapshot } = chosen;
  const kpis = snapshot.kpis;
  const currency = snapshotCurrency(snapshot, project.site);
  const restated = restatements(
    frozenFigures,
    live,
    [...kpis, ...kpiMetas(engine).filter((k) => !kpis.some((f) => f.id === k.id))],
    { frozen: currency, now: project.site.currency },
  );
  return {
    view: quarterView({ site: withCurrency(project.site, currency), kpis, figures: frozenFigures, channels }, quarter, channel),
    source: frozenSource(snapshot),
    frozen: {
      version: snapshot.version,
      newest: versions[versions.length - 1]!.snapshot.version,
      versions: versions.map((r) => r.snapshot.version),
      frozenAt: snapshot.frozen_at,
      commit: snapshot.commit,
      uncommittedChanges: snapshot.uncommitted_changes,
      file: chosen.file,
      restated,
      changedInputs: changedInputs(snapshot.inputs, project.inputs),
      shown: restatedView(project, engine, restated, live.report, currency),
      currency: currency === project.site.currency ? null : { frozen: currency, now: project.site.currency },
    },
    liveInFrozenQuarter: null,
  };
}
