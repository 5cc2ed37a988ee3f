/**
 * On roots shaped like real teams' exports (test/realShapedRoot.ts: channels that stop early, an
 * ads export that ends before the page export, a week no export covers, follows instead of totals,
 * reach as month rows, metrics missing on some channels), the built pages and CSV downloads say
 * what `report --json` says: every goal's status, actual, progress, bound ("≈") and "data to"
 * mark on the scorecard and on the goal's page; every KPI cell's value, bound and partial
 * comparison; the scorecard CSV's status and figures. And no page or CSV holds NaN, Infinity,
 * undefined or null where a figure goes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiJson, ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import { runCli } from '../cliRunner.ts';
import { realShapedRoot } from '../realShapedRoot.ts';
import { buildSite, launchBrowser, serve } from './harness.ts';

const SEEDS = [2, 5, 6];

interface Built {
  readonly seed: number;
  readonly root: string;
  readonly dist: string;
  readonly report: ReportJson;
}

let browser: BrowserContext;
const built: Built[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  for (const seed of SEEDS) {
    const root = mkdtempSync(join(tmpdir(), `goalpost-agree-${seed}-`));
    for (const [path, text] of Object.entries(realShapedRoot(seed))) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const validated = await runCli(['validate'], root);
    expect(validated.status, validated.err).toBe(0);
    const json = await runCli(['report', '--period', '2026-Q3', '--json'], root);
    expect(json.status, json.err).toBe(0);
    built.push({ seed, root, dist: buildSite(root), report: JSON.parse(json.out) as ReportJson });
  }
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens built pages of a root, served as a static host would, one after another. */
async function withPages<T>(
  dist: string,
  paths: readonly string[],
  read: (page: Page, path: string) => Promise<T>,
): Promise<T[]> {
  const server = await serve(dist);
  const page = await browser.newPage();
  try {
    const out: T[] = [];
    for (const path of paths) {
      await page.goto(new URL(path, server.url).href, { waitUntil: 'domcontentloaded' });
      out.push(await read(page, path));
    }
    return out;
  } finally {
    await page.close();
    await server.close();
  }
}

/** Whether a goal's or KPI's figure is marked as a bound rather than an exact value. */
function marked(f: { approximate?: boolean | null; bound?: string | null }): boolean {
  return f.approximate === true || (f.bound !== undefined && f.bound !== null && f.bound !== 'exact');
}

const smartGoals = (r: ReportJson) => r.goals.filter((g): g is SmartGoalJson => g.type === 'smart');

/** A number as a data-value attribute writes it (empty for none). */
const attr = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

