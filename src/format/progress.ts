/**
 * A goal's progress when its actual is only an upper bound (reach summed from finer rows,
 * `approximate` without `cut_rows`): the progress is a bound too, at most where it grows with the
 * actual (a target above the baseline), at least where it falls (a target below it). Pure text.
 */
import { type FormatOptions, formatShare } from './numbers.ts';

/** Which bound a progress is, or null for an exact one (or none). */
export type ProgressBound = 'at_most' | 'at_least' | null;

/** The bound a goal's or key result's progress is, from its actual's flags, baseline and target. */
export function progressBound(g: {
  readonly approximate?: boolean | undefined;
  readonly cut_rows?: boolean | undefined;
  readonly progress: number | null;
  readonly baseline: number | null;
  readonly target: number | null;
}): ProgressBound {
  if (!g.approximate || g.cut_rows || g.progress === null || g.target === null) return null;
  return g.target >= (g.baseline ?? 0) ? 'at_most' : 'at_least';
}

/** A progress as a share, "≤ 200%" or "≥ 40%" when it is a bound. */
export function formatProgress(progress: number | null, bound: ProgressBound, fmt: FormatOptions): string {
  const share = formatShare(progress, fmt);
  return bound === null ? share : `${bound === 'at_most' ? '≤' : '≥'} ${share}`;
}
