/** CSV download of one channel's KPIs for a quarter. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../../site/project.ts';
import { channelRoutes } from '../../../../site/routes.ts';
import { kpiCsv } from '../../../../site/csv.ts';
import { buildReport } from '../../../../core/report.ts';
import type { Period } from '../../../../core/periods.ts';

export const getStaticPaths = channelRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { project, engine } = await siteModel();
  const { quarter, channel } = props as { quarter: Period; channel: string };
  const report = buildReport(project, engine, { quarter, channel });
  return new Response(kpiCsv(report, engine), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
