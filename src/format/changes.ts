/**
 * What a reader is told about a KPI's QoQ and YoY change: the change, "not comparable:
 * channels differ" for a rate computed over other channels in the earlier quarter (a total's
 * change over them is kept and marked, or is n/a for its own reason), and, while
 * a quarter is not over, that its changes compare the quarter to date with whole quarters.
 */
import { isPartial, knownTo, type PartialInput } from '../core/comparable.ts';
import { formatDay, parseIsoDate, quarterBounds, quarterIndexOf } from '../core/dates.ts';
import { parseQuarter, previousPeriod, samePeriodLastYear } from '../core/periods.ts';
import { type ChannelNames, channelLabel, type SiteSettings } from '../core/project.ts';
import type { KpiJson, PartJson } from '../core/report.ts';
import type { ChannelsEnd } from './coverage.ts';
import { fill, uiStrings } from '../translations/index.ts';
import { type FormatOptions, formatChange } from './numbers.ts';

/**
 * A KPI's change against the previous quarter (`qoq`) or a year before (`yoy`), in words: a rate
 * over other channels then is "not comparable", a total over other channels keeps its change,
 * marked "other channels" (a channel launched or stopped is part of it); a rate compared with the
 * earlier quarter only to a day, where its inputs there end apart (`qoq_to`, `yoy_to`), says that
 * day ("+5.0% (earlier quarter to Jun 10, 2026)"); an earlier quarter a channel covers only in part
 * (`qoq_partial`, `yoy_partial`) says its days: "n/a" for a total, the days a rate is compared over;
 * one with days no export covers (their `gaps`) says those days; the change of a value that is only a
 * bound (`approximate`) is marked "≈" as the value is. `date` writes the day (ISO by default).
 * `rate`: whether the KPI is a rate (`isRateFormula`): only a rate's null change over other
 * channels is for that reason; a total's is n/a for days missing or cut short (red-team 26 #9).
 * `opts` names channels where it carries the site's (`gapsText`).
 */
export function changeText(
  cell: KpiJson,
  which: 'qoq' | 'yoy',
  opts: FormatOptions & Partial<ChannelNames>,
  date: (iso: string) => string = (iso) => iso,
  rate = true,
): string {
  const differ = which === 'qoq' ? cell.qoq_channels_differ : cell.yoy_channels_differ;
  const t = uiStrings(opts.locale, opts.strings).kpiTable;
  if (differ && rate && cell[which] === null) return t.channelsDiffer;
  const partial = which === 'qoq' ? cell.qoq_partial : cell.yoy_partial;
  // Days no export covers inside a whole quarter; inside part of one, its days with them (red-team 30 #3).
  if (partial?.gaps && wholeQuarter(partial)) {
    const gaps = gapsText(partial, opts, date);
    if (cell[which] === null) return fill(t.gapsEarlier, { gaps });
    return fill(t.gapsEarlierRate, { gaps, change: formatChange(cell[which], opts) });
  }
  if (partial) {
    const days = partDays(partial, opts, date);
    if (cell[which] === null) return fill(t.partialEarlier, days);
    return fill(t.partialEarlierRate, { ...days, change: formatChange(cell[which], opts) });
  }
  // A change of a value that is only a bound (a reach summed from finer rows) is as approximate as the value.
  const moved = `${cell.approximate && cell[which] !== null ? '≈ ' : ''}${formatChange(cell[which], opts)}`;
  const change = differ ? fill(t.otherChannels, { change: moved }) : moved;
  const to = which === 'qoq' ? cell.qoq_to : cell.yoy_to;
  return to === undefined || cell[which] === null ? change : fill(t.changeTo, { change, date: date(to) });
}

/** Whether a part's days run over a whole calendar quarter (its gaps aside). */
export function wholeQuarter(part: Pick<PartJson, 'from' | 'to'>): boolean {
  const [from, to] = [parseIsoDate(part.from), parseIsoDate(part.to)];
  if (!from.ok || !to.ok) return false;
  const [start, end] = quarterBounds(quarterIndexOf(from.day));
  return from.day === start && to.day === end;
}

