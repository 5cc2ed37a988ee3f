/**
 * Where a goal stands (SPEC "Goal evaluation"): `no_data` when it has no actual (or no target or
 * baseline to measure it against); `undecided` when it has one that cannot decide its status (only
 * a bound of the true figure, or data that end before a deadline now past).
 */
export type GoalStatus = 'not_started' | 'achieved' | 'missed' | 'on_track' | 'at_risk' | 'off_track' | 'undecided' | 'no_data';

/** Every status, best first, for legends and tables. */
export const GOAL_STATUSES: readonly GoalStatus[] = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'missed',
  'not_started',
  'undecided',
  'no_data',
];

export interface StatusInput {
  readonly started: boolean;
  /** The as-of date is on or after the deadline. */
  readonly ended: boolean;
  readonly progress: number | null;
  readonly expected: number;
}

/**
 * Progress this close below 1 is 1 but for floating-point rounding ((0.11 − 0.1) / (0.11 − 0.1)
 * computed from sums can come to 0.9999999999999987): a goal met exactly is achieved.
 */
export const PROGRESS_ROUNDING = 1e-9;

/**
 * Whether a target and a baseline are the same figure but for floating-point rounding (a rate
 * of 17 digits against its 15-digit rounding): a target that asks for no change, against which
 * progress is undefined, not ±52 billion (red-team 24 #7).
 */
export function equalButForRounding(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Status from progress against the expected pace: achieved at ≥ 1, on track at
 * ≥ 0.9 × expected, at risk at ≥ 0.7 × expected, else off track; from the deadline on,
 * achieved or missed.
 */
export function goalStatus({ started, ended, progress, expected }: StatusInput): GoalStatus {
  if (!started) return 'not_started';
  if (progress === null) return 'no_data';
  if (progress >= 1 - PROGRESS_ROUNDING) return 'achieved';
  if (ended) return 'missed';
  if (progress >= 0.9 * expected - PROGRESS_ROUNDING) return 'on_track';
  if (progress >= 0.7 * expected - PROGRESS_ROUNDING) return 'at_risk';
  return 'off_track';
}

/**
 * Status of a budget cap (a cumulative goal on a KPI that is good when down): achieved at
 * the deadline if actual ≤ target; before it, off track once over the cap, at risk when
 * spending ahead of the expected pace.
 */
export function capStatus(
  { started, ended, expected }: Omit<StatusInput, 'progress'>,
  actual: number | null,
  target: number | null,
): GoalStatus {
  if (!started) return 'not_started';
  if (actual === null || target === null) return 'no_data';
  if (ended) return actual <= target ? 'achieved' : 'missed';
  if (actual > target) return 'off_track';
  if (actual > target * expected) return 'at_risk';
  return 'on_track';
}

/**
 * Status of a goal whose target equals its baseline (it asks for no change, so progress is
 * undefined): achieved while the actual is at or beyond the target in the KPI's good
 * direction, else off track, and from the deadline on achieved or missed.
 */
export function noChangeStatus(
  { started, ended }: Pick<StatusInput, 'started' | 'ended'>,
  actual: number | null,
  target: number | null,
  good: 'up' | 'down',
): GoalStatus {
  if (!started) return 'not_started';
  if (actual === null || target === null) return 'no_data';
  const slack = PROGRESS_ROUNDING * Math.max(1, Math.abs(target));
  const held = good === 'up' ? actual >= target - slack : actual <= target + slack;
  if (held) return 'achieved';
  return ended ? 'missed' : 'off_track';
}

/**
 * A status worked out from an actual that is only a bound (reach summed from finer rows is an
 * upper bound): `truth` says whether the true status is the same or `worse`, or the same or
 * `better`. Only a status the truth cannot differ from stands: the worst (off track, missed)
 * when it can only be worse, the best (`best`: achieved, or on track for a cap before its
 * deadline) when it can only be better; any other is `undecided`.
 */
export function boundedStatus(status: GoalStatus, truth: 'worse' | 'better', best: GoalStatus): GoalStatus {
  if (status === 'not_started' || status === 'no_data' || status === 'undecided') return status;
  if (truth === 'worse') return status === 'off_track' || status === 'missed' ? status : 'undecided';
  return status === best ? status : 'undecided';
}

export type OkrBand = 'green' | 'yellow' | 'red';

/**
 * OKR band of a score: ≥ 0.7 green (≥ 0.6 for stretch OKRs), ≥ 0.4 yellow, else red; a weighted
 * mean on an edge but for floating-point rounding (0.6999999999999998 for 7/10 weighted 1 and 2) is
 * on it (red-team 33 #2).
 */
export function okrBand(score: number, stretch = false): OkrBand {
  if (score >= (stretch ? 0.6 : 0.7) - PROGRESS_ROUNDING) return 'green';
  if (score >= 0.4 - PROGRESS_ROUNDING) return 'yellow';
  return 'red';
}
