/**
 * What a reader is told when a change of followers is counted from a count a week old or more at the
 * period's start (`counted_from` in report JSON: totals on the 1st of each month, so Q4's growth
 * counts from 1 September's): which channel, from which day. Pure text; `date` formats an ISO day.
 */
import { channelLabel, type SiteSettings } from '../core/project.ts';
import { fill, uiStrings } from '../translations/index.ts';
import type { CoverageNote } from './coverage.ts';

/** The note on a figure counted from an earlier count, or null where it is not. */
export function countedFromNote(
  countedFrom: Readonly<Record<string, string>> | undefined,
  site: SiteSettings,
  date: (iso: string) => string = (iso) => iso,
): CoverageNote | null {
  if (!countedFrom) return null;
  const t = uiStrings(site.locale, site.strings).coverage;
  const channels = Object.keys(countedFrom).sort();
  if (channels.length === 0) return null;
  const items = channels.map((c) => fill(t.countedFromItem, { channel: channelLabel(site, c), date: date(countedFrom[c]!) }));
  const days = [...new Set(channels.map((c) => countedFrom[c]!))];
  return {
    short: days.length === 1 ? fill(t.countedFromShort, { date: date(days[0]!) }) : t.countedFromSome,
    long: fill(t.countedFromLong, { list: items.join('; ') }),
  };
}
