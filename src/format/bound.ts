/**
 * How a figure that is only a bound of the true one is marked beside it ("≈"): its tooltip names
 * the side, from the figure's `bound` (reach summed from finer rows is an upper bound, a KPI that
 * divides by it a lower one). The same on KPI cells, goal rows and key-result rows. Pure text.
 */
import type { UiStrings } from '../translations/index.ts';

/** What a figure is to the true one, when it is not exact. */
export type FigureBound = 'upper' | 'lower' | 'unbounded';

/**
 * The bound of a figure that is not exact: its `bound` (a reach summed from finer rows, or a total
 * over days no export covers, which is a lower bound though not `approximate`: red-team 9 #7), or
 * an upper bound for one marked `approximate` without it (snapshots frozen before `bound` knew
 * upper bounds only); null for an exact figure, and for one that left out a straddling row
 * (`cut_rows`: no bound at all).
 */
export function figureBound(figure: {
  readonly approximate?: boolean | undefined;
  readonly bound?: 'exact' | FigureBound | undefined;
  readonly cut_rows?: boolean | undefined;
}): FigureBound | null {
  if (figure.cut_rows) return null;
  if (figure.bound !== undefined && figure.bound !== 'exact') return figure.bound;
  return figure.approximate ? 'upper' : null;
}

/**
 * The tooltip of a figure's "≈" mark, naming its side (see `figureBound`) and why: a total over days
 * no export covers (its `gaps`, not `approximate`) is at least what it says, whatever reach does
 * (red-team 26 #8); null for no mark.
 */
export function approximateTitle(
  figure: Parameters<typeof figureBound>[0] & { readonly gaps?: object | null | undefined },
  t: UiStrings,
): string | null {
  const bound = figureBound(figure);
  if (bound === null) return null;
  if (bound === 'lower' && !figure.approximate && figure.gaps) return t.kpiTable.approximateGaps;
  return { upper: t.kpiTable.approximate, lower: t.kpiTable.approximateLower, unbounded: t.kpiTable.approximateUnbounded }[bound];
}
