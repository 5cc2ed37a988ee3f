import { describe, expect, it } from 'vitest';
import { createEngine, type Project } from '../../src/core/project.ts';
import { parseIsoDate } from '../../src/core/dates.ts';
import type { HistoryEntry } from '../../src/review/history.ts';
import { goalHistory } from '../../src/review/history.ts';
import { changeLogView } from '../../src/site/changesView.ts';
import { project, scratch } from '../versions/helpers.ts';

const commit = (short: string, date: string) => ({ hash: short.repeat(5), short, date, subject: short, author: 'Ana' });

/** The basic fixture's goals added by one commit, then one of them removed and a target changed by the next. */
function history(p: Project): HistoryEntry[] {
  const engine = createEngine(p);
  const day = parseIsoDate('2026-06-30');
  if (!day.ok) throw new Error(day.reason);
  const edited = p.goals
    .slice(1)
    .map((g) => (g.id === 'ig-impressions-q2' && g.type === 'smart' ? { ...g, target: { value: 4000 } } : g));
  return goalHistory(
    [
      { commit: commit('aaaaaaa', '2026-04-01'), goals: p.goals },
      { commit: commit('bbbbbbb', '2026-04-02'), goals: edited as Project['goals'] },
    ],
    engine,
    day.day,
  );
}

describe('the change log view', () => {
  it('gives an added goal no blank "Before": a dash read out as "none (added)", and a removed goal the same "After"', async () => {
    const p = await project(scratch());
    const entries = changeLogView(p, createEngine(p), history(p));
    const added = entries[0]!.changes.find((c) => c.goal === 'ig-followers-q2')!;
    expect(added.before).toBe('');
    expect(added.beforeNone).toBe('none (added)');
    expect(added.after).not.toBe('');
    expect(added.afterNone).toBeNull();
    const removed = entries[1]!.changes.find((c) => c.goal === p.goals[0]!.id)!;
    expect(removed.before).not.toBe('');
    expect(removed.beforeNone).toBeNull();
    expect(removed.afterNone).toBe('none (removed)');
    const changed = entries[1]!.changes.find((c) => c.goal === 'ig-impressions-q2')!;
    expect([changed.beforeNone, changed.afterNone]).toEqual([null, null]);
  });

  it('says it in the page language', async () => {
    const p = await project(scratch());
    for (const [locale, words] of [
      ['fr-FR', ['aucun (ajouté)', 'aucun (supprimé)']],
      ['it-IT', ['nessuno (aggiunto)', 'nessuno (rimosso)']],
    ] as const) {
      const local = { ...p, site: { ...p.site, locale } };
      const entries = changeLogView(local, createEngine(local), history(local));
      expect(entries[0]!.changes[0]!.beforeNone).toBe(words[0]);
      expect(entries[1]!.changes.find((c) => c.afterNone !== null)!.afterNone).toBe(words[1]);
    }
  });
});
