/**
 * A goal page of a frozen quarter beside a custom KPI whose formula changed since the freeze
 * (red-team 10 #12): its figures were computed with the frozen formula, so the restatement note
 * says the formula then and today, in the header and in the quarter's row of its reports.
 */
import { describe, expect, it } from 'vitest';
import { goalView } from '../../src/site/goalView.ts';
import { frozenThenChanged } from './frozenFixture.ts';

describe('a frozen goal page whose KPI formula changed since the freeze', () => {
  it('says the formula its figures were computed with and today’s', async () => {
    const { project, engine } = await frozenThenChanged();
    const frozen = project.reports[0]!.snapshot;
    expect(frozen.kpis.find((k) => k.id === 'code_rate')?.formula).toBe('discount_code_uses / clicks');
    expect(engine.kpis.get('code_rate')?.def.formula).toBe('discount_code_uses / impressions * 10');

    const view = goalView(
      project,
      engine,
      project.goals.find((g) => g.id === 'code-q2')!,
    );
    const q2 = view.reports.find((r) => r.quarter.label === '2026-Q2')!;
    expect(q2.source.kind).toBe('frozen');
    const note = 'Discount code rate: formula then: discount_code_uses / clicks; today: discount_code_uses / impressions * 10';
    expect(q2.restated).toContain(note);
    expect(view.restated).toContain(note);

    // A goal on a KPI whose formula did not change says nothing of formulas.
    const other = goalView(
      project,
      engine,
      project.goals.find((g) => g.id === 'impr-all')!,
    );
    expect(other.reports.flatMap((r) => r.restated ?? []).join(' ')).not.toMatch(/formula/);
  });
});
