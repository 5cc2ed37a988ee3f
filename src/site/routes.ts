/** Static routes of the report pages and their CSV files: one per quarter, per quarter × channel, and per frozen version. */
import { parseQuarter, type Period } from '../core/periods.ts';
import { quarterSlug } from './paths.ts';
import { quarterChannels } from './quarterPage.ts';
import { siteModel } from './project.ts';
import { reportQuarters } from './quarters.ts';

/** `/reports/<yyyy-qn>/…` for every reported quarter. */
export async function quarterRoutes(): Promise<Array<{ params: { quarter: string }; props: { quarter: Period } }>> {
  const { project } = await siteModel();
  return reportQuarters(project).map((quarter) => ({ params: { quarter: quarterSlug(quarter.label) }, props: { quarter } }));
}

/** `/reports/<yyyy-qn>/<channel>/…` for every reported quarter and channel with data or in a frozen version. */
export async function channelRoutes(): Promise<Array<{ params: { quarter: string; channel: string }; props: { quarter: Period; channel: string } }>> {
  const { project, engine } = await siteModel();
  return reportQuarters(project).flatMap((quarter) => quarterChannels(project, engine, quarter.label).map((channel) => ({
    params: { quarter: quarterSlug(quarter.label), channel }, props: { quarter, channel },
  })));
}

/** `/reports/<yyyy-qn>/v<k>/` for every frozen version. */
export async function versionRoutes(): Promise<Array<{ params: { quarter: string; version: string }; props: { quarter: Period; version: number } }>> {
  const { project } = await siteModel();
  return project.reports.flatMap(({ snapshot }) => {
    const parsed = parseQuarter(snapshot.quarter);
    return parsed.ok
      ? [{ params: { quarter: quarterSlug(snapshot.quarter), version: String(snapshot.version) }, props: { quarter: parsed.period, version: snapshot.version } }]
      : [];
  });
}
