/**
 * Static routes of the report pages and their CSV files: one per quarter, per quarter ×
 * channel, and per frozen version, each with its page's view model as props (computed once
 * per build: the pages and CSV files render it and call no engine). Each list is built once
 * per project: the pages, their CSV files, preview images and the sitemap share it.
 */
import type { Goal } from '../core/goals.ts';
import { parseQuarter, type Period } from '../core/periods.ts';
import type { Project } from '../core/project.ts';
import { historyOf } from '../review/history.ts';
import { type AchievabilityView, achievabilityViews } from './achievabilityView.ts';
import { type ChangeEntryView, changeLogView } from './changesView.ts';
import { type GoalView, goalView, type MovedView, movedView } from './goalView.ts';
import { siteHistory } from './history.ts';
import { narrativeText } from './narrative.ts';
import { narrativeUses } from './narrativeCheck.ts';
import { type NarrativeView, narrativeView } from './narrativeView.ts';
import { changesPath, channelPath, downloadSlug, goalPath, quarterPath, quarterSlug, versionPath } from './paths.ts';
import { quarterChannels, type QuarterPage, quarterPage } from './quarterPage.ts';
import { siteModel } from './project.ts';
import { siteViews } from './model.ts';
import { contextDigest, pageKey } from './pageKeys.ts';
import { pageKeySalt } from '../load/handoff.ts';
import { contentRoot } from '../load/root.ts';
import { reportQuarters } from './quarters.ts';

// Type aliases, not interfaces: Astro's route props need an index signature, which only aliases satisfy implicitly.
export type QuarterProps = { readonly quarter: Period; readonly page: QuarterPage };
/** A quarter's page: its report, and what its narrative's components show (null without a narrative). */
export type QuarterPageProps = QuarterProps & { readonly narrative: NarrativeView | null };
export type ChannelProps = QuarterProps & {
  readonly channel: string;
  /**
   * When the channel's data stop before the all-channel report's end: its last day and the
   * report's as-of date (from the all-channel report's coverage); null otherwise.
   */
  readonly stopsEarly: { readonly last: string; readonly asOf: string } | null;
};
export type VersionProps = QuarterProps & { readonly version: number };

/**
 * A route as a list's builder makes it: its params, its props and, where the page renders more
 * than its props and the site context, that too (a quarter's narrative, rendered from its MDX
 * source through Astro's content collection), for its cache key only.
 */
type Built<T> = T & { readonly alsoRenders?: string };

/**
 * A route list built once per project (the model is loaded once per build). Each call gets its
 * own array of the same routes: Astro keys the array it is given by the route that asked. In a
 * build that may skip unchanged pages, each route carries its page's cache key.
 */
function once<T extends { props: Readonly<Record<string, unknown>> }>(
  name: string,
  build: () => Promise<Array<Built<T>>>,
): () => Promise<Array<T & { cacheKey?: string }>> {
  const built = new WeakMap<Project, Promise<Array<T & { cacheKey?: string }>>>();
  return async () => {
    const { project } = await siteModel();
    let value = built.get(project);
    if (!value) built.set(project, (value = build().then((routes) => withCacheKeys(name, routes))));
    return [...(await value)];
  };
}

/** The routes with their pages' cache keys, when this build hands over their salt (else without). */
async function withCacheKeys<T extends { props: Readonly<Record<string, unknown>> }>(
  name: string,
  routes: Array<Built<T>>,
): Promise<Array<T & { cacheKey?: string }>> {
  const salt = pageKeySalt(contentRoot());
  const context = salt === null ? '' : contextDigest((await siteViews()).context);
  return routes.map(({ alsoRenders, ...route }) => {
    const plain = route as unknown as T;
    return salt === null ? plain : { ...plain, cacheKey: pageKey(salt, context, name, route.props, alsoRenders) };
  });
}

/** `/reports/<yyyy-qn>/…` for every reported quarter. */
export const quarterRoutes = once(
  'quarter',
  async (): Promise<Array<{ params: { quarter: string }; props: QuarterPageProps }>> => {
    const { project, engine } = await siteModel();
    return Promise.all(
      reportQuarters(project).map(async (quarter) => {
        const text = await narrativeText(quarterSlug(quarter.label));
        return {
          params: { quarter: quarterSlug(quarter.label) },
          props: {
            quarter,
            page: quarterPage(project, engine, quarter),
            narrative: text === null ? null : narrativeView(project, engine, quarter, narrativeUses(text)),
          },
          // The narrative's prose is rendered from its source, not from the props (it imports nothing: narrativeCheck.ts).
          ...(text === null ? {} : { alsoRenders: text }),
        };
      }),
    );
  },
);

