/**
 * A JSON syntax error says what to do, not only what the parser met (standards: every problem
 * with a hint): the mistakes of hand-edited exports and snapshots, each at its place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem } from '../../src/load/jsonSyntax.ts';
import { parseJson } from '../../src/load/locate.ts';

const CASES: ReadonlyArray<readonly [string, string, string]> = [
  ['{"a": 1,}', '1:9', 'remove the comma after the last item: JSON allows none there'],
  ['[1, 2,\n]', '2:1', 'remove the comma after the last item: JSON allows none there'],
  ['{"a": 1 "b": 2}', '1:9', 'a comma is missing before it, between two items'],
  ['{"rows": [{"a": 1}\n {"a": 2}]}', '2:2', 'a comma is missing before it, between two items'],
  ['{"a": 1, // note\n "b": 2}', '1:10', 'JSON has no comments: remove it'],
  ["{'a': 1}", '1:2', 'write text and keys between double quotes ("), not single ones'],
  ['{a: 1}', '1:2', 'write text and keys between double quotes; only numbers, true, false and null go without'],
  ['{"a": NaN}', '1:7', 'NaN is not a JSON number: leave the metric out of a row that has no value'],
  ['{"a": -Infinity}', '1:7', 'Infinity is not a JSON number'],
  ['{"a": [1, 2}', '1:12', 'this } closes a [, which ] closes'],
  ['{"a": 1}}', '1:9', 'the JSON ends before this'],
  ['{"a" 1}', '1:6', 'a colon is missing between the key and its value'],
  ['{"a": 1, "b"}', '1:13', 'a key has no value: write a colon and its value after it'],
  ['{"a": }', '1:7', 'a value is missing after the colon'],
  ['{"a": 1,, "b": 2}', '1:9', 'a comma with no item before it: remove it'],
  ['[1, , 2]', '1:5', 'a comma with no item before it: remove it'],
  ['{"a": tru}', '1:7', 'write text and keys between double quotes'],
  ['{"a": 1', '1:8', 'the text ends before every { and [ is closed: a } or ] is missing'],
  ['  \n', '1:1', 'the file is empty: it must hold one JSON object'],
  ['{"a": "two\nlines"}', '1:11', 'a line break or tab inside text is written \\n or \\t'],
  ['{"a": "bell\u0007"}', '1:12', 'a control character inside text is written \\u0007'],
  ['{"a": 1 true}', '1:9', 'a comma is missing before it, between two items'],
  ['{"a": 1}\n\nmore', '3:1', 'the JSON ends before this'],
  ['{"date": 2026-04-01}', '1:10', 'write a date between double quotes: "2026-04-01"'],
  ['{"a": 12\'000}', '1:9', "write numbers without spaces or thousands separators: 12000, not 12'000"],
  ['{"a": 12\u00a0000}', '1:9', 'write numbers without spaces or thousands separators: 12000, not 12\u00a0000'],
  ['{"a":\u00a01}', '1:6', 'a no-break or other special space'],
  ['{"a": 1.5.3}', '1:10', 'a number has one decimal point at most'],
  ['{"a": "x\\\n"}', '1:9', 'a \\ starts an escape'],
];

/** A metric file's row up to the value of its impressions (59 characters: the value starts at column 60). */
const ROW = '{"channel":"ig","rows":[{"date":"2026-04-01","impressions":';

