/**
 * What every template renders beside its own view model, built once per build: the settings
 * the formatters read, the page words, channel labels, the moved-goalpost markers, the
 * quarters and their channel pages (for pagers and chips) and the layout's frame (data range,
 * source files, chart colours for dark mode). Pure over the project, its engine and the
 * goals' history; the pages receive it as a prop and call no engine themselves.
 */
import { channelColors, darkModeChartCss, PALETTE } from '../charts/theme.ts';
import { formatDay } from '../core/dates.ts';
import type { KpiEngine } from '../core/kpis.ts';
import type { Period } from '../core/periods.ts';
import { type DataSource, type Project, type SiteSettings } from '../core/project.ts';
import { withCurrency } from '../format/numbers.ts';
import type { UiStrings } from '../translations/index.ts';
import { movedMarkerText } from './goalView.ts';
import { goalPath } from './paths.ts';
import type { SiteHistory } from './history.ts';
import { quarterChannels } from './quarterPage.ts';
import { reportQuarters } from './quarters.ts';
import { channelName, words } from './words.ts';

/** The page frame's figures: what the header and footer of every page say. */
export interface FrameView {
  /** The CSS that gives charts their dark-mode colours ('' when none is needed). */
  readonly darkCss: string;
  /** The first and last day with data (`2026-01-01`), or null without data. */
  readonly dataRange: { readonly first: string; readonly last: string } | null;
  readonly sources: readonly DataSource[];
  readonly goals: number;
}

export interface SiteContext {
  /** The site settings: title, locale, currency, base… (what the formatters read). */
  readonly fmt: SiteSettings;
  /** The words of the pages in the site's language, with the `strings:` overrides. */
  readonly t: UiStrings;
  /** A channel's label (`Instagram`). */
  readonly channelLabel: (channel: string) => string;
  /**
   * The text of each moved-goalpost marker (`target 1,400 → 1,100 on 2026-05-10`), by goal id: today's
   * ids, and the ids a frozen report may still name (a goal renamed or removed since).
   */
  readonly markers: ReadonlyMap<string, string>;
  /**
   * The page of the goal a report names by `id` (`goals/<id>/`, the renamed goal's page under its
   * id today), or null for a goal no goal is today (removed since), which has no page.
   */
  readonly goalPage: (id: string) => string | null;
  /** What `goalPage` answers, by goal id (the data behind it, for the pages' cache keys). */
  readonly goalPages: ReadonlyMap<string, string | null>;
  /** Every reported quarter, oldest first. */
  readonly quarters: readonly Period[];
  /** The channels with a page in each quarter, by quarter label. */
  readonly channelsOf: ReadonlyMap<string, readonly string[]>;
  readonly frame: FrameView;
}

/** The context of a page whose figures are in `currency` (a frozen report's): the site's own when it is the site's. */
export function figuresContext(context: SiteContext, currency: string): SiteContext {
  if (context.fmt.currency === currency) return context;
  let byCode = withFigures.get(context);
  if (!byCode) withFigures.set(context, (byCode = new Map()));
  let found = byCode.get(currency);
  if (!found) byCode.set(currency, (found = { ...context, fmt: withCurrency(context.fmt, currency) }));
  return found;
}

const withFigures = new WeakMap<SiteContext, Map<string, SiteContext>>();

/** The context of every page of a site. */
export function siteContext(project: Project, engine: KpiEngine, history: SiteHistory): SiteContext {
  const site = project.site;
  const markers = new Map<string, string>();
  const pages = new Map(project.goals.map((g) => [g.id, goalPath(g.id)] as [string, string | null]));
  if (history.available) {
    for (const goal of project.goals) {
      const moved = history.moved.get(goal.id);
      if (moved) markers.set(goal.id, movedMarkerText(project, engine, goal, moved));
    }
    // Frozen reports name goals by the ids they had: a rename leads to today's goal, a removal to no page.
    for (const [id, former] of history.former) {
      pages.set(id, former.current === null ? null : goalPath(former.current));
      const text =
        former.current !== null
          ? markers.get(former.current)
          : former.moved?.original
            ? movedMarkerText(project, engine, former.moved.original, former.moved)
            : undefined;
      if (text) markers.set(id, text);
    }
  }
  const quarters = reportQuarters(project);
  const range = project.index.dataRange();
  return {
    fmt: site,
    t: words(site),
    channelLabel: (c) => channelName(site, c),
    markers,
    goalPage: (id) => pages.get(id) ?? null,
    goalPages: pages,
    quarters,
    channelsOf: new Map(quarters.map((q) => [q.label, quarterChannels(project, engine, q.label)])),
    frame: {
      darkCss: darkModeChartCss([...channelColors(site, engine.index.channels).values(), ...PALETTE]),
      dataRange: range ? { first: formatDay(range.first), last: formatDay(range.last) } : null,
      sources: project.sources,
      goals: project.goals.length,
    },
  };
}
