/** A metric file's `through`: the last day its export covers, never before one of its rows. */
import { describe, expect, it } from 'vitest';
import { outcomeOf, SITE } from './helpers.ts';

const file = (through: unknown) =>
  JSON.stringify(
    {
      channel: 'instagram',
      through,
      rows: [
        { date: '2026-07-01', impressions: 10 },
        { date: '2026-07-05', impressions: 12 },
      ],
    },
    null,
    1,
  );

describe('through', () => {
  it('is a day on or after the last row', () => {
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-07-05') } })).toEqual({ problems: [], notes: [] });
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-09-30') } })).toEqual({ problems: [], notes: [] });
  });

  it('before the last row, or not a date, is an error at it', () => {
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2026-07-04') } }).problems).toEqual([
      'data/a.json:3:13: through 2026-07-04 is before the last row of the file (2026-07-05, rows[1]): ' +
        'through is the last day the export covers; correct it or remove it',
    ]);
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('30/09/2026') } }).problems).toEqual([
      "data/a.json:3:13: through: '30/09/2026' is not a date in the form YYYY-MM-DD",
    ]);
  });

  it('is checked against every row with a valid date, a refused one too, so both problems come at once', () => {
    const text = JSON.stringify(
      {
        channel: 'instagram',
        through: '2026-07-04',
        rows: [
          { date: '2026-07-01', impressions: 10 },
          { date: '2026-07-05', impressions: -12 },
        ],
      },
      null,
      1,
    );
    const problems = outcomeOf({ site: SITE, data: { 'data/a.json': text } }).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^data\/a\.json:3:13: through 2026-07-04 is before the last row of the file \(2026-07-05, rows\[1\]\)/,
    );
    expect(problems[1]).toMatch(/^data\/a\.json:\d+:\d+: impressions: -12 is negative/);
  });

  it('more than a year after the rest of the data is an error at it, as such a row is (red-team 7 #7)', () => {
    const far = file('2027-12-31');
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': far } }).problems).toEqual([
      'data/a.json:3:13: through 2027-12-31 is more than a year after the rest of the data (latest 2026-07-05): is it a typo?',
    ]);
    expect(outcomeOf({ site: SITE, data: { 'data/a.json': file('2027-07-05') } })).toEqual({ problems: [], notes: [] });
  });
});
