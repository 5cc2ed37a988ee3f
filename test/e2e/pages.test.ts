/**
 * What a reader meets on the example's pages in a real browser (Debian's Chromium): the
 * quarter summary agrees with `report --json`, key columns stay visible on a phone, chart
 * text stays legible, a full-page capture shows the charts, print shows what is folded and
 * fills its pages.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { ReportJson } from '../../src/core/report.ts';
import { statusCounts } from '../../src/site/summary.ts';
import { buildSite, launchBrowser, serve } from './harness.ts';

const EXAMPLE = process.env['GOALPOST_E2E_ROOT'] ?? '.';

let server: { url: string; close: () => Promise<void> };
let browser: BrowserContext;

beforeAll(async () => {
  server = await serve(buildSite(EXAMPLE));
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function report(quarter: string): Promise<ReportJson> {
  let out = '';
  const status = await main(['report', '--period', quarter, '--json'], {
    out: (t) => {
      out += t;
    },
    err: () => {},
    env: { GOALPOST_ROOT: EXAMPLE },
    cwd: process.cwd(),
  });
  expect(status).toBe(0);
  return JSON.parse(out) as ReportJson;
}

async function open(path: string, width: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
  return page;
}

/** A screenshot's pixels as grey levels (0–255), row by row, decoded by the page's browser. */
async function greyPixels(page: Page, png: Buffer): Promise<{ width: number; height: number; grey: number[] }> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const grey: number[] = [];
    for (let i = 0; i < data.length; i += 4) grey.push((data[i]! + data[i + 1]! + data[i + 2]!) / 3);
    return { width: img.width, height: img.height, grey };
  }, png.toString('base64'));
}

describe('the quarter summary', () => {
  it('counts the goals by status as `report --json` does, on the home page and the quarter page', async () => {
    for (const [path, quarter] of [
      ['', '2026-Q3'],
      ['reports/2026-q3/', '2026-Q3'],
      ['reports/2026-q2/', '2026-Q2'],
    ] as const) {
      const json = await report(quarter);
      const page = await open(path, 1280);
      const shown = await page.$$eval('.summary .status-counts [data-status]', (els) =>
        els.map((e) => ({ status: e.getAttribute('data-status')!, count: Number(e.getAttribute('data-count')) })),
      );
      const text = await page.textContent('.summary .status-counts');
      await page.close();
      const expected = statusCounts(json.goals);
      expect(shown, path).toEqual(expected.map((c) => ({ status: c.status, count: c.count })));
      for (const c of expected) expect(text, path).toContain(String(c.count));
      const smart = json.goals.filter((g) => g.type === 'smart').length;
      expect(
        shown.reduce((n, c) => n + c.count, 0),
        path,
      ).toBe(smart);
    }
  }, 120_000);

  it('lists the scorecard attention first: no goal that needs attention after one that does not', async () => {
    const page = await open('reports/2026-q3/', 1280);
    const statuses = await page.$$eval('table.scorecard tbody tr .status', (els) =>
      els.map((e) => [...e.classList].find((c) => c.startsWith('status-'))!.slice(7)),
    );
    await page.close();
    expect(statuses.length).toBeGreaterThan(3);
    const attention = statuses.map((s) => ['off_track', 'at_risk', 'missed'].includes(s));
    expect(attention.indexOf(false)).toBeGreaterThan(0);
    expect(attention.slice(attention.indexOf(false))).not.toContain(true);
  }, 60_000);
});

