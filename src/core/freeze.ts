/**
 * The snapshot `goalpost freeze` writes: a quarter's goal definitions, KPIs and figures
 * (for all channels and each channel), with the inputs' fingerprint. Pure: the caller
 * passes the version, the time and the commit.
 */
import { definition } from './goalDefinition.ts';
import { computeQuarter, kpiMetas, type QuarterFigures } from './figures.ts';
import type { KpiEngine } from './kpis.ts';
import { overlaps, type Period } from './periods.ts';
import type { Project } from './project.ts';
import { SNAPSHOT_FORMAT, sealSnapshot, type Snapshot } from './snapshot.ts';

export interface FreezeStamp {
  readonly version: number;
  /** ISO 8601 instant. */
  readonly frozenAt: string;
  readonly commit: string | null;
  readonly uncommittedChanges: boolean;
  /** The goalpost freezing it (version, core digest), recorded in the snapshot; none for a bundled example. */
  readonly goalpost?: { readonly version: string; readonly core: string };
}

/** The next version number of a quarter: one more than the newest frozen one. */
export function nextVersion(project: Project, quarter: Period): number {
  return Math.max(0, ...project.reports.filter((r) => r.snapshot.quarter === quarter.label).map((r) => r.snapshot.version)) + 1;
}

/** A quarter's report as a snapshot, sealed with the digest of its content. */
export function buildSnapshot(project: Project, engine: KpiEngine, quarter: Period, stamp: FreezeStamp): Snapshot {
  const figures: Record<string, QuarterFigures> = { all: computeQuarter(project, engine, { quarter }) };
  for (const channel of engine.index.channels) figures[channel] = computeQuarter(project, engine, { quarter, channel });
  return sealSnapshot({
    format: SNAPSHOT_FORMAT,
    quarter: quarter.label,
    version: stamp.version,
    frozen_at: stamp.frozenAt,
    commit: stamp.commit,
    uncommitted_changes: stamp.uncommittedChanges,
    ...(stamp.goalpost ? { goalpost: { version: stamp.goalpost.version, core: stamp.goalpost.core } } : {}),
    currency: project.site.currency,
    inputs: project.inputs,
    goals: project.goals.filter((g) => overlaps(g.period, quarter)).map((g) => ({ id: g.id, ...definition(g) })),
    kpis: kpiMetas(engine),
    figures,
  });
}
