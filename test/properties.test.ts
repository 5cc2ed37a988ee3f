/**
 * Property tests of the KPI engine (fast-check): flows add up over time, rates come
 * from sums, results depend neither on row order nor on how rows are split into files,
 * and no input makes a KPI (or a goal evaluation) NaN or Infinity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Day, formatDay } from '../src/core/dates.ts';
import { evaluateMeasure } from '../src/core/evaluate.ts';
import type { TargetSpec } from '../src/core/goals.ts';
import { type KpiEngine, KpiSet, MetricWindow } from '../src/core/kpis.ts';
import { kpiChanges } from '../src/core/kpiTable.ts';
import { MetricIndex, type MetricRow } from '../src/core/metricIndex.ts';
import { metricTable } from '../src/core/metrics.ts';
import { monthPeriod, type Period, rangePeriod } from '../src/core/periods.ts';
import { day, engineOf, period } from './coreFixtures.ts';

const Q1 = period('2026-Q1');
const Q2 = period('2026-Q2');
const Q2_MONTHS = [period('2026-04'), period('2026-05'), period('2026-06')];
const Q2_DAYS = Array.from({ length: Q2.end - Q2.start + 1 }, (_, i) => Q2.start + i);

const count = fc.integer({ min: 0, max: 1_000_000 });

/** Rows of one channel from per-day values over Q2 (a null entry: no row that day). */
function dayRows(channel: string, perDay: ReadonlyArray<Record<string, number> | null>, file = 'data/days.json'): MetricRow[] {
  return perDay.flatMap((values, i) =>
    values === null
      ? []
      : [
          {
            channel,
            period: period(formatDay(Q2_DAYS[i]!)),
            values,
            origin: { file, row: i },
          },
        ],
  );
}

const valueIn = (e: KpiEngine, id: string, channels: readonly string[], p: { start: Day; end: Day }): number | null =>
  new MetricWindow(e, channels, p.start, p.end).value(e.kpis.get(id)!).value;

