/**
 * The one definition of a moved goalpost (SPEC "Goalposts that move"). A change to a goal
 * made on or after the day its period began (judged on the change's date) moves a goalpost
 * when it is one of the kinds below; the same change before the period began is a plain
 * change. `diff`, the site's goal history and `report --json` all judge through `movedReason`.
 * Pure: each change arrives as facts (old and new values, scores already computed).
 */
import { type Day, formatDay } from '../core/dates.ts';
import { formatDate, numberFormat } from '../format/intl.ts';
import { en } from '../translations/en.ts';
import type { KpiDefinitionField } from './goalDiff.ts';

/** What a change did, as far as the definition needs to know. */
export type MoveFacts =
  /**
   * A target (a KPI's, resolved to a number, or a manual key result's) changed; `good` is the KPI's
   * direction; `budget`: a budget cap (a total of money that is good when down).
   */
  | {
      readonly kind: 'target';
      readonly good: 'up' | 'down';
      readonly old: number | null;
      readonly new: number | null;
      readonly budget?: boolean;
    }
  /** `limit`: the goal (or one of its key results) is a limit on a total, such as a budget cap. */
  | { readonly kind: 'deadline'; readonly old: Day; readonly new: Day; readonly limit?: boolean }
  /** `amount`: the goal (or one of its key results) is a total to reach. */
  | { readonly kind: 'start'; readonly old: Day; readonly new: Day; readonly amount: boolean }
  /** A level's baseline changed (resolved to numbers: given, or the previous period's value). */
  | { readonly kind: 'baseline'; readonly good: 'up' | 'down'; readonly old: number | null; readonly new: number | null }
  /**
   * Milestones changed: the progress expected on each milestone day (old and new) through the
   * old and through the new milestones, the rest of the definition being the new one; `limit` as above.
   */
  | {
      readonly kind: 'milestones';
      readonly limit: boolean;
      readonly old: readonly number[];
      readonly new: readonly number[];
    }
  | { readonly kind: 'kpi' }
  /** The KPI the goal is measured on was redefined (a custom KPI's formula, unit or direction). */
  | {
      readonly kind: 'kpi-definition';
      readonly kpi: string;
      readonly field: KpiDefinitionField;
    }
  | { readonly kind: 'channel' }
  /** A key result turned from a KPI into a manual count, or back. */
  | { readonly kind: 'measure' }
  | { readonly kind: 'renamed' }
  /** A goal turned from one type into the other; `score`: its score as an OKR before and after (a SMART goal's is its progress clamped to [0, 1]). */
  | { readonly kind: 'type'; readonly old: 'smart' | 'okr'; readonly new: 'smart' | 'okr'; readonly score?: Scores | undefined }
  | { readonly kind: 'removed' }
  /** A key result removed or re-weighted: the objective's score with and without that change. */
  | { readonly kind: 'kr-removed'; readonly score: Scores }
  | { readonly kind: 'kr-weight'; readonly score: Scores }
  /** A key result added, or several added, removed or re-weighted in one change: the objective's score before and after it. */
  | { readonly kind: 'kr-added'; readonly score: Scores }
  | { readonly kind: 'kr-changes'; readonly score: Scores }
  /** An objective made a stretch one, or no longer one: its score counts as green from 0.6 instead of 0.7, or back. */
  | { readonly kind: 'stretch'; readonly old: boolean; readonly new: boolean };

/** An objective's score before a change and after it (null: no key result has a score). */
export interface Scores {
  readonly old: number | null;
  readonly new: number | null;
}

/** A reason a change moved a goalpost, as a phrase key with its values: the words come from a table. */
export interface MoveReason {
  readonly key: MoveReasonKey;
  readonly values: Readonly<Record<string, string>>;
}

export type MoveReasonKey =
  | 'targetUp'
  | 'targetDown'
  | 'capUp'
  | 'deadline'
  | 'deadlineIn'
  | 'startLater'
  | 'startEarlier'
  | 'baseline'
  | 'milestones'
  | 'kpi'
  | 'kpiFormula'
  | 'kpiUnit'
  | 'kpiGood'
  | 'kpiLtv'
  | 'kpiAggregation'
  | 'channel'
  | 'measure'
  | 'renamed'
  | 'type'
  | 'removed'
  | 'krRemoved'
  | 'krWeight'
  | 'krAdded'
  | 'krChanges'
  | 'okrToSmart'
  | 'stretch';

/** The English phrases (for `diff`, the PR comment and JSON); pages use their language's table (same keys). */
export const MOVE_REASONS_EN: Readonly<Record<MoveReasonKey | 'after', string>> = en.moveReasons;

type Rule<K extends MoveFacts['kind']> = (facts: Extract<MoveFacts, { kind: K }>) => MoveReason | null;

const score = (x: number | null) => (x === null ? 'none' : String(Math.round(x * 100) / 100));
/** Whether a score rose (from none to some, or by more than rounding). */
export const raised = (s: Scores): boolean => s.new !== null && (s.old === null || s.new > s.old + 1e-9);
const plain = (key: MoveReasonKey): MoveReason => ({ key, values: {} });
const scores = (key: MoveReasonKey, s: Scores): MoveReason => ({ key, values: { old: score(s.old), new: score(s.new) } });

