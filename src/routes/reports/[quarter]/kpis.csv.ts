/** CSV download of a quarter's KPIs for every channel (frozen figures for a frozen quarter, with their version): one row per channel and KPI, unrounded values. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { withSlug, type QuarterProps, quarterRoutes } from '../../../site/routes.ts';
import { quarterCsv } from '../../../site/csv.ts';

export const getStaticPaths = (() => withSlug(quarterRoutes())) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(quarterCsv((props as QuarterProps).page), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