/** Sum of the non-null values, or null when all are null (no data at all). */
const sumOrNull = (values: ReadonlyArray<number | null>): number | null =>
  values.every((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);

describe('flows add up over time', () => {
  const FLOWS = ['impressions', 'clicks', 'spend', 'leads', 'engagements'];
  const perDay = fc.array(
    fc.option(
      fc.record(
        { impressions: count, clicks: count, spend: count, leads: count, likes: count, engagements: count },
        { requiredKeys: [] },
      ),
      { nil: null },
    ),
    { minLength: Q2_DAYS.length, maxLength: Q2_DAYS.length },
  );

  it("a quarter's flows equal the sum of its three months (daily rows)", () => {
    fc.assert(
      fc.property(perDay, (days) => {
        const e = engineOf(dayRows('x', days));
        for (const id of FLOWS) {
          const months = Q2_MONTHS.map((m) => valueIn(e, id, ['x'], m));
          expect(valueIn(e, id, ['x'], Q2), id).toBe(sumOrNull(months));
        }
      }),
    );
  });

  it("a month's flow equals the sum of its days", () => {
    fc.assert(
      fc.property(perDay, (days) => {
        const e = engineOf(dayRows('x', days));
        const april = Q2_DAYS.map((d, i) => [d, days[i]] as const).filter(([d]) => d <= Q2_MONTHS[0]!.end);
        const expected = sumOrNull(april.map(([, v]) => v?.impressions ?? null));
        expect(valueIn(e, 'impressions', ['x'], Q2_MONTHS[0]!)).toBe(expected);
      }),
    );
  });

  it('months add up to the quarter when month rows and day rows are mixed; partial months read day rows only', () => {
    const month = fc.record({
      mode: fc.constantFrom('days', 'month', 'both', 'none'),
      monthValue: count,
      days: fc.array(fc.option(count, { nil: null }), { minLength: 31, maxLength: 31 }),
    });
    fc.assert(
      fc.property(fc.tuple(month, month, month), (spec) => {
        const all: MetricRow[] = [];
        const expectedMonths: Array<number | null> = [];
        let partial: number | null = null; // [04-10, 05-20] from day rows only
        spec.forEach((m, k) => {
          const p = Q2_MONTHS[k]!;
          let dayTotal: number | null = null;
          if (m.mode === 'days' || m.mode === 'both') {
            for (let d = p.start; d <= p.end; d++) {
              const v = m.days[d - p.start];
              if (v === null || v === undefined) continue;
              all.push({
                channel: 'x',
                period: period(formatDay(d)),
                values: { impressions: v },
                origin: { file: 'd.json', row: all.length },
              });
              dayTotal = (dayTotal ?? 0) + v;
              if (d >= day('2026-04-10') && d <= day('2026-05-20')) partial = (partial ?? 0) + v;
            }
          }
          if (m.mode === 'month' || m.mode === 'both') {
            all.push({
              channel: 'x',
              period: p,
              values: { impressions: m.monthValue },
              origin: { file: 'm.json', row: all.length },
            });
          }
          // A month row covering the whole month wins over its day rows: they are never added together.
          expectedMonths.push(m.mode === 'month' || m.mode === 'both' ? m.monthValue : dayTotal);
        });
        const e = engineOf(all);
        const months = Q2_MONTHS.map((p) => valueIn(e, 'impressions', ['x'], p));
        expect(months).toEqual(expectedMonths);
        expect(valueIn(e, 'impressions', ['x'], Q2)).toBe(sumOrNull(expectedMonths));
        expect(valueIn(e, 'impressions', ['x'], rangePeriod(day('2026-04-10'), day('2026-05-20')))).toBe(partial);
      }),
    );
  });
});

describe('rates come from sums, not averages of daily rates', () => {
  const PARTS = ['likes', 'comments', 'shares', 'saves'] as const;
  const perDay = fc.array(
    fc.option(
      fc.record(
        {
          impressions: count,
          engagements: count,
          likes: count,
          comments: count,
          shares: count,
          saves: count,
        },
        { requiredKeys: [] },
      ),
      { nil: null },
    ),
    { minLength: Q2_DAYS.length, maxLength: Q2_DAYS.length },
  );

  it('engagement_rate over a quarter equals sum(engagements) / sum(impressions)', () => {
    fc.assert(
      fc.property(perDay, (days) => {
        let impressions: number | null = null;
        let engagements: number | null = null;
        for (const v of days) {
          if (v === null) continue;
          if (v.impressions !== undefined) impressions = (impressions ?? 0) + v.impressions;
          // A row without engagements counts the sum of the parts it has (SPEC "Metric JSON").
          const parts = PARTS.filter((p) => v[p] !== undefined);
          if (v.engagements !== undefined) engagements = (engagements ?? 0) + v.engagements;
          else if (parts.length > 0) engagements = (engagements ?? 0) + parts.reduce((s, p) => s + v[p]!, 0);
        }
        const expected = impressions === null || engagements === null || impressions === 0 ? null : engagements / impressions;
        const e = engineOf(dayRows('x', days));
        expect(valueIn(e, 'engagement_rate', ['x'], Q2)).toBe(expected);
      }),
    );
  });

  it('differs from the mean of daily rates on a worked example', () => {
    const e = engineOf(
      dayRows('x', [
        { impressions: 100, engagements: 50 },
        { impressions: 900, engagements: 0 },
      ]),
    );
    // Daily rates 0.5 and 0: their mean would be 0.25; the quarter's rate is 50 / 1000.
    expect(valueIn(e, 'engagement_rate', ['x'], Q2)).toBe(50 / 1000);
  });
});

// ---------------------------------------------------------------------------------------
// Invariance: the same data, rows in another order or split over several files.

const METRICS = [
  'impressions',
  'engagements',
  'likes',
  'comments',
  'shares',
  'saves',
  'posts',
  'followers',
  'clicks',
  'sessions',
  'bounces',
  'spend',
  'revenue',
  'new_customers',
  'reach',
  'leads',
  'sales_leads',
  'mentions',
  'competitor_mentions',
  'promoters',
  'detractors',
  'passives',
] as const;

const H1_START = day('2026-01-01');
const periodLabel = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 180 }).map((offset) => formatDay(H1_START + offset)) },
  { weight: 2, arbitrary: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06') },
  { weight: 1, arbitrary: fc.constantFrom('2026-Q1', '2026-Q2') },
);

interface Cell {
  readonly channel: string;
  readonly period: string;
  readonly values: Partial<Record<(typeof METRICS)[number], number>>;
  /** Which of three files each metric of the cell goes to when the cell is split. */
  readonly split: readonly number[];
}

const cellArb = (value: fc.Arbitrary<number>): fc.Arbitrary<Cell> =>
  fc.record({
    channel: fc.constantFrom('a', 'b'),
    period: periodLabel,
    values: fc.record(
      Object.fromEntries(METRICS.map((m) => [m, value])) as Record<(typeof METRICS)[number], fc.Arbitrary<number>>,
      { requiredKeys: [] },
    ),
    split: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: METRICS.length, maxLength: METRICS.length }),
  });

/** Cells with distinct (channel, period): as valid metric JSON must be (no value given twice). */
const cellsArb = (value: fc.Arbitrary<number>) =>
  fc.uniqueArray(cellArb(value), { selector: (c) => `${c.channel} ${c.period}`, maxLength: 40 });

