/**
 * Achievability in words (SPEC "Achievable?"): "needs +38% in a quarter; the best quarter so
 * far was +12%". A "down" KPI's needed change and history are decreases, shown as negative
 * changes ("needs −10% in a quarter").
 */
import type { Achievability, AchievabilityVerdict } from '../core/achievability.ts';
import { MIN_PERIODS } from '../core/achievability.ts';
import type { Direction } from '../core/catalogue.ts';
import type { PeriodKind } from '../core/periods.ts';
import { type FormatOptions, formatChange } from './numbers.ts';

/** The verdicts' names, with a symbol so they never rely on colour. */
export const VERDICT_LABELS: Readonly<Record<AchievabilityVerdict, string>> = {
  already_met: 'Already met',
  realistic: 'Realistic',
  ambitious: 'Ambitious',
  stretch: 'Stretch',
  unknown: 'Not judged',
};

const NOUNS: Readonly<Record<PeriodKind, [string, string]>> = {
  quarter: ['quarter', 'quarters'],
  month: ['month', 'months'],
  year: ['year', 'years'],
  day: ['day', 'days'],
  range: ['period of the same length', 'periods of the same length'],
};

/** `quarter` / `7 quarters`: the noun for periods of a goal's kind. */
export function periodsOf(kind: PeriodKind, count: number): string {
  const [one, many] = NOUNS[kind];
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

/** The sentence a goal page shows beside the SMART definition. */
export function achievabilityText(a: Achievability, kind: PeriodKind, good: Direction, fmt: FormatOptions): string {
  const [one, many] = NOUNS[kind];
  const change = (x: number | null) => formatChange(x === null ? null : good === 'down' ? -x : x, fmt);
  if (a.needed === null) return 'There is no previous value to measure the change against.';
  const needs = `needs ${change(a.needed)} in a ${one}`;
  switch (a.verdict) {
    case 'already_met':
      return `The previous ${one} already met it: the target is a change of ${change(a.needed)}.`;
    case 'unknown':
      return `It ${needs}; there ${a.periods === 1 ? 'is' : 'are'} ${a.periods} past ${a.periods === 1 ? one : many} to compare with (${MIN_PERIODS} needed).`;
    case 'stretch':
      return `It ${needs}; the best ${one} so far was ${change(a.best)}.`;
    case 'ambitious':
      return `It ${needs}, more than three ${many} in four so far (median ${change(a.median)}, best ${change(a.best)}).`;
    case 'realistic':
      return `It ${needs}; the median ${one} so far was ${change(a.median)}, the best ${change(a.best)}.`;
  }
}
