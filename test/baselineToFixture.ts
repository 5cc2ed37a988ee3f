/**
 * A level goal's previous period whose KPI inputs end apart, shaped like real exports from
 * separate files: LinkedIn's page analytics (impressions, every day of Q3 and Q4 to 15 November)
 * beside its Campaign Manager export of clicks, whose Q3 file was downloaded on 10 September (its
 * rows stop there) and whose Q4 file runs to 15 November. CTR over Q3 is then clicks to the 10th
 * over impressions to the 30th (about 1.13%) where the rate over the days both cover is 1.44%.
 * Shared by the core, load, site and CLI tests of `baseline_to`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Every day from `first` to `last`, as YYYY-MM-DD. */
export function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const dom = (d: string) => Number(d.slice(8));
/** LinkedIn page analytics: impressions every day. */
export const impressions = (d: string) => 4000 + 100 * (dom(d) % 3);
/** Campaign Manager: clicks every day it covers (Q4 a little better than Q3). */
export const clicks = (d: string) => (d < '2026-10-01' ? 58 : 63) + (dom(d) % 4);

/** Where each export ends. */
export const CLICKS_Q3_END = '2026-09-10';
export const DATA_END = '2026-11-15';

const sum = (list: readonly string[], f: (d: string) => number) => list.reduce((a, d) => a + f(d), 0);
/** CTR over [first, last] with every input known on those days. */
export const ctrOver = (first: string, last: string) => sum(days(first, last), clicks) / sum(days(first, last), impressions);
/** Clicks over [first, last]. */
export const clicksOver = (first: string, last: string) => sum(days(first, last), clicks);
/** Impressions over [first, last]. */
export const impressionsOver = (first: string, last: string) => sum(days(first, last), impressions);

export const GOALS = `objectives:
  - { id: traffic, title: Bring readers to the shop from LinkedIn }
goals:
  - { id: li-ctr, title: LinkedIn CTR up 20% in Q4, objective: traffic, kpi: ctr, channel: linkedin, period: 2026-Q4, target: { change: "+20%" } }
  - { id: li-ctr-abs, title: LinkedIn CTR of 1.6%, kpi: ctr, channel: linkedin, period: 2026-Q4, target: 0.016 }
  - { id: li-ctr-given, title: LinkedIn CTR of 1.5% from 1.2%, kpi: ctr, channel: linkedin, period: 2026-Q4, baseline: 0.012, target: 0.015 }
  - { id: li-clicks, title: LinkedIn clicks up 10%, kpi: clicks, channel: linkedin, period: 2026-Q4, target: { change: "+10%" } }
  - id: li-okr
    type: okr
    title: More readers from LinkedIn
    objective: traffic
    period: 2026-Q4
    key_results:
      - { id: ctr, kpi: ctr, channel: linkedin, target: { change: "+20%" } }
`;

/** The site settings, in a locale. */
export const siteYaml = (locale = 'en-US') =>
  `title: Fjellrev Coffee\nlocale: ${locale}\nchannels:\n  linkedin: { label: LinkedIn }\n`;

/** The metric files: two exports per quarter, one per source; `clicksQ3End` moves the Q3 clicks download. */
export function dataFiles(clicksQ3End = CLICKS_Q3_END): Array<{ path: string; text: string }> {
  const file = (source: string, first: string, last: string, metric: string, f: (d: string) => number) =>
    JSON.stringify({ channel: 'linkedin', source, rows: days(first, last).map((date) => ({ date, [metric]: f(date) })) });
  return [
    {
      path: 'data/linkedin/page-2026-q3.json',
      text: file('LinkedIn page analytics', '2026-07-01', '2026-09-30', 'impressions', impressions),
    },
    {
      path: 'data/linkedin/page-2026-q4.json',
      text: file('LinkedIn page analytics', '2026-10-01', DATA_END, 'impressions', impressions),
    },
    { path: 'data/linkedin/campaigns-2026-q3.json', text: file('Campaign Manager', '2026-07-01', clicksQ3End, 'clicks', clicks) },
    { path: 'data/linkedin/campaigns-2026-q4.json', text: file('Campaign Manager', '2026-10-01', DATA_END, 'clicks', clicks) },
  ];
}

/** The fixture as sources for `loadFromSources`. */
export function sources(locale = 'en-US', clicksQ3End = CLICKS_Q3_END) {
  return {
    site: { path: 'content/site.yaml', text: siteYaml(locale) },
    goals: [{ path: 'goals/q4.yaml', text: GOALS }],
    data: dataFiles(clicksQ3End),
  };
}

/** The fixture written to a new temporary content root; returns its path. */
export function writeRoot(locale = 'en-US'): string {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-baseline-to-'));
  const s = sources(locale);
  for (const f of [s.site, ...s.goals, ...s.data]) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  return root;
}
