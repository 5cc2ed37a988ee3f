/**
 * The validated goal model (SPEC "Goals YAML"), as plain data. The loader builds it
 * from YAML; the evaluator reads it. Dates are day numbers.
 */
import type { Day } from './dates.ts';
import type { Period } from './periods.ts';

export const GOAL_CATEGORIES = [
  'awareness',
  'engagement',
  'traffic',
  'reputation',
  'leads',
  'conversions',
  'community',
  'customer_service',
  'recruitment',
  'crisis',
  'internal_comms',
  'insights',
  'custom',
] as const;

export type GoalCategory = (typeof GOAL_CATEGORIES)[number];

/** A target as written: a number, or a change relative to the baseline (or previous total). */
export type TargetSpec =
  | { readonly kind: 'absolute'; readonly value: number }
  | { readonly kind: 'percent'; /** +20% is 0.2 */ readonly ratio: number }
  | { readonly kind: 'delta'; readonly amount: number };

export interface Milestone {
  readonly date: Day;
  readonly target: number;
}

/** What a goal or key result measures and where it wants it to go. */
export interface Measure {
  readonly kpi: string;
  /** `all`, one channel, or a list, as written. */
  readonly channel: string | readonly string[];
  readonly baseline: number | null;
  readonly target: TargetSpec;
  readonly milestones: readonly Milestone[];
}

export interface Objective {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
}

interface GoalBase {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly category: GoalCategory | null;
  readonly objective: string | null;
  readonly owner: string | null;
  readonly period: Period;
  /** The file the goal is defined in, relative to the content root. */
  readonly file: string;
}

export interface SmartGoal extends GoalBase, Measure {
  readonly type: 'smart';
}

export interface KeyResult {
  readonly id: string;
  readonly title: string | null;
  readonly weight: number;
  /** A measured key result, or a manual one with its current and target values. */
  readonly measure: Measure | null;
  readonly manual: { readonly current: number; readonly target: number } | null;
}

export interface OkrGoal extends GoalBase {
  readonly type: 'okr';
  /** Stretch OKRs count 0.6–0.7 as a success. */
  readonly stretch: boolean;
  readonly keyResults: readonly KeyResult[];
}

export type Goal = SmartGoal | OkrGoal;
