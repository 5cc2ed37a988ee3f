/** CSV download of a quarter's scorecard (every goal and key result; frozen figures for a frozen quarter, with their version). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { withSlug, type QuarterProps, quarterRoutes } from '../../../site/routes.ts';
import { quarterScorecardCsv } from '../../../site/csv.ts';

export const getStaticPaths = (() => withSlug(quarterRoutes())) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(quarterScorecardCsv((props as QuarterProps).page), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
