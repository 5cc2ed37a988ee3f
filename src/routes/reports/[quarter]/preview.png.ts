/**
 * The link-preview image of a quarter (Open Graph, Twitter card): its summary as a 1200×630 PNG,
 * rendered at build time. Built only when `site.yaml` sets `url`: a page names its image by
 * absolute URL, so without one no page shows it (and the build spares drawing them).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { type QuarterProps, quarterRoutes } from '../../../site/routes.ts';
import { siteViews } from '../../../site/model.ts';
import { ogCardSvg, shareSettings } from '../../../site/share.ts';
import { svgToPng } from '../../../site/ogImage.ts';

export const getStaticPaths = (async () => {
  const { project } = await siteViews();
  return shareSettings(project.site).url ? quarterRoutes() : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { quarter, page } = props as QuarterProps;
  const { project } = await siteViews();
  const svg = ogCardSvg({
    siteTitle: project.site.title,
    heading: quarter.label,
    summary: page.view.summary,
  });
  return new Response(svgToPng(svg), { headers: { 'Content-Type': 'image/png' } });
};
