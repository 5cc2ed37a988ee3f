/**
 * A custom KPI in percent whose formula scales by 100, as spreadsheets do (red-team 14 #4): a
 * KPI in percent is a fraction shown as a percentage, so `clicks / impressions * 100` showed a
 * CTR of 1% as "100%", with nothing said. It is noted at the formula (the KPI still loads, as
 * written); a formula without the 100, or a KPI in another unit, is not.
 */
import { describe, expect, it } from 'vitest';
import { hundredFactor, parseFormula } from '../../src/core/formula.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const DATA = {
  'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({ impressions: 5000, clicks: 50 })),
};
const goals = (formula: string, unit = 'percent') =>
  `kpis:\n  - { id: ctr_pct, label: CTR, formula: "${formula}", unit: ${unit}, good: up }\n` +
  'goals:\n  - { id: g, title: CTR, period: 2026-Q3, channel: instagram, kpi: ctr_pct, target: 0.02 }\n';

describe('a percent formula scaled by 100 (red-team 14 #4)', () => {
  it('is noted at the formula, with the column of the 100; the KPI still loads', () => {
    const root = loadRoot('title: Acme\n', goals('clicks / impressions * 100'), DATA);
    expect(root.problems).toEqual([]);
    expect(root.notes.filter((n) => n.includes('100'))).toEqual([
      expect.stringMatching(
        /^goals\/g\.yaml:2:\d+: note: formula scales by 100 \(column 24\), but a KPI in percent is a fraction/,
      ),
    ]);
    expect(root.project!.customKpis.map((k) => k.id)).toEqual(['ctr_pct']);
  });

  it('finds the 100 on either side, under a minus sign, and a division by 0.01', () => {
    for (const [formula, column] of [
      ['100 * clicks / impressions', 1],
      ['(clicks / impressions) * 100', 26],
      ['-(clicks / impressions * 100)', 26],
      ['clicks / impressions / 0.01', 24],
    ] as const) {
      const parsed = parseFormula(formula);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(hundredFactor(parsed.ast)?.column, formula).toBe(column);
    }
  });

  it('says nothing of a fraction, of 100 not used to scale, nor of another unit', () => {
    for (const [formula, unit] of [
      ['clicks / impressions', 'percent'],
      ['clicks / (impressions + 100)', 'percent'],
      ['clicks * 100', 'count'],
    ] as const) {
      const root = loadRoot('title: Acme\n', goals(formula, unit), DATA);
      expect(
        root.notes.filter((n) => n.includes('scales by 100')),
        formula,
      ).toEqual([]);
    }
  });
});
