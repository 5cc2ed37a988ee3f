/**
 * A moved goalpost on the built site (issue 11: "Moved goalposts are laundered on the site"):
 * a fixture repository with two commits, the target cut and the goal renamed mid-period.
 * The goal page says above its status what moved and gives the status against the original
 * definition; the quarter scorecard, the home page and the goal tree carry a marker.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repo } from '../review/helpers.ts';
import { buildSite, launchBrowser, serve } from './harness.ts';

const GOALS = (id: string, target: number, title: string) => `goals:
  - { id: ${id}, title: "${title}", period: 2026-Q2, channel: instagram, kpi: clicks, target: ${target} }
  - { id: steady, title: Impressions, period: 2026-Q2, channel: instagram, kpi: impressions, target: 2500 }
  - id: events
    type: okr
    title: Be seen at industry events
    period: 2026-Q2
    key_results:
      - { id: talks, title: Talks, manual: { current: 7, target: 10 } }
      - { id: booths, title: Booths, manual: { current: 6, target: 10 } }
`;

let dist: string;
let cut: string;
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
/** The visible text of an HTML fragment: blocks end in a space, tags dropped, the few entities Astro writes decoded. */
const text = (html: string) =>
  html
    .replace(/<\/(dt|dd|li|p|h\d|th|td)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

beforeAll(() => {
  const r = repo();
  r.commit(GOALS('ig-clicks', 60, '60 <b>clicks</b> from Instagram'), '2026-03-01', 'Q2 goals');
  cut = r.commit(
    GOALS('ig-clicks-q2', 45, '60 <b>clicks</b> from Instagram').replace(/\s+- \{ id: booths.*\n/, '\n'),
    '2026-05-10',
    'Cut the clicks target',
  );
  dist = buildSite(r.dir);
}, 600_000);

describe('a moved goalpost on the site', () => {
  it('is explained above the goal page status: what moved, when, in which commit, and the status against the original definition', () => {
    const html = page('goals/ig-clicks-q2');
    const section = /<section class="moved-goalpost"[^]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).not.toBe('');
    expect(html.indexOf('class="moved-goalpost"')).toBeLessThan(html.indexOf('>Status<'));
    expect(html.indexOf('<h1')).toBeLessThan(html.indexOf('class="moved-goalpost"'));
    const words = text(section);
    expect(words).toContain('Goalpost moved');
    expect(words).toContain('The target moved after the period began');
    expect(words).toContain('target: 60 → 45, on May 10, 2026');
    expect(words, 'no commit hash on a stakeholder page').not.toContain(cut);
    expect(words).toContain('goal renamed: ig-clicks → ig-clicks-q2, on May 10, 2026');
    // clicks: 50 by the deadline; 50 of 60 is missed, 50 of 45 achieved.
    expect(words).toMatch(
      /Against the original definition ✖ Missed \(target 60\) Against the current definition ✔ Achieved \(target 45\)/,
    );
    // The title stays text (attribute values aside, where `<` is harmless).
    expect(html.replace(/"[^"]*"/g, '""')).not.toContain('<b>');
  });

  it('marks the goal on the quarter scorecard, the home page and the goal tree, in words', () => {
    for (const path of ['reports/2026-q2', '', 'goals']) {
      const html = page(path);
      const marker =
        new RegExp(`<a class="moved-marker" href="/goals/ig-clicks-q2/#moved-goalpost">[^]*?</a>`).exec(html)?.[0] ?? '';
      expect(text(marker), path || 'home').toBe('⚠ Goalpost moved: target 60 → 45 on May 10, 2026 (and 1 more)');
      expect(html, path || 'home').not.toContain('href="/goals/steady/#moved-goalpost"');
    }
  });

  it('marks an OKR whose weak key result was removed, and scores it against the original', () => {
    const html = page('goals/events');
    expect(text(/<section class="moved-goalpost"[^]*?<\/section>/.exec(html)?.[0] ?? '')).toMatch(
      /key result Booths removed: .* on May 10, 2026 \(key result removed, which raises the objective's score \(0\.65 → 0\.7\).*Against the original definition score 0\.65, yellow Against the current definition score 0\.70, green/,
    );
    expect(text(page('reports/2026-q2'))).toContain('⚠ Goalpost moved: key result Booths removed on May 10, 2026');
  });

  it('is accessible (axe) and fits a phone screen', async () => {
    const server = await serve(dist);
    const browser = await launchBrowser();
    try {
      for (const path of ['goals/ig-clicks-q2/', 'goals/events/', 'reports/2026-q2/', 'goals/']) {
        const p = await browser.newPage();
        await p.setViewportSize({ width: 390, height: 900 });
        await p.goto(new URL(path, server.url).href);
        expect(await p.locator('.moved-goalpost, .moved-marker').first().isVisible(), path).toBe(true);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        const result = await new AxeBuilder({ page: p }).analyze();
        expect(
          result.violations.map((v) => `${v.id}: ${v.help}`),
          path,
        ).toEqual([]);
        await p.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);

  it('leaves goals whose goalposts stayed put unmarked', () => {
    expect(page('goals/steady')).not.toContain('class="moved-goalpost"');
    expect(page('goals/steady')).not.toContain('class="moved-marker"');
  });
});
