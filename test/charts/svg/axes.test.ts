import { describe, expect, it } from 'vitest';
import { numberLocale } from '../../../src/charts/locale.ts';
import { measureText } from '../../../src/charts/textMetrics.ts';
import { spanFormat } from '../../../src/charts/svg/format.ts';
import { removeOverlaps, type TextItem, textBounds, truncate } from '../../../src/charts/svg/text.ts';

const label = (x: number, text: string): TextItem => ({
  x,
  y: 0,
  text,
  fontSize: 12,
  fill: '#333333',
  align: 'center',
  baseline: 'top',
});

describe('line-chart guide pieces', () => {
  it('truncate text as Vega does: whole when it fits, else the longest prefix that fits with an ellipsis', () => {
    expect(truncate('Instagram', 140, 12)).toBe('Instagram');
    const long = 'Net follows and unfollows across every market of the brand account';
    const cut = truncate(long, 140, 12);
    expect(cut.endsWith('\u2026')).toBe(true);
    const prefix = cut.slice(0, -1);
    expect(long.startsWith(prefix)).toBe(true);
    expect(measureText(prefix, 12)).toBeLessThan(140 - measureText('\u2026', 12));
    expect(measureText(long.slice(0, prefix.length + 1), 12)).toBeGreaterThanOrEqual(140 - measureText('\u2026', 12));
  });

  it('hide every other overlapping label until none overlaps, keeping the first and the last', () => {
    const crowded = [0, 10, 20, 30, 40].map((x) => label(x, 'Sept 30'));
    const shown = removeOverlaps(crowded, crowded.map(textBounds));
    expect(crowded.map((l) => l.opacity ?? 1)).toEqual([1, 0, 0, 0, 1]);
    expect([shown.x1, shown.x2]).toEqual([textBounds(crowded[0]!).x1, textBounds(crowded[4]!).x2]);
    const apart = [0, 100, 200].map((x) => label(x, 'Jul'));
    removeOverlaps(apart, apart.map(textBounds));
    expect(apart.map((l) => l.opacity ?? 1)).toEqual([1, 1, 1]);
  });

  it('turn a -90° title: as tall as the text is wide, 1 em wide, beside its anchor', () => {
    const title: TextItem = { ...label(-40, 'Impressions'), y: 110, baseline: 'bottom', angle: -90 };
    const b = textBounds(title);
    expect(b.height()).toBeCloseTo(measureText('Impressions', 12), 6);
    expect(b.width()).toBeCloseTo(12, 6);
    expect(b.x2).toBeLessThanOrEqual(-40);
  });

  it("format an axis with the tick step's precision in the chart's locale (Vega's formatSpan)", () => {
    const en = numberLocale('en-US', 'EUR');
    const fr = numberLocale('fr-FR', 'EUR');
    expect([0, 50000, 350000].map(spanFormat(en, ',s', 0, 350000, 5))).toEqual(['0k', '50k', '350k']);
    expect([0.01, 0.015].map(spanFormat(fr, '%', 0, 0.02, 5))).toEqual(['1,0\u00a0%', '1,5\u00a0%']);
    expect(spanFormat(en, '$,f', 0, 80000, 5)(20000)).toBe('€20,000');
  });
});
