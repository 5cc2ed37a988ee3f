/**
 * The built site in a real browser (Debian's Chromium through playwright-core): every page
 * loads cleanly and offline, numbers match the CLI, axe finds no violation, text does not
 * overlap at phone and desktop widths, hostile titles stay text, builds are reproducible.
 */
import { formatDate } from '../../src/format/intl.ts';
import { AxeBuilder } from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { ReportJson } from '../../src/core/report.ts';
import type { FrozenReport } from '../../src/core/snapshot.ts';
import { loadProject } from '../../src/load/project.ts';
import { buildSite, findOverlappingText, launchBrowser, listFiles, serve } from './harness.ts';

/** The bundled example at the repository root. */
const EXAMPLE = process.env['GOALPOST_E2E_ROOT'] ?? '.';
const HOSTILE = 'test/fixtures/hostile';
const SCREENSHOTS = 'test-results/screenshots';

let dist: string;
let server: { url: string; close: () => Promise<void> };
let browser: BrowserContext;

/** `report --json` as a script sees it: the report and which figures it is. */
type CliReport = ReportJson & { figures: 'frozen' | 'live'; version: number | null; frozen_at: string | null; currency: string };

async function cliReport(quarter: string, channel?: string, ...options: string[]): Promise<CliReport> {
  let out = '';
  const status = await main(['report', '--period', quarter, '--json', ...(channel ? ['--channel', channel] : []), ...options], {
    out: (t) => {
      out += t;
    },
    err: () => {},
    env: { GOALPOST_ROOT: EXAMPLE },
    cwd: process.cwd(),
  });
  expect(status).toBe(0);
  return JSON.parse(out) as CliReport;
}

/** The example's frozen reports. */
async function frozenReports(): Promise<readonly FrozenReport[]> {
  const loaded = await loadProject(EXAMPLE);
  if (!loaded.ok) throw new Error('the example does not validate');
  return loaded.project.reports;
}

/** What a report page must show: `report --json` (the newest frozen version of a frozen quarter), or `--version k`. */
async function expectedReport(quarter: string, channel: string | undefined, version?: number): Promise<CliReport> {
  return cliReport(quarter, channel, ...(version === undefined ? [] : ['--version', String(version)]));
}

