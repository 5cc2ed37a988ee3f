/**
 * Daily rows that exist but lack one input's key (red-team 6 #15, its remainder in red-team 10;
 * roots kpi3 and kpi2): an Instagram export whose rows of 13–19 July carry impressions and spend
 * but no `clicks`, while every other day has them. Those days are days the clicks export does not
 * cover, as a week of rows missing would be: CTR and CPC are taken over the days every input
 * covers (2.0% and €0.50 every day), flagged with the gap, in the KPI table and in goals alike;
 * the clicks total is flagged. The same holds for a custom metric (`discount_code_uses`).
 */
import { describe, expect, it } from 'vitest';
import type { SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { type LoadedRoot, dailyExport, evaluate, loadRoot } from '../exportsFixture.ts';

const smart = (r: LoadedRoot, id: string) => evaluate(r, id, '2026-08-31') as SmartEvaluation;

const site = 'title: T\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const goals = `kpis:
  - { id: discount_rate, label: Discount code rate, formula: "discount_code_uses / clicks", unit: percent, good: up }
goals:
  - { id: ctr, title: CTR, period: 2026-Q3, channel: instagram, kpi: ctr, target: 0.021 }
  - { id: clicks, title: Clicks, period: 2026-Q3, channel: instagram, kpi: clicks, target: 1900 }
  - { id: cpc, title: CPC, period: 2026-Q3, channel: instagram, kpi: cpc, target: 0.45 }
  - { id: disc, title: Discount rate, period: 2026-Q3, channel: instagram, kpi: discount_rate, target: 0.12 }
`;
const week = (d: string) => d >= '2026-07-13' && d <= '2026-07-19';
// Clicks and discount codes missing from the rows of one week (their columns were empty).
const instagram = dailyExport('instagram', '2026-04-01', '2026-08-31', (d) => ({
  impressions: 1000,
  spend: 10,
  ...(week(d) ? {} : { clicks: 20, discount_code_uses: 2 }),
}));
const root = loadRoot(site, goals, { 'data/instagram.json': instagram });
const Q3 = period('2026-Q3');
const asOf = day('2026-08-31');
const gap = [[day('2026-07-13'), day('2026-07-19')]];

describe('rows that lack one input key for a week inside a daily export', () => {
  it('loads', () => expect(root.problems).toEqual([]));
  const table = kpiChanges(root.engine!, ['instagram'], Q3, asOf);

  it('takes CTR, CPC and a custom rate over the days every input covers, flagged with the gap', () => {
    expect(table.get('ctr')!.value).toBeCloseTo(0.02, 12);
    expect(table.get('ctr')!.gaps).toEqual({ instagram: { clicks: gap } });
    expect(table.get('cpc')!.value).toBeCloseTo(0.5, 12);
    expect(table.get('cpc')!.gaps).toEqual({ instagram: { clicks: gap } });
    expect(table.get('discount_rate')!.value).toBeCloseTo(0.1, 12);
    expect(table.get('discount_rate')!.gaps).toEqual({ instagram: { clicks: gap, discount_code_uses: gap } });
  });

  it('keeps the clicks total and flags it', () => {
    expect(table.get('clicks')!.value).toBe(20 * (62 - 7));
    expect(table.get('clicks')!.gaps).toEqual({ instagram: { clicks: gap } });
    // Impressions are whole: no gap.
    expect(table.get('impressions')!.gaps).toBeNull();
  });

  it('evaluates goals on those rates over the same days, flagged', () => {
    const ctr = smart(root, 'ctr');
    expect(ctr.actual).toBeCloseTo(0.02, 12);
    expect(ctr.status).toBe('off_track');
    expect(ctr.gaps).toEqual({ instagram: { clicks: gap } });
    expect(smart(root, 'cpc').actual).toBeCloseTo(0.5, 12);
    expect(smart(root, 'disc').actual).toBeCloseTo(0.1, 12);
    expect(smart(root, 'clicks').gaps).toEqual({ instagram: { clicks: gap } });
  });

  it('says so in report --json', () => {
    const report = buildReport(root.project!, root.engine!, { quarter: Q3, asOf });
    const ctr = report.kpis['instagram']!['ctr']!;
    expect(ctr.value).toBeCloseTo(0.02, 12);
    expect(ctr.gaps).toEqual({ instagram: { clicks: [{ from: '2026-07-13', to: '2026-07-19' }] } });
  });

  it('a day or two without the key is not a gap (spend absent on days without ads)', () => {
    const short = loadRoot(site, 'goals: []\n', {
      'data/instagram.json': dailyExport('instagram', '2026-07-01', '2026-08-31', (d) => ({
        impressions: 1000,
        clicks: 20,
        ...(d === '2026-07-13' || d === '2026-07-14' ? {} : { spend: 10 }),
      })),
    });
    const cpc = kpiChanges(short.engine!, ['instagram'], Q3, asOf).get('cpc')!;
    expect(cpc.gaps).toBeNull();
    expect(cpc.value).toBeCloseTo((60 * 10) / (62 * 20), 12);
  });
});

describe('validate', () => {
  it('notes the rows without the key at the row after them, with what to do', () => {
    expect(root.notes.filter((n) => n.includes('rows without'))).toEqual([
      expect.stringMatching(
        /^data\/instagram\.json:\d+:\d+: note: rows\[110\]\.date: 2026-07-20 comes after 7 rows without clicks for instagram \(2026-07-13 to 2026-07-19\)/,
      ),
      expect.stringMatching(/rows\[110\]\.date: 2026-07-20 comes after 7 rows without discount_code_uses for instagram/),
    ]);
  });

  it('says nothing where another file gives the metric on those days', () => {
    const week = JSON.stringify({
      channel: 'instagram',
      rows: ['13', '14', '15', '16', '17', '18', '19'].map((d) => ({ date: `2026-07-${d}`, clicks: 20, discount_code_uses: 2 })),
    });
    const filled = loadRoot(site, goals, { 'data/instagram.json': instagram, 'data/instagram-week.json': week });
    expect(filled.notes).toEqual([]);
    expect(kpiChanges(filled.engine!, ['instagram'], Q3, asOf).get('ctr')!.gaps).toBeNull();
  });
});
