/**
 * A month missing inside one export of month rows (test/monthHoleFixture.ts: mentions by month for
 * April, May, July, August and September in one file, June absent) is a hole of that export for
 * that metric, as a week missing inside a daily export is: the quarter holding it is partial. A
 * total over it has no change (`qoq`, `yoy` null) with June's days as its `gaps`, and an earlier
 * quarter holding it gives `qoq_partial` with those gaps. On main Q3's mentions read +80% (360
 * against Q2's 200, three months against two), with no flag.
 */
import { describe, expect, it } from 'vitest';
import { coarseHolesByExport } from '../../src/core/exportHoles.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, type LoadedRoot, rowsExport } from '../exportsFixture.ts';
import { MONTH_HOLE_MONTHS, monthHoleRoot } from '../monthHoleFixture.ts';

const june = [day('2026-06-01'), day('2026-06-30')] as const;
const mentionsIn = (root: LoadedRoot, quarter: string) =>
  kpiChanges(root.engine!, ['facebook'], period(quarter)).get('mentions')!;

describe('a month missing between two month rows of one export', () => {
  const root = monthHoleRoot();

  it('makes the earlier quarter holding it partial: no change for the total, June as its gaps', () => {
    const mentions = mentionsIn(root, '2026-Q3');
    expect(mentions.value).toBe(360);
    expect(mentions.previous).toBe(200);
    expect(mentions.qoq).toBeNull();
    expect(mentions.previousPartial).toEqual({ from: day('2026-04-01'), to: day('2026-06-30'), gaps: [june] });
    expect(mentions.gaps).toBeNull();
  });

  it('flags the quarter holding it: its total has June’s days as its gaps and no change', () => {
    const mentions = mentionsIn(root, '2026-Q2');
    expect(mentions.value).toBe(200);
    expect(mentions.qoq).toBeNull();
    expect(mentions.yoy).toBeNull();
    expect(mentions.gaps).toEqual({ facebook: { mentions: [june] } });
  });

  it('is a gap inside the quarter when the missing month is its middle one', () => {
    const months = MONTH_HOLE_MONTHS.map((m) => (m.month === '2026-05' ? { ...m, month: '2026-06' } : m));
    const mentions = mentionsIn(monthHoleRoot({}, months), '2026-Q2');
    expect(mentions.value).toBe(200);
    expect(mentions.gaps).toEqual({ facebook: { mentions: [[day('2026-05-01'), day('2026-05-31')]] } });
  });

  it('leaves the daily page export’s totals alone', () => {
    const impressions = kpiChanges(root.engine!, ['facebook'], period('2026-Q3')).get('impressions')!;
    expect(impressions.qoq).toBeCloseTo(92 / 91 - 1, 12);
    expect(impressions.gaps).toBeNull();
    expect(impressions.previousPartial).toBeNull();
  });

  it('is read as the same months split across two files are (one to May, one from July)', () => {
    const two = monthHoleRoot({
      'data/facebook/listening.json': rowsExport('facebook', MONTH_HOLE_MONTHS.slice(0, 2)),
      'data/facebook/listening-h2.json': rowsExport('facebook', MONTH_HOLE_MONTHS.slice(2)),
    });
    for (const quarter of ['2026-Q2', '2026-Q3']) {
      const [one, other] = [mentionsIn(root, quarter), mentionsIn(two, quarter)];
      expect([one.value, one.qoq, one.gaps, one.previousPartial]).toEqual([
        other.value,
        other.qoq,
        other.gaps,
        other.previousPartial,
      ]);
    }
  });

  it('is filled by another file giving the metric for that month', () => {
    const filled = monthHoleRoot({ 'data/facebook/june.json': rowsExport('facebook', [{ month: '2026-06', mentions: 100 }]) });
    const mentions = mentionsIn(filled, '2026-Q3');
    expect(mentions.previous).toBe(300);
    expect(mentions.previousPartial).toBeNull();
    expect(mentions.qoq).toBeCloseTo(0.2, 12);
  });

  it('is filled by the same export’s day rows giving the metric that month', () => {
    const june = dailyExport('facebook', '2026-06-01', '2026-06-30', () => ({ mentions: 3 }));
    const rows = [...MONTH_HOLE_MONTHS, ...(JSON.parse(june) as { rows: object[] }).rows];
    const mentions = mentionsIn(monthHoleRoot({}, rows), '2026-Q3');
    expect(mentions.previous).toBe(290);
    expect(mentions.previousPartial).toBeNull();
  });
});

