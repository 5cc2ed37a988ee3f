import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJson } from '../src/format/prettyJson.ts';

describe('prettyJson', () => {
  it('reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(prettyJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('keeps a record of plain values on one line when it fits, and breaks what does not', () => {
    expect(prettyJson({ a: { value: 1, qoq: null }, list: [1, 2], nested: [{ x: 'y' }], empty: {} })).toBe(
      '{\n  "a": { "value": 1, "qoq": null },\n  "list": [1, 2],\n  "nested": [\n    { "x": "y" }\n  ],\n  "empty": {}\n}\n',
    );
    const long = { text: 'x'.repeat(130) };
    expect(prettyJson({ long })).toBe(`{\n  "long": {\n    "text": "${'x'.repeat(130)}"\n  }\n}\n`);
  });
});