/** A part's first and last days in words, the last followed by the days no export covers inside it (" except …"). */
function partDays(
  part: PartJson,
  opts: FormatOptions & Partial<ChannelNames>,
  date: (iso: string) => string,
): { from: string; to: string } {
  const strings = uiStrings(opts.locale, opts.strings);
  const except = part.gaps?.length ? fill(strings.definition.exceptDays, { days: gapsText(part, opts, date) }) : '';
  return { from: date(part.from), to: date(part.to) + except };
}

/**
 * An earlier quarter's days no export covers (`qoq_partial.gaps`), in words: "2025-10-20 – 2025-11-30, …";
 * over several channels, each channel's own (`channel_gaps`): "Aug 3 – 12 on Instagram, Sep 7 – 16 on LinkedIn".
 */
export function gapsText(
  part: Pick<PartJson, 'gaps' | 'channel_gaps'>,
  opts: FormatOptions & Partial<ChannelNames>,
  date: (iso: string) => string,
): string {
  const days = (list: ReadonlyArray<{ from: string; to: string }>) =>
    list.map((g) => `${date(g.from)} – ${date(g.to)}`).join(', ');
  if (!part.channel_gaps) return days(part.gaps ?? []);
  const t = uiStrings(opts.locale, opts.strings).coverage;
  return Object.entries(part.channel_gaps)
    .map(([channel, list]) => fill(t.channelDays, { days: days(list), channel: channelLabel(opts, channel) }))
    .join(', ');
}

/** The title explaining a KPI's changes over other channels (a rate's, not comparable; a total's, marked), or undefined. */
export function channelsDifferTitle(cell: KpiJson, opts: FormatOptions, rate = true): string | undefined {
  const t = uiStrings(opts.locale, opts.strings).kpiTable;
  const differing = [...(cell.qoq_channels_differ ? [cell.qoq] : []), ...(cell.yoy_channels_differ ? [cell.yoy] : [])];
  if (differing.length === 0) return undefined;
  return rate && differing.some((change) => change === null) ? t.channelsDifferLong : t.otherChannelsLong;
}

/**
 * The title of a KPI's changes: why they are over other channels (`channelsDifferTitle`) and, for
 * a change compared with the earlier quarter only to a day (`qoq_to`, `yoy_to`), why; or undefined.
 */
export function changesTitle(
  cell: KpiJson,
  opts: FormatOptions & Partial<ChannelNames>,
  date: (iso: string) => string = (iso) => iso,
  rate = true,
): string | undefined {
  const t = uiStrings(opts.locale, opts.strings).kpiTable;
  // A day an earlier quarter a channel covers in part is taken to is said by `partialEarlierLong`.
  const days = [
    ...(cell.qoq_to !== undefined && cell.qoq !== null && !cell.qoq_partial ? [cell.qoq_to] : []),
    ...(cell.yoy_to !== undefined && cell.yoy !== null && !cell.yoy_partial && cell.yoy_to !== cell.qoq_to ? [cell.yoy_to] : []),
  ];
  const partial = cell.qoq_partial ?? cell.yoy_partial;
  const parts = [
    channelsDifferTitle(cell, opts, rate),
    cell.qoq_bound_differs || cell.yoy_bound_differs ? t.boundDiffersLong : undefined,
    ...days.map((day) => fill(t.changeToLong, { date: date(day) })),
    partial?.gaps && wholeQuarter(partial)
      ? fill(t.gapsEarlierLong, { gaps: gapsText(partial, opts, date) })
      : partial
        ? fill(t.partialEarlierLong, partDays(partial, opts, date))
        : undefined,
  ];
  const text = parts.filter((p): p is string => p !== undefined).join(' ');
  return text === '' ? undefined : text;
}

/** A quarter that is not over: its label, its as-of day and the whole quarters its changes compare with. */
export interface PartialComparison {
  readonly quarter: string;
  readonly asOf: string;
  readonly previous: string;
  readonly yearAgo: string;
  /** The quarter is over by the as-of day, but a channel's data stop inside it (`asOf` is that day). */
  readonly over: boolean;
  /**
   * Where the channels' figures end on different days: the channels that stop first, grouped by
   * their last day (earliest first), and the day the other channels reach; null when they all
   * end on `asOf` (red-team 9 #10).
   */
  readonly apart: { readonly early: readonly ChannelsEnd[]; readonly othersTo: string } | null;
}

