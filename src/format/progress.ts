/**
 * A goal's progress when its actual is only a bound (`bound`: reach summed from finer rows is an
 * upper bound; a total over days no export covers, or a KPI dividing by such a reach, a lower
 * one): the progress is a bound too, at most or at least by whether it grows with the actual (a
 * target above the baseline) or falls (below it). Pure text.
 */
import { type FormatOptions, formatShare } from './numbers.ts';

/** Which bound a progress is, or null for an exact one (or none). */
export type ProgressBound = 'at_most' | 'at_least' | null;

/**
 * The bound a goal's or key result's progress is, from its actual's bound (or, in snapshots frozen
 * before `bound`, its `approximate` flag: an upper bound), baseline and target.
 */
export function progressBound(g: {
  readonly approximate?: boolean | undefined;
  readonly bound?: 'exact' | 'upper' | 'lower' | 'unbounded' | undefined;
  readonly cut_rows?: boolean | undefined;
  readonly progress: number | null;
  readonly baseline: number | null;
  readonly target: number | null;
}): ProgressBound {
  if (g.cut_rows || g.progress === null || g.target === null) return null;
  const actual = g.bound ?? (g.approximate ? 'upper' : 'exact');
  if (actual !== 'upper' && actual !== 'lower') return null;
  const grows = g.target >= (g.baseline ?? 0);
  return grows === (actual === 'upper') ? 'at_most' : 'at_least';
}

/** A progress as a share, "≤ 200%" or "≥ 40%" when it is a bound. */
export function formatProgress(progress: number | null, bound: ProgressBound, fmt: FormatOptions): string {
  const share = formatShare(progress, fmt);
  return bound === null ? share : `${bound === 'at_most' ? '≤' : '≥'} ${share}`;
}
