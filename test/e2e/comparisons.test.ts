/**
 * What the pages say about comparisons that do not hold: a quarter that is not over (as of
 * Aug 15) against whole quarters, an all-channel rate computed over other channels in the
 * previous quarter (LinkedIn starts in Q3), and a goal whose actual reach is an upper bound.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, kpiCell } from './harness.ts';

function daily(from: string, to: string, values: Record<string, number>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push({ date: new Date(t).toISOString().slice(0, 10), ...values });
  return out;
}

describe('comparisons that do not hold, on the pages', () => {
  let quarter: string;
  let home: string;
  let goal: string;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'goalpost-comparisons-'));
    for (const dir of ['content', 'goals', 'data']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(
      join(root, 'content/site.yaml'),
      'title: Comparisons\nchannels:\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n',
    );
    const file = (name: string, body: object) => writeFileSync(join(root, 'data', name), JSON.stringify(body));
    // Instagram: the same day every day from April 1 to August 15; reach by day in Q3 (summed: an upper bound).
    file('instagram.json', {
      channel: 'instagram',
      rows: [
        ...daily('2026-04-01', '2026-06-30', { impressions: 1000, engagements: 10 }),
        ...daily('2026-07-01', '2026-08-15', { impressions: 1000, engagements: 10, reach: 1000 }),
      ],
    });
    // LinkedIn starts in Q3.
    file('linkedin.json', {
      channel: 'linkedin',
      rows: daily('2026-07-01', '2026-08-15', { impressions: 500, engagements: 25 }),
    });
    writeFileSync(
      join(root, 'goals/q3.yaml'),
      'goals:\n  - id: reach-q3\n    title: Reach 60,000 on Instagram\n    period: 2026-Q3\n    channel: instagram\n' +
        '    kpi: reach\n    baseline: 40000\n    target: 60000\n',
    );
    const dist = buildSite(root);
    quarter = readFileSync(join(dist, 'reports/2026-q3/index.html'), 'utf8');
    home = readFileSync(join(dist, 'index.html'), 'utf8');
    goal = readFileSync(join(dist, 'goals/reach-q3/index.html'), 'utf8');
  }, 300_000);

  const cell = (kpi: string, scope: string) => kpiCell(quarter, kpi, scope);

  it('says above the KPI table that Q3 to date is compared with whole quarters', () => {
    expect(quarter).toContain(
      '2026-Q3 is not over: QoQ and YoY compare 2026-Q3 to date (to Aug 15, 2026) against the whole of 2026-Q2 and the whole of 2025-Q3.',
    );
    // impressions 46 × 1,500 = 69,000 against 91 × 1,000 = 91,000: −24.2%, kept as SPEC defines it
    expect(cell('impressions', 'all')).toContain('69,000');
    expect(cell('impressions', 'all')).toContain('-24.2%');
  });

  it('leaves totals out of the biggest moves while the quarter runs, and says why', () => {
    const movers = /<ul class="movers">[\s\S]*?<\/ul>/.exec(quarter)?.[0] ?? '';
    expect(movers).not.toContain('data-kpi="impressions"');
    expect(quarter).toContain(
      'Totals are left out while 2026-Q3 is not over: 2026-Q3 to date cannot be compared with the whole of 2026-Q2.',
    );
    // the home page's headline card: the change, no good/bad verdict, and what it compares
    const card = /<div class="card" data-kpi="impressions">[\s\S]*?<div class="spark"/.exec(home)?.[0] ?? '';
    expect(card).toContain('(quarter to date against the whole of 2026-Q2)');
    expect(card).not.toContain('move-bad');
  });

  it('says the all-channel engagement rate is not comparable with Q2, computed over Instagram alone', () => {
    // Q3: (460 + 1,150) / 69,000 over both channels; Q2: Instagram's 1%
    expect(cell('engagement_rate', 'all')).toContain('2.3%');
    expect(cell('engagement_rate', 'all')).toContain('QoQ not comparable: channels differ');
    // Instagram alone compares with itself: 1.0% both quarters
    expect(cell('engagement_rate', 'instagram')).toContain('QoQ 0.0%');
  });

  it('marks an actual reach summed from days as approximate, on the goal page and in the scorecard', () => {
    const actual = /<div class="card"><div>Actual<\/div><div class="value">([\s\S]*?)<\/div>/.exec(goal)?.[1] ?? '';
    // 46 days × 1,000 daily reach: at most 46,000 accounts
    expect(actual).toContain('46,000');
    expect(actual).toContain('≈');
    const row = /<tr data-goal="reach-q3"[\s\S]*?<\/tr>/.exec(quarter)?.[0] ?? '';
    expect(row).toMatch(/46,000<abbr[^>]*> ≈<\/abbr>/);
  });
});