describe('downloads', () => {
  it('names each download after its quarter and scope, and the scorecard CSV has the numbers of `report --json`', async () => {
    const page = await open('reports/2026-q3/', 1280);
    const links = await page.$$eval('a[download]', (as) =>
      as.map((a) => ({ href: a.getAttribute('href')!, name: a.getAttribute('download')! })),
    );
    await page.close();
    expect(links.map((l) => l.name).sort()).toEqual(['goalpost-2026-q3-kpis.csv', 'goalpost-2026-q3-scorecard.csv']);
    for (const l of links) expect(l.href.endsWith(`/${l.name}`), l.href).toBe(true);
    const json = await report('2026-Q3');
    const csv = await (await fetch(new URL('reports/2026-q3/goalpost-2026-q3-scorecard.csv', server.url))).text();
    const [header, ...rows] = csv.split('\r\n').filter((l) => l !== '');
    const columns = header!.split(',');
    const cells = rows.map((r) => Object.fromEntries(r.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c, i) => [columns[i]!, c])));
    const num = (v: string | undefined) => (v === '' || v === undefined ? null : Number(v));
    for (const g of json.goals) {
      const row = cells.find((c) => c['goal'] === g.id && c['key_result'] === '')!;
      expect(row, g.id).toBeDefined();
      if (g.type === 'smart')
        expect([row['status'], num(row['actual']), num(row['target']), num(row['progress'])], g.id).toEqual([
          g.status,
          g.actual,
          g.target,
          g.progress,
        ]);
      else expect(num(row['score']), g.id).toBe(g.score);
    }
  }, 60_000);
});

describe('layout', () => {
  it('shows the KPI table whole at 1280 px: no horizontal overflow', async () => {
    const page = await open('reports/2026-q3/', 1280);
    const overflow = await page.$eval('table.kpis', (t) => ({
      table: t.scrollWidth,
      box: t.closest('.table-scroll')!.clientWidth,
    }));
    await page.close();
    expect(overflow.table).toBeLessThanOrEqual(overflow.box);
  }, 60_000);

  it('keeps the key columns visible at 390 px and chart text at 11 px or more', async () => {
    const keys: Record<string, readonly string[]> = {
      'table.scorecard': ['status', 'actual', 'target', 'progress'],
      'table.okr-krs': ['score', 'status'],
    };
    const page = await open('reports/2026-q3/', 390);
    for (const [table, labels] of Object.entries(keys)) {
      const hidden = await page.$$eval(
        `${table} tbody tr`,
        (rows, labels) =>
          rows.flatMap((tr) => {
            const cells = [tr.querySelector('th'), ...labels.map((l) => tr.querySelector(`td[data-col="${l}"]`))];
            return cells.flatMap((c, i) => {
              const r = c?.getBoundingClientRect();
              return !r || r.width === 0 || r.height === 0 || r.right > window.innerWidth + 0.5 || r.left < -0.5
                ? [`${tr.textContent!.slice(0, 30)}: ${i === 0 ? 'name' : labels[i - 1]}`]
                : [];
            });
          }),
        labels,
      );
      expect(hidden, table).toEqual([]);
      expect(await page.$$(`${table} tbody tr`), table).not.toHaveLength(0);
    }
    const changes = await browser.newPage();
    await changes.setViewportSize({ width: 390, height: 900 });
    await changes.goto(new URL('changes/', server.url).href, { waitUntil: 'networkidle' });
    const rows = await changes.$$eval('table.changes tbody tr', (trs) =>
      trs.map((tr) =>
        ['before', 'after'].every((l) => {
          const r = tr.querySelector(`td[data-col="${l}"]`)?.getBoundingClientRect();
          return !!r && r.width > 0 && r.right <= window.innerWidth + 0.5;
        }),
      ),
    );
    await changes.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((ok) => !ok)).toEqual([]);
    const sizes = await page.$$eval('.chart-svg svg', (svgs) =>
      svgs.flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('data-width'));
        return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      }),
    );
    await page.close();
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  }, 60_000);

  it('puts the goal status before the headline cards on the home page at 390 px', async () => {
    const page = await open('', 390);
    const order = await page.evaluate(() => ({
      summary: document.querySelector('.summary')!.getBoundingClientRect().top,
      scorecard: document.querySelector('table.scorecard')!.getBoundingClientRect().top,
      cards: document.querySelector('.cards')!.getBoundingClientRect().top,
    }));
    await page.close();
    expect(order.summary).toBeLessThan(order.cards);
    expect(order.scorecard).toBeLessThan(order.cards);
  }, 60_000);
});

