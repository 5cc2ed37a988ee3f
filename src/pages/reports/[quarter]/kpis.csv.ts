/** CSV download of a quarter's KPIs for every channel: one row per channel and KPI, unrounded values. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../site/project.ts';
import { quarterRoutes } from '../../../site/routes.ts';
import { kpiCsv } from '../../../site/csv.ts';
import { buildReport } from '../../../core/report.ts';
import type { Period } from '../../../core/periods.ts';

export const getStaticPaths = quarterRoutes satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { project, engine } = await siteModel();
  const report = buildReport(project, engine, { quarter: (props as { quarter: Period }).quarter });
  return new Response(kpiCsv(report, engine), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
