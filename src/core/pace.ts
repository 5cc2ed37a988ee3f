import type { Day } from './dates.ts';

/**
 * Share of a goal's period elapsed as of a day: days from the start through `asOf`
 * inclusive ÷ days in the period; 0 before the start, 1 from the deadline on.
 */
export function elapsedShare(start: Day, deadline: Day, asOf: Day): number {
  if (asOf < start) return 0;
  if (asOf >= deadline) return 1;
  return (asOf - start + 1) / (deadline - start + 1);
}

/** A point of the expected-progress line: on `date`, progress should be `progress`. */
export interface PacePoint {
  readonly date: Day;
  readonly progress: number;
}

/**
 * Progress expected by `asOf`: the line from the start (0) through the milestones to
 * the deadline (1), read at `asOf`. Without milestones this equals `elapsedShare`.
 */
export function expectedProgress(start: Day, deadline: Day, asOf: Day, milestones: readonly PacePoint[] = []): number {
  if (asOf < start) return 0;
  if (asOf >= deadline) return 1;
  const points: PacePoint[] = [
    { date: start - 1, progress: 0 },
    ...milestones.filter((m) => m.date >= start && m.date < deadline).sort((a, b) => a.date - b.date),
    { date: deadline, progress: 1 },
  ];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (asOf <= b.date) {
      if (b.date === a.date) return b.progress;
      // The share of the segment first, so that a huge milestone progress cannot overflow to Infinity.
      return a.progress + (b.progress - a.progress) * ((asOf - a.date) / (b.date - a.date));
    }
  }
  return 1;
}