describe('captures and print', () => {
  it('shows a shadow on the side of a chart that has more to see when it scrolls at 390 px, none at 1280 px', async () => {
    /** With the charts hidden, the brightness at a chart box's left and right edges and at its middle. */
    const edges = async (page: Page, scroll: 'start' | 'end') => {
      await page.addStyleTag({ content: '.chart-svg svg { visibility: hidden; }' });
      const box = await page.$eval(
        '.chart-scroll',
        (e, scroll) => {
          e.scrollLeft = scroll === 'start' ? 0 : e.scrollWidth;
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y + scrollY, width: r.width, height: r.height, overflows: e.scrollWidth > e.clientWidth + 1 };
        },
        scroll,
      );
      const png = await page.screenshot({ fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
      const { width, height, grey } = await greyPixels(page, png);
      const at = (x: number) => grey[Math.floor(height / 2) * width + x]!;
      const ends = { left: at(1), right: at(width - 2), middle: at(Math.floor(width / 2)) };
      return { ...ends, overflows: box.overflows };
    };
    const phone = await open('reports/2026-q3/', 390);
    const start = await edges(phone, 'start');
    expect(start.overflows).toBe(true);
    // More to the right: a shadow there, none on the left.
    expect(start.right).toBeLessThan(start.middle - 10);
    expect(start.left).toBe(start.middle);
    const end = await edges(phone, 'end');
    expect(end.left).toBeLessThan(end.middle - 10);
    expect(end.right).toBe(end.middle);
    await phone.close();
    const desktop = await open('reports/2026-q3/', 1280);
    const whole = await edges(desktop, 'start');
    expect(whole.overflows).toBe(false);
    expect([whole.left, whole.right]).toEqual([whole.middle, whole.middle]);
    await desktop.close();
  }, 60_000);

  it('draws every chart in a full-page screenshot (the last chart region is not blank)', async () => {
    const page = await open('reports/2026-q3/', 1280);
    const box = await page.$eval('div.charts > figure.chart:last-child .chart-svg', (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
    });
    expect(box.y).toBeGreaterThan(2000);
    const png = await page.screenshot({ fullPage: true, clip: box });
    const { grey } = await greyPixels(page, png);
    const mean = grey.reduce((a, v) => a + v, 0) / grey.length;
    const variance = grey.reduce((a, v) => a + v * v, 0) / grey.length - mean ** 2;
    await page.close();
    expect(variance).toBeGreaterThan(100);
  }, 60_000);

  it('shows in print what is folded on screen: restated figures, source files, formulas', async () => {
    const page = await open('reports/2026-q3/', 1280);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.removeAttribute('open')));
    const visible = (sel: string) =>
      page.$eval(
        sel,
        (e) =>
          e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && e.getBoundingClientRect().height > 0,
      );
    expect(await visible('details.restatement table')).toBe(false);
    await page.emulateMedia({ media: 'print' });
    // The media switch restyles on the next rendering update, later on a loaded machine: poll.
    await expect.poll(() => visible('details.restatement table'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => visible('#sources ul'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => visible('details.glossary dl'), { timeout: 10_000 }).toBe(true);
    expect(await visible('details.chart-data table')).toBe(false);
    await page.close();
  }, 60_000);

  it('prints a quarter page on about as many A4 pages as its content fills: no half-empty pages', async () => {
    const page = await open('reports/2026-q3/', 1280);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // The content's height laid out at the printable width of A4 (180 mm ≈ 680 px), in pages of 267 mm ≈ 1,009 px.
    await page.setViewportSize({ width: 680, height: 1000 });
    const filled = (await page.evaluate(() => document.documentElement.scrollHeight)) / 1009;
    await page.close();
    expect(filled).toBeGreaterThan(2);
    expect(pages).toBeGreaterThanOrEqual(Math.floor(filled));
    expect(pages, `${pages} pages for ${filled.toFixed(1)} pages of content`).toBeLessThanOrEqual(Math.ceil(filled * 1.2));
  }, 60_000);
});
