/** A metric file's `from`: the first day its export covers, never after one of its rows nor after its `through`. */
import { describe, expect, it } from 'vitest';
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
