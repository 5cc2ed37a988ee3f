/**
 * A file of counts at a day only (red-team 20 #8, root p1): TikTok launched on 15 February with a
 * daily export, and a year-end deck recorded its follower count on 31 December in a file of its
 * own. A count covers no days: the daily export is where TikTok's data start, not an export
 * resuming after a 45-day pause, so Q1's impressions are not flagged "no export covers" 1 January
 * to 14 February, and `validate` asks for no missing file.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals =
  'goals:\n  - { id: imp, title: Impressions, period: 2026-Q2, channel: tiktok, kpi: impressions, target: { change: "+10%" } }\n';
const root = loadRoot(site, goals, {
  'data/tiktok/export.json': dailyExport('tiktok', '2026-02-15', '2026-09-30', () => ({ impressions: 1000, followers: 500 })),
  'data/tiktok/deck.json': JSON.stringify({ channel: 'tiktok', rows: [{ date: '2025-12-31', followers: 450 }] }),
});

describe('a follower count from a deck before a channel’s first export', () => {
  it('starts nothing: the daily export is where the data start, and Q1 has no gap', () => {
    expect(root.engine!.index.knownStart('tiktok')).toEqual({ day: day('2026-02-15'), by: 'daily' });
    const q1 = buildReport(root.project!, root.engine!, { quarter: period('2026-Q1') }).kpis['tiktok']!['impressions']!;
    expect(q1).toMatchObject({ value: 45 * 1000 });
    expect(q1.gaps).toBeUndefined();
  });

  it('is no export before a pause in validate; the previous total is noted as starting with the daily data', () => {
    expect(root.notes.filter((n) => /no export covers|starts on 2026-02-15, while/.test(n))).toEqual([]);
    expect(root.notes).toEqual([expect.stringContaining("tiktok's daily data start on 2026-02-15")]);
  });

  it('still counts as the follower count at its day', () => {
    expect(root.engine!.index.followersAtEnd('tiktok', day('2025-10-01'), day('2025-12-31'))?.value).toBe(450);
  });
});
