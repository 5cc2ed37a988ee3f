/**
 * The one definition of a moved goalpost (SPEC "Goalposts that move"). A change to a goal
 * made on or after the day its period began (judged on the change's date) moves a goalpost
 * when it is one of the kinds below; the same change before the period began is a plain
 * change. `diff`, the site's goal history and `report --json` all judge through `movedReason`.
 * Pure: each change arrives as facts (old and new values, scores already computed).
 */
import { type Day, formatDay } from '../core/dates.ts';

/** What a change did, as far as the definition needs to know. */
export type MoveFacts =
  /** A target (a KPI's, resolved to a number, or a manual key result's) changed; `good` is the KPI's direction. */
  | { readonly kind: 'target'; readonly good: 'up' | 'down'; readonly old: number | null; readonly new: number | null }
  | { readonly kind: 'deadline'; readonly old: Day; readonly new: Day }
  | { readonly kind: 'kpi' }
  | { readonly kind: 'channel' }
  /** A key result turned from a KPI into a manual count, or back. */
  | { readonly kind: 'measure' }
  | { readonly kind: 'renamed' }
  | { readonly kind: 'type'; readonly old: 'smart' | 'okr'; readonly new: 'smart' | 'okr' }
  | { readonly kind: 'removed' }
  /** A key result removed or re-weighted: the objective's score with and without that change. */
  | { readonly kind: 'kr-removed'; readonly score: Scores }
  | { readonly kind: 'kr-weight'; readonly score: Scores };

/** An objective's score before a change and after it (null: no key result has a score). */
export interface Scores { readonly old: number | null; readonly new: number | null }

type Rule<K extends MoveFacts['kind']> = (facts: Extract<MoveFacts, { kind: K }>) => string | null;

const score = (x: number | null) => (x === null ? 'none' : String(Math.round(x * 100) / 100));
const raised = (s: { old: number | null; new: number | null }) => s.new !== null && (s.old === null || s.new > s.old + 1e-9);

/** The rules, one per kind of change: the reason it moves a goalpost, or null when it does not. */
const RULES: { readonly [K in MoveFacts['kind']]: Rule<K> } = {
  target: (f) => {
    if (f.old === null || f.new === null) return null;
    if (f.good === 'up' ? f.new < f.old : f.new > f.old) {
      return f.good === 'up' ? 'target made easier (lowered on a KPI where up is good)' : 'target made easier (raised on a KPI where down is good: a budget cap raised)';
    }
    return null;
  },
  deadline: (f) => (f.new > f.old ? 'deadline pushed back' : null),
  kpi: () => 'KPI changed',
  channel: () => 'channel changed',
  measure: () => 'key result changed between a KPI and a manual count',
  renamed: () => 'goal renamed (its id changed)',
  type: (f) => (f.old === 'smart' && f.new === 'okr' ? 'SMART goal turned into an OKR' : null),
  removed: () => 'goal removed',
  'kr-removed': (f) => (raised(f.score) ? `key result removed, which raises the objective's score (${score(f.score.old)} → ${score(f.score.new)})` : null),
  'kr-weight': (f) => (raised(f.score) ? `key result re-weighted, which raises the objective's score (${score(f.score.old)} → ${score(f.score.new)})` : null),
};

/**
 * Why a change moves a goalpost, or null when it does not: one of the kinds above, made on
 * or after `periodStart` (the first day of the goal's period as it was before the change).
 */
export function movedReason(facts: MoveFacts, periodStart: Day, changedOn: Day): string | null {
  if (changedOn < periodStart) return null;
  const reason = (RULES[facts.kind] as Rule<typeof facts.kind>)(facts as never);
  return reason === null ? null : `${reason} after the period began on ${formatDay(periodStart)}`;
}
