import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { type Cell, csvText } from '../../src/site/csv.ts';

/** What csv-stringify writes with the options the CSV downloads were first written with: the oracle. */
const oracle = (records: readonly (readonly Cell[])[]): string =>
  stringify(
    records.map((r) => r.map((v) => v ?? null)),
    { record_delimiter: 'windows', escape_formulas: true, eof: true, quoted_match: /[\r\n]/ },
  );

const text = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      '"',
      ',',
      "'",
      ' ',
      'a',
      '1',
      '\uFF1D',
      '\uFF0B',
      '\uFF0D',
      '\uFF20',
      'é',
    ),
  }),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(''),
);

describe('csvText', () => {
  it('writes what csv-stringify writes with escape_formulas, for any text, number or empty cell', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (records) => {
        expect(csvText(records)).toBe(oracle(records));
      }),
      { numRuns: 2000 },
    );
  });

  it('neutralises formulas in text but keeps negative numbers as numbers', () => {
    expect(csvText([['=SUM(A1)', '-2', -2, '@x', '\uFF1D1', 'a,b', 'say "hi"', 'two\nlines', null, '']])).toBe(
      `'=SUM(A1),'-2,-2,'@x,'\uFF1D1,"a,b","say ""hi""","two\nlines",,\r\n`,
    );
  });
});
