/** robots.txt: `Disallow: /` when `site.yaml` says `robots: noindex`, else allowed, naming the sitemap when `url` is set. */
import type { APIRoute } from 'astro';
import { siteViews } from '../site/model.ts';
import { robotsTxt, shareSettings } from '../site/share.ts';

export const GET: APIRoute = async () => {
  const { project } = await siteViews();
  return new Response(robotsTxt(shareSettings(project.site), project.site.base), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