/** One row per cell, in the given order, all from one file. */
function wholeRows(cells: readonly Cell[]): MetricRow[] {
  return cells.map((c, row) => ({
    channel: c.channel,
    period: period(c.period),
    values: c.values as Record<string, number>,
    origin: { file: 'data/all.json', row },
  }));
}

/** Each cell's metrics spread over up to three files (a cell of none stays one row); the files are then read one after the other. */
function splitRows(cells: readonly Cell[]): MetricRow[] {
  const files: MetricRow[][] = [[], [], []];
  for (const c of cells) {
    for (let f = 0; f < 3; f++) {
      const values: Record<string, number> = {};
      METRICS.forEach((m, i) => {
        if (c.split[i] === f && c.values[m] !== undefined) values[m] = c.values[m];
      });
      // A row of no metric (a day the export lists with nothing on it) stays a row, in the first file.
      if (Object.keys(values).length > 0 || (f === 0 && Object.keys(c.values).length === 0)) {
        files[f]!.push({
          channel: c.channel,
          period: period(c.period),
          values,
          origin: { file: `data/part-${f}.json`, row: files[f]!.length },
        });
      }
    }
  }
  return files.flat();
}

const WINDOWS: Period[] = [
  Q1,
  Q2,
  ...Array.from({ length: 6 }, (_, m) => monthPeriod(2026 * 12 + m)),
  rangePeriod(day('2026-02-10'), day('2026-05-20')),
  period('2026-03-15'),
  rangePeriod(day('2026-06-01'), day('2026-06-30')),
];
const CHANNEL_SETS = [['a'], ['b'], ['a', 'b']];

/** Every metric's aggregate (sum, end-of-window stock, reach), net follows and follower count over every window and channel set. */
function aggregates(all: readonly MetricRow[]): unknown[] {
  const table = metricTable();
  const { index, duplicates } = MetricIndex.build(all, table);
  expect(duplicates).toEqual([]);
  const out: unknown[] = [];
  for (const channels of CHANNEL_SETS) {
    for (const w of WINDOWS) {
      for (const id of table.ids())
        out.push([channels.join('+'), w.label, id, index.aggregate(channels, table.get(id)!, w.start, w.end)]);
      for (const channel of channels)
        out.push([
          channel,
          w.label,
          'follows',
          index.netFollows(channel, w.start, w.end),
          index.followersAtEnd(channel, w.start, w.end),
        ]);
    }
  }
  return out;
}

/** Every KPI value and change over the fixture windows and channel sets. */
function everything(all: readonly MetricRow[], customerLtv: number | null = 500): unknown[] {
  const { index, duplicates } = MetricIndex.build(all, metricTable());
  expect(duplicates).toEqual([]);
  const e: KpiEngine = { index, kpis: new KpiSet(index), settings: { customerLtv } };
  const out: unknown[] = [];
  for (const channels of CHANNEL_SETS) {
    for (const w of WINDOWS) {
      const window = new MetricWindow(e, channels, w.start, w.end);
      for (const kpi of e.kpis.all()) out.push([channels.join('+'), w.label, kpi.def.id, window.value(kpi)]);
    }
    for (const [id, change] of kpiChanges(e, channels, Q2)) out.push([channels.join('+'), 'changes', id, change]);
  }
  return out;
}

describe('results do not depend on how the data is arranged', () => {
  it('does not depend on row order', () => {
    const shuffled = cellsArb(count).chain((cells) =>
      fc.tuple(fc.constant(cells), fc.shuffledSubarray(cells, { minLength: cells.length, maxLength: cells.length })),
    );
    fc.assert(
      fc.property(shuffled, ([cells, reordered]) => {
        expect(everything(wholeRows(reordered))).toEqual(everything(wholeRows(cells)));
      }),
    );
  });

  // Coverage is per export (SPEC "Coverage in time": a file covers the days from its first row to its last), so
  // where files end apart the KPIs cut to covered days may differ by design: those rules have their own tests
  // (core/kpiTableGaps, earlierHoles, ownRowsEnd, realShapedOracle). So is whether an export's rows leave reach
  // out of days between rows that give it (`leftOut`: core/reachLeftOut). What files cannot change is the data.
  it('does not depend on how rows are split across files: every metric over every window and channel set', () => {
    const data = (all: readonly MetricRow[]) =>
      aggregates(all).map((entry) =>
        (entry as unknown[]).map((part) =>
          part !== null && typeof part === 'object' && 'leftOut' in part ? { ...part, leftOut: undefined } : part,
        ),
      );
    fc.assert(
      fc.property(cellsArb(count), (cells) => {
        expect(data(splitRows(cells))).toEqual(data(wholeRows(cells)));
      }),
    );
  });

  it('sums engagements derived from parts given in two files for the same day', () => {
    const cell: Cell = {
      channel: 'a',
      period: '2026-04-02',
      values: { likes: 5, comments: 3, impressions: 100 },
      split: METRICS.map((m) => (m === 'comments' ? 1 : 0)),
    };
    const split = splitRows([cell]);
    expect(split.map((r) => r.origin.file)).toEqual(['data/part-0.json', 'data/part-1.json']);
    const e = engineOf(split);
    expect(valueIn(e, 'engagements', ['a'], Q2)).toBe(5 + 3);
    expect(valueIn(e, 'engagement_rate', ['a'], Q2)).toBe(8 / 100);
  });

  it('gives the same engagements whichever of two part rows comes first, for a day or a month; a given value still wins', () => {
    for (const p of ['2026-04-02', '2026-04']) {
      const likes = { channel: 'a', period: period(p), values: { likes: 5 }, origin: { file: 'likes.json', row: 0 } };
      const comments = { channel: 'a', period: period(p), values: { comments: 3 }, origin: { file: 'comments.json', row: 0 } };
      const given = { channel: 'a', period: period(p), values: { engagements: 20 }, origin: { file: 'eng.json', row: 0 } };
      expect(valueIn(engineOf([likes, comments]), 'engagements', ['a'], Q2), p).toBe(8);
      expect(valueIn(engineOf([comments, likes]), 'engagements', ['a'], Q2), p).toBe(8);
      for (const order of [
        [likes, comments, given],
        [given, likes, comments],
        [likes, given, comments],
      ]) {
        expect(valueIn(engineOf(order), 'engagements', ['a'], Q2), p).toBe(20);
      }
    }
  });
});

