import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeys, positionAt } from '../../src/load/duplicateKeys.ts';
import { problemsOf } from './helpers.ts';

describe('duplicateKeys', () => {
  it('finds a key written twice in one object, at both places', () => {
    const text = '{"rows":[{"date":"2026-04-01","impressions":5,"impressions":7}]}';
    expect(duplicateKeys(text)).toEqual([
      { key: 'impressions', offset: text.lastIndexOf('"impressions"'), firstOffset: text.indexOf('"impressions"') },
    ]);
  });

  it('does not confuse keys of sibling or nested objects, values, or braces and quotes inside strings', () => {
    expect(duplicateKeys('{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}],"d":"{\\"a\\":1,\\"a\\":2}","e":["a","a"]}')).toEqual([]);
    expect(duplicateKeys('{"a":{"x":1},"b":{"x":2,"y":{"x":3}}}')).toEqual([]);
  });

  it('finds repeats at any depth, and keys that differ only in escapes', () => {
    const text = '{"a":{"b":[{"c":1,"c":2}]},"k\\u0065y":1,"key":2}';
    expect(duplicateKeys(text).map((d) => d.key)).toEqual(['c', 'key']);
  });

  it('agrees with JSON.parse: the number of keys written equals the keys kept plus the repeats', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'é', 'a"b'), fc.integer()), { maxLength: 8 }), (pairs) => {
        const text = `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
        const kept = Object.keys(JSON.parse(text) as object).length;
        expect(duplicateKeys(text).length).toBe(pairs.length - kept);
      }),
    );
  });

  it('finds repeats in objects with many keys too (checked through a set past 32 keys)', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `"k${i}":${i}`);
    keys.splice(150, 0, '"k5":0', '"k\\u0031":0');
    const text = `{${keys.join(',')}}`;
    expect(duplicateKeys(text).map((d) => [d.key, d.firstOffset])).toEqual([
      ['k5', text.indexOf('"k5"')],
      ['k1', text.indexOf('"k1"')],
    ]);
    expect(duplicateKeys(`{${Array.from({ length: 5000 }, (_, i) => `"k${i}":${i}`).join(',')}}`)).toEqual([]);
  });

  it('turns offsets into 1-based lines and columns', () => {
    expect(positionAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});

describe('a metric file with a repeated key', () => {
  it('is reported at the repeat, naming the first, and never loses a figure silently', () => {
    const data =
      '{\n  "channel": "instagram",\n  "rows": [\n    { "date": "2026-04-02", "impressions": 5, "impressions": 7 }\n  ]\n}';
    expect(problemsOf({ data: { 'data/a.json': data } })).toEqual([
      "data/a.json:4:47: key 'impressions' is written twice in this object (also at line 4, column 29); JSON keeps only the last: remove one",
    ]);
  });
});
