/**
 * An all-channel rate in the KPI table is taken only to the last day all its channels have data
 * (red-team 7 #4): Facebook's CTR is 3% every day to 31 August, Instagram's 2% every day but its
 * export stops on 20 July. Summed to each channel's own last day, the all-channel CTR "rose" on
 * Q2 (both channels whole there) while neither channel's CTR moved.
 */
import { describe, expect, it } from 'vitest';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { parsePeriod } from '../../src/core/periods.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\nchannels:\n  facebook: { label: Facebook }\n  instagram: { label: Instagram }\n';
const root = loadRoot(SITE, 'goals: []\n', {
  'data/facebook/ads.json': dailyExport('facebook', '2026-04-01', '2026-08-31', () => ({ impressions: 10000, clicks: 300 })),
  'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-07-20', () => ({ impressions: 5000, clicks: 100 })),
});

describe('an all-channel rate whose channels end apart', () => {
  const parsed = parsePeriod('2026-Q3');
  if (!parsed.ok) throw new Error(parsed.reason);
  const q3 = parsed.period;
  const table = () => kpiChanges(root.engine!, ['facebook', 'instagram'], q3, Date.UTC(2026, 7, 31) / 86_400_000);

  it('is taken to the last day both have data, so it does not move while no channel does', () => {
    expect(root.problems).toEqual([]);
    const ctr = table().get('ctr')!;
    expect(ctr.value).toBeCloseTo(400 / 15000, 12);
    expect(ctr.qoq).toBeCloseTo(0, 12);
    expect(ctr.dataTo).toBe(Date.UTC(2026, 6, 20) / 86_400_000);
  });

  it('leaves a total as it is (each channel to its own last day, the channel marked incomplete)', () => {
    const clicks = table().get('clicks')!;
    expect(clicks.value).toBe(300 * 62 + 100 * 20);
    expect(clicks.dataTo).toBeNull();
  });

  it('leaves one channel’s rate as it is', () => {
    const ctr = kpiChanges(root.engine!, ['facebook'], q3, Date.UTC(2026, 7, 31) / 86_400_000).get('ctr')!;
    expect(ctr.value).toBeCloseTo(0.03, 12);
    expect(ctr.dataTo).toBeNull();
  });
});
