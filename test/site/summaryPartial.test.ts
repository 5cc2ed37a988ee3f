/**
 * The summary's line on totals left out of the biggest moves (red-team 6 root t): a quarter that
 * is over, where one channel's data stop inside it (Instagram's export ends on 20 August, LinkedIn's
 * goes to 30 September), must not say the quarter "is not over", as the KPI table's caveat no
 * longer does; a quarter that is not over still says so. On main the line said "not over" for both.
 */
import { describe, expect, it } from 'vitest';
import { computeQuarter, kpiMetas } from '../../src/core/figures.ts';
import { parseIsoDate } from '../../src/core/dates.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { partialMovesNote } from '../../src/format/changes.ts';
import { formatDate } from '../../src/format/intl.ts';
import { quarterSummary } from '../../src/site/summary.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';
import { SITE } from '../load/helpers.ts';

const ig = () => ({ impressions: 2000, clicks: 40 });
const li = () => ({ impressions: 1000, clicks: 30 });
const root = loadRoot(SITE, 'goals: []\n', {
  'data/instagram/2026-q2.json': dailyExport('instagram', '2026-04-01', '2026-06-30', ig),
  'data/instagram/2026-q3.json': dailyExport('instagram', '2026-07-01', '2026-08-20', ig),
  'data/linkedin/2026-h1.json': dailyExport('linkedin', '2026-04-01', '2026-06-30', li),
  'data/linkedin/2026-q3.json': dailyExport('linkedin', '2026-07-01', '2026-09-30', li),
});

function report(asOf?: string) {
  if (!root.project || !root.engine) throw new Error(root.problems.join('\n'));
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok) throw new Error(quarter.reason);
  const day = asOf === undefined ? null : parseIsoDate(asOf);
  if (day && !day.ok) throw new Error(day.reason);
  return computeQuarter(root.project, root.engine, {
    quarter: quarter.period,
    channel: null,
    ...(day ? { asOf: day.day } : {}),
  }).report;
}

describe('the summary line on totals left out of the moves', () => {
  it('of a quarter that is over while a channel’s data stop inside it, does not say "not over"', () => {
    const r = report();
    expect(r.as_of).toBe('2026-09-30');
    expect(r.incomplete).toEqual(['instagram']);
    const summary = quarterSummary(r, new Map(kpiMetas(root.engine!).map((k) => [k.id, k])));
    expect(summary.partial).toMatchObject({ asOf: '2026-08-20', over: true });
    const en = partialMovesNote(r, { locale: 'en-US', currency: 'EUR' }, (d) => formatDate(d, 'en-US'));
    expect(en).toBe(
      'Totals are left out where a channel’s data do not reach the end of 2026-Q3 (the earliest stop on Aug 20, 2026): they cannot be compared with the whole of 2026-Q2.',
    );
    const fr = partialMovesNote(r, { locale: 'fr-FR', currency: 'EUR' });
    const it_ = partialMovesNote(r, { locale: 'it-IT', currency: 'EUR' });
    expect(fr).toContain('n’atteignent pas la fin de 2026-Q3');
    expect(fr).not.toContain('pas terminé');
    expect(it_).toContain('non arrivano alla fine di 2026-Q3');
    expect(it_).not.toContain('non è concluso');
  });

  it('of a quarter that is not over, says so', () => {
    const r = report('2026-08-15');
    expect(quarterSummary(r, new Map()).partial).toMatchObject({ over: false });
    expect(partialMovesNote(r, { locale: 'en-US', currency: 'EUR' })).toBe(
      'Totals are left out while 2026-Q3 is not over: 2026-Q3 to date cannot be compared with the whole of 2026-Q2.',
    );
  });

  it('is null once every channel reaches the end of the quarter', () => {
    expect(partialMovesNote({ period: '2026-Q2', as_of: '2026-06-30' }, { locale: 'en-US', currency: 'EUR' })).toBeNull();
  });
});