/** `/reports/<yyyy-qn>/<channel>/…` for every reported quarter and channel with data or in a frozen version. */
export const channelRoutes = once(
  'channel',
  async (): Promise<Array<{ params: { quarter: string; channel: string }; props: ChannelProps }>> => {
    const { project, engine } = await siteModel();
    return reportQuarters(project).flatMap((quarter) =>
      quarterChannels(project, engine, quarter.label).map((channel) => ({
        params: { quarter: quarterSlug(quarter.label), channel },
        props: {
          quarter,
          channel,
          page: quarterPage(project, engine, quarter, channel),
          stopsEarly: stopsEarly(quarterPage(project, engine, quarter), channel),
        },
      })),
    );
  },
);

/** Where a channel's data stop before the end of its quarter's all-channel report, or null. */
function stopsEarly(whole: QuarterPage, channel: string): ChannelProps['stopsEarly'] {
  const { report } = whole.view;
  const last = report.incomplete.includes(channel) ? (report.coverage[channel] ?? null) : null;
  return last === null ? null : { last, asOf: report.as_of };
}

/** `/reports/<yyyy-qn>/v<k>/` for every frozen version. */
export const versionRoutes = once(
  'version',
  async (): Promise<Array<{ params: { quarter: string; version: string }; props: VersionProps }>> => {
    const { project, engine } = await siteModel();
    return project.reports.flatMap(({ snapshot }) => {
      const parsed = parseQuarter(snapshot.quarter);
      return parsed.ok
        ? [
            {
              params: { quarter: quarterSlug(snapshot.quarter), version: String(snapshot.version) },
              props: {
                quarter: parsed.period,
                version: snapshot.version,
                page: quarterPage(project, engine, parsed.period, null, snapshot.version),
              },
            },
          ]
        : [];
    });
  },
);

export type GoalProps = {
  readonly goal: Goal;
  readonly view: GoalView;
  readonly achievable: readonly AchievabilityView[];
  /** The goal's moved goalposts and its status against the original definition; null when none moved or without history. */
  readonly moved: MovedView | null;
  /** The goal's definition history, or why it cannot be read. */
  readonly history:
    | { readonly available: true; readonly entries: readonly ChangeEntryView[] }
    | { readonly available: false; readonly reason: string; readonly why: 'shallow' | 'no_repository' };
};

/** `/goals/<id>/` for every goal, with its view, its achievability, its moved goalposts and its history. */
export const goalRoutes = once('goal', async (): Promise<Array<{ params: { id: string }; props: GoalProps }>> => {
  const { project, engine } = await siteModel();
  const history = await siteHistory();
  return project.goals.map((goal) => {
    const moved = history.available ? history.moved.get(goal.id) : undefined;
    return {
      params: { id: goal.id },
      props: {
        goal,
        view: goalView(project, engine, goal),
        achievable: achievabilityViews(project, engine, goal),
        moved: moved ? movedView(project, engine, goal, moved) : null,
        history: history.available
          ? { available: true, entries: changeLogView(project, engine, historyOf(history.entries, goal.id)) }
          : { available: false, reason: history.reason, why: history.why },
      },
    };
  });
});

/** A route's paths with the download's `slug` param added (`2026-q3-instagram`), so each file is named after its quarter and scope. */
export async function withSlug<P extends { quarter: string; channel?: string; version?: string }, T extends { quarter: Period }>(
  routes: Promise<Array<{ params: P; props: T; cacheKey?: string }>>,
): Promise<Array<{ params: P & { slug: string }; props: T; cacheKey?: string }>> {
  return (await routes).map(({ params, props, cacheKey }) => ({
    ...(cacheKey === undefined ? {} : { cacheKey }),
    params: {
      ...params,
      slug: downloadSlug(props.quarter.label, {
        channel: params.channel,
        version: params.version === undefined ? undefined : Number(params.version),
      }),
    },
    props,
  }));
}

/** Every HTML page of the site, as paths inside it (`''` for home, `reports/2026-q3/` …), for the sitemap. */
export async function sitePagePaths(): Promise<string[]> {
  const [quarters, channels, versions, goals] = await Promise.all([
    quarterRoutes(),
    channelRoutes(),
    versionRoutes(),
    goalRoutes(),
  ]);
  return [
    '',
    'reports/',
    'goals/',
    changesPath,
    ...quarters.map((r) => quarterPath(r.props.quarter.label)),
    ...channels.map((r) => channelPath(r.props.quarter.label, r.params.channel)),
    ...versions.map((r) => versionPath(r.props.quarter.label, r.props.version)),
    ...goals.map((r) => goalPath(r.params.id)),
  ];
}
