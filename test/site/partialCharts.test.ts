/**
 * A channel whose data stop inside the quarter (TikTok to 20 September) draws a last monthly point
 * over 20 days and a share of impressions over fewer days than the others: the charts say so, in
 * their note and their description (red-team 32 #6), and say nothing of a channel that stops on a
 * month's last day.
 */
import { describe, expect, it } from 'vitest';
import { computeQuarter, kpiMetas } from '../../src/core/figures.ts';
import { quarterView } from '../../src/site/quarterView.ts';
import { reportQuarters } from '../../src/site/quarters.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const SITE =
  'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n  tiktok: { label: TikTok }\n  x: { label: X }\n';
const DATA = {
  'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({ impressions: 5000, engagements: 100 })),
  'data/tiktok/q3.json': dailyExport('tiktok', '2026-07-01', '2026-09-20', () => ({ impressions: 5000, engagements: 100 })),
  'data/x/q3.json': dailyExport('x', '2026-07-01', '2026-08-31', () => ({ impressions: 5000, engagements: 100 })),
};

describe('charts of a quarter with a channel that stops early', () => {
  const root = loadRoot(SITE, 'goals: []\n', DATA);
  const project = root.project!;
  const engine = root.engine!;
  const quarter = reportQuarters(project).find((q) => q.label === '2026-Q3')!;
  const figures = computeQuarter(project, engine, { quarter, channel: null });
  const view = quarterView({ site: project.site, kpis: kpiMetas(engine), figures, channels: engine.index.channels }, quarter);
  const charts = view.charts;

  it('note the short last point of its line, not of a channel ending on a month end', () => {
    const trend = charts.find((c) => c.id.endsWith('-trend-impressions'))!;
    expect(figures.report.incomplete.sort()).toEqual(['tiktok', 'x']);
    expect(trend.note).toBe(
      'TikTok has data only to Sep 20, 2026: the last point of its line counts fewer days than the others.',
    );
    expect(trend.description.startsWith(trend.note!)).toBe(true);
  });

  it('note the share of each channel that stops early in the channel mix', () => {
    const mix = charts.find((c) => c.id.endsWith('-mix-impressions'))!;
    expect(mix.note).toContain('TikTok has data only to Sep 20, 2026: its share counts fewer days');
    expect(mix.note).toContain('X has data only to Aug 31, 2026: its share counts fewer days');
  });
});
