/** CSV download of a frozen version's KPIs for every channel, with the version on every row. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { withSlug, type VersionProps, versionRoutes } from '../../../../site/routes.ts';
import { quarterCsv } from '../../../../site/csv.ts';

export const getStaticPaths = (() => withSlug(versionRoutes())) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(quarterCsv((props as VersionProps).page), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