/** The quarters a partial report's changes compare with, or null when its quarter is over. */
export function partialComparison(report: PartialInput): PartialComparison | null {
  const quarter = parseQuarter(report.period);
  if (!quarter.ok || !isPartial(report)) return null;
  // A channel's figures that stop before the as-of day make the quarter partial to that day (red-team 6 #8).
  const known = knownTo(report);
  const asOf = known === null ? report.as_of : formatDay(known);
  return {
    quarter: report.period,
    asOf,
    previous: previousPeriod(quarter.period).label,
    yearAgo: samePeriodLastYear(quarter.period).label,
    over: asOf !== report.as_of && !isPartial({ period: report.period, as_of: report.as_of }),
    apart: channelsApart(report),
  };
}

/** The channels of a report grouped by the last day their figures reach (to its as-of day), when those days differ. */
function channelsApart(report: PartialInput): PartialComparison['apart'] {
  const days = new Map<string, string[]>();
  for (const [channel, last] of Object.entries(report.coverage ?? {})) {
    if (last === null) continue;
    const day = last < report.as_of ? last : report.as_of;
    days.set(day, [...(days.get(day) ?? []), channel]);
  }
  if (days.size < 2) return null;
  const sorted = [...days].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    early: sorted.slice(0, -1).map(([day, channels]) => ({ channels, day })),
    othersTo: sorted[sorted.length - 1]![0],
  };
}

/** Format options with the site's channel labels, where known (a channel's id stands for it otherwise). */
export type ChannelOptions = FormatOptions & { readonly channels?: SiteSettings['channels'] };

/**
 * How far a partial quarter's channels reach, in words ("instagram to Sep 15, 2026 and other
 * channels to Sep 30, 2026"), or null when they all end on one day.
 */
export function partialEnds(
  p: PartialComparison,
  site: ChannelOptions,
  date: (iso: string) => string = (iso) => iso,
  join: (parts: string[]) => string = (parts) => new Intl.ListFormat(site.locale, { type: 'conjunction' }).format(parts),
): string | null {
  if (!p.apart) return null;
  const t = uiStrings(site.locale, site.strings).kpiTable;
  const names = (cs: readonly string[]) => cs.map((c) => site.channels?.[c]?.label ?? c).join(', ');
  return join([
    ...p.apart.early.map((e) => fill(t.partialChannelTo, { channels: names(e.channels), date: date(e.day) })),
    fill(t.partialOthersTo, { date: date(p.apart.othersTo) }),
  ]);
}

/**
 * The note above a partial quarter's KPI table ("2026-Q3 is not over: QoQ and YoY compare
 * 2026-Q3 to date (to Aug 15, 2026) against the whole of 2026-Q2 and the whole of 2025-Q3."),
 * or null when the quarter is over. `date` writes the as-of day (ISO by default).
 */
export function partialNote(
  report: PartialInput,
  opts: ChannelOptions,
  date: (iso: string) => string = (iso) => iso,
): string | null {
  const p = partialComparison(report);
  if (!p) return null;
  const t = uiStrings(opts.locale, opts.strings);
  // Channels that end on different days are each said with their own day (red-team 9 #10).
  const ends = partialEnds(p, opts, date);
  if (ends !== null) {
    return fill(p.over ? t.kpiTable.partialChannelsApart : t.kpiTable.partialApart, {
      quarter: p.quarter,
      ends,
      previous: p.previous,
      yearAgo: p.yearAgo,
    });
  }
  // The as-of day is the quarter's last: a channel's data stop before it (red-team 6 #8).
  return fill(p.over ? t.kpiTable.partialChannels : t.kpiTable.partial, {
    quarter: p.quarter,
    date: date(p.asOf),
    previous: p.previous,
    yearAgo: p.yearAgo,
  });
}

/**
 * The summary's line on why totals are not among the biggest moves: the quarter is not over, or
 * it is over but a channel's data stop inside it (then it does not say "not over"); null when
 * neither. `date` writes the day the earliest channel stops.
 */
export function partialMovesNote(
  report: PartialInput,
  opts: FormatOptions,
  date: (iso: string) => string = (iso) => iso,
): string | null {
  const p = partialComparison(report);
  if (!p) return null;
  const t = uiStrings(opts.locale, opts.strings).summary;
  return fill(p.over ? t.partialMovesChannels : t.partialMoves, {
    quarter: p.quarter,
    previous: p.previous,
    date: date(p.asOf),
  });
}
