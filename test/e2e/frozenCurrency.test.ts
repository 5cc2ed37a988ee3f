/**
 * The pages of a quarter frozen in euros, built after the site moved to US dollars (red-team 14 #5):
 * the quarter's page, its channel page and version page, the home page (whose latest quarter it is)
 * and the goal's page write its amounts in euros and say the site now uses dollars; a quarter never
 * frozen writes dollars.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frozenInEuros } from '../site/frozenCurrencyFixture.ts';
import { buildSite } from './harness.ts';

let root: string;
let out: string;
const page = (path: string) => readFileSync(join(out, path), 'utf8');
/** A page's text, tags dropped, entities of the amounts decoded. */
const text = (path: string) =>
  page(path)
    .replace(/<style[^>]*>[^<]*<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  root = await frozenInEuros();
  out = buildSite(root);
}, 300_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('a quarter frozen in euros, built after the site moved to US dollars', () => {
  it('writes the frozen pages’ amounts in euros and says the site now uses dollars', () => {
    for (const path of ['reports/2026-q2/index.html', 'reports/2026-q2/instagram/index.html', 'reports/2026-q2/v1/index.html']) {
      const body = text(path);
      expect(body, path).toContain("Its amounts are in EUR, the site's currency when it was frozen; the site now uses USD.");
      // Cost per click, frozen: €150 over 150 clicks; in the restatement, today's $1.07 beside it.
      expect(body, path).toMatch(/Cost per click[^€$]*€1\.00/);
      expect(body, path).toMatch(/€1\.00 \$1\.07/);
      expect(body, path).not.toContain('$1.00');
    }
  });

  it('gives the home page and the goal page the frozen report’s euros', () => {
    expect(text('index.html')).toMatch(/€/);
    expect(text('index.html')).not.toMatch(/\$1\.00|\$150/);
    const goal = text('goals/cpc-q2/index.html');
    expect(goal).toMatch(/Actual ≈? ?€1\.00/);
    expect(goal).toContain('€1.00 → $1.07');
  });

  it('writes a quarter never frozen in dollars, with no currency note', () => {
    const q1 = text('reports/2026-q1/index.html');
    expect(q1).toContain('$1.50');
    expect(q1).not.toContain('€');
    expect(q1).not.toContain('Its amounts are in');
  });

  it('names the currency of each amount in the CSV downloads', () => {
    const csv = (path: string) => parse(page(path), { columns: true }) as Array<Record<string, string>>;
    const cpc = (path: string) => csv(path).find((r) => r['kpi'] === 'cpc' && r['channel'] === 'instagram');
    expect(cpc('reports/2026-q2/goalpost-2026-q2-kpis.csv')?.['currency']).toBe('EUR');
    expect(cpc('reports/2026-q1/goalpost-2026-q1-kpis.csv')?.['currency']).toBe('USD');
    expect(csv('reports/2026-q2/goalpost-2026-q2-kpis.csv').find((r) => r['kpi'] === 'clicks')?.['currency']).toBe('');
    const scorecard = parse(page('reports/2026-q2/goalpost-2026-q2-scorecard.csv'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(scorecard.find((r) => r['goal'] === 'cpc-q2')?.['currency']).toBe('EUR');
  });
});
