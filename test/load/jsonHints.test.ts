/**
 * A JSON syntax error says what to do, not only what the parser met (standards: every problem
 * with a hint): the mistakes of hand-edited exports and snapshots, each at its place.
 */
import { describe, expect, it } from 'vitest';
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
];

describe('a JSON syntax error', () => {
  it.each(CASES)('in %j at %s says: %s', (text, at, hint) => {
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(`${parsed.position.line}:${parsed.position.column}`).toBe(at);
    expect(parsed.message).toMatch(/^JSON syntax error: [^;]+; /);
    expect(parsed.message).toContain(hint);
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
      expect(parsed.message).toMatch(/^JSON syntax error: Unexpected token '.'; /);
    }
    const after = parseJson(`${big}}}`);
    expect(after.ok).toBe(false);
    if (after.ok) return;
    expect(`${after.position.line}:${after.position.column}`).toBe(`1:${big.length + 2}`);
    expect(after.message).toBe(
      'JSON syntax error: Unexpected non-whitespace character after the JSON; the JSON ends before this: remove what follows, or the bracket that closes it too early',
    );
  });
});
