/** The words of a site's pages: its language's table with the `site.yaml strings:` overrides (SPEC "Language"). */
import { channelLabel, type SiteSettings } from '../core/project.ts';
import { fill, kpiLabel, plural, type Plural, uiStrings, type UiStrings } from '../translations/index.ts';

export { fill };

/** The table of page words for a site's locale and overrides. */
export function words(site: SiteSettings): UiStrings {
  return uiStrings(site.locale, site.strings);
}

/** A channel's name on a page: its label, or "All channels" in the site's language for `all`. */
export function channelName(site: SiteSettings, channel: string): string {
  return channel === 'all' ? words(site).quarter.allChannels : channelLabel(site, channel);
}

/** A plural entry for a count in the site's locale: "3 goals", "3 objectifs". */
export function counted(
  site: SiteSettings,
  entry: Plural,
  count: number,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return plural(site.locale, entry, count, values);
}

/**
 * A text cut at its `{slot}`s, each replaced by its value, for a template to render with markup
 * in the slots (`<time>`, a link): `slotParts('to {date}', { date: <time/> })` → `['to ', <time/>]`.
 * A slot without a value stays as written.
 */
export function slotParts<T>(text: string, values: Readonly<Record<string, T>>): Array<string | T> {
  return text
    .split(/(\{[a-zA-Z]+\})/)
    .filter((p) => p !== '')
    .map((p) => {
      const name = /^\{([a-zA-Z]+)\}$/.exec(p)?.[1];
      return name !== undefined && Object.hasOwn(values, name) ? values[name]! : p;
    });
}

/** A key result as readers know it: its title, else the label of the KPI it measures (in the page's language), else its id. */
export function keyResultName(
  project: { readonly site: SiteSettings; readonly customKpis: readonly { readonly id: string; readonly label: string }[] },
  kr: { readonly id: string; readonly title: string | null; readonly kpi: string | null },
): string {
  if (kr.title !== null) return kr.title;
  if (kr.kpi === null) return kr.id;
  const custom = project.customKpis.find((k) => k.id === kr.kpi);
  return custom ? custom.label : kpiLabel(words(project.site), { id: kr.kpi, label: kr.kpi });
}
