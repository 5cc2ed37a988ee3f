/**
 * Small builders for core tests: metric rows from readable literals, a metric index, a
 * KPI engine, and approximate comparison of computed values. No files, no clock.
 */
import type { SmartGoal } from '../src/core/goals.ts';
import { expect } from 'vitest';
import type { KpiDef } from '../src/core/catalogue.ts';
import { type Day, parseIsoDate } from '../src/core/dates.ts';
import { type KpiEngine, KpiSet } from '../src/core/kpis.ts';
import { MetricIndex, type MetricRow } from '../src/core/metricIndex.ts';
import { metricTable } from '../src/core/metrics.ts';
import { dayPeriod, parsePeriod, type Period } from '../src/core/periods.ts';

/** Day number of a `YYYY-MM-DD` date (throws on an impossible date: fixtures must be valid). */
export function day(text: string): Day {
  const parsed = parseIsoDate(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.day;
}

/** A period from `2026-04-01`, `2026-04`, `2026-Q2` or `2026`. */
export function period(text: string): Period {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return dayPeriod(day(text));
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.period;
}

export type Values = Record<string, number>;

/** Rows of one channel, as a metric JSON file would give them: `[period, values]` pairs. */
export function rows(
  channel: string,
  entries: ReadonlyArray<readonly [string, Values]>,
  file = `data/${channel}.json`,
): MetricRow[] {
  return entries.map(([p, values], row) => ({ channel, period: period(p), values, origin: { file, row } }));
}

/** The metric index over rows with the built-in metric table; fixtures must hold no duplicate values. */
export function indexOf(all: readonly MetricRow[]): MetricIndex {
  const { index, duplicates } = MetricIndex.build(all, metricTable());
  if (duplicates.length > 0) throw new Error(`fixture has duplicate values: ${JSON.stringify(duplicates)}`);
  return index;
}

/** A KPI engine over rows (no window cache unless asked: each lookup recomputes). */
export function engineOf(
  all: readonly MetricRow[],
  options: { customerLtv?: number | null; customKpis?: readonly KpiDef[]; cache?: boolean } = {},
): KpiEngine {
  const index = indexOf(all);
  return {
    index,
    kpis: new KpiSet(index, options.customKpis ?? []),
    settings: { customerLtv: options.customerLtv ?? null },
    ...(options.cache ? { windows: new Map() } : {}),
  };
}

/** `actual` equals `expected` up to floating-point rounding (relative 1e-12): strict enough for small rates. */
export function expectClose(actual: number | null | undefined, expected: number): void {
  expect(actual, `expected ${expected}, got ${actual}`).toBeTypeOf('number');
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected), `expected ${expected}, got ${actual}`).toBeLessThanOrEqual(tolerance);
}

/** A SMART goal on one KPI over 2026-Q3 (channel `all` unless given), for evaluation tests. */
export function smartGoal(kpi: string, target: SmartGoal['target'], extra: Partial<SmartGoal> = {}): SmartGoal {
  return {
    type: 'smart',
    id: 'g',
    title: 'G',
    kpi,
    channel: 'all',
    period: period('2026-Q3'),
    baseline: null,
    target,
    milestones: [],
    category: null,
    objective: null,
    owner: null,
    ...extra,
  } as SmartGoal;
}
