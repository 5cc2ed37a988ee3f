/**
 * Goal changes on the pages (/changes/, a goal's history) in a reader's words: targets in the
 * KPI's unit and resolved with today's data, dates as the locale writes them, key results by title.
 */
import { describe, expect, it } from 'vitest';
import { definition } from '../../src/core/goalDefinition.ts';
import { createEngine, type Project } from '../../src/core/project.ts';
import { changeSubject, changeValues, type DescribeContext } from '../../src/review/describe.ts';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { uiStrings } from '../../src/translations/index.ts';
import { project, scratch } from '../versions/helpers.ts';

const basic = await project(scratch());

function context(p: Project, locale: string): DescribeContext {
  return {
    engine: createEngine(p),
    format: { locale, currency: 'EUR' },
    goals: new Map(p.goals.map((g) => [g.id, g])),
    words: uiStrings(locale),
  };
}
const added = (id: string): GoalChange => ({
  goal: id,
  kind: 'added',
  new: definition(basic.goals.find((g) => g.id === id)!),
  moved_goalpost: false,
});

describe('an added goal on the pages', () => {
  it('shows its target resolved with today’s data, in the KPI’s unit, by a date in the locale’s words', () => {
    const en = context(basic, 'en-US');
    // +20% on the baseline of 1,000.
    expect(changeValues(en, added('ig-followers-q2')).after).toBe('Followers: target 1,200 (+20%) by Jun 30, 2026');
    expect(changeValues(en, added('ig-impressions-q2')).after).toBe('Impressions: target 3,000 by Jun 30, 2026');
    expect(changeValues(en, added('reputation-q2')).after).toBe('2 key results by Jun 30, 2026');
    const fr = changeValues(context(basic, 'fr-FR'), added('ig-followers-q2')).after.replace(/\s/g, ' ');
    expect(fr).toBe('Abonnés : cible 1 200 (+20 %) d’ici le 30 juin 2026');
  });

  it('keeps ISO dates and written targets for the pull-request comment (no page words)', () => {
    const { words: _, ...pr } = context(basic, 'en-US');
    expect(changeValues(pr, added('ig-followers-q2')).after).toBe('Followers: target +20% by 2026-06-30');
  });

  it('names a removed key result by the title in its definition', () => {
    const okr = basic.goals.find((g) => g.id === 'reputation-q2')!;
    if (okr.type !== 'okr') throw new Error('an OKR');
    const removed: GoalChange = {
      goal: okr.id,
      kr: 'gone',
      kind: 'removed',
      old: { id: 'gone', title: 'Open two pop-up stores', weight: 1, manual: { current: 0, target: 2 } },
      moved_goalpost: false,
    };
    expect(changeSubject(removed, uiStrings('en-US'), context(basic, 'en-US').goals)).toBe(
      'key result Open two pop-up stores removed',
    );
  });
});
