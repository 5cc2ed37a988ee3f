/**
 * Key results on their objective's scale: each scored key result's band (green, yellow, red,
 * by the objective's stretch flag), so that the pages say it in words without deciding it.
 */
import type { GoalJson, OkrGoalJson } from '../core/report.ts';
import { type OkrBand, okrBand } from '../core/status.ts';

/** An OKR of a report with the band of each key result (null for one without a score). */
export interface OkrView {
  readonly okr: OkrGoalJson;
  readonly bands: ReadonlyArray<OkrBand | null>;
}

/** The band of each key result (null without a score), on the objective's scale. */
export function keyResultBands(
  keyResults: ReadonlyArray<{ readonly score: number | null }>,
  stretch: boolean,
): Array<OkrBand | null> {
  return keyResults.map((kr) => (kr.score === null ? null : okrBand(kr.score, stretch)));
}

/** The OKRs of a report's goals, in report order, with their key results' bands. */
export function okrViews(goals: readonly GoalJson[]): OkrView[] {
  return goals
    .filter((g): g is OkrGoalJson => g.type === 'okr')
    .map((okr) => ({ okr, bands: keyResultBands(okr.key_results, okr.stretch) }));
}
