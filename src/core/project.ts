/**
 * A validated content root as plain data: site settings, objectives, goals, custom
 * KPIs and metric rows (indexed). The loader builds it; the engine and views read it.
 */
import type { KpiDef } from './catalogue.ts';
import type { Goal, Objective } from './goals.ts';
import { type KpiEngine, KpiSet } from './kpis.ts';
import type { MetricIndex } from './metricIndex.ts';
import type { FrozenReport, InputsFingerprint } from './snapshot.ts';

export interface ChannelSettings {
  readonly label: string;
  readonly color: string | null;
}

export interface SiteSettings {
  readonly title: string;
  /** BCP 47 locale for numbers and dates. */
  readonly locale: string;
  /** ISO 4217 currency for money. */
  readonly currency: string;
  readonly customerLtv: number | null;
  readonly channels: Readonly<Record<string, ChannelSettings>>;
  /** URL path prefix the site is hosted under, with leading and trailing slash. */
  readonly base: string;
  /** The site's public address (absolute http(s) URL, ending with `/`), or null when not set. */
  readonly url: string | null;
  /** Whether search engines may index the site. */
  readonly robots: 'index' | 'noindex';
  /** Page text overrides by dotted key (`status.on_track`), valid keys only. */
  readonly strings: Readonly<Record<string, string>>;
  /**
   * Labels of channels that no setting names today but a frozen report does (a channel renamed
   * since the freeze), as the settings of the report's commit gave them.
   */
  readonly formerChannels?: Readonly<Record<string, string>>;
  /** The labels of the metrics declared under `metrics:` ("Code uses"), by id, for the marks that name a KPI's inputs. */
  readonly metricLabels?: Readonly<Record<string, string>>;
}

/** One metric JSON file, as a source of data. */
export interface DataSource {
  readonly file: string;
  /** Channels its rows give values for. */
  readonly channels: readonly string[];
  readonly source: string | null;
  readonly currency: string | null;
  /** The first day the export covers, when the file says (`from`). */
  readonly from: string | null;
  /** The last day the export covers, when the file says (`through`). */
  readonly through: string | null;
  readonly rows: number;
}

export interface Project {
  readonly site: SiteSettings;
  readonly objectives: readonly Objective[];
  readonly goals: readonly Goal[];
  readonly customKpis: readonly KpiDef[];
  readonly index: MetricIndex;
  readonly sources: readonly DataSource[];
  /** Frozen report versions from `reports/`, oldest first per quarter. */
  readonly reports: readonly FrozenReport[];
  /** The fingerprint of the settings, goals and data files. */
  readonly inputs: InputsFingerprint;
}

/** The KPI engine over a project's data. */
export function createEngine(project: Project): KpiEngine {
  return {
    index: project.index,
    kpis: new KpiSet(project.index, project.customKpis),
    settings: { customerLtv: project.site.customerLtv },
    windows: new Map(),
  };
}

/**
 * The same engine's data and settings with other custom KPIs (as a goal's earlier version defined
 * them): their own cache of windows, since the same window computes other values.
 */
export function withCustomKpis(engine: KpiEngine, customKpis: readonly KpiDef[]): KpiEngine {
  return { ...engine, kpis: new KpiSet(engine.index, customKpis), windows: new Map() };
}

/** Display label of a channel: the site setting, else the id. */
export function channelLabel(site: Partial<ChannelNames>, channel: string): string {
  if (channel === 'all') return 'All channels';
  return site.channels?.[channel]?.label ?? site.formerChannels?.[channel] ?? channel;
}

/** What names a channel: the site's channel settings and the labels of former channels. */
export type ChannelNames = Pick<SiteSettings, 'channels' | 'formerChannels'>;
