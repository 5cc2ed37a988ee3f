/**
 * Reach summed from day rows is an upper bound of the period's reach only where those rows give it
 * on every day they cover (red-team 31 #1). Ads Manager's daily export by campaign gives reach for
 * a day with one campaign and leaves it out of a day with two (reach cannot be added across
 * campaigns): the sum then counts nothing for days with people reached, and is neither exact nor a
 * bound. A goal on it is undecided, not missed; the KPI says "neither exact nor a bound".
 */
import { describe, expect, it } from 'vitest';
import { dailyExport, evaluate, loadRoot } from '../exportsFixture.ts';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  meta-ads: { label: Meta ads }\n';
const GOALS = `goals:
  - { id: reach-q3, title: Reach 100k, kpi: reach, channel: meta-ads, period: 2026-Q3, baseline: 0, target: 100000 }
  - { id: reach-low, title: Reach 50k, kpi: reach, channel: meta-ads, period: 2026-Q3, baseline: 0, target: 50000 }
`;
/** One campaign every day (reach 1,000); on 10–14 August two, and the import left reach out of those days. */
const flash = (d: string) => d >= '2026-08-10' && d <= '2026-08-14';
const ADS = dailyExport('meta-ads', '2026-07-01', '2026-09-30', (d: string): Record<string, number> =>
  flash(d) ? { impressions: 12000, clicks: 120, spend: 200 } : { impressions: 3000, clicks: 30, spend: 50, reach: 1000 },
);

describe('reach summed over days whose rows leave it out', () => {
  const root = loadRoot(SITE, GOALS, { 'data/meta-ads/ads.json': ADS });

  it('is no upper bound: a goal short of its target on it is undecided, not missed', () => {
    expect(root.problems).toEqual([]);
    expect(evaluate(root, 'reach-q3', '2026-10-15')).toMatchObject({
      actual: 87000,
      approximate: true,
      bound: 'unbounded',
      status: 'undecided',
    });
  });

  it('cannot settle a target the sum already passed either', () => {
    expect(evaluate(root, 'reach-low', '2026-10-15')).toMatchObject({ bound: 'unbounded', status: 'undecided' });
  });

  it('says so in the KPI table', () => {
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3'), asOf: day('2026-10-15') });
    expect(report.kpis['all']!['reach']).toMatchObject({ value: 87000, approximate: true, bound: 'unbounded' });
  });

  it('is still an upper bound where a day without reach had no row at all, or gave reach 0', () => {
    const full = dailyExport('meta-ads', '2026-07-01', '2026-09-30', (d: string) =>
      flash(d) ? { impressions: 0, clicks: 0, spend: 0, reach: 0 } : { impressions: 3000, clicks: 30, spend: 50, reach: 1000 },
    );
    const other = loadRoot(SITE, GOALS, { 'data/meta-ads/ads.json': full });
    expect(evaluate(other, 'reach-q3', '2026-10-15')).toMatchObject({ bound: 'upper', status: 'missed' });
  });

  it('is still an upper bound where another file gives reach on those days', () => {
    const fill = dailyExport('meta-ads', '2026-08-10', '2026-08-14', () => ({ reach: 5000 }));
    const other = loadRoot(SITE, GOALS, { 'data/meta-ads/ads.json': ADS, 'data/meta-ads/reach.json': fill });
    expect(other.problems).toEqual([]);
    expect(evaluate(other, 'reach-q3', '2026-10-15')).toMatchObject({ actual: 112000, bound: 'upper', status: 'undecided' });
  });
});

describe('validate on reach left out of some days', () => {
  const root = loadRoot(SITE, GOALS, { 'data/meta-ads/ads.json': ADS });

  it('notes the rows without it, once, and says why a goal on it cannot settle', () => {
    const rows = root.notes.filter((n) => n.includes('rows without reach'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(
      'is the first of 5 rows without reach for meta-ads (2026-08-10 to 2026-08-14) between rows that give it',
    );
    expect(rows[0]).toContain('neither exact nor an upper bound');
    const goal = root.notes.find((n) => n.startsWith('goals/g.yaml:2:') && n.includes('reach over 2026-Q3'));
    expect(goal).toContain('none reached on the days whose rows leave it out');
    expect(goal).toContain('reach is then neither exact nor a bound of the true figure');
    expect(goal).not.toContain('unless that bound decides it');
  });

  it('notes nothing where another file gives reach on those days', () => {
    const fill = dailyExport('meta-ads', '2026-08-10', '2026-08-14', () => ({ reach: 5000 }));
    const other = loadRoot(SITE, GOALS, { 'data/meta-ads/ads.json': ADS, 'data/meta-ads/reach.json': fill });
    expect(other.notes.filter((n) => n.includes('rows without reach'))).toEqual([]);
  });
});
