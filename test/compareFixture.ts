/**
 * Quarters compared across partial and differently-channelled data, shaped like real exports
 * (one file per source and quarter, daily rows), as of 31 August 2026 (2026-Q3 to date):
 * - LinkedIn page analytics (impressions, 1,000 a day since 2025) beside its Campaign Manager
 *   clicks (20 a day to 2026-Q1, then 30), whose 2026-Q2 file was downloaded on 10 June: CTR
 *   over Q2 is 3% to the 10th, 2.34% diluted (clicks to the 10th over impressions to the 30th).
 * - Facebook from 15 June 2026 (10,000 impressions and 1,000 clicks a day: CTR 10%).
 * - Instagram from 1 April 2026 (2,000 impressions a day, no clicks).
 * - TikTok in 2026-Q2 only (5,000 impressions a day), none since: it stopped before Q3.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEngine } from '../src/core/project.ts';
import { loadFromSources } from '../src/load/project.ts';
import { days } from './baselineToFixture.ts';

export const AS_OF = '2026-08-31';
export const CLICKS_Q2_END = '2026-06-10';
export const FACEBOOK_FROM = '2026-06-15';

export const GOALS = `goals:
  - { id: li-ctr, title: LinkedIn CTR +10%, kpi: ctr, channel: linkedin, period: 2026-Q3, target: { change: "+10%" } }
  - { id: ctr-lf, title: CTR on LinkedIn and Facebook +10%, kpi: ctr, channel: [linkedin, facebook], period: 2026-Q3, target: { change: "+10%" } }
  - { id: impr, title: Impressions +5%, kpi: impressions, channel: all, period: 2026-Q3, target: { change: "+5%" } }
  - { id: li-ig, title: Impressions on LinkedIn and Instagram, kpi: impressions, channel: [linkedin, instagram], period: 2026-Q3, target: 400000 }
`;

const site = (locale: string) =>
  `title: Fjellrev Coffee\nlocale: ${locale}\nchannels:\n  linkedin: { label: LinkedIn }\n  facebook: { label: Facebook }\n  instagram: { label: Instagram }\n  tiktok: { label: TikTok }\n`;

function file(path: string, channel: string, source: string, first: string, last: string, values: Record<string, number>) {
  return { path, text: JSON.stringify({ channel, source, rows: days(first, last).map((date) => ({ date, ...values })) }) };
}

/** The export files. */
export function dataFiles() {
  return [
    file('data/linkedin/page-2025.json', 'linkedin', 'LinkedIn page analytics', '2025-01-01', '2025-12-31', {
      impressions: 1000,
    }),
    file('data/linkedin/page-2026-h1.json', 'linkedin', 'LinkedIn page analytics', '2026-01-01', '2026-06-30', {
      impressions: 1000,
    }),
    file('data/linkedin/page-2026-q3.json', 'linkedin', 'LinkedIn page analytics', '2026-07-01', AS_OF, { impressions: 1000 }),
    file('data/linkedin/campaigns-2025.json', 'linkedin', 'Campaign Manager', '2025-01-01', '2026-03-31', { clicks: 20 }),
    file('data/linkedin/campaigns-2026-q2.json', 'linkedin', 'Campaign Manager', '2026-04-01', CLICKS_Q2_END, { clicks: 30 }),
    file('data/linkedin/campaigns-2026-q3.json', 'linkedin', 'Campaign Manager', '2026-07-01', AS_OF, { clicks: 30 }),
    file('data/facebook/insights.json', 'facebook', 'Meta Business Suite', FACEBOOK_FROM, AS_OF, {
      impressions: 10_000,
      clicks: 1000,
    }),
    file('data/instagram/insights.json', 'instagram', 'Meta Business Suite', '2026-04-01', AS_OF, { impressions: 2000 }),
    file('data/tiktok/analytics-2026-q2.json', 'tiktok', 'TikTok analytics', '2026-04-01', '2026-06-30', { impressions: 5000 }),
  ];
}

/** The fixture as sources for `loadFromSources`. */
export function sources(locale = 'en-US') {
  return {
    site: { path: 'content/site.yaml', text: site(locale) },
    goals: [{ path: 'goals/q3.yaml', text: GOALS }],
    data: dataFiles(),
  };
}

/** The loaded project and its engine. */
export function loadCompare(locale = 'en-US') {
  const s = sources(locale);
  const result = loadFromSources(s.site, s.goals, s.data);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return { project: result.project, engine: createEngine(result.project), notes: result.notes };
}

/** The fixture written to a new temporary content root; returns its path. */
export function writeRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-compare-'));
  const s = sources();
  for (const f of [s.site, ...s.goals, ...s.data]) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  return root;
}
