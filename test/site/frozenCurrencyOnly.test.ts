/**
 * A quarter frozen in euros whose site and exports were then relabelled US dollars, the figures
 * unchanged (rt15 #11): the frozen amounts read €210, today's computation $210. `report` on the
 * frozen quarter says so, as the page's notice does ("Its amounts are in EUR, the site's currency
 * when it was frozen; the site now uses USD"), `--json` names the site's currency of today, and
 * the amounts count as restated (€210 → $210 is not "no change"), on the page, in `report` and
 * when freezing again; figures that are no amount of money are not.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { quarterPage } from '../../src/site/quarterPage.ts';
import { runCli } from '../cliRunner.ts';
import { frozenInEuros } from './frozenCurrencyFixture.ts';

let root: string;

beforeAll(async () => {
  // 60 is the frozen May spend: no figure changes, only the currency.
  root = await frozenInEuros(60);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function page() {
  const loaded = await loadProject(root);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const q2 = parseQuarter('2026-Q2');
  if (!q2.ok) throw new Error('2026-Q2');
  return quarterPage(loaded.project, createEngine(loaded.project), q2.period);
}

describe('a quarter frozen in euros, relabelled US dollars with the same figures', () => {
  it('restates its amounts of money, and only those, on the page', async () => {
    const p = await page();
    expect(p.frozen?.currency).toEqual({ frozen: 'EUR', now: 'USD' });
    const restated = p.frozen!.restated;
    expect(restated.length).toBeGreaterThan(0);
    expect(restated.every((r) => r.unit === 'money')).toBe(true);
    expect(restated.some((r) => r.figure === 'Spend' && r.frozen === r.now)).toBe(true);
    expect(p.frozen!.shown.rows).toContainEqual({ figure: 'Spend', before: '€150', after: '$150' });
  });

  it('says so in the text report: the currency line and the restated amounts', async () => {
    const p = await page();
    const text = await runCli(['report', '--period', '2026-Q2'], root);
    expect(text.status, text.err).toBe(0);
    const lines = text.out.split('\n');
    expect(lines).toContain("Currency: its amounts are in EUR, the site's currency when it was frozen; the site now uses USD");
    expect(lines).toContain(`Restated: today's goals and data change ${p.frozen!.restated.length} figures (--live shows them)`);
  });

  it('names the site’s currency of today in --json', async () => {
    const frozen = await runCli(['report', '--period', '2026-Q2', '--json'], root);
    expect(JSON.parse(frozen.out)).toMatchObject({ figures: 'frozen', currency: 'EUR', currency_now: 'USD' });
    const parsed = reportJsonSchema.safeParse(JSON.parse(frozen.out));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const live = await runCli(['report', '--period', '2026-Q2', '--live', '--json'], root);
    expect(JSON.parse(live.out)).not.toHaveProperty('currency_now');
  });

  it('says the currency changed when freezing again', async () => {
    const again = await runCli(['freeze', '2026-Q2'], root, { now: '2026-07-03T09:00:00.000Z' });
    expect(again.status, again.err).toBe(0);
    expect(again.out).toMatch(/\d+ figures differ from version 1 \(kept at [^)]*\): the currency changed from EUR to USD/);
  });
});