describe('pages and downloads agree with report --json on real-shaped partial data', () => {
  it('has roots that hold the cases the checks are about', () => {
    const goals = built.flatMap((b) => smartGoals(b.report));
    const cells = built.flatMap((b) => Object.values(b.report.kpis).flatMap((k) => Object.values(k as Record<string, KpiJson>)));
    const statuses = new Set(goals.map((g) => g.status));
    for (const status of ['achieved', 'missed', 'undecided', 'no_data'] as const) expect(statuses).toContain(status);
    expect(goals.filter((g) => g.actual !== null && marked(g)).length).toBeGreaterThan(0);
    expect(goals.filter((g) => (g.incomplete ?? []).length > 0).length).toBeGreaterThan(0);
    expect(goals.filter((g) => g.actual !== null && (g.left_out ?? []).length > 0).length).toBeGreaterThan(0);
    expect(goals.filter((g) => g.basis === 'net_follows').length).toBeGreaterThan(0);
    const keyResults = built.flatMap((b) => b.report.goals.flatMap((g) => (g.type === 'okr' ? g.key_results : [])));
    expect(keyResults.filter((kr) => (kr.left_out ?? []).length > 0).length).toBeGreaterThan(0);
    expect(keyResults.filter((kr) => (kr.incomplete ?? []).length > 0).length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.value !== null && marked(c)).length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.qoq_partial).length).toBeGreaterThan(0);
  });

  it('gives every goal on the quarter scorecard the status, actual, progress, "≈" and "data to" of the JSON', async () => {
    for (const { seed, dist, report } of built) {
      const [rows] = await withPages(dist, ['reports/2026-q3/'], (page) =>
        page.$$eval('tr[data-goal]', (trs) =>
          trs.map((tr) => ({
            id: tr.getAttribute('data-goal'),
            status: tr.querySelector('td[data-col=status] .status')?.className ?? '',
            actual: tr.querySelector('td[data-col=actual]')?.getAttribute('data-value') ?? null,
            actualText: tr.querySelector('td[data-col=actual]')?.textContent ?? '',
            progress: tr.querySelector('td[data-col=progress] [data-value]')?.getAttribute('data-value') ?? '',
            incomplete: tr.querySelector('td[data-col=actual] .incomplete') !== null,
            inputs: tr.querySelector('td[data-col=actual] .inputs') !== null,
          })),
        ),
      );
      for (const g of smartGoals(report)) {
        const row = rows.find((r) => r.id === g.id);
        const where = `seed ${seed}, goal ${g.id}`;
        expect(row, where).toBeDefined();
        expect(row!.status.split(' '), where).toContain(`status-${g.status}`);
        expect(row!.actual, where).toBe(attr(g.actual));
        expect(row!.actualText.includes('≈'), `${where}: ≈ on ${row!.actualText}`).toBe(g.actual !== null && marked(g));
        expect(row!.progress, where).toBe(attr(g.progress));
        // A channel whose data go on while an input of the KPI stops (clicks, or reach as month rows to
        // August) is marked by the inputs' own mark ("Reach only to Aug 31, 2026"), not the channel's.
        const dataTo = row!.incomplete || (row!.inputs && g.inputs_to !== undefined);
        expect(dataTo, `${where}: data to ${row!.actualText}`).toBe((g.incomplete ?? []).length > 0);
      }
    }
  }, 300_000);

  it("gives every goal's own page the status and the actual, with its bound, the channels it leaves out and its net follows, of the JSON", async () => {
    for (const { seed, dist, report } of built) {
      const goals = smartGoals(report);
      const cards = await withPages(
        dist,
        goals.map((g) => `goals/${g.id}/`),
        (page) =>
          page.$$eval('.cards .card', (cs) =>
            cs.map((c) => ({
              html: c.innerHTML,
              text: c.textContent ?? '',
              coverage: c.querySelector('.coverage')?.textContent ?? null,
              basis: c.querySelector('.basis') !== null,
            })),
          ),
      );
      goals.forEach((g, i) => {
        const card = cards[i]!;
        const where = `seed ${seed}, goal ${g.id}`;
        expect(card[0]!.html, where).toContain(`status-${g.status}`);
        expect(card[1]!.text.includes('≈'), `${where}: ${card[1]!.text}`).toBe(g.actual !== null && marked(g));
        // Red-team 26 #4: the channels an actual leaves out, and a count from net follows, as the scorecard says them.
        expect(card[1]!.coverage !== null, `${where}: ${card[1]!.text}`).toBe((g.left_out ?? []).length > 0);
        expect(card[1]!.basis, `${where}: ${card[1]!.text}`).toBe(g.basis === 'net_follows');
      });
    }
  }, 300_000);

  it('gives every KPI cell the value, "≈" and partial comparison of the JSON', async () => {
    for (const { seed, dist, report } of built) {
      const [cells] = await withPages(dist, ['reports/2026-q3/'], (page) =>
        page.$$eval('tr[data-kpi] td[data-scope]', (tds) =>
          tds.map((td) => ({
            kpi: td.closest('tr')!.getAttribute('data-kpi'),
            scope: td.getAttribute('data-scope'),
            value: td.getAttribute('data-value'),
            text: td.textContent ?? '',
          })),
        ),
      );
      for (const [scope, kpis] of Object.entries(report.kpis)) {
        for (const [kpi, cell] of Object.entries(kpis as Record<string, KpiJson>)) {
          const td = cells.find((c) => c.kpi === kpi && c.scope === scope);
          const where = `seed ${seed}, ${kpi} on ${scope}`;
          if (cell.value === null) {
            if (td) expect(td.value ?? '', where).toBe('');
            continue;
          }
          expect(td, where).toBeDefined();
          expect(Number(td!.value), where).toBe(cell.value);
          expect(td!.text.includes('≈'), `${where}: ${td!.text}`).toBe(marked(cell));
          if (cell.qoq_partial) expect(td!.text, where).toMatch(/earlier quarter (over|covered only)/);
        }
      }
    }
  }, 300_000);

  it("gives every OKR on the quarter page the JSON's score and its key results' scores", async () => {
    for (const { seed, dist, report } of built) {
      const [okrs] = await withPages(dist, ['reports/2026-q3/'], (page) =>
        page.$$eval('section.okr[data-goal]', (sections) =>
          sections.map((s) => ({
            id: s.getAttribute('data-goal'),
            score: s.querySelector('p strong[data-value]')?.getAttribute('data-value') ?? null,
            krs: [...s.querySelectorAll('td[data-col=score]')].map((td) => td.getAttribute('data-value') ?? ''),
            actuals: [...s.querySelectorAll('td[data-col=actual]')].map((td) => ({
              text: td.textContent ?? '',
              coverage: td.querySelector('.coverage:not(.inputs)') !== null,
              incomplete: td.querySelectorAll('.incomplete').length,
            })),
          })),
        ),
      );
      for (const g of report.goals) {
        if (g.type !== 'okr') continue;
        const okr = okrs.find((o) => o.id === g.id);
        const where = `seed ${seed}, OKR ${g.id}`;
        expect(okr, where).toBeDefined();
        expect(okr!.score, where).toBe(attr(g.score));
        expect(okr!.krs, where).toEqual(g.key_results.map((kr) => attr(kr.score)));
        // Red-team 26 #5: a key result's row says the channels its actual leaves out and those whose data stop, as a goal's does.
        g.key_results.forEach((kr, i) => {
          const cell = okr!.actuals[i]!;
          expect(cell.coverage, `${where}, ${kr.id}: ${cell.text}`).toBe((kr.left_out ?? []).length > 0);
          expect(cell.incomplete, `${where}, ${kr.id}: ${cell.text}`).toBe((kr.incomplete ?? []).length);
        });
      }
    }
  });

  it("puts the JSON's status and figures in the scorecard CSV", () => {
    for (const { seed, dist, report } of built) {
      const rows = parse(readFileSync(join(dist, 'reports/2026-q3/goalpost-2026-q3-scorecard.csv'), 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      for (const g of smartGoals(report)) {
        const row = rows.find((r) => r['goal'] === g.id && r['key_result'] === '');
        const where = `seed ${seed}, goal ${g.id}`;
        expect(row, where).toBeDefined();
        expect(row!['status'], where).toBe(g.status);
        expect(row!['actual'], where).toBe(attr(g.actual));
        expect(row!['bound'] ?? '', where).toBe(g.actual !== null && marked(g) ? (g.bound ?? '') : '');
      }
    }
  });

  it('writes no NaN, Infinity, undefined or a "null" figure in any page or CSV', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.(html|csv)$/.test(name) ? [path] : [];
      });
    for (const { dist } of built) {
      for (const file of files(dist)) {
        const text = readFileSync(file, 'utf8').replace(/<[^>]*>/g, ' ');
        expect(text, file).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b|(?:^|[\s,>])null(?:[\s,<]|$)/);
      }
    }
  });
});
