/**
 * Goal changes as the change logs show them (the `/changes/` page and each goal page's
 * history): per commit, each change's subject, its values before and after (targets resolved
 * with today's data), the moved-goalpost warning and the status change, in the site's words.
 * Pure over the project, its engine and the history.
 */
import type { Goal } from '../core/goals.ts';
import type { KpiEngine } from '../core/kpis.ts';
import { type Project } from '../core/project.ts';
import { changeSubject, changeValues } from '../review/describe.ts';
import type { HistoryEntry } from '../review/history.ts';
import { reasonText } from '../review/moved.ts';
import { channelName, fill, words } from './words.ts';

/** One change of a commit, in words. */
export interface ChangeView {
  readonly goal: string;
  /** Today's title of the goal, or null when no goal has this id today (shown as its id). */
  readonly goalTitle: string | null;
  /** For a goal that no longer exists, its title then (from the commit's goals or the change's definition), else null. */
  readonly formerTitle: string | null;
  readonly subject: string;
  /** `Goalpost moved: <reason>` when the change moved a goalpost, else null. */
  readonly movedWarning: string | null;
  readonly before: string;
  readonly after: string;
  /**
   * When the change has no value before (an added goal) or after (a removed one), the words a
   * screen reader says for the dash shown in the empty cell (`none (added)`), else null.
   */
  readonly beforeNone: string | null;
  readonly afterNone: string | null;
  /** `status: On track → At risk` when the change alters the goal's status, else null. */
  readonly statusChange: string | null;
}

/** A commit of the change log with its changes in words. */
export interface ChangeEntryView {
  readonly commit: HistoryEntry['commit'];
  readonly invalid: boolean;
  readonly changes: readonly ChangeView[];
}

/** A goal's title in the definition a change carries (a removed or added goal), or null. */
function writtenTitle(c: HistoryEntry['changes'][number]): string | null {
  const d = (c.kind === 'removed' ? c.old : c.kind === 'added' ? c.new : null) as { title?: unknown } | null;
  return typeof d?.title === 'string' ? d.title : null;
}

/** The change log of `entries` (oldest first, as given). */
export function changeLogView(project: Project, engine: KpiEngine, entries: readonly HistoryEntry[]): ChangeEntryView[] {
  const goals = new Map<string, Goal>(project.goals.map((g) => [g.id, g]));
  const t = words(project.site);
  const ctx = { engine, format: project.site, goals, words: t, channelLabel: (c: string) => channelName(project.site, c) };
  return entries.map((entry) => {
    // The goals as the commit left them (for key-result titles), over today's.
    const at = new Map([...goals, ...(entry.goals ?? []).map((g): [string, Goal] => [g.id, g])]);
    return {
      commit: entry.commit,
      invalid: entry.invalid === true,
      changes: entry.changes.map((c): ChangeView => {
        const { before, after } = changeValues(ctx, c);
        return {
          goal: c.goal,
          goalTitle: goals.has(c.goal) ? (goals.get(c.goal)?.title ?? c.goal) : null,
          formerTitle: goals.has(c.goal) ? null : (at.get(c.goal)?.title ?? writtenTitle(c)),
          subject: changeSubject(c, t, at),
          movedWarning: c.moved_goalpost
            ? c.reason_parts || c.reason
              ? fill(t.changes.movedWarningWhy, {
                  reason: c.reason_parts ? reasonText(c.reason_parts, t.moveReasons, project.site.locale) : c.reason!,
                })
              : t.changes.movedWarning
            : null,
          before,
          after,
          beforeNone: c.kind === 'added' ? t.changes.noneAdded : null,
          afterNone: c.kind === 'removed' ? t.changes.noneRemoved : null,
          statusChange: c.status
            ? fill(t.changes.statusChange, { before: t.status[c.status.old], after: t.status[c.status.new] })
            : null,
        };
      }),
    };
  });
}
