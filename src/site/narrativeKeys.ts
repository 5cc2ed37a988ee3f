/**
 * How a narrative's components find their figures in the quarter page's route data: keys
 * made from their props, the same when the figures are computed (`narrativeView.ts`) and
 * when a component looks them up.
 */
import type { Period } from '../core/periods.ts';

/** The quarter a component reports on: its `period` prop, else the page's quarter (`2026-Q2`). */
export function componentQuarter(period: string | undefined, page: Period): string {
  return (period ?? page.label).toUpperCase();
}

/** The key of a `<KpiValue>`'s figure. */
export const kpiValueKey = (quarter: string, kpi: string, channel: string): string => JSON.stringify([quarter, kpi, channel]);

/** The key of a `<GoalCard>`'s figures. */
export const goalCardKey = (quarter: string, id: string): string => JSON.stringify([quarter, id]);

/** The key of a `<KpiChart>`'s chart. */
export const kpiChartKey = (quarter: string, kpi: string, channels: readonly string[] | null, title: string | null): string =>
  JSON.stringify([quarter, kpi, channels, title]);
