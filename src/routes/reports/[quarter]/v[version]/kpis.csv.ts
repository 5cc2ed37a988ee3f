/** CSV download of a frozen version's KPIs for every channel, with the version on every row. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../../site/project.ts';
import { versionRoutes } from '../../../../site/routes.ts';
import { quarterCsv } from '../../../../site/csv.ts';
import { quarterPage } from '../../../../site/quarterPage.ts';
import type { Period } from '../../../../core/periods.ts';

export const getStaticPaths = versionRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { project, engine } = await siteModel();
  const { quarter, version } = props as { quarter: Period; version: number };
  return new Response(quarterCsv(quarterPage(project, engine, quarter, null, version)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
