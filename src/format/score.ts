/** An objective's score as pages say it, with its bound. Pure text. */
import { type FormatOptions, formatScore } from './numbers.ts';
import { fill, type UiStrings } from '../translations/index.ts';
import { keyResultScoreRange, type ScoreBound, scoreBoundOf } from '../core/evaluate.ts';

/**
 * An objective's or a key result's score: `0.55`, or `≥ 0.17` when it is only a lower bound (its
 * undecided key results counted 0), `≤ 0.80` an upper one (a key result measured on an upper
 * bound), `≈ 0.52` neither (see `OkrEvaluation.scoreBound`).
 */
export function okrScoreText(score: number | null, bound: ScoreBound | undefined, t: UiStrings, fmt: FormatOptions): string {
  const text = formatScore(score, fmt);
  if (score === null || bound === undefined || bound === 'exact') return text;
  return fill({ lower: t.okr.scoreAtLeast, upper: t.okr.scoreAtMost, unbounded: t.okr.scoreNear }[bound], { score: text });
}

/** A key result's score bound (`keyResultScoreRange`): at most, at least or exact; an undecided one shows no score to bound. */
export function keyResultScoreBound(kr: Parameters<typeof keyResultScoreRange>[0]): ScoreBound {
  if (kr.status === 'undecided' || kr.status === 'no_data') return 'exact';
  const { low, shown, high } = keyResultScoreRange(kr);
  return scoreBoundOf(low, shown, high);
}
