/**
 * A quarter frozen in one currency, read after the site moved to another (red-team 14 #5): the
 * snapshot records the currency it was frozen in, and every place that shows its amounts (the
 * quarter's view and notice, the CSV downloads, a goal page, the narrative's values, `report`)
 * writes them in that currency, never today's symbol on yesterday's amounts.
 */
import { rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter, type Period } from '../../src/core/periods.ts';
import { createEngine, type Project } from '../../src/core/project.ts';
import type { KpiEngine } from '../../src/core/kpis.ts';
import { sameFrozenContent, snapshotCurrency } from '../../src/core/snapshot.ts';
import { loadProject } from '../../src/load/project.ts';
import { quarterCsv, quarterScorecardCsv } from '../../src/site/csv.ts';
import { goalView } from '../../src/site/goalView.ts';
import { homeView } from '../../src/site/homeView.ts';
import { quarterPage } from '../../src/site/quarterPage.ts';
import { runCli } from '../cliRunner.ts';
import { frozenInEuros } from './frozenCurrencyFixture.ts';

let root: string;
let project: Project;
let engine: KpiEngine;
let q2: Period;

beforeAll(async () => {
  root = await frozenInEuros();
  const loaded = await loadProject(root);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  project = loaded.project;
  engine = createEngine(project);
  const parsed = parseQuarter('2026-Q2');
  if (!parsed.ok) throw new Error('2026-Q2');
  q2 = parsed.period;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (csv: string) => parse(csv, { columns: true }) as Array<Record<string, string>>;

describe('a quarter frozen in euros, read after the site moved to US dollars', () => {
  it('records the currency in the snapshot, and reads an older snapshot without one in the site’s', () => {
    const snapshot = project.reports[0]!.snapshot;
    expect(project.site.currency).toBe('USD');
    expect(snapshot.currency).toBe('EUR');
    expect(snapshotCurrency(snapshot, project.site)).toBe('EUR');
    const { currency: _, ...older } = snapshot;
    expect(snapshotCurrency(older, project.site)).toBe('USD');
    // The same figures frozen in another currency are not the same frozen content.
    expect(sameFrozenContent(snapshot, { ...snapshot, currency: 'USD' })).toBe(false);
    expect(sameFrozenContent(snapshot, { ...snapshot })).toBe(true);
  });

  it('shows the frozen quarter in euros, says the site now uses dollars, and restates euros → dollars', () => {
    const page = quarterPage(project, engine, q2);
    expect(page.source.kind).toBe('frozen');
    expect(page.view.currency).toBe('EUR');
    expect(page.frozen?.currency).toEqual({ frozen: 'EUR', now: 'USD' });
    const cpc = page.frozen!.shown.rows.find((r) => r.figure === 'Cost per click');
    expect(cpc).toEqual({ figure: 'Cost per click', before: '€1.00', after: '$1.07' });
    // A count keeps its figures; only amounts of money carry a currency.
    expect(page.frozen!.shown.rows.some((r) => r.before.includes('$') || r.after.includes('€'))).toBe(false);
    // The charts of the frozen quarter write its axes in euros.
    const spend = page.view.charts.find((c) => c.id.includes('spend-revenue'));
    expect(spend, 'a spend chart').toBeDefined();
    const text = JSON.stringify(spend!.spec);
    expect(text).toContain('"currency":["€",""]');
    expect(text).toContain('\\"currency\\", \\"EUR\\")');
    expect(text).not.toMatch(/USD|US\$/);
  });

  it('shows a quarter never frozen, and its channel page, in the site’s currency', () => {
    const q1 = parseQuarter('2026-Q1');
    if (!q1.ok) throw new Error('2026-Q1');
    for (const channel of [null, 'instagram']) {
      const unfrozen = quarterPage(project, engine, q1.period, channel);
      expect(unfrozen.source.kind).toBe('live');
      expect(unfrozen.view.currency).toBe('USD');
      expect(unfrozen.frozen).toBeNull();
    }
  });

  it('writes the currency of each amount in the CSV downloads, and none beside other units', () => {
    const page = quarterPage(project, engine, q2);
    const kpis = rows(quarterCsv(page));
    expect(kpis.find((r) => r['kpi'] === 'cpc' && r['channel'] === 'instagram')?.['currency']).toBe('EUR');
    expect(kpis.find((r) => r['kpi'] === 'clicks' && r['channel'] === 'instagram')?.['currency']).toBe('');
    const scorecard = rows(quarterScorecardCsv(page));
    expect(scorecard.find((r) => r['goal'] === 'cpc-q2')?.['currency']).toBe('EUR');
    expect(scorecard.find((r) => r['goal'] === 'clicks-q2')?.['currency']).toBe('');
  });

  it('gives a goal page its report’s currency: the header, the quarter’s row and its restatement', () => {
    const view = goalView(
      project,
      engine,
      project.goals.find((g) => g.id === 'cpc-q2')!,
    );
    expect(view.currency).toBe('EUR');
    const row = view.reports.find((r) => r.quarter.label === '2026-Q2')!;
    expect(row.currency).toBe('EUR');
    expect(row.restated?.join(' ')).toContain('€1.00 → $1.07');
  });

  it('gives the home page’s headline history each quarter’s own currency', async () => {
    const home = await homeView(project, engine);
    expect(home.page?.view.currency).toBe('EUR');
    expect(home.headlines.length).toBeGreaterThan(0);
    for (const h of home.headlines) {
      expect(h.history.find((p) => p.period === '2026-Q2')?.currency).toBe('EUR');
      expect(h.history.find((p) => p.period === '2026-Q1')?.currency).toBe('USD');
    }
  });

  it('reports the frozen version in euros and today’s figures in dollars (text and JSON)', async () => {
    const frozen = await runCli(['report', '--period', '2026-Q2', '--json'], root);
    expect(frozen.status, frozen.err).toBe(0);
    expect(JSON.parse(frozen.out)).toMatchObject({ figures: 'frozen', version: 1, currency: 'EUR' });
    const live = await runCli(['report', '--period', '2026-Q2', '--live', '--json'], root);
    expect(JSON.parse(live.out)).toMatchObject({ figures: 'live', currency: 'USD' });
    const text = await runCli(['report', '--period', '2026-Q2'], root);
    expect(text.out).toContain('€1.00');
    expect(text.out).not.toContain('$1.00');
    const today = await runCli(['report', '--period', '2026-Q2', '--live'], root);
    expect(today.out).toContain('$1.07');
    expect(today.out).not.toContain('€');
  });

  it('freezes again in dollars, as a new version, though no figure but the currency changed', async () => {
    const same = await frozenInEuros(60);
    try {
      const again = await runCli(['freeze', '2026-Q2'], same, { now: '2026-07-03T09:00:00.000Z' });
      expect(again.status, again.err).toBe(0);
      expect(again.out).toContain('as version 2');
      const loaded = await loadProject(same);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      expect(loaded.project.reports.map((r) => r.snapshot.currency)).toEqual(['EUR', 'USD']);
    } finally {
      rmSync(same, { recursive: true, force: true });
    }
  });
});
