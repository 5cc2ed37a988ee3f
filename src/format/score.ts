/** An objective's score as pages say it, with its bound. Pure text. */
import { type FormatOptions, formatScore } from './numbers.ts';
import { fill, type UiStrings } from '../translations/index.ts';

/**
 * An objective's score: `0.55`, or `≥ 0.17` when it is only a lower bound (its undecided key
 * results counted 0, `lower`).
 */
export function okrScoreText(score: number | null, lower: boolean, t: UiStrings, fmt: FormatOptions): string {
  const text = formatScore(score, fmt);
  return lower && score !== null ? fill(t.okr.scoreAtLeast, { score: text }) : text;
}
