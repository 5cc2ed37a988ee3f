/**
 * What a reader is told when a goal's period so far has days between two exports of an input
 * (`gaps` in report JSON: a clicks file ending 10 June, the next starting 1 July): which input, on
 * which channel, over which days. Pure text; `date` formats an ISO day for the reader.
 */
import { channelLabel, type SiteSettings } from '../core/project.ts';
import type { GapsJson } from '../core/report.ts';
import { fill, metricLabel, uiStrings } from '../translations/index.ts';
import type { CoverageNote } from './coverage.ts';

/** The note on a goal's figure with days no export covers, or null without any. */
export function gapsNote(
  gaps: GapsJson | undefined,
  site: SiteSettings,
  date: (iso: string) => string = (iso) => iso,
): CoverageNote | null {
  if (!gaps) return null;
  const strings = uiStrings(site.locale, site.strings);
  const t = strings.coverage;
  const label = (input: string) => metricLabel(strings, input, site.metricLabels);
  const items: string[] = [];
  for (const channel of Object.keys(gaps).sort()) {
    for (const input of Object.keys(gaps[channel]!).sort()) {
      for (const { from, to } of gaps[channel]![input]!) {
        items.push(
          fill(t.gapItem, { input: label(input), channel: channelLabel(site, channel), from: date(from), to: date(to) }),
        );
      }
    }
  }
  if (items.length === 0) return null;
  return { short: fill(t.gapsShort, { item: items.join('; ') }), long: fill(t.gapsLong, { list: items.join('; ') }) };
}
