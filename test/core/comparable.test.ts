/** Which KPIs are rates, and which grow with the length of their window (src/core/comparable.ts). */
import { describe, expect, it } from 'vitest';
import { formulaGrowsWithWindow, isPartial, isRate } from '../../src/core/comparable.ts';
import { KPI_CATALOGUE } from '../../src/core/catalogue.ts';
import { parseFormula } from '../../src/core/formula.ts';

const ast = (formula: string) => {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ast;
};
const formulaOf = (id: string) => KPI_CATALOGUE.find((k) => k.id === id)!.formula;

describe('isRate', () => {
  it('is true for a formula dividing by a metric, false for totals and scaling by constants', () => {
    for (const id of ['engagement_rate', 'ctr', 'cpm', 'roi', 'nps', 'average_engagement', 'ltv_cac', 'audience_growth_rate'])
      expect(isRate(ast(formulaOf(id))), id).toBe(true);
    for (const id of ['impressions', 'reach', 'follower_count', 'follower_growth', 'spend'])
      expect(isRate(ast(formulaOf(id))), id).toBe(false);
    expect(isRate(ast('clicks / 1000'))).toBe(false);
    expect(isRate(ast('(likes + comments) * 2 / (3 - 1)'))).toBe(false);
    expect(isRate(ast('leads - clicks / posts'))).toBe(true);
  });
});

describe('formulaGrowsWithWindow', () => {
  it('holds for totals, reach and changes over the window', () => {
    for (const id of ['impressions', 'reach', 'spend', 'follower_growth', 'audience_growth_rate'])
      expect(formulaGrowsWithWindow(formulaOf(id)), id).toBe(true);
    // a custom metric in a custom formula is a flow
    expect(formulaGrowsWithWindow('discount_code_uses * 2')).toBe(true);
  });

  it('does not hold for ratios of totals, per-post figures, stocks and costs per result', () => {
    for (const id of [
      'engagement_rate',
      'ctr',
      'cpm',
      'cpc',
      'roi',
      'roas',
      'nps',
      'ltv_cac',
      'amplification_rate',
      'follower_count',
    ])
      expect(formulaGrowsWithWindow(formulaOf(id)), id).toBe(false);
    expect(formulaGrowsWithWindow('discount_code_uses / clicks')).toBe(false);
  });
});

describe('isPartial', () => {
  it("is true when the as-of day is before the quarter's last day", () => {
    expect(isPartial({ period: '2026-Q3', as_of: '2026-08-15' })).toBe(true);
    expect(isPartial({ period: '2026-Q3', as_of: '2026-09-29' })).toBe(true);
    expect(isPartial({ period: '2026-Q3', as_of: '2026-09-30' })).toBe(false);
  });
});
