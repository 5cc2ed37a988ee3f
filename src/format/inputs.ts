/**
 * What a reader is told when a figure's inputs come from exports that end on different days
 * (`inputs_to` in report JSON): the input that stops first beside the value, and per channel how
 * far each input goes in the full sentence. Pure text; `date` formats an ISO day for the reader.
 */
import { channelLabel, type SiteSettings } from '../core/project.ts';
import type { KpiJson } from '../core/report.ts';
import { fill, metricLabel, uiStrings } from '../translations/index.ts';
import type { CoverageNote } from './coverage.ts';

/**
 * The note on a figure whose inputs end apart, or null when they end together. A goal's figure
 * with `data_to` is evaluated as of that day rather than mixing the ranges, and its note says so;
 * a KPI's (`figure: 'kpi'`) is computed to that day, the last where every input is whole.
 */
export function inputsNote(
  cell: Pick<KpiJson, 'value' | 'inputs_to'> & { readonly data_to?: string | undefined },
  site: SiteSettings,
  date: (iso: string) => string = (iso) => iso,
  figure: 'goal' | 'kpi' = 'goal',
): CoverageNote | null {
  if (cell.value === null || !cell.inputs_to) return null;
  const strings = uiStrings(site.locale, site.strings);
  const t = strings.coverage;
  const label = (input: string) => metricLabel(strings, input, site.metricLabels);
  let firstDay: string | null = null;
  const sentences: string[] = [];
  for (const channel of Object.keys(cell.inputs_to).sort()) {
    const ends = Object.entries(cell.inputs_to[channel]!).sort(([a, x], [b, y]) => (x < y ? -1 : x > y ? 1 : a < b ? -1 : 1));
    if (ends.length === 0) continue;
    const day = ends[0]![1];
    if (firstDay === null || day < firstDay) firstDay = day;
    const list = ends.map(([i, d]) => fill(t.inputTo, { input: label(i), date: date(d) })).join(', ');
    sentences.push(fill(cell.data_to ? t.inputsGoalLong : t.inputsLong, { channel: channelLabel(site, channel), list }));
  }
  if (firstDay === null) return null;
  if (cell.data_to) sentences.push(fill(figure === 'kpi' ? t.inputsKpiTo : t.inputsGoalAsOf, { date: date(cell.data_to) }));
  // Every input that stops on that first day is named (new and lost followers end together), once.
  const stopping = new Set<string>();
  for (const ends of Object.values(cell.inputs_to)) {
    for (const [input, day] of Object.entries(ends)) if (day === firstDay) stopping.add(label(input));
  }
  const names = new Intl.ListFormat(site.locale, { type: 'conjunction' }).format([...stopping].sort());
  return { short: fill(t.inputsShort, { input: names, date: date(firstDay) }), long: sentences.join(' ') };
}