describe('the `all` channel', () => {
  it("has, for stocks and flows, the sum of the channels' values (those that have one)", () => {
    fc.assert(
      fc.property(cellsArb(count), (cells) => {
        const e = engineOf(wholeRows(cells));
        for (const w of WINDOWS) {
          for (const id of ['follower_count', 'follower_growth', 'impressions', 'engagements']) {
            const each = [valueIn(e, id, ['a'], w), valueIn(e, id, ['b'], w)];
            expect(valueIn(e, id, ['a', 'b'], w), `${id} over ${w.label}`).toBe(sumOrNull(each));
          }
        }
      }),
    );
  });
});

describe('no input yields NaN or Infinity', () => {
  const anyValue = fc.oneof(
    fc.constant(0),
    count,
    fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(Number.MAX_VALUE, 1e308, Number.MIN_VALUE, 1e-300),
  );
  const finiteOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

  it('for any KPI, its previous and year-ago values, qoq and yoy', () => {
    fc.assert(
      fc.property(cellsArb(anyValue), fc.option(anyValue, { nil: null }), (cells, ltv) => {
        for (const [channels, label, id, result] of everything(wholeRows(cells), ltv) as Array<
          [string, string, string, Record<string, unknown>]
        >) {
          for (const key of ['value', 'previous', 'yearAgo', 'qoq', 'yoy']) {
            if (key in result && !finiteOrNull(result[key])) {
              throw new Error(`${id} ${key} over ${label} for ${channels} is ${String(result[key])}`);
            }
          }
        }
      }),
    );
  });

  it('for goal evaluations on any of those inputs', () => {
    const target: fc.Arbitrary<TargetSpec> = fc.oneof(
      anyValue.map((value) => ({ kind: 'absolute' as const, value })),
      fc
        .double({ min: -1, max: 1e6, noNaN: true, noDefaultInfinity: true })
        .map((ratio) => ({ kind: 'percent' as const, ratio })),
      anyValue.map((amount) => ({ kind: 'delta' as const, amount })),
    );
    const goal = fc.record({
      kpi: fc.constantFrom('impressions', 'spend', 'engagement_rate', 'follower_count', 'follower_growth', 'reach', 'roi', 'cpm'),
      baseline: fc.option(anyValue, { nil: null }),
      target,
      milestone: fc.option(fc.record({ offset: fc.integer({ min: 0, max: 90 }), target: anyValue }), { nil: null }),
      asOf: fc.integer({ min: -10, max: 100 }),
    });
    fc.assert(
      fc.property(cellsArb(anyValue), goal, (cells, g) => {
        const e = engineOf(wholeRows(cells));
        const evaluation = evaluateMeasure(
          e,
          {
            kpi: g.kpi,
            channel: 'all',
            baseline: g.baseline,
            target: g.target,
            milestones: g.milestone ? [{ date: Q2.start + g.milestone.offset, target: g.milestone.target }] : [],
          },
          Q2,
          Q2.start + g.asOf,
        );
        for (const [key, v] of Object.entries(evaluation)) {
          if (typeof v === 'number' || v === null) {
            if (!finiteOrNull(v)) throw new Error(`${g.kpi}: ${key} is ${String(v)}`);
          }
        }
      }),
    );
  });
});