/** The rules, one per kind of change: the reason it moves a goalpost, or null when it does not. */
const RULES: { readonly [K in MoveFacts['kind']]: Rule<K> } = {
  target: (f) => {
    if (f.old === null || f.new === null) return null;
    if (f.good === 'up' ? f.new < f.old : f.new > f.old)
      return plain(f.good === 'up' ? 'targetUp' : f.budget ? 'capUp' : 'targetDown');
    return null;
  },
  // More time is easier; for a limit on a total (a budget cap), less time is: fewer days count against it.
  deadline: (f) => (f.new > f.old ? plain('deadline') : f.new < f.old && f.limit ? plain('deadlineIn') : null),
  // A later start drops days already measured and lowers what is expected; an earlier one adds days to a total to reach.
  start: (f) => (f.new > f.old ? plain('startLater') : f.new < f.old && f.amount ? plain('startEarlier') : null),
  // Progress = (actual − baseline) / (target − baseline): a baseline further from the target the good way is easier.
  baseline: (f) => {
    if (f.old === null || f.new === null) return null;
    return (f.good === 'up' ? f.new < f.old : f.new > f.old) ? plain('baseline') : null;
  },
  // Less progress expected on some day is easier; for a limit, more spent by a day is.
  milestones: (f) =>
    f.old.some((old, i) => {
      const now = f.new[i];
      return now !== undefined && (f.limit ? now > old + 1e-9 : now < old - 1e-9);
    })
      ? plain('milestones')
      : null,
  kpi: () => plain('kpi'),
  // What the goal measures (or which way is good) changed under it; a new label or description changes nothing.
  'kpi-definition': (f) => {
    const key = (
      { formula: 'kpiFormula', unit: 'kpiUnit', good: 'kpiGood', customer_ltv: 'kpiLtv', aggregation: 'kpiAggregation' } as const
    )[f.field as 'formula'];
    return key === undefined ? null : { key, values: { kpi: f.kpi } };
  },
  channel: () => plain('channel'),
  measure: () => plain('measure'),
  renamed: () => plain('renamed'),
  type: (f) => {
    if (f.old === 'smart' && f.new === 'okr') return plain('type');
    return f.old === 'okr' && f.new === 'smart' && f.score && raised(f.score) ? scores('okrToSmart', f.score) : null;
  },
  removed: () => plain('removed'),
  'kr-removed': (f) => (raised(f.score) ? scores('krRemoved', f.score) : null),
  'kr-weight': (f) => (raised(f.score) ? scores('krWeight', f.score) : null),
  'kr-added': (f) => (raised(f.score) ? scores('krAdded', f.score) : null),
  'kr-changes': (f) => (raised(f.score) ? scores('krChanges', f.score) : null),
  // A stretch objective's green band starts lower (0.6): easier whatever its score now, as a lowered target is.
  stretch: (f) => (f.new && !f.old ? plain('stretch') : null),
};

/** Fills `{name}` slots of a phrase. */
function fillIn(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * Why a change moves a goalpost, or null when it does not: one of the kinds above, made on
 * or after `periodStart` (the day the goal's period began: the start of the goal as it stood
 * then, which a start moved later afterwards does not change; see `DiffContext.began`).
 * The reason carries the period's start as `date`.
 */
export function movedReasonOf(facts: MoveFacts, periodStart: Day, changedOn: Day): MoveReason | null {
  if (changedOn < periodStart) return null;
  const reason = (RULES[facts.kind] as Rule<typeof facts.kind>)(facts as never);
  return reason === null ? null : { key: reason.key, values: { ...reason.values, date: formatDay(periodStart) } };
}

/**
 * A reason in words, from a table of phrases (English by default). Given a locale (the pages),
 * its date and scores are written the locale's way ("1 avr. 2026", "0,65"); else as in JSON.
 */
export function reasonText(
  reason: MoveReason,
  phrases: Readonly<Record<MoveReasonKey | 'after', string>> = MOVE_REASONS_EN,
  locale?: string,
): string {
  const values = locale === undefined ? reason.values : localised(reason.values, locale);
  return fillIn(phrases.after, { reason: fillIn(phrases[reason.key], values), date: values['date'] ?? '' });
}

/** A reason's values for a page: the date in the locale's words, scores with its decimal sign. */
function localised(values: Readonly<Record<string, string>>, locale: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      k === 'date'
        ? formatDate(v, locale)
        : /^-?\d+(?:\.\d+)?$/.test(v)
          ? numberFormat(locale, { maximumFractionDigits: 2 }).format(Number(v))
          : v,
    ]),
  );
}

/** Why a change moves a goalpost, in English (`diff`, the PR comment, JSON), or null when it does not. */
export function movedReason(facts: MoveFacts, periodStart: Day, changedOn: Day): string | null {
  const reason = movedReasonOf(facts, periodStart, changedOn);
  return reason === null ? null : reasonText(reason);
}
