/**
 * Static routes of the report pages and their CSV files: one per quarter, per quarter ×
 * channel, and per frozen version, each with its page's view model as props (computed once
 * per build: the pages and CSV files render it and call no engine).
 */
import type { Goal } from '../core/goals.ts';
import { parseQuarter, type Period } from '../core/periods.ts';
import { type AchievabilityView, achievabilityViews } from './achievabilityView.ts';
import { type GoalView, goalView } from './goalView.ts';
import { changesPath, channelPath, downloadSlug, goalPath, quarterPath, quarterSlug, versionPath } from './paths.ts';
import { quarterChannels, type QuarterPage, quarterPage } from './quarterPage.ts';
import { siteModel } from './project.ts';
import { reportQuarters } from './quarters.ts';

// Type aliases, not interfaces: Astro's route props need an index signature, which only aliases satisfy implicitly.
export type QuarterProps = { readonly quarter: Period; readonly page: QuarterPage };
export type ChannelProps = QuarterProps & {
  readonly channel: string;
  /** The all-channel report of the quarter (its coverage says whether this channel stops early). */
  readonly whole: QuarterPage;
};
export type VersionProps = QuarterProps & { readonly version: number };

/** `/reports/<yyyy-qn>/…` for every reported quarter. */
export async function quarterRoutes(): Promise<Array<{ params: { quarter: string }; props: QuarterProps }>> {
  const { project, engine } = await siteModel();
  return reportQuarters(project).map((quarter) => ({
    params: { quarter: quarterSlug(quarter.label) },
    props: { quarter, page: quarterPage(project, engine, quarter) },
  }));
}

/** `/reports/<yyyy-qn>/<channel>/…` for every reported quarter and channel with data or in a frozen version. */
export async function channelRoutes(): Promise<Array<{ params: { quarter: string; channel: string }; props: ChannelProps }>> {
  const { project, engine } = await siteModel();
  return reportQuarters(project).flatMap((quarter) =>
    quarterChannels(project, engine, quarter.label).map((channel) => ({
      params: { quarter: quarterSlug(quarter.label), channel },
      props: {
        quarter,
        channel,
        page: quarterPage(project, engine, quarter, channel),
        whole: quarterPage(project, engine, quarter),
      },
    })),
  );
}

/** `/reports/<yyyy-qn>/v<k>/` for every frozen version. */
export async function versionRoutes(): Promise<Array<{ params: { quarter: string; version: string }; props: VersionProps }>> {
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
}

export type GoalProps = { readonly goal: Goal; readonly view: GoalView; readonly achievable: readonly AchievabilityView[] };

/** `/goals/<id>/` for every goal, with its view and its achievability. */
export async function goalRoutes(): Promise<Array<{ params: { id: string }; props: GoalProps }>> {
  const { project, engine } = await siteModel();
  return project.goals.map((goal) => ({
    params: { id: goal.id },
    props: { goal, view: goalView(project, engine, goal), achievable: achievabilityViews(project, engine, goal) },
  }));
}

/** A route's paths with the download's `slug` param added (`2026-q3-instagram`), so each file is named after its quarter and scope. */
export async function withSlug<P extends { quarter: string; channel?: string; version?: string }, T extends { quarter: Period }>(
  routes: Promise<Array<{ params: P; props: T }>>,
): Promise<Array<{ params: P & { slug: string }; props: T }>> {
  return (await routes).map(({ params, props }) => ({
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
