/**
 * Monthly per-post exports, each with its `through` (as `import` writes Meta's "Jun-01-2026_Jun-30-2026"
 * downloads), leave no gap between them: the days before a month's first post are days without a
 * post, not days no export covers (red-team 13 #1: June's first post on the 3rd made Q2 "partial",
 * so Q3's impressions lost their QoQ). A month with no export at all is still a gap.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { day } from '../coreFixtures.ts';
import { loadRoot } from '../exportsFixture.ts';

/** A month's per-post export: a post every 4 days from `firstPost`, to the month's last day. */
const month = (firstPost: string, through: string) => {
  const rows = [];
  for (let d = day(firstPost); d <= day(through); d += 4) rows.push({ date: formatDay(d), impressions: 2500, posts: 1 });
  return JSON.stringify({ channel: 'instagram', through, rows });
};
const MONTHS: Record<string, [string, string]> = {
  '04': ['2026-04-01', '2026-04-30'],
  '05': ['2026-05-01', '2026-05-31'],
  '06': ['2026-06-03', '2026-06-30'],
  '07': ['2026-07-01', '2026-07-31'],
  '08': ['2026-08-13', '2026-08-31'],
  '09': ['2026-09-02', '2026-09-30'],
};
const report = (months: readonly string[]) => {
  const data = Object.fromEntries(months.map((m) => [`data/instagram/posts-2026-${m}.json`, month(...MONTHS[m]!)]));
  const root = loadRoot('title: T\n', 'goals: []\n', data);
  const q3 = parseQuarter('2026-Q3');
  if (!q3.ok || !root.project || !root.engine) throw new Error(root.problems.join('\n'));
  return { report: buildReport(root.project, root.engine, { quarter: q3.period }), notes: root.notes };
};

describe('monthly per-post exports with their through days', () => {
  it('compare with the previous quarter and carry no gap: days before a month’s first post are days without one', () => {
    const { report: r, notes } = report(['04', '05', '06', '07', '08', '09']);
    const cell = r.kpis['instagram']!['impressions']!;
    expect(cell.gaps).toBeUndefined();
    expect(cell.qoq_partial).toBeUndefined();
    expect(cell.qoq).not.toBeNull();
    expect(notes.filter((n) => n.includes('no export covers'))).toEqual([]);
  });

  it('still have a gap where a month has no export at all: that month, as the next export starts in its first post’s month', () => {
    const { report: r } = report(['04', '05', '06', '07', '09']);
    // September's first post on the 2nd: 1 September is a day without a post (rt17 #3), August no export's.
    expect(r.kpis['instagram']!['impressions']!.gaps).toEqual({
      instagram: { impressions: [{ from: '2026-08-01', to: '2026-08-31' }] },
    });
  });
});
