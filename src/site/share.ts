/**
 * Sharing a report: absolute URLs from the site's `url`, the tags a link preview reads
 * (canonical, Open Graph, Twitter card), the sitemap, robots.txt and the preview image's
 * SVG drawn from a quarter's summary. Pure: no files, no clock.
 */
import type { SiteSettings } from '../core/project.ts';
import { STATUS_LABELS } from '../format/numbers.ts';
import type { QuarterSummary } from './summary.ts';

/** The sharing settings: `url` (the site's public address) and `robots` (`noindex` asks not to be indexed). */
export interface ShareSettings {
  readonly url: string | null;
  readonly noindex: boolean;
}

/** The sharing settings of a site: an http(s) `url` (anything else is ignored), `robots: noindex`. */
export function shareSettings(site: SiteSettings): ShareSettings {
  let url: string | null = null;
  if (typeof site.url === 'string') {
    try {
      const parsed = new URL(site.url);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') url = parsed.href;
    } catch {
      url = null;
    }
  }
  return { url, noindex: site.robots === 'noindex' };
}

/**
 * The absolute URL of a path inside the site (`reports/2026-q3/`), from `url` and the site's
 * base: `url` is the host's address (`https://example.org`) or already ends with the base.
 */
export function absoluteUrl(url: string, base: string, path = ''): string {
  const u = new URL(url);
  const basePath = base.endsWith('/') ? base : `${base}/`;
  const root = u.pathname.endsWith(basePath) ? u.pathname : `${u.pathname.replace(/\/$/, '')}${basePath}`;
  return new URL(`${root}${path}`, u.origin).href;
}

export interface ShareTags {
  readonly canonical: string | null;
  readonly noindex: boolean;
  /** `<meta property|name content>` pairs, in order. */
  readonly meta: ReadonlyArray<{ readonly key: 'property' | 'name'; readonly name: string; readonly content: string }>;
}

/** The head tags of a page: canonical link and link-preview tags when `url` is set, `noindex` when asked. */
export function shareTags(
  site: SiteSettings,
  page: { path: string; title: string; description: string | null; image: string | null; imageAlt?: string },
): ShareTags {
  const { url, noindex } = shareSettings(site);
  if (!url) return { canonical: null, noindex, meta: [] };
  const canonical = absoluteUrl(url, site.base, page.path);
  const image = page.image ? absoluteUrl(url, site.base, page.image) : null;
  const meta: Array<ShareTags['meta'][number]> = [
    { key: 'property', name: 'og:type', content: 'website' },
    { key: 'property', name: 'og:site_name', content: site.title },
    { key: 'property', name: 'og:title', content: page.title },
    ...(page.description ? [{ key: 'property' as const, name: 'og:description', content: page.description }] : []),
    { key: 'property', name: 'og:url', content: canonical },
    { key: 'property', name: 'og:locale', content: site.locale.replace('-', '_') },
    ...(image
      ? [
          { key: 'property' as const, name: 'og:image', content: image },
          { key: 'property' as const, name: 'og:image:type', content: 'image/png' },
          { key: 'property' as const, name: 'og:image:width', content: String(OG_WIDTH) },
          { key: 'property' as const, name: 'og:image:height', content: String(OG_HEIGHT) },
          ...(page.imageAlt ? [{ key: 'property' as const, name: 'og:image:alt', content: page.imageAlt }] : []),
        ]
      : []),
    { key: 'name', name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
    { key: 'name', name: 'twitter:title', content: page.title },
    ...(page.description ? [{ key: 'name' as const, name: 'twitter:description', content: page.description }] : []),
    ...(image ? [{ key: 'name' as const, name: 'twitter:image', content: image }] : []),
  ];
  return { canonical, noindex, meta };
}

/**
 * Characters XML 1.0 forbids even escaped: C0 controls but tab and line breaks (a vertical tab pasted
 * from a spreadsheet), U+FFFE, U+FFFF and lone surrogates. resvg refuses a card holding one.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML (the preview card, the sitemap): escaped, each character XML cannot hold made a space. */
const xml = (s: string): string =>
  s
    .replace(NOT_XML, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** sitemap.xml (sitemaps.org 0.9) listing every page path under the site's absolute URL. */
export function sitemapXml(url: string, base: string, paths: readonly string[]): string {
  const locs = [...new Set(paths)]
    .sort()
    .map((p) => `  <url><loc>${xml(absoluteUrl(url, base, p))}</loc></url>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs}</urlset>\n`;
}

/** robots.txt: everything disallowed for `noindex`, else allowed, with the sitemap's address when `url` is set. */
export function robotsTxt(share: ShareSettings, base: string): string {
  if (share.noindex) return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\n${share.url ? `\nSitemap: ${absoluteUrl(share.url, base, 'sitemap.xml')}\n` : ''}`;
}

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

const COLORS: Record<string, string> = {
  achieved: '#0b7a3e',
  on_track: '#0b6e8a',
  at_risk: '#8a5a00',
  off_track: '#b3261e',
  missed: '#b3261e',
  not_started: '#5a5a66',
  undecided: '#5a5a66',
  no_data: '#5a5a66',
};

/** Shortens a text to `max` characters with an ellipsis. */
const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * The preview image of a quarter (1200×630 SVG, rendered to PNG at build time): the site's
 * title, the quarter, the status counts as words and a bar, and the goals needing attention.
 * `words` gives the texts (status names, headings) in the site's language.
 */
export function ogCardSvg(input: {
  siteTitle: string;
  heading: string;
  summary: QuarterSummary;
  words?: { status?: (s: keyof typeof STATUS_LABELS) => string; attention?: string };
}): string {
  const { siteTitle, heading, summary } = input;
  const statusWord = input.words?.status ?? ((s) => STATUS_LABELS[s].label.toLowerCase());
  const total = summary.counts.reduce((n, c) => n + c.count, 0);
  let x = 80;
  const bar = summary.counts
    .map((c) => {
      const w = total === 0 ? 0 : (c.count / total) * 1040;
      const rect = `<rect x="${x.toFixed(1)}" y="300" width="${w.toFixed(1)}" height="36" fill="${COLORS[c.status]}"/>`;
      x += w;
      return rect;
    })
    .join('');
  const counts = summary.counts.map((c) => `${c.count} ${statusWord(c.status)}`).join(' · ');
  const attention = summary.attention
    .slice(0, 3)
    .map(
      (g, i) =>
        `<text x="80" y="${430 + i * 48}" font-size="30" fill="#1b1b1f">${xml(`${STATUS_LABELS[g.status].symbol} ${clip(g.title, 60)}`)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">` +
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#ffffff"/><rect width="${OG_WIDTH}" height="12" fill="#005a9c"/>` +
    `<g font-family="Inter, DejaVu Sans, Liberation Sans, sans-serif">` +
    `<text x="80" y="110" font-size="34" fill="#5a5a66">${xml(clip(siteTitle, 60))}</text>` +
    `<text x="80" y="190" font-size="64" font-weight="700" fill="#1b1b1f">${xml(clip(heading, 32))}</text>` +
    `<text x="80" y="270" font-size="34" fill="#1b1b1f">${xml(clip(counts, 70))}</text>` +
    bar +
    (summary.attention.length > 0
      ? `<text x="80" y="385" font-size="26" font-weight="700" fill="#5a5a66">${xml(input.words?.attention ?? 'Needs attention')}</text>${attention}`
      : '') +
    '</g></svg>'
  );
}
