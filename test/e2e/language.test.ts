/**
 * The example built in French and Italian (a copy of its content root with `locale` changed):
 * no word of the English table that the French or Italian table does not also use appears on a
 * page, outside data (goal and objective titles, channel and custom KPI labels, narratives, file names).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { createEngine, type Project } from '../../src/core/project.ts';
import { en } from '../../src/translations/en.ts';
import { fr } from '../../src/translations/fr.ts';
import { it as italian } from '../../src/translations/it.ts';
import { gitAs } from '../gitFixture.ts';
import { buildSite, launchBrowser, listFiles, serve } from './harness.ts';

const EXAMPLE = process.env['GOALPOST_E2E_ROOT'] ?? '.';

/** Every text leaf of a table. */
function texts(table: object): string[] {
  return Object.values(table).flatMap((v) => (typeof v === 'string' ? [v] : texts(v as object)));
}
/** The words of some texts: letters only, four or more, lower case, slots left out. */
function wordsOf(list: readonly string[]): Set<string> {
  return new Set(
    list.flatMap(
      (t) =>
        t
          .replace(/\{[a-zA-Z]+\}/g, ' ')
          .toLowerCase()
          .match(/\p{L}{4,}/gu) ?? [],
    ),
  );
}

/** The subjects of the copy's two commits: data (the team's words), left out before the check. */
const COMMITS = ['Nordlys 2026', 'hiring-q3 450'];

/**
 * A copy of the example's content root in another language, in a git repository of two commits
 * (the goals, then a target lowered after its period began), so that `/changes/` and the goal
 * pages list changes and a moved goalpost in that language.
 */
function localised(locale: string, extra = ''): string {
  const root = mkdtempSync(join(tmpdir(), `goalpost-${locale}-`));
  for (const dir of ['content', 'goals', 'data', 'reports', 'public'])
    cpSync(join(EXAMPLE, dir), join(root, dir), { recursive: true });
  const site = join(root, 'content/site.yaml');
  writeFileSync(site, `${readFileSync(site, 'utf8').replace(/^locale: .*$/m, `locale: ${locale}`)}${extra}`);
  const git = (args: string[], date: string) => gitAs(root, args, date);
  git(['init', '-q'], '2026-06-20');
  git(['add', '-A'], '2026-06-20');
  git(['commit', '-q', '-m', COMMITS[0]!], '2026-06-20');
  const goals = join(root, 'goals/2026.yaml');
  const text = readFileSync(goals, 'utf8');
  const lowered = text.replace(/(- id: hiring-q3\n(?: {4}.*\n)*? {4}target: )500\n/, '$1450\n');
  if (lowered === text) throw new Error('the hiring-q3 target is not where the test expects it');
  writeFileSync(goals, lowered);
  git(['commit', '-q', '-am', COMMITS[1]!], '2026-08-10');
  return root;
}

/** The texts that are data, not page words: left out before the check. */
function dataTexts(project: Project): string[] {
  return [
    project.site.title,
    ...Object.values(project.site.channels).map((c) => c.label ?? ''),
    ...project.objectives.flatMap((o) => [o.title, o.description ?? '']),
    ...project.goals.flatMap((g) => [
      g.title,
      g.description ?? '',
      g.owner ?? '',
      ...(g.type === 'okr' ? g.keyResults.map((k) => k.title ?? '') : []),
    ]),
    ...project.sources.flatMap((s) => [s.file, s.source ?? '']),
    ...COMMITS,
    // Titles a narrative gives its charts (`<KpiChart title="…">`) are the team's words.
    ...readdirSync(join(EXAMPLE, 'content/reports'))
      .filter((f) => f.endsWith('.mdx'))
      .flatMap((f) =>
        [...readFileSync(join(EXAMPLE, 'content/reports', f), 'utf8').matchAll(/title="([^"]*)"/g)].map((m) => m[1]!),
      ),
    ...project.customKpis.map((k) => k.label),
    // Formulas are written over metric ids (`discount_code_uses / clicks`), whatever the language.
    ...createEngine(project)
      .kpis.all()
      .map((k) => k.def.formula),
  ]
    .filter((s) => s.trim() !== '')
    .sort((a, b) => b.length - a.length);
}

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** The example's last day with data as each page writes it. */
const LAST_DAY: Readonly<Record<string, string>> = { 'fr-FR': '30 sept. 2026', 'it-IT': '30 set 2026' };

/** The French build also sets `url` and `robots: noindex`, to check the sharing tags in a language other than English. */
const SHARING = '\nurl: https://reports.nordlys.example/\nrobots: noindex\n';

