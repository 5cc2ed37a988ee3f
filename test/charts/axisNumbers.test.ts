import { describe, expect, it } from 'vitest';
import { axisLabelExpr, type AxisNumberFormat, axisTickLabel, parseAxisLabelExpr } from '../../src/charts/axisNumbers.ts';
import { axisLabels } from '../../src/charts/theme.ts';

const label =
  (locale: string, kind: AxisNumberFormat['kind'], domain: [number, number], count: number, currency = 'EUR') =>
  (v: number) =>
    axisTickLabel(v, domain, count, locale, kind, currency);

describe('axis tick labels (Intl, with the decimals of the tick step)', () => {
  it("write counts in the locale's compact notation, each in the unit Intl writes it in", () => {
    const ticks = [0, 200_000, 800_000, 1_000_000, 1_200_000];
    expect(ticks.map(label('fr-FR', 'compact', [0, 1.2e6], 4))).toEqual([
      '0',
      '200\u00a0k',
      '800\u00a0k',
      '1,0\u00a0M',
      '1,2\u00a0M',
    ]);
    expect(ticks.map(label('it-IT', 'compact', [0, 1.2e6], 4))).toEqual(['0', '200K', '800K', '1,0\u00a0Mln', '1,2\u00a0Mln']);
    expect(ticks.map(label('en-US', 'compact', [0, 1.2e6], 4))).toEqual(['0', '200K', '800K', '1.0M', '1.2M']);
    // Billions, and a locale that counts in ten thousands.
    expect([2e9, 2.5e9].map(label('fr-FR', 'compact', [0, 3e9], 6))).toEqual(['2,0\u00a0Md', '2,5\u00a0Md']);
    expect([150_000, 200_000].map(label('ja-JP', 'compact', [0, 200_000], 4))).toEqual(['15万', '20万']);
  });

  it('give close ticks as many decimals as tell them apart, and small counts their fractions (zero "0")', () => {
    expect([12_000, 12_020].map(label('fr-FR', 'compact', [12_000, 12_100], 5))).toEqual(['12,00\u00a0k', '12,02\u00a0k']);
    expect([0, 0.5, 1].map(label('en-US', 'compact', [0, 3], 5))).toEqual(['0', '0.5', '1.0']);
    expect([-200_000].map(label('fr-FR', 'compact', [-400_000, 0], 4))).toEqual(['-200\u00a0k']);
  });

  it('write money, percentages and other numbers as Intl does (group separators, minus sign)', () => {
    expect([1000, 2000].map(label('it-IT', 'currency', [0, 4000], 4))).toEqual(['1000\u00a0€', '2000\u00a0€']);
    expect([0.45, 0.5].map(label('en-US', 'currency', [0.4, 0.55], 4, 'USD'))).toEqual(['$0.45', '$0.50']);
    expect([0.015].map(label('fr-FR', 'percent', [0, 0.02], 5))).toEqual(['1,5\u00a0%']);
    expect([0.2, 1].map(label('it-IT', 'percent', [0, 1], 4))).toEqual(['20%', '100%']);
    expect([-12_345].map(label('fr-FR', 'decimal', [-20_000, 0], 5))).toEqual(['-12\u202f345']);
  });
});

describe('the label expression of an axis', () => {
  const format: AxisNumberFormat = { scale: 'y', tickCount: 5, locale: 'fr-FR', kind: 'compact', currency: 'EUR' };

  it('reads back as what it was written with, and is what theme.ts gives an axis', () => {
    expect(parseAxisLabelExpr(axisLabelExpr(format))).toEqual(format);
    expect(axisLabels('count', { locale: 'fr-FR', currency: 'EUR' }, 'y', 5)).toEqual({
      format: ',s',
      labelExpr: axisLabelExpr(format),
      tickCount: 5,
    });
  });

  it('is not read back when it is anything else', () => {
    const expr = axisLabelExpr(format);
    for (const other of [
      `${expr} + ''`,
      expr.replace('"compact"', '"scientific"'),
      expr.replace('"fr-FR"', '"not a locale!"'),
      expr.replace('"EUR"', '"EURO"'),
      expr.replace(', 5,', ', 5.5,'),
      'datum.label',
      undefined,
      42,
    ]) {
      expect(parseAxisLabelExpr(other), String(other)).toBeNull();
    }
  });
});
