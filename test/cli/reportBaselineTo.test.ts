/**
 * `report` on a level goal whose implicit baseline is taken to the day its inputs stop sharing in
 * the previous quarter (LinkedIn clicks exported to 10 September beside impressions to the 30th):
 * `--json` carries `baseline_to` (and `reference_to` for a total's relative target), in the shape
 * the published schema describes; the text says how far the baseline goes and why; `validate`
 * says what the build does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OkrGoalJson, ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import { formatKpiValues } from '../../src/format/numbers.ts';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { CLICKS_Q3_END, ctrOver, writeRoot } from '../baselineToFixture.ts';
import { runCli } from '../cliRunner.ts';

let report: ReportJson;
let text: string;
let notes: string;

beforeAll(async () => {
  const root = writeRoot();
  const json = await runCli(['report', '--period', '2026-Q4', '--json'], root);
  expect(json.err).toBe('');
  report = JSON.parse(json.out) as ReportJson;
  text = (await runCli(['report', '--period', '2026-Q4'], root)).out;
  const validate = await runCli(['validate'], root);
  notes = validate.out + validate.err;
}, 120_000);

const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('report on a baseline taken to the day the inputs stop sharing', () => {
  it('--json: baseline_to on the goal and key result, reference_to on the total, in the published shape', () => {
    expect(goal('li-ctr').baseline_to).toBe(CLICKS_Q3_END);
    expect(goal('li-ctr').baseline).toBeCloseTo(ctrOver('2026-07-01', CLICKS_Q3_END), 12);
    expect(goal('li-ctr-given')).not.toHaveProperty('baseline_to');
    expect(goal('li-clicks').reference_to).toBe(CLICKS_Q3_END);
    const okr = report.goals.find((g) => g.id === 'li-okr') as OkrGoalJson;
    expect(okr.key_results[0]!.baseline_to).toBe(CLICKS_Q3_END);
    const parsed = reportJsonSchema.safeParse(report);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('text: the baseline, how far over the previous period it goes and why', () => {
    // The baseline in the digits its line shows it in (more where the actual and the target would round together).
    const fmt = { locale: 'en-US', currency: 'USD' };
    const shown = (g: { actual: number | null; target: number | null; baseline: number | null }) =>
      formatKpiValues([g.actual, g.target, g.baseline], 'percent', fmt)[2];
    expect(goal('li-ctr').baseline).toBeCloseTo(ctrOver('2026-07-01', CLICKS_Q3_END), 12);
    const lines = text.split('\n');
    /** The line of figures under a goal's heading. */
    const figures = (id: string) => lines[lines.findIndex((l) => l.includes(` ${id}: `)) + 1]!;
    const why = (id: string) =>
      `(baseline ${shown(goal(id))}, over the previous period only to ${CLICKS_Q3_END}, where an input's export ends)`;
    expect(figures('li-ctr')).toContain(why('li-ctr'));
    expect(figures('li-ctr-abs')).toContain(why('li-ctr-abs'));
    expect(figures('li-ctr-given')).toContain('(baseline 1.2%),');
    expect(figures('li-clicks')).toContain(`the previous total counts an input only to ${CLICKS_Q3_END}, where its export ends`);
    expect(lines.find((l) => l.includes(' ctr: '))).toContain(
      `baseline ${shown((report.goals.find((g) => g.id === 'li-okr') as OkrGoalJson).key_results[0]!)}, over the previous period only to ${CLICKS_Q3_END}`,
    );
  });

  it('validate notes that the baseline is taken to that day', () => {
    expect(notes).toContain(`the baseline (ctr over 2026-Q3, as none is given) is taken to ${CLICKS_Q3_END}`);
  });
});