describe.each([
  ['fr-FR', fr, SHARING],
  ['it-IT', italian, ''],
] as const)('the example in %s', (locale, table, extra) => {
  let server: { url: string; close: () => Promise<void> };
  let dist: string;
  let project: Project;
  beforeAll(async () => {
    const root = localised(locale, extra);
    const loaded = await loadProject(root);
    if (!loaded.ok) throw new Error('the localised example does not validate');
    project = loaded.project;
    dist = buildSite(root);
    server = await serve(dist);
  }, 600_000);
  afterAll(async () => server?.close());

  it('shows no English word of the page tables and no ISO date outside data, on every kind of page', async () => {
    const english = [...wordsOf(texts(en))].filter((w) => !wordsOf(texts(table)).has(w));
    expect(english).toContain('achieved');
    const pages = listFiles(dist)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => f.replace(/index\.html$/, ''));
    const sample = [
      '',
      'reports/',
      'goals/',
      'changes/',
      ...['reports/2026-q3/', 'reports/2026-q3/instagram/', 'reports/2026-q2/v1/'].filter((p) => pages.includes(p)),
      ...pages.filter((p) => p.startsWith('goals/') && p !== 'goals/').slice(0, 6),
      'goals/hiring-q3/',
    ];
    expect(sample.length).toBeGreaterThan(8);
    const data = dataTexts(project);
    const found: string[] = [];
    const isoDates: string[] = [];
    const colons: string[] = [];
    for (const path of sample) {
      const page = await browser.newPage();
      await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => {
        // The narrative's own prose is the team's text; the charts, goal cards and values it embeds are the page's words.
        document.querySelectorAll('.narrative').forEach((n) => {
          const generated = [...n.querySelectorAll('.kpi-chart, .goal-card, .kpi-value')];
          n.replaceChildren(...generated);
        });
        document.querySelectorAll('code').forEach((e) => e.remove());
        const attrs = [...document.querySelectorAll('[aria-label], [title], [alt]')].flatMap((e) =>
          ['aria-label', 'title', 'alt'].map((a) => e.getAttribute(a) ?? ''),
        );
        return [document.title, document.body.innerText, ...attrs].join('\n');
      });
      await page.close();
      let text = shown;
      for (const d of data) text = text.split(d).join(' ');
      const words = new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
      for (const w of english) if (words.has(w)) found.push(`${path || 'home'}: ${w}`);
      // Short English marks too: the word for a missing value.
      if (/(^|\s)n\/a(\s|$)/.test(text)) found.push(`${path || 'home'}: n/a`);
      // Dates are written the locale's way ("30 sept. 2026"); ISO stays in <time datetime>, CSV and JSON.
      for (const iso of text.match(/\d{4}-\d{2}-\d{2}/g) ?? []) isoDates.push(`${path || 'home'}: ${iso}`);
      // French sets a space before a colon, in the page's words and between its parts (red-team 32 #7).
      if (locale === 'fr-FR') for (const c of text.match(/\S{0,20}\p{L}\)?: /gu) ?? []) colons.push(`${path || 'home'}: ${c}`);
    }
    expect(found).toEqual([]);
    expect(isoDates).toEqual([]);
    expect(colons).toEqual([]);
    // The pages checked list changes: the lowered target is a moved goalpost on /changes/.
    expect(readFileSync(join(dist, 'changes/index.html'), 'utf8')).toContain('<tr class="moved">');
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain(`<time datetime="2026-09-30">${LAST_DAY[locale]}</time>`);
  }, 300_000);
});

describe('sharing, with url and robots: noindex set (the French build)', () => {
  let dist: string;
  beforeAll(() => {
    dist = buildSite(localised('fr-FR', SHARING));
  }, 600_000);

  it('gives every page a canonical link, and the quarter page Open Graph and Twitter tags with a PNG preview', () => {
    const html = readFileSync(join(dist, 'reports/2026-q3/index.html'), 'utf8');
    const meta = (name: string) => new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`).exec(html)?.[1];
    expect(/<link rel="canonical" href="([^"]*)"/.exec(html)?.[1]).toBe('https://reports.nordlys.example/reports/2026-q3/');
    expect(meta('og:url')).toBe('https://reports.nordlys.example/reports/2026-q3/');
    expect(meta('og:title')).toContain('2026-Q3');
    expect(meta('og:locale')).toBe('fr_FR');
    expect(meta('og:image')).toBe('https://reports.nordlys.example/reports/2026-q3/preview.png');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('robots')).toBe('noindex');
    const png = readFileSync(join(dist, 'reports/2026-q3/preview.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    for (const page of ['index.html', 'goals/index.html', 'changes/index.html']) {
      expect(readFileSync(join(dist, page), 'utf8'), page).toMatch(
        /<link rel="canonical" href="https:\/\/reports\.nordlys\.example\//,
      );
    }
  });

  it('lists every page in sitemap.xml and disallows indexing in robots.txt', () => {
    const pages = listFiles(dist)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `https://reports.nordlys.example/${f.replace(/index\.html$/, '')}`);
    const locs = [...readFileSync(join(dist, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(pages.sort());
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
  });
});
