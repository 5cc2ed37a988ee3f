import { describe, expect, it } from 'vitest';
import type { SiteSettings } from '../../src/core/project.ts';
import { absoluteUrl, ogCardSvg, robotsTxt, shareSettings, shareTags, sitemapXml } from '../../src/site/share.ts';
import { pageViolations } from '../../src/site/pageCheck.ts';

const site = (extra: Record<string, unknown> = {}): SiteSettings =>
  ({
    title: 'Nordlys',
    locale: 'fr-FR',
    currency: 'EUR',
    customerLtv: null,
    channels: {},
    base: '/r/',
    url: null,
    robots: 'index',
    strings: {},
    ...extra,
  }) as SiteSettings;

describe('shareSettings', () => {
  it('keeps an http(s) url only, and reads robots: noindex', () => {
    expect(shareSettings(site())).toEqual({ url: null, noindex: false });
    expect(shareSettings(site({ url: 'https://example.org', robots: 'noindex' }))).toEqual({
      url: 'https://example.org/',
      noindex: true,
    });
    expect(shareSettings(site({ url: 'javascript:alert(1)' })).url).toBeNull();
    expect(shareSettings(site({ url: 'not a url' })).url).toBeNull();
  });
});

describe('absoluteUrl', () => {
  it('joins the host, the base and the path, whether or not url already ends with the base', () => {
    expect(absoluteUrl('https://example.org', '/r/', 'reports/2026-q3/')).toBe('https://example.org/r/reports/2026-q3/');
    expect(absoluteUrl('https://example.org/r/', '/r/', 'goals/')).toBe('https://example.org/r/goals/');
    expect(absoluteUrl('https://example.org/', '/', '')).toBe('https://example.org/');
  });
});

describe('shareTags', () => {
  it('gives nothing but noindex without a url', () => {
    expect(shareTags(site({ robots: 'noindex' }), { path: '', title: 'T', description: null, image: null })).toEqual({
      canonical: null,
      noindex: true,
      meta: [],
    });
  });
  it('gives canonical, Open Graph and Twitter card tags with an absolute image URL', () => {
    const tags = shareTags(site({ url: 'https://example.org' }), {
      path: 'reports/2026-q3/',
      title: 'Rapport',
      description: 'Objectifs',
      image: 'reports/2026-q3/preview.png',
    });
    expect(tags.canonical).toBe('https://example.org/r/reports/2026-q3/');
    const byName = Object.fromEntries(tags.meta.map((m) => [m.name, m.content]));
    expect(byName).toMatchObject({
      'og:title': 'Rapport',
      'og:description': 'Objectifs',
      'og:url': tags.canonical,
      'og:locale': 'fr_FR',
      'og:image': 'https://example.org/r/reports/2026-q3/preview.png',
      'twitter:card': 'summary_large_image',
    });
  });
  it('passes the page check: a canonical link loads nothing, a stylesheet link elsewhere still fails', () => {
    expect(pageViolations('<html><head><link rel="canonical" href="https://example.org/r/"></head><body></body></html>')).toEqual(
      [],
    );
    expect(
      pageViolations(
        '<html><head><link rel="stylesheet canonical" href="https://evil.example/x.css"></head><body></body></html>',
      ),
    ).not.toEqual([]);
  });
});

describe('sitemap and robots.txt', () => {
  it('lists every page once, escaped, under the url', () => {
    const xml = sitemapXml('https://example.org', '/r/', ['', 'goals/a&b/', 'goals/a&b/']);
    expect(xml.match(/<loc>/g)).toHaveLength(2);
    expect(xml).toContain('<loc>https://example.org/r/goals/a&amp;b/</loc>');
  });
  it('disallows everything for noindex, and names the sitemap otherwise', () => {
    expect(robotsTxt({ url: 'https://example.org/', noindex: true }, '/')).toBe('User-agent: *\nDisallow: /\n');
    expect(robotsTxt({ url: 'https://example.org/', noindex: false }, '/r/')).toContain(
      'Sitemap: https://example.org/r/sitemap.xml',
    );
  });
});

describe('ogCardSvg', () => {
  it('draws the counts and the goals needing attention, as escaped text', () => {
    const svg = ogCardSvg({
      siteTitle: 'A <b>',
      heading: '2026-Q3',
      summary: {
        counts: [
          { status: 'achieved', count: 3 },
          { status: 'missed', count: 1 },
        ],
        redOkrs: [],
        movers: [],
        partial: null,
        attention: [{ title: 'Grow & <glow>', status: 'missed' } as never],
      },
    });
    expect(svg).toContain('3 achieved · 1 missed');
    expect(svg).toContain('Grow &amp; &lt;glow&gt;');
    expect(svg).not.toContain('<b>');
  });
});

describe('the preview card with characters XML cannot hold', () => {
  // A vertical tab pasted from a spreadsheet into the site title, a terminal escape in a goal title, a lone surrogate.
  const card = ogCardSvg({
    siteTitle: 'Acme\vSocial',
    heading: '2026-Q3',
    summary: {
      counts: [{ status: 'off_track', count: 1 }],
      redOkrs: [],
      movers: [],
      partial: null,
      attention: [{ title: 'Grow \u001b]8;;x\u0007reach \ud800', status: 'off_track' } as never],
    },
  });

  it('draws them as spaces: resvg reads the card (it refused it and the build failed)', async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    expect(() => new Resvg(card, { font: { loadSystemFonts: false } }).render()).not.toThrow();
    expect(card).toContain('Acme Social');
    expect(card).toContain('Grow  ]8;;x reach');
    expect(card).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});
