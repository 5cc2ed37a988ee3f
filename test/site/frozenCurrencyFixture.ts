/**
 * A quarter frozen in euros, after which the team switched the site to US dollars (red-team 14 #5):
 * Instagram's Q1 and Q2 spend, clicks and revenue in EUR, a goal on its cost per click, frozen on
 * 2026-07-02; then the site's `currency` and the export's set to USD, with another spend.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cliRunner.ts';

const site = (currency: string) => `title: Currency fixture
locale: en-US
currency: ${currency}
channels:
  instagram: { label: Instagram, color: "#e1306c" }
`;

const data = (currency: string, spend: number) =>
  JSON.stringify(
    {
      channel: 'instagram',
      source: 'hand-written fixture',
      currency,
      through: '2026-06-30',
      rows: [
        { date: '2026-03-15', impressions: 900, clicks: 30, spend: 45, revenue: 150 },
        { date: '2026-04-01', impressions: 1000, clicks: 40, spend: 50, revenue: 200 },
        { date: '2026-05-01', impressions: 1200, clicks: 60, spend, revenue: 300 },
        { date: '2026-06-30', impressions: 1100, clicks: 50, spend: 40, revenue: 250 },
      ],
    },
    null,
    2,
  );

const GOALS = `goals:
  - { id: cpc-q2, title: Cheaper clicks, period: 2026-Q2, channel: instagram, kpi: cpc, target: 0.9 }
  - { id: clicks-q2, title: More clicks, period: 2026-Q2, channel: instagram, kpi: clicks, target: 140 }
`;

/** Writes the root, freezes 2026-Q2 in EUR, then switches to USD (the Q2 spend of May: `spend`). Returns the root. */
export async function frozenInEuros(spend = 70): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-frozen-currency-'));
  mkdirSync(join(root, 'content'));
  mkdirSync(join(root, 'goals'));
  mkdirSync(join(root, 'data', 'instagram'), { recursive: true });
  writeFileSync(join(root, 'content', 'site.yaml'), site('EUR'));
  writeFileSync(join(root, 'goals', 'goals.yaml'), GOALS);
  writeFileSync(join(root, 'data', 'instagram', '2026.json'), data('EUR', 60));
  const frozen = await runCli(['freeze', '2026-Q2'], root, { now: '2026-07-02T09:00:00.000Z' });
  if (frozen.status !== 0) throw new Error(frozen.err);
  writeFileSync(join(root, 'content', 'site.yaml'), site('USD'));
  writeFileSync(join(root, 'data', 'instagram', '2026.json'), data('USD', spend));
  return root;
}