/** Red-team 15 #8: hints that sent the reader to fix the wrong thing, each at the character it talks about. */
const MISLEADING: ReadonlyArray<readonly [string, string, string]> = [
  [
    '{\n  "source": "Meta export,\n  "channel": "ig",\n  "rows": []\n}',
    '2:13',
    'the text that starts here is not closed on its line: a closing " is missing',
  ],
  [
    '{\n  "source": "Meta export",\n  "channel": "ig,\n  "rows": []\n}',
    '3:14',
    'the text that starts here is not closed on its line: a closing " is missing',
  ],
  [`${ROW}"1}]}`, '1:60', 'the text that starts here is never closed: a closing " is missing'],
  [`${ROW}1,"clicks":2,"}]}`, '1:73', 'the text that starts here is never closed: a closing " is missing'],
  [`${ROW}"C:\\"}]}`, '1:60', 'a \\ before a " makes the " part of the text'],
  [`${ROW}1.}]}`, '1:61', 'a digit is missing after the decimal point'],
  [`${ROW}1e}]}`, '1:61', 'an exponent needs digits after the e'],
  [`${ROW}1e+}]}`, '1:61', 'an exponent needs digits after the e'],
  [`${ROW}"1\\x"}]}`, '1:62', '\\x is not a JSON escape'],
  [`${ROW}"\\u12"}]}`, '1:61', '\\u is followed by four hexadecimal digits'],
  [`${ROW}12 000}]}`, '1:62', 'write numbers without spaces or thousands separators: 12000, not 12 000'],
  [`${ROW}12,000}]}`, '1:62', 'write numbers without spaces or thousands separators: 12000, not 12,000'],
  [`{"rows": [12,000]}`, '1:13', 'write numbers without spaces or thousands separators: 12000, not 12,000'],
  [`${ROW}1.234.567}]}`, '1:65', 'write numbers without spaces or thousands separators: 1234567, not 1.234.567'],
  [`${ROW}1,5}]}`, '1:61', 'JSON writes decimals with a point: 1.5, not 1,5'],
  [`${ROW}-}]}`, '1:60', 'a minus must be followed by digits'],
  [`${ROW}01}]}`, '1:60', 'JSON numbers have no leading zero: write 1, not 01'],
  [`${ROW}-012}]}`, '1:61', 'JSON numbers have no leading zero: write -12, not -012'],
  [`${ROW}+1}]}`, '1:60', 'a number has no plus sign: write 1'],
  [`${ROW}.5}]}`, '1:60', 'a number starts with a digit: write 0.5'],
  ['{"channel":"ig":"rows":[]}', '1:16', 'a colon where a comma belongs: replace it with a comma'],
];

/** The character a message says it met (`Unexpected character '}'`), or null. */
function named(message: string): string | null {
  return /^JSON syntax error: Unexpected (?:character|token) '(.)'/.exec(message)?.[1] ?? null;
}

/** The character at a 1-based line and column. */
function charAt(text: string, line: number, column: number): string {
  return text.split('\n')[line - 1]![column - 1] ?? '';
}

