/** CSV download of a quarter's KPIs for every channel: one row per channel and KPI, unrounded values. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../site/project.ts';
import { reportQuarters } from '../../../site/quarters.ts';
import { quarterSlug } from '../../../site/paths.ts';
import { kpiCsv } from '../../../site/csv.ts';
import { buildReport } from '../../../core/report.ts';
import type { Period } from '../../../core/periods.ts';

export const getStaticPaths = (async () => {
  const { project } = await siteModel();
  return reportQuarters(project).map((quarter) => ({ params: { quarter: quarterSlug(quarter.label) }, props: { quarter } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { project, engine } = await siteModel();
  const report = buildReport(project, engine, { quarter: (props as { quarter: Period }).quarter });
  return new Response(kpiCsv(report, engine), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
