/** sitemap.xml: every page of the site under its `url`; built only when `site.yaml` sets `url`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteViews } from '../site/model.ts';
import { shareSettings, sitemapXml } from '../site/share.ts';
import { sitePagePaths } from '../site/routes.ts';

export const getStaticPaths = (async () => {
  const { project } = await siteViews();
  return shareSettings(project.site).url ? [{ params: { name: 'sitemap' } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { project } = await siteViews();
  const { url } = shareSettings(project.site);
  return new Response(sitemapXml(url!, project.site.base, await sitePagePaths()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
