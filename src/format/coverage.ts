/**
 * What a reader is told about the coverage of a figure (SPEC "KPI catalogue", channel `all`,
 * and coverage in time): which channels an all-channel figure is computed over, which channels'
 * data stop before the report's as-of day, and figures counted from daily follows. Pure text.
 */
import type { KpiJson, ReportJson } from '../core/report.ts';
import { channelLabel, type SiteSettings } from '../core/project.ts';
import { fill, uiStrings } from '../translations/index.ts';

/** A note on a multi-channel figure computed over fewer channels than it covers. */
export interface CoverageNote {
  /** Short text beside the value: `LinkedIn only`, `4 of 5 channels`. */
  readonly short: string;
  /** The full sentence (a tooltip and the text for screen readers). */
  readonly long: string;
}

/** The coverage note of a figure, or null when it covers every channel (or is one channel's). */
export function coverageNote(cell: Pick<KpiJson, 'value' | 'channels' | 'left_out'>, site: SiteSettings): CoverageNote | null {
  const covered = cell.channels ?? [];
  const leftOut = cell.left_out ?? [];
  if (cell.value === null || leftOut.length === 0 || covered.length === 0) return null;
  const names = (ids: readonly string[]) => ids.map((c) => channelLabel(site, c)).join(', ');
  const t = uiStrings(site.locale, site.strings).coverage;
  const short =
    covered.length === 1
      ? fill(t.only, { channel: channelLabel(site, covered[0]!) })
      : fill(t.some, { covered: covered.length, total: covered.length + leftOut.length });
  return { short, long: fill(t.long, { covered: names(covered), leftOut: names(leftOut) }) };
}

/** A note on a goal's actual that leaves some of its channels out. */
export function goalCoverageNote(leftOut: readonly string[] | undefined, site: SiteSettings): string | null {
  if (!leftOut || leftOut.length === 0) return null;
  return fill(uiStrings(site.locale, site.strings).coverage.without, {
    channels: leftOut.map((c) => channelLabel(site, c)).join(', '),
  });
}

/** The text marking a follower figure counted from daily follows. */
export const NET_FOLLOWS_NOTE = 'from new minus lost followers (the platform exports daily follows, not a total)';

/** A channel whose data for the quarter ends before the report's as-of day, with that day. */
export interface IncompleteChannel {
  readonly channel: string;
  readonly label: string;
  readonly lastDay: string;
}

/** The channels of a report whose data stop before its as-of day, in report order. */
export function incompleteChannels(report: Pick<ReportJson, 'coverage' | 'incomplete'>, site: SiteSettings): IncompleteChannel[] {
  return report.incomplete.flatMap((channel) => {
    const lastDay = report.coverage[channel];
    return lastDay ? [{ channel, label: channelLabel(site, channel), lastDay }] : [];
  });
}

/**
 * The incomplete channels a goal's row marks: those the goal itself names (`incomplete`), not
 * every incomplete channel of its selection (a goal on all channels that leaves one out, or whose
 * figure does not come from it, is not cut by it), each to its own last day (`incomplete_to`, else
 * `data_to`). Taken from the goal, not the page: a channel page's scorecard shows an all-channel
 * goal cut by another channel (red-team 32 #4).
 */
export function goalIncompleteChannels(
  goal: {
    readonly incomplete?: readonly string[] | undefined;
    readonly incomplete_to?: Readonly<Record<string, string>> | undefined;
    readonly data_to?: string | undefined;
  },
  label: (channel: string) => string,
): IncompleteChannel[] {
  return (goal.incomplete ?? []).flatMap((channel) => {
    const lastDay = goal.incomplete_to?.[channel] ?? goal.data_to;
    return lastDay ? [{ channel, label: label(channel), lastDay }] : [];
  });
}

/** Channels whose data end on one day. */
export interface ChannelsEnd {
  readonly channels: readonly string[];
  readonly day: string;
}

/**
 * A goal's incomplete channels grouped by their own last day, earliest first: `incomplete_to`
 * where they end apart, else `data_to` for all. A channel is never named beside another channel's
 * day (red-team 9 #9).
 */
export function channelEnds(
  incomplete: readonly string[],
  dataTo: string,
  incompleteTo?: Readonly<Record<string, string>>,
): ChannelsEnd[] {
  const byDay = new Map<string, string[]>();
  for (const c of incomplete) {
    // Own keys only: a channel named `constructor` is not Object's.
    const day = incompleteTo && Object.hasOwn(incompleteTo, c) ? incompleteTo[c]! : dataTo;
    byDay.set(day, [...(byDay.get(day) ?? []), c]);
  }
  return [...byDay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, channels]) => ({ channels, day }));
}
