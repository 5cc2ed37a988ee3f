/**
 * `report` on quarters compared across partial and differently-channelled data (red-team 6 #11,
 * #12, #16, #17; test/compareFixture.ts): `--json` carries the per-figure flags and the channels a
 * goal's reference leaves out, in the shape the published schema describes, and the text report
 * says the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { runCli } from '../cliRunner.ts';
import { CLICKS_Q2_END, writeRoot } from '../compareFixture.ts';

let report: ReportJson;
let text: string;

beforeAll(async () => {
  const root = writeRoot();
  const json = await runCli(['report', '--period', '2026-Q3', '--json'], root);
  expect(json.err).toBe('');
  report = JSON.parse(json.out) as ReportJson;
  text = (await runCli(['report', '--period', '2026-Q3'], root)).out;
}, 120_000);

const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('report on quarters compared like with like', () => {
  it('--json: per-figure flags and left-out channels, in the published shape', () => {
    expect(report.kpis.linkedin!.ctr).toMatchObject({ qoq_to: CLICKS_Q2_END });
    expect(report.kpis.linkedin!.ctr!.qoq).toBeCloseTo(0, 12);
    expect(report.kpis.all!.impressions).toMatchObject({ qoq_channels_differ: true, to_date: true });
    expect(goal('ctr-lf').baseline_left_out).toEqual(['facebook']);
    expect(goal('impr').previous_left_out).toEqual(['tiktok']);
    const parsed = reportJsonSchema.safeParse(report);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('text: a total over other channels is marked, and a goal says what its reference leaves out', () => {
    expect(text).toMatch(/Impressions .*\(other channels\)/);
    // LinkedIn's CTR over Q2 only to the day its clicks export ends there (qoq_to).
    expect(text).toMatch(new RegExp(`Click-through rate .*\\(earlier quarter to ${CLICKS_Q2_END}\\)`));
    expect(text).toContain('without facebook (no data by then)');
    expect(text).toContain('the reference leaves out tiktok (data in the previous period, none in this one)');
  });
});