describe('a JSON syntax error', () => {
  it.each(CASES)('in %j at %s says: %s', (text, at, hint) => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(`${parsed.position.line}:${parsed.position.column}`).toBe(at);
    expect(parsed.message).toMatch(/^JSON syntax error: [^;]+; /);
    expect(parsed.message).toContain(hint);
    const char = named(parsed.message);
    if (char !== null) expect(char).toBe(charAt(text, parsed.position.line, parsed.position.column));
  });

  it.each(MISLEADING)('in %j at %s says: %s (and names no other character than the one there)', (text, at, hint) => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(`${parsed.position.line}:${parsed.position.column}`).toBe(at);
    expect(parsed.message).toMatch(/^JSON syntax error: [^;]+; /);
    expect(parsed.message).toContain(hint);
    const char = named(parsed.message);
    if (char !== null) expect(char).toBe(charAt(text, parsed.position.line, parsed.position.column));
    expect(parsed.message).not.toMatch(/a comma is missing|a \} or \] is missing|keys between double quotes/);
  });

  it('gives a hint past the size the detailed parser reads too, where V8 gives the position', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `{ "date": "2026-01-01", "impressions": ${i} }`);
    rows[30_000] = '{ "date": "2026-01-01", "impressions" 5 }';
    const parsed = parseJson(`{ "rows": [\n${rows.join(',\n')}\n] }`);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(`${parsed.position.line}:${parsed.position.column}`).toBe('30002:39');
    expect(parsed.message).toBe(
      "JSON syntax error: Expected ':' after property name; a colon is missing between the key and its value",
    );
  });

  it('never prints the file’s own text past 1 MB, and places text after the end where V8 says', () => {
    const big = `{"channel":"ig","source":"${'x'.repeat(1_100_000)}","rows":[{"date":"2026-04-01","impressions":1}]`;
    for (const text of [`${big.slice(0, -1)},]}`, `${big.slice(0, -2)},"clicks":nope}]}`]) {
      const parsed = parseJson(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.message).not.toMatch(/impressions|clicks|nope|xxx/);
      expect(parsed.message).toMatch(/^JSON syntax error: Unexpected (?:token|character) '.'; /);
    }
    const after = parseJson(`${big}}}`);
    expect(after.ok).toBe(false);
    if (after.ok) return;
    expect(`${after.position.line}:${after.position.column}`).toBe(`1:${big.length + 2}`);
    expect(after.message).toBe(
      'JSON syntax error: Unexpected non-whitespace character after the JSON; the JSON ends before this: remove what follows, or the bracket that closes it too early',
    );
  });

  it('past 1 MB, where V8 gives no position, is placed and explained as in a small file (red-team 15 #9)', () => {
    const head = `{"channel":"ig","source":"${'x'.repeat(1_100_000)}","rows":[{"date":"2026-04-01","impressions":`;
    const cases: ReadonlyArray<readonly [string, number, string]> = [
      [`${head}1},]}`, head.length + 4, 'remove the comma after the last item: JSON allows none there'],
      [`${head}1,"clicks":nope}]}`, head.length + 12, 'write text and keys between double quotes'],
      [`${head}1 "clicks":2}]}`, head.length + 3, 'a comma is missing before it, between two items'],
      [`${head}"1}]}`, head.length + 1, 'the text that starts here is never closed: a closing " is missing'],
      [`${head}1.}]}`, head.length + 2, 'a digit is missing after the decimal point'],
      [`${head}+1}]}`, head.length + 1, 'a number has no plus sign'],
      [`${head}1}]`, head.length + 4, 'the text ends before every { and [ is closed: a } or ] is missing'],
    ];
    for (const [text, column, hint] of cases) {
      const parsed = parseJson(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(`${parsed.position.line}:${parsed.position.column}`).toBe(`1:${column}`);
      expect(parsed.message).toContain(hint);
      expect(parsed.message).not.toMatch(/impressions|clicks|nope|xxx/);
      const char = named(parsed.message);
      if (char !== null) expect(char).toBe(charAt(text, 1, column));
    }
  });

  it('is found in one pass: a file of many megabytes with its mistake at the end is placed at once', () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => `{"date":"2026-04-01","impressions":${i},"clicks":${i % 7}}`);
    const text = `{"channel":"ig","rows":[\n${rows.join(',\n')},\n]}`;
    expect(text.length).toBeGreaterThan(12_000_000);
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(`${parsed.position.line}:${parsed.position.column}`).toBe('250002:1');
    expect(parsed.message).toContain('remove the comma after the last item');
  });

  it('finds an error exactly where JSON.parse fails, and none where it succeeds, within the text', () => {
    const base = JSON.stringify(
      {
        channel: 'ig',
        source: 'Meta "export" \\ é',
        rows: [{ date: '2026-04-01', impressions: 12, rate: -0.5e-3, ok: true, n: null }, []],
      },
      null,
      1,
    );
    const pieces = [
      '"',
      '\\',
      '\\u12',
      ',',
      ':',
      '{',
      '}',
      '[',
      ']',
      '-',
      '0',
      '1',
      '.',
      'e',
      '+',
      ' ',
      '\n',
      '\t',
      'x',
      'true',
      "'",
      '/',
      '\u00a0',
    ];
    const edit = fc.record({
      at: fc.nat(),
      drop: fc.nat({ max: 3 }),
      add: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = base;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.add.join('') + text.slice(at + e.drop);
        }
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const found = jsonSyntaxProblem(text);
        expect(found === null).toBe(valid);
        if (found !== null) {
          expect(found.offset).toBeGreaterThanOrEqual(0);
          expect(found.offset).toBeLessThanOrEqual(text.length);
          expect(found.hint.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});
