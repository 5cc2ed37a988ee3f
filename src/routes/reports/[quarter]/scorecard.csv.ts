/** CSV download of a quarter's scorecard (every goal and key result; frozen figures for a frozen quarter, with their version). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { withSlug, type QuarterProps, quarterRoutes } from '../../../site/routes.ts';
import { quarterScorecardCsv } from '../../../site/csv.ts';
import { siteViews } from '../../../site/model.ts';

export const getStaticPaths = (() => withSlug(quarterRoutes())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  // The goals the pages mark with a moved goalpost (the site's history, read once per build).
  const { context } = await siteViews();
  return new Response(quarterScorecardCsv((props as QuarterProps).page, new Set(context.markers.keys())), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
