/**
 * A goal whose period covers a month (or quarter) row only in part counts none of it: a row
 * cannot be split, so the goal's total undercounts (a goal from 08-15 to 09-14 over month rows for
 * July and August and daily rows for September counts September alone). validate says so.
 */
import { describe, expect, it } from 'vitest';
import { outcomeOf, SITE } from './helpers.ts';

const september = Array.from({ length: 30 }, (_, i) => ({
  date: `2026-09-${String(i + 1).padStart(2, '0')}`,
  impressions: 1000,
}));
const data = JSON.stringify(
  {
    channel: 'instagram',
    rows: [{ month: '2026-07', impressions: 31000 }, { month: '2026-08', impressions: 31000 }, ...september],
  },
  null,
  1,
);
const goal = (period: string) => `goals:
  - id: imp
    title: Impressions
    channel: instagram
    kpi: impressions
${period}    target: 40000
`;

describe('goal periods that cover month rows in part', () => {
  it('notes, at the KPI, the rows a date-range goal counts none of', () => {
    const out = outcomeOf({
      site: SITE,
      goals: { 'goals/g.yaml': goal('    start: 2026-08-15\n    deadline: 2026-09-14\n') },
      data: { 'data/ig.json': data },
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      "goals/g.yaml:5:10: note: impressions on instagram comes as a row for 2026-08, which the goal's period " +
        '(2026-08-15 to 2026-09-14) covers only in part: the goal counts none of it, so its figure undercounts; ' +
        'give the goal whole months, or import daily rows',
    ]);
  });

  it('says nothing for a goal over whole months, or over daily rows', () => {
    for (const period of [
      '    period: 2026-Q3\n',
      '    start: 2026-08-01\n    deadline: 2026-09-30\n',
      '    start: 2026-09-02\n    deadline: 2026-09-20\n',
    ]) {
      const out = outcomeOf({ site: SITE, goals: { 'goals/g.yaml': goal(period) }, data: { 'data/ig.json': data } });
      // (August and September's previous period starts in June, before the data's first month row: another note's.)
      expect({ ...out, notes: out.notes.filter((n) => !n.includes('the previous total')) }, period).toEqual({
        problems: [],
        notes: [],
      });
    }
  });
});
