/** Text widths from Inter's glyph advances: code point by code point, astral characters (emoji) as one. */
import { describe, expect, it } from 'vitest';
import { measureText } from '../../src/charts/textMetrics.ts';

describe('measureText', () => {
  it('is the sum of the widths of its code points, whatever the string is cut into', () => {
    const text = 'Engagement rate · Apr 6, 2026 — 12,345.6 €';
    const sum = [...text].reduce((w, ch) => w + measureText(ch, 12), 0);
    expect(measureText(text, 12)).toBeCloseTo(sum, 9);
    expect(measureText(text, 12, true)).toBeGreaterThan(measureText(text, 12));
    expect(measureText('', 12)).toBe(0);
  });

  it('counts a character outside the Basic Multilingual Plane once (1 em when Inter lacks it)', () => {
    expect(measureText('😀', 10)).toBe(10);
    expect(measureText('a😀b', 10)).toBeCloseTo(measureText('a', 10) + 10 + measureText('b', 10), 9);
  });

  it('measures a lone surrogate as one character, as iterating the string does', () => {
    expect(measureText('\ud83d', 10)).toBe(10);
    expect(measureText('x\ud83dy', 10)).toBeCloseTo(measureText('x', 10) + 10 + measureText('y', 10), 9);
  });
});
