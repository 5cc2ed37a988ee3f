/**
 * The summary's biggest moves and the home headlines on real-shaped exports (red-team 12 #10, #12):
 * an upper bound (unique visitors summed from month rows) against an exact quarter row is no
 * move; a total over channels whose data are whole (conversions, Facebook only) is a move, and
 * is not said to be "quarter to date", while LinkedIn's stop on Aug 20 still keeps out the totals
 * that count LinkedIn. On main the bound ranked as a move without "≈", and every total was left out.
 */
import { describe, expect, it } from 'vitest';
import { homeView } from '../../src/site/homeView.ts';
import { quarterSummary, totalToDate } from '../../src/site/summary.ts';
import { readerFigures, readerRoot } from '../readerViewsFixture.ts';

const root = readerRoot();
const { figures, kpis } = readerFigures(root);
const metas = new Map(kpis.map((k) => [k.id, k]));

describe('the biggest moves', () => {
  it('leave out an upper bound compared with an exact quarter', () => {
    const cell = figures.report.kpis['facebook']!['site_visitors']!;
    expect(cell).toMatchObject({ value: 9000, approximate: true, bound: 'upper' });
    // An upper bound against an exact quarter is no change in the table either (red-team 33 #3).
    expect(cell).toMatchObject({ qoq: null, qoq_bound_differs: true });
    const fb = readerFigures(root, 'facebook').figures.report;
    expect(quarterSummary(fb, metas, 'facebook', 20).movers.map((m) => m.id)).not.toContain('site_visitors');
  });

  it('keep a total over channels whose data are whole, not those that count a stopped channel', () => {
    const summary = quarterSummary(figures.report, metas, 'all', 20);
    expect(summary.partial).toMatchObject({ over: true, asOf: '2026-08-20' });
    const ids = summary.movers.map((m) => m.id);
    expect(ids).toContain('conversions');
    expect(ids).not.toContain('clicks');
    expect(ids).not.toContain('impressions');
    expect(totalToDate(figures.report, 'all', metas.get('conversions')!, figures.report.kpis['all']!['conversions']!)).toBe(
      false,
    );
    expect(totalToDate(figures.report, 'all', metas.get('clicks')!, figures.report.kpis['all']!['clicks']!)).toBe(true);
    expect(totalToDate(figures.report, 'linkedin', metas.get('clicks')!, {})).toBe(true);
    expect(totalToDate(figures.report, 'facebook', metas.get('clicks')!, {})).toBe(false);
  });
});

describe('the home headlines', () => {
  it('do not call a whole total "quarter to date"', async () => {
    const home = await homeView(root.project, root.engine);
    const conversions = home.headlines.find((h) => h.id === 'conversions')!;
    expect(conversions.toDate).toBeNull();
    expect(conversions.move).toMatchObject({ id: 'conversions', kind: 'relative', good: true });
    const impressions = home.headlines.find((h) => h.id === 'impressions')!;
    expect(impressions.move).toBeNull();
  });
});

describe('a home headline’s change', () => {
  it('writes its days as the quarter page does, not ISO (red-team 12 #14)', async () => {
    const home = await homeView(root.project, root.engine);
    const impressions = home.headlines.find((h) => h.id === 'impressions')!;
    expect(impressions.cell.qoq_partial).toEqual({ from: '2026-05-15', to: '2026-06-30' });
    expect(impressions.change).toContain('May 15, 2026');
    expect(impressions.change).not.toContain('2026-05-15');
  });
});
