/** A metric file's `from`: the first day its export covers, never after one of its rows nor after its `through`. */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { day } from '../coreFixtures.ts';
import { outcomeOf, SITE } from './helpers.ts';

const file = (from: unknown, through?: string, rows: readonly object[] = ROWS) =>
  JSON.stringify({ channel: 'instagram', from, ...(through ? { through } : {}), rows }, null, 1);
const ROWS = [
  { date: '2026-07-05', impressions: 10 },
  { date: '2026-07-20', impressions: 12 },
];

describe('from', () => {
  it('is a day on or before the first row, and on or before through', () => {
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-07-05') } })).toEqual({ problems: [], notes: [] });
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-06-01', '2026-08-31') } })).toEqual({
      problems: [],
      notes: [],
    });
  });

  it('after the first row, or not a date, is an error at it', () => {
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-07-06') } }).problems).toEqual([
      'data/a.json:3:10: from 2026-07-06 is after the first row of the file (2026-07-05, rows[0]): ' +
        'from is the first day the export covers; correct it or remove it',
    ]);
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('01/06/2026') } }).problems).toEqual([
      "data/a.json:3:10: from: '01/06/2026' is not a date in the form YYYY-MM-DD",
    ]);
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file(20260601) } }).problems).toEqual([
      'data/a.json:3:10: from must be a date written YYYY-MM-DD',
    ]);
  });

  it('a month row starts on its 1st: a from after it is after the first row', () => {
    const rows = [{ month: '2026-07', reach: 100 }];
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-07-01', undefined, rows) } }).problems).toEqual([]);
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-07-02', undefined, rows) } }).problems).toEqual([
      'data/a.json:3:10: from 2026-07-02 is after the first row of the file (2026-07-01, rows[0]): ' +
        'from is the first day the export covers; correct it or remove it',
    ]);
  });

  it('after through is an error at it', () => {
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-09-01', '2026-08-31') } }).problems).toEqual([
      'data/a.json:3:10: from 2026-09-01 is after through (2026-08-31): from is the first day the export covers ' +
        'and through its last; correct them or remove from',
    ]);
  });

  it('is checked against every row with a valid date, a refused one too, so both problems come at once', () => {
    const rows = [
      { date: '2026-07-01', impressions: -10 },
      { date: '2026-07-05', impressions: 12 },
    ];
    const problems = outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-07-03', undefined, rows) } }).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^data\/a\.json:3:10: from 2026-07-03 is after the first row of the file \(2026-07-01, rows\[0\]\)/,
    );
    expect(problems[1]).toMatch(/^data\/a\.json:\d+:\d+: impressions: -10 is negative/);
  });

  it('more than a year before the rest of the data, or before 2000, is an error at it, as such a row is', () => {
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2025-07-04') } }).problems).toEqual([
      'data/a.json:3:10: from 2025-07-04 is more than a year before the rest of the data (earliest 2026-07-05): is it a typo?',
    ]);
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2025-07-05') } })).toEqual({ problems: [], notes: [] });
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('1999-12-31') } }).problems).toEqual([
      'data/a.json:3:10: from 1999-12-31 is before 2000: is it a typo?',
    ]);
  });
});

describe('a from inside an earlier quarter', () => {
  /** LinkedIn's per-post export downloaded from 20 May (first post on the 22nd) to 1 July: 100 impressions a post. */
  const perPost = (from?: string) => {
    const rows = [];
    for (let d = day('2026-05-22'); d <= day('2026-07-01'); d += 4) rows.push({ date: formatDay(d), impressions: 100 });
    return JSON.stringify({ channel: 'linkedin', ...(from ? { from } : {}), through: '2026-07-01', rows });
  };
  const goal = `goals:
  - id: g
    title: G
    channel: linkedin
    period: 2026-Q3
    kpi: impressions
    target: { change: "+10%" }
`;
  const notes = (data: string) =>
    outcomeOf({ site: SITE, goals: { 'goals/g.yaml': goal }, data: { 'data/li.json': data } }).notes;

  it('makes the quarter a reference covered in part, from that day, and says so', () => {
    expect(notes(perPost('2026-05-20'))).toEqual([
      'goals/g.yaml:7:13: note: the previous total (impressions over 2026-Q2) covers only 2026-05-20 to 2026-06-30 ' +
        '(42 of 91 days: linkedin\'s export starts on 2026-05-20 (its "from")): the target +10% applies to that partial total; ' +
        'give an absolute target if it should not be',
    ]);
    // Without from, the first post is no start: nothing says the quarter is covered in part.
    expect(notes(perPost())).toEqual([]);
  });
});
