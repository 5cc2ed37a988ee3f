/** CSV download of a quarter's KPIs for every channel (frozen figures for a frozen quarter, with their version): one row per channel and KPI, unrounded values. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../site/project.ts';
import { quarterRoutes } from '../../../site/routes.ts';
import { quarterCsv } from '../../../site/csv.ts';
import { quarterPage } from '../../../site/quarterPage.ts';
import type { Period } from '../../../core/periods.ts';

export const getStaticPaths = quarterRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { project, engine } = await siteModel();
  return new Response(quarterCsv(quarterPage(project, engine, (props as { quarter: Period }).quarter)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
