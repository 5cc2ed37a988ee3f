/**
 * How a figure that is only a bound of the true one is marked beside it ("≈"): its tooltip names
 * the side, from the figure's `bound` (reach summed from finer rows is an upper bound, a KPI that
 * divides by it a lower one). The same on KPI cells, goal rows and key-result rows. Pure text.
 */
import type { UiStrings } from '../translations/index.ts';

/** What a figure is to the true one, when it is not exact. */
export type FigureBound = 'upper' | 'lower' | 'unbounded';

/**
 * The bound of a figure marked `approximate`, or null for one that is not (or that left out a
 * straddling row, `cut_rows`: no bound at all). Snapshots frozen before `bound` knew upper bounds only.
 */
export function figureBound(figure: {
  readonly approximate?: boolean | undefined;
  readonly bound?: 'exact' | FigureBound | undefined;
  readonly cut_rows?: boolean | undefined;
}): FigureBound | null {
  if (!figure.approximate || figure.cut_rows) return null;
  return figure.bound === undefined || figure.bound === 'exact' ? 'upper' : figure.bound;
}

/** The tooltip of a figure's "≈" mark, naming its side (see `figureBound`); null for no mark. */
export function approximateTitle(figure: Parameters<typeof figureBound>[0], t: UiStrings): string | null {
  const bound = figureBound(figure);
  if (bound === null) return null;
  return { upper: t.kpiTable.approximate, lower: t.kpiTable.approximateLower, unbounded: t.kpiTable.approximateUnbounded }[bound];
}
