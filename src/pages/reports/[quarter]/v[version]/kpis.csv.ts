/** CSV download of a frozen version's KPIs for every channel. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../../site/project.ts';
import { versionRoutes } from '../../../../site/routes.ts';
import { kpiCsv } from '../../../../site/csv.ts';
import { quarterPage } from '../../../../site/quarterPage.ts';
import type { Period } from '../../../../core/periods.ts';

export const getStaticPaths = versionRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { project, engine } = await siteModel();
  const { quarter, version } = props as { quarter: Period; version: number };
  const { view } = quarterPage(project, engine, quarter, null, version);
  return new Response(kpiCsv(view.report, view.kpis), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
