/** The one definition of a moved goalpost (src/review/moved.ts), kind by kind, before and after the period began. */
import { describe, expect, it } from 'vitest';
import { dayFromParts } from '../../src/core/dates.ts';
import { type MoveFacts, movedReason } from '../../src/review/moved.ts';

const START = dayFromParts(2026, 4, 1);
const BEFORE = START - 1;
const AFTER = START + 40;

describe('movedReason', () => {
  const moving: Array<[string, MoveFacts, RegExp]> = [
    [
      'a target lowered on a KPI where up is good',
      { kind: 'target', good: 'up', old: 1400, new: 1100 },
      /target made easier \(lowered/,
    ],
    ['a budget cap raised', { kind: 'target', good: 'down', old: 5000, new: 6000, budget: true }, /\(a budget cap raised\)/],
    [
      'a target raised on a KPI where down is good',
      { kind: 'target', good: 'down', old: 1.5, new: 2.1 },
      /\(raised on a KPI where down is good\)/,
    ],
    ['a deadline pushed back', { kind: 'deadline', old: START + 90, new: START + 120 }, /deadline pushed back/],
    ['a deadline pulled in on a cap', { kind: 'deadline', old: START + 90, new: START + 40, limit: true }, /pulled in on a cap/],
    ['a start moved later', { kind: 'start', old: START, new: START + 30, amount: false }, /start moved later/],
    ['a start moved earlier on a total to reach', { kind: 'start', old: START, new: START - 30, amount: true }, /earlier/],
    ['a baseline lowered where up is good', { kind: 'baseline', good: 'up', old: 0.02, new: 0.01 }, /baseline moved away/],
    ['a baseline raised where down is good', { kind: 'baseline', good: 'down', old: 3, new: 4 }, /baseline moved away/],
    ['milestones expecting less', { kind: 'milestones', limit: false, old: [0.5, 0.8], new: [0.5, 0.7] }, /milestones/],
    ['milestones of a cap allowing more', { kind: 'milestones', limit: true, old: [0.3], new: [0.4] }, /milestones/],
    ['a KPI changed', { kind: 'kpi' }, /KPI changed/],
    ['a channel changed', { kind: 'channel' }, /channel changed/],
    ['a key result turned manual', { kind: 'measure' }, /manual/],
    ['a goal renamed', { kind: 'renamed' }, /renamed/],
    ['a SMART goal turned into an OKR', { kind: 'type', old: 'smart', new: 'okr' }, /SMART goal turned into an OKR/],
    ['a goal removed', { kind: 'removed' }, /goal removed/],
    ['a key result removed that raises the score', { kind: 'kr-removed', score: { old: 0.65, new: 0.7 } }, /0\.65 → 0\.7\b/],
    ['a key result re-weighted that raises the score', { kind: 'kr-weight', score: { old: 0.4, new: 0.55 } }, /re-weighted/],
    ['a key result removed when no other had a score', { kind: 'kr-removed', score: { old: null, new: 0.5 } }, /none → 0\.5/],
  ];
  it.each(moving)('moves a goalpost after the period began: %s', (_, facts, reason) => {
    expect(movedReason(facts, START, AFTER)).toMatch(reason);
    expect(movedReason(facts, START, AFTER)).toContain('after the period began on 2026-04-01');
    expect(movedReason(facts, START, START)).not.toBeNull();
  });
  it.each(moving)('is a plain change before the period began: %s', (_, facts) => {
    expect(movedReason(facts, START, BEFORE)).toBeNull();
  });

  const plain: Array<[string, MoveFacts]> = [
    ['a target raised on a KPI where up is good', { kind: 'target', good: 'up', old: 1100, new: 1400 }],
    ['a budget cap lowered', { kind: 'target', good: 'down', old: 6000, new: 5000 }],
    ['a target that cannot be resolved', { kind: 'target', good: 'up', old: null, new: 1100 }],
    ['a deadline brought forward', { kind: 'deadline', old: START + 90, new: START + 60 }],
    ['a deadline brought forward on a total to reach', { kind: 'deadline', old: START + 90, new: START + 60, limit: false }],
    ['a start moved earlier on a level or a cap', { kind: 'start', old: START, new: START - 30, amount: false }],
    ['a baseline raised where up is good', { kind: 'baseline', good: 'up', old: 0.01, new: 0.02 }],
    ['a baseline that cannot be resolved', { kind: 'baseline', good: 'up', old: null, new: 0.01 }],
    ['milestones expecting more', { kind: 'milestones', limit: false, old: [0.5, 0.8], new: [0.6, 0.8] }],
    ['milestones of a cap allowing less', { kind: 'milestones', limit: true, old: [0.3], new: [0.2] }],
    ['an OKR turned into a SMART goal', { kind: 'type', old: 'okr', new: 'smart' }],
    ['a key result removed that lowers the score', { kind: 'kr-removed', score: { old: 0.65, new: 0.6 } }],
    ['a key result re-weighted that keeps the score', { kind: 'kr-weight', score: { old: 0.5, new: 0.5 } }],
    ['a key result removed from an objective left without a score', { kind: 'kr-removed', score: { old: 0.2, new: null } }],
  ];
  it.each(plain)('never flags %s', (_, facts) => {
    expect(movedReason(facts, START, AFTER)).toBeNull();
  });
});

describe('moved-goalpost reasons in the site language', () => {
  it('are the same reasons, in French on a French page', async () => {
    const { movedReasonOf, reasonText } = await import('../../src/review/moved.ts');
    const { fr } = await import('../../src/translations/fr.ts');
    const reason = movedReasonOf(
      { kind: 'kr-removed', score: { old: 0.65, new: 0.7 } },
      dayFromParts(2026, 7, 1),
      dayFromParts(2026, 10, 2),
    )!;
    expect(reasonText(reason)).toBe(
      "key result removed, which raises the objective's score (0.65 → 0.7) after the period began on 2026-07-01",
    );
    expect(reasonText(reason, fr.moveReasons)).toBe(
      'résultat clé supprimé, ce qui relève le score de l’objectif (0.65 → 0.7) après le début de la période, le 2026-07-01',
    );
  });
});

describe('key results named for readers', () => {
  it('by their title where the goal gives one, else by id', async () => {
    const { changeSubject } = await import('../../src/review/describe.ts');
    const { fr } = await import('../../src/translations/fr.ts');
    const okr = { type: 'okr', id: 'o', keyResults: [{ id: 'hikes', title: 'Six community hikes' }] } as never;
    const change = { goal: 'o', kr: 'hikes', kind: 'removed', moved_goalpost: false } as const;
    expect(changeSubject(change, fr, new Map([['o', okr]]))).toContain('Six community hikes');
    expect(changeSubject(change, fr)).toContain('hikes');
  });
});