/** Opens a page and records console errors, failed requests and requests to other hosts. */
async function open(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems: string[] = [];
  const origin = new URL(server.url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`other host: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
  return { page, problems };
}

beforeAll(async () => {
  dist = buildSite(EXAMPLE);
  server = await serve(dist);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pages = () =>
  listFiles(dist)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.replace(/index\.html$/, ''));
const firstQuarter = () => pages().find((p) => /^reports\/\d{4}-q\d\/$/.test(p))!;

describe('the overlap check', () => {
  it('finds overlapping text, and none in text that flows', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<p style="position:absolute;top:0;margin:0">Overlapping words</p><p style="position:absolute;top:4px;left:8px;margin:0">Other words</p>',
    );
    expect(await page.evaluate(findOverlappingText)).toEqual(['"Overlapping words" overlaps "Other words"']);
    await page.setContent('<p>One paragraph</p><p>Another paragraph</p>');
    expect(await page.evaluate(findOverlappingText)).toEqual([]);
    await page.close();
  });
});

describe('the example site', () => {
  it('loads every page with no console error, failed request or request to another host', async () => {
    const all = pages();
    expect(all.length).toBeGreaterThan(5);
    for (const path of [...all, '404.html']) {
      const { page, problems } = await open(path);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  }, 600_000);

  it('works without JavaScript: no page loads a script', () => {
    for (const f of listFiles(dist).filter((x) => x.endsWith('.html'))) {
      expect(readFileSync(join(dist, f), 'utf8'), f).not.toMatch(/<script\b/i);
    }
  });

  it('never writes NaN, Infinity or undefined into a page or a CSV', () => {
    for (const f of listFiles(dist).filter((x) => /\.(html|csv|svg|json)$/.test(x))) {
      const text = readFileSync(join(dist, f), 'utf8').replace(/<style[\s\S]*?<\/style>/g, '');
      expect(text.match(/\bNaN\b|\bInfinity\b|\bundefined\b/g), f).toBeNull();
    }
  });

  it('shows on each quarter page the numbers of `report --json`, or of its frozen version', async () => {
    const checked = { live: 0, frozen: 0, versions: 0 };
    for (const path of pages().filter((p) => /^reports\/\d{4}-q\d\/([\w-]+\/)?$/.test(p))) {
      const [, q, sub] = /^reports\/(\d{4}-q\d)\/(?:([\w-]+)\/)?$/.exec(path)!;
      const version = /^v(\d+)$/.exec(sub ?? '')?.[1];
      const channel = version ? undefined : sub;
      const quarter = q!.toUpperCase();
      const report = await expectedReport(quarter, channel, version ? Number(version) : undefined);
      const frozen = (await frozenReports()).some((r) => r.snapshot.quarter === quarter);
      checked[version ? 'versions' : frozen ? 'frozen' : 'live']++;
      const { page } = await open(path);
      const cells = await page.$$eval('table.kpis td[data-scope]', (tds) =>
        tds.map((td) => ({
          kpi: td.closest('tr')!.getAttribute('data-kpi')!,
          scope: td.getAttribute('data-scope')!,
          value: td.getAttribute('data-value')!,
        })),
      );
      expect(cells.length, path).toBeGreaterThan(0);
      for (const c of cells) {
        const expected = report.kpis[c.scope]![c.kpi]!.value;
        expect(c.value === '' ? null : Number(c.value), `${path} ${c.scope} ${c.kpi}`).toBe(expected);
      }
      const goals = await page.$$eval('table.scorecard tr[data-goal]', (trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-goal')!,
          values: [...tr.querySelectorAll('[data-value]')].map((e) => e.getAttribute('data-value')!),
        })),
      );
      for (const g of goals) {
        const json = report.goals.find((x) => x.id === g.id);
        expect(json?.type, `${path} goal ${g.id}`).toBe('smart');
        if (json?.type !== 'smart') continue;
        expect(
          g.values.map((v) => (v === '' ? null : Number(v))),
          g.id,
        ).toEqual([json.actual, json.target, json.progress, json.projection]);
      }
      expect(goals.length, path).toBe(report.goals.filter((x) => x.type === 'smart').length);
      await page.close();
    }
    expect(checked.live).toBeGreaterThan(0);
    expect(checked.frozen).toBeGreaterThan(0);
    expect(checked.versions).toBe(3);
  }, 600_000);

  it('gives in each CSV download the numbers of `report --json` and its version', async () => {
    for (const path of listFiles(dist).filter((f) => /^reports\/\d{4}-q\d\/(?:[\w-]+\/)?goalpost-[\w-]+-kpis\.csv$/.test(f))) {
      const [, q, sub] = /^reports\/(\d{4}-q\d)\/(?:([\w-]+)\/)?goalpost-[\w-]+-kpis\.csv$/.exec(path)!;
      expect(path.slice(path.lastIndexOf('/') + 1), path).toBe(`goalpost-${q}${sub ? `-${sub}` : ''}-kpis.csv`);
      const version = /^v(\d+)$/.exec(sub ?? '')?.[1];
      const report = await expectedReport(q!.toUpperCase(), version ? undefined : sub, version ? Number(version) : undefined);
      const [header, ...rows] = readFileSync(join(dist, path), 'utf8')
        .split('\r\n')
        .filter((l) => l !== '');
      const columns = header!.split(',');
      expect(columns.slice(-10), path).toEqual([
        'figures',
        'version',
        'inputs_to',
        'computed_to',
        'gaps',
        'bound',
        'qoq_partial',
        'yoy_partial',
        'currency',
        'counted_from',
      ]);
      expect(rows.length, path).toBeGreaterThan(0);
      for (const row of rows) {
        const cells = Object.fromEntries(row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c, i) => [columns[i]!, c]));
        expect([cells['figures'], cells['version']], path).toEqual([
          report.figures,
          report.version === null ? '' : String(report.version),
        ]);
        const cell = report.kpis[cells['channel']!]![cells['kpi']!]!;
        expect(cells['value'] === '' ? null : Number(cells['value']), `${path} ${cells['channel']} ${cells['kpi']}`).toBe(
          cell.value,
        );
        expect(cells['bound'], `${path} ${cells['channel']} ${cells['kpi']}`).toBe(
          cell.approximate ? (cell.bound ?? 'upper') : '',
        );
        expect(cells['currency'], `${path} ${cells['channel']} ${cells['kpi']}`).toBe(
          cells['unit'] === 'money' ? report.currency : '',
        );
        const countedFrom = Object.entries(cell.counted_from ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
        expect(cells['counted_from'], `${path} ${cells['channel']} ${cells['kpi']}`).toBe(
          countedFrom.map(([channel, day]) => `${channel}=${day}`).join('; '),
        );
      }
    }
  }, 120_000);

  it("shows on a goal page, for each quarter it spans, the figures of that quarter's report, labelled", async () => {
    const { page } = await open('goals/ig-followers-2026/');
    const rows = await page.$$eval('table.goal-reports tbody tr', (trs) =>
      trs.map((tr) => ({
        quarter: tr.getAttribute('data-quarter')!,
        figures: tr.getAttribute('data-figures')!,
        version: tr.getAttribute('data-version'),
        label: tr.querySelectorAll('td')[0]!.textContent!,
        values: [...tr.querySelectorAll('[data-value]')].map((e) => e.getAttribute('data-value')!),
      })),
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const report = await cliReport(row.quarter);
      const goal = report.goals.find((g) => g.id === 'ig-followers-2026');
      if (goal?.type !== 'smart') throw new Error(`ig-followers-2026 is not a SMART goal of ${row.quarter}`);
      expect(
        row.values.map((v) => (v === '' ? null : Number(v))),
        row.quarter,
      ).toEqual([goal.actual, goal.target, goal.progress]);
      expect([row.figures, row.version === null ? null : Number(row.version)], row.quarter).toEqual([
        report.figures,
        report.version,
      ]);
      expect(row.label, row.quarter).toBe(
        report.figures === 'live' ? 'live' : `frozen v${report.version} (${formatDate(report.frozen_at!.slice(0, 10), 'en-US')})`,
      );
    }
    // The header shows the latest report's figures, as that report does.
    const latest = rows.at(-1)!;
    expect(await page.locator('.figures-source').first().innerText()).toBe(`Report ${latest.quarter}, ${latest.label}`);
    await page.close();
  }, 60_000);

  it('renders a frozen quarter from its newest version, with its version notice', async () => {
    const { page } = await open('reports/2026-q2/');
    const notice = page.locator('aside[aria-label="Report version"]');
    expect(await notice.getAttribute('data-version')).toBe('2');
    expect(await notice.getAttribute('data-newest')).toBe('2');
    expect(await notice.innerText()).toContain('Frozen report, version 2 of 2: frozen on July 10, 2026');
    expect(await page.locator('.version-banner').count()).toBe(0);
    expect(await notice.locator('.restatement-none').innerText()).toBe("Today's goals and data give the same figures.");
    expect(await notice.locator('nav a').allInnerTexts()).toEqual(['v1']);
    await page.close();
  }, 60_000);

  it('keeps an older version at its own URL, with a banner linking to the newest', async () => {
    const { page, problems } = await open('reports/2026-q2/v1/');
    const banner = page.locator('.version-banner');
    expect(await banner.innerText()).toContain('This is an old version of the report. Version 1 was replaced by version 2');
    // v1 was frozen before the help desk's export: its figures are not today's.
    expect(await banner.locator('details.restatement summary').innerText()).toMatch(
      /^Restated: today's goals and data change \d+ figures/,
    );
    await banner.getByRole('link', { name: 'read the newest version' }).click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/reports/2026-q2/');
    expect(await page.locator('aside[aria-label="Report version"]').getAttribute('data-version')).toBe('2');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("says when today's data restates a frozen report, and lists figure, frozen value and value now", async () => {
    const { page } = await open('reports/2026-q3/');
    const [frozen] = (await frozenReports()).filter((r) => r.snapshot.quarter === '2026-Q3');
    const now = await cliReport('2026-Q3', undefined, '--live');
    expect(now).toMatchObject({ figures: 'live', version: null });
    const before = frozen!.snapshot.figures['all']!.report.kpis['instagram']!['impressions']!.value!;
    expect((await cliReport('2026-Q3')).kpis['instagram']!['impressions']!.value).toBe(before);
    // The narrative's chart draws the frozen trend beside the frozen values, and says so.
    expect(await page.locator('.narrative .kpi-chart').getAttribute('data-figures')).toBe('frozen');
    expect(await page.locator('.narrative .kpi-chart figcaption').innerText()).toBe(
      'Engagement rate of the daily channels, 2026-Q3 — frozen v1 (Sep 30, 2026)',
    );
    const after = now.kpis['instagram']!['impressions']!.value!;
    expect(after).toBeGreaterThan(before);
    const summary = await page.locator('details.restatement summary').innerText();
    expect(summary).toMatch(/^Restated: today's goals and data change \d+ figures/);
    // A long list starts folded: the summary opens it, without JavaScript.
    expect(await page.locator('details.restatement').getAttribute('open')).toBeNull();
    await page.locator('details.restatement summary').click();
    expect(await page.locator('details.restatement').innerText()).toContain(
      'Input files changed since the freeze: data/instagram/2026-q3.json.',
    );
    const row = page.locator('table.restated tr', { has: page.locator('th', { hasText: /^Impressions, Instagram$/ }) });
    const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    expect(await row.locator('td').allInnerTexts()).toEqual([fmt.format(before), fmt.format(after)]);
    await page.close();
    // The home page shows the same frozen version: it says it is restated too, and where (red-team 32 #2).
    const home = await open('');
    const note = home.page.locator('.restatement-home');
    expect(await note.innerText()).toBe(`${summary.split(' (')[0]}: see which on the quarter's page.`);
    expect(await note.getByRole('link').getAttribute('href')).toBe('/reports/2026-q3/');
    await home.page.close();
  }, 60_000);

  it("shows each goal's definition history and every goal change from git", async () => {
    const { page } = await open('changes/');
    const commits = page.locator('ol.changelog > li');
    expect(await commits.count()).toBeGreaterThan(0);
    expect(await page.locator('table.changes tbody tr').count()).toBeGreaterThanOrEqual(24);
    // An added goal has nothing before: a dash, read out as "none (added)", never a blank cell.
    const added = page.locator('table.changes tbody tr', { has: page.locator('th', { hasText: /^goal added/ }) }).first();
    const before = added.locator('td[data-col="before"]');
    expect(await before.locator('[aria-hidden="true"]').textContent()).toBe('—');
    expect(await before.locator('.visually-hidden').textContent()).toBe('none (added)');
    expect((await added.locator('td[data-col="after"]').innerText()).length).toBeGreaterThan(5);
    await page.close();
    const goal = await open('goals/ig-followers-2026/');
    expect(await goal.page.locator('#history ~ ol.changelog li').first().innerText()).toMatch(/goal added/);
    await goal.page.close();
  }, 60_000);

  it('has no axe violation on each page type', async () => {
    const quarter = firstQuarter();
    const channel = pages().find((p) => p.startsWith(quarter) && p !== quarter)!;
    const goal = pages().find((p) => /^goals\/.+\//.test(p))!;
    for (const path of [
      '',
      'reports/',
      quarter,
      channel,
      'reports/2026-q2/v1/',
      'reports/2026-q3/',
      'goals/',
      goal,
      'changes/',
      '404.html',
    ]) {
      const { page } = await open(path);
      const result = await new AxeBuilder({ page }).analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
        path || 'home',
      ).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it.each([390, 1280])(
    'lays out a quarter page at %i px with no overlapping text and no horizontal scroll',
    async (width) => {
      const path = pages()
        .filter((p) => /^reports\/\d{4}-q\d\/$/.test(p))
        .at(-1)!;
      const { page } = await open(path, width);
      // Lay out everything, including what content-visibility would skip off screen, before measuring.
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      await page.screenshot({ path: `${SCREENSHOTS}/quarter-${width}.png`, fullPage: true });
      expect(await page.evaluate(findOverlappingText)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    },
    120_000,
  );

  it('is byte-identical when built twice from the same inputs', () => {
    const again = buildSite(EXAMPLE);
    const hash = (dir: string) =>
      Object.fromEntries(
        listFiles(dir).map((f) => [
          f,
          createHash('sha256')
            .update(readFileSync(join(dir, f)))
            .digest('hex'),
        ]),
      );
    expect(hash(again)).toEqual(hash(dist));
  }, 600_000);
});

describe('hostile goal titles', () => {
  let hostile: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    hostile = await serve(buildSite(HOSTILE));
  }, 600_000);
  afterAll(async () => hostile?.close());

  it('render as text, run nothing, and keep the layout at phone width', async () => {
    for (const path of [
      '',
      'goals/',
      'goals/script-title/',
      'goals/img-title/',
      'goals/long-title/',
      'goals/okr-hostile/',
      'reports/2026-q2/',
      'reports/2026-q2/instagram/',
    ]) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 390, height: 900 });
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(new URL(path, hostile.url).href, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false), path).toBe(false);
      expect(dialogs, path).toEqual([]);
      expect(await page.$$('main img, main iframe, main script, body > script'), path).toHaveLength(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls horizontally`).toBeLessThanOrEqual(0);
      if (path === 'goals/script-title/') await page.screenshot({ path: `${SCREENSHOTS}/hostile-goal-390.png`, fullPage: true });
      await page.close();
    }
    const home = await browser.newPage();
    await home.goto(hostile.url, { waitUntil: 'networkidle' });
    expect(await home.textContent('header')).toContain('Hostile <b>fixture</b> "><img src=x onerror=alert(1)>');
    await home.close();
  }, 300_000);
});
