/** The words of a site's pages: its language's table with the `site.yaml strings:` overrides (SPEC "Language"). */
import type { SiteSettings } from '../core/project.ts';
import { fill, plural, type Plural, uiStrings, type UiStrings } from '../translations/index.ts';

export { fill };

/** The table of page words for a site's locale and overrides. */
export function words(site: SiteSettings): UiStrings {
  return uiStrings(site.locale, site.strings);
}

/** A plural entry for a count in the site's locale: "3 goals", "3 objectifs". */
export function counted(site: SiteSettings, entry: Plural, count: number, values: Readonly<Record<string, string | number>> = {}): string {
  return plural(site.locale, entry, count, values);
}
