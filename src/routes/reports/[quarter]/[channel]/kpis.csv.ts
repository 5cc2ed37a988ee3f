/** CSV download of one channel's KPIs for a quarter (frozen figures for a frozen quarter, with their version). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { withSlug, type ChannelProps, channelRoutes } from '../../../../site/routes.ts';
import { quarterCsv } from '../../../../site/csv.ts';

export const getStaticPaths = (() => withSlug(channelRoutes())) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(quarterCsv((props as ChannelProps).page), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
