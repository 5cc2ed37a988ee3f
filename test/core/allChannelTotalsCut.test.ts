/**
 * An all-channel total as of a day inside one channel's month row (red-team 22 #3, 23 #6, root e2):
 * Instagram's impressions every day, YouTube's as month rows, as of 20 August. On main the total
 * over both was cut back to 31 July for every channel, 61,000, while the channel rows below it add
 * up to 81,000 (Instagram to 20 August, YouTube's July). A total keeps each channel's days, the
 * channel cut flagged (SPEC "Coverage in time"); a rate is still taken over the days all share.
 */
import { describe, expect, it } from 'vitest';
import { type Day, parseIsoDate } from '../../src/core/dates.ts';
import { buildReport } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = 'goals: []\n';
const root = loadRoot(site, goals, {
  'data/ig/daily.json': dailyExport('ig', '2025-04-01', '2026-09-30', () => ({ impressions: 1000, clicks: 10 })),
  'data/yt/monthly.json': rowsExport(
    'yt',
    ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({
      month,
      impressions: 30000,
      clicks: 600,
    })),
  ),
});
const report = buildReport(root.project!, root.engine!, {
  quarter: period('2026-Q3'),
  asOf: (parseIsoDate('2026-08-20') as { day: Day }).day,
});

describe('an all-channel total as of a day inside one channel’s month row', () => {
  it('adds each channel’s own days: the rows below it add up to it, the cut channel flagged', () => {
    const ig = report.kpis['ig']!['impressions']!.value!;
    const yt = report.kpis['yt']!['impressions']!.value!;
    expect([ig, yt]).toEqual([51000, 30000]);
    expect(report.kpis['all']!['impressions']).toMatchObject({
      value: ig + yt,
      qoq: null,
      inputs_to: { yt: { impressions: '2026-07-31' } },
    });
    expect(report.kpis['all']!['impressions']!.data_to).toBeUndefined();
  });

  it('still takes a rate over the days every channel is whole', () => {
    // CTR to 31 July: (31 × 10 + 600) / (31 × 1000 + 30000).
    expect(report.kpis['all']!['ctr']).toMatchObject({ value: expect.closeTo(910 / 61000, 12), data_to: '2026-07-31' });
  });
});
