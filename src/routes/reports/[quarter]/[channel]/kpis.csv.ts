/** CSV download of one channel's KPIs for a quarter (frozen figures for a frozen quarter, with their version). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../../site/project.ts';
import { channelRoutes } from '../../../../site/routes.ts';
import { quarterCsv } from '../../../../site/csv.ts';
import { quarterPage } from '../../../../site/quarterPage.ts';
import type { Period } from '../../../../core/periods.ts';

export const getStaticPaths = channelRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { project, engine } = await siteModel();
  const { quarter, channel } = props as { quarter: Period; channel: string };
  return new Response(quarterCsv(quarterPage(project, engine, quarter, channel)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
