/**
 * Key results on their objective's scale: each scored key result's band (green, yellow, red,
 * by the objective's stretch flag), so that the pages say it in words without deciding it.
 */
import type { Direction } from '../core/catalogue.ts';
import type { GoalJson, OkrGoalJson } from '../core/report.ts';
import { keyResultScoreRange } from '../core/evaluate.ts';
import { type GoalStatus, type OkrBand, okrBand } from '../core/status.ts';
import type { UiStrings } from '../translations/index.ts';

/** An OKR of a report with the band of each key result (null for one without a score) and its notes. */
export interface OkrView {
  readonly okr: OkrGoalJson;
  readonly bands: ReadonlyArray<OkrBand | null>;
  readonly notes: ReadonlyArray<readonly KeyResultNote[]>;
}

/** A sentence under a key result, as a SMART goal's page has it: its kind (a CSS class) and text. */
export interface KeyResultNote {
  readonly kind: 'no-change' | 'cut-rows' | 'ends-early' | 'undecided-bound' | 'met-so-far';
  readonly text: string;
}

/** What a key result's notes read of it (its JSON, or an evaluation in the same names). */
export interface KeyResultNoted {
  readonly baseline: number | null;
  readonly target: number | null;
  readonly cut_rows?: boolean | undefined;
  readonly status?: GoalStatus | undefined;
  readonly bound?: 'exact' | 'upper' | 'lower' | 'unbounded' | undefined;
  readonly ends_early?: boolean | undefined;
  readonly met_so_far?: boolean | undefined;
}

/**
 * What a key result's line says beside its actual, as a SMART goal's does: a target equal to its
 * baseline asks for no change (`no-change`; a target of 0 on a KPI where lower is better is a cap,
 * not a no-change: a key result's JSON has no mode); a window cutting a month or quarter row
 * (`cut_rows`) leaves the actual n/a (`cut-rows`); data that end before a deadline now past leave
 * the status undecided (`ends-early`); an actual that is only a bound (`bound`) leaves its status
 * undecided (`undecided-bound`); a target met on data that end early reads on track (`met-so-far`).
 */
export function keyResultNoteKinds(kr: KeyResultNoted, good: Direction | undefined): Array<KeyResultNote['kind']> {
  const kinds: Array<KeyResultNote['kind']> = [];
  if (kr.target !== null && kr.target === kr.baseline && (kr.target !== 0 || good !== 'down')) kinds.push('no-change');
  if (kr.cut_rows) kinds.push('cut-rows');
  else if (kr.ends_early && kr.status === 'undecided') kinds.push('ends-early');
  else if (kr.bound !== undefined && kr.bound !== 'exact' && kr.status === 'undecided') kinds.push('undecided-bound');
  if (kr.met_so_far) kinds.push('met-so-far');
  return kinds;
}

/** A key result's notes in the SMART goal's words (`keyResultNoteKinds`), in the page's language. */
export function keyResultNotes(kr: KeyResultNoted, good: Direction | undefined, t: UiStrings): KeyResultNote[] {
  const undecided = { upper: t.goal.upperBound, lower: t.goal.lowerBound, unbounded: t.goal.unbounded };
  return keyResultNoteKinds(kr, good).map((kind) => ({
    kind,
    text:
      kind === 'cut-rows'
        ? t.goal.cutRows
        : kind === 'ends-early'
          ? t.goal.endsEarlyKeyResult
          : kind === 'met-so-far'
            ? t.goal.metSoFarKeyResult
            : kind === 'undecided-bound'
              ? undecided[kr.bound as keyof typeof undecided]
              : good === 'down'
                ? t.goal.noChangeDown
                : t.goal.noChangeUp,
  }));
}

/**
 * The band of each key result on the objective's scale: null without a score, or where its score is
 * a bound whose true value could fall in another band (`keyResultScoreRange`).
 */
export function keyResultBands(
  keyResults: ReadonlyArray<Parameters<typeof keyResultScoreRange>[0]>,
  stretch: boolean,
): Array<OkrBand | null> {
  return keyResults.map((kr) => {
    if (kr.score === null) return null;
    const { low, high } = keyResultScoreRange(kr);
    const band = okrBand(kr.score, stretch);
    return okrBand(low, stretch) === band && okrBand(high, stretch) === band ? band : null;
  });
}

/** The OKRs of a report's goals, in report order, with their key results' bands and notes (`good`: a KPI's direction). */
export function okrViews(
  goals: readonly GoalJson[],
  t: UiStrings,
  good: (kpi: string) => Direction | undefined = () => undefined,
): OkrView[] {
  return goals
    .filter((g): g is OkrGoalJson => g.type === 'okr')
    .map((okr) => ({
      okr,
      bands: keyResultBands(okr.key_results, okr.stretch),
      notes: okr.key_results.map((kr) => keyResultNotes(kr, kr.kpi === null ? undefined : good(kr.kpi), t)),
    }));
}