describe('the report JSON', () => {
  const root = monthHoleRoot();
  const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });

  it('gives the total no change, with the earlier quarter partial over June', () => {
    expect(report.kpis['facebook']!['mentions']).toMatchObject({
      value: 360,
      qoq: null,
      qoq_partial: { from: '2026-04-01', to: '2026-06-30', gaps: [{ from: '2026-06-01', to: '2026-06-30' }] },
    });
  });
});

describe('a quarter missing between two quarter rows of one export', () => {
  const root = monthHoleRoot({}, [
    { quarter: '2026-Q1', mentions: 300 },
    { quarter: '2026-Q3', mentions: 360 },
  ]);

  it('makes the quarter partial as a missing month does', () => {
    const q2 = mentionsIn(root, '2026-Q2');
    expect(q2.value).toBeNull();
    const q3 = mentionsIn(root, '2026-Q3');
    expect(q3.value).toBe(360);
    expect(q3.qoq).toBeNull();
  });

  it('is a hole of that export', () => {
    const q4 = monthHoleRoot({}, [
      { quarter: '2026-Q1', mentions: 300 },
      { quarter: '2026-Q3', mentions: 360 },
      { quarter: '2026-Q4', mentions: 360 },
    ]);
    expect(q4.engine!.index.coverageGaps('facebook', 'mentions', day('2026-01-01'), day('2026-12-31'))).toEqual([
      [day('2026-04-01'), day('2026-06-30')],
    ]);
  });
});

describe('coarseHolesByExport', () => {
  const metrics = monthHoleRoot().engine!.index.metrics;
  const rows = (file: string, list: ReadonlyArray<{ month: string; values: Record<string, number> }>) =>
    list.map(({ month, values }, i) => {
      const start = day(`${month}-01`);
      const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 10);
      return {
        channel: 'facebook',
        period: { kind: 'month' as const, start, end: day(next) - 1, label: month },
        values,
        origin: { file, row: i },
      };
    });

  it('finds the month missing between two month rows of a metric', () => {
    const found = coarseHolesByExport(
      rows('a.json', [
        { month: '2026-04', values: { mentions: 1 } },
        { month: '2026-05', values: { mentions: 1 } },
        { month: '2026-07', values: { mentions: 1 } },
      ]),
      metrics,
    );
    const holes = found.get('a.json\u0000facebook')?.get('mentions');
    expect(holes?.holes).toEqual([{ from: day('2026-06-01'), to: day('2026-06-30'), after: 2 }]);
  });

  it('finds none where months are the file’s rhythm (more missing than given), nor before or after its rows', () => {
    const found = coarseHolesByExport(
      rows('a.json', [
        { month: '2026-01', values: { mentions: 1 } },
        { month: '2026-12', values: { mentions: 1 } },
      ]),
      metrics,
    );
    expect(found.size).toBe(0);
  });

  it('reads a month row without a metric whose absence is none (posts) as none of it', () => {
    const given: Array<{ month: string; values: Record<string, number> }> = [
      { month: '2026-04', values: { posts: 3, impressions: 10 } },
      { month: '2026-05', values: { impressions: 10 } },
      { month: '2026-06', values: { posts: 3, impressions: 10 } },
    ];
    expect(coarseHolesByExport(rows('a.json', given), metrics).size).toBe(0);
    // A month with no row at all is one the export missed, for posts too.
    const missing = coarseHolesByExport(rows('a.json', [given[0]!, given[2]!]), metrics).get('a.json\u0000facebook');
    expect([...(missing?.keys() ?? [])].sort()).toEqual(['impressions', 'posts']);
  });

  it('finds a month whose row lacks the metric while the months around give it', () => {
    const found = coarseHolesByExport(
      rows('a.json', [
        { month: '2026-04', values: { mentions: 1, impressions: 10 } },
        { month: '2026-05', values: { impressions: 10 } },
        { month: '2026-06', values: { mentions: 1, impressions: 10 } },
      ]),
      metrics,
    );
    expect([...(found.get('a.json\u0000facebook')?.keys() ?? [])]).toEqual(['mentions']);
  });
});
