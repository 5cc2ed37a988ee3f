/**
 * `report` and `validate` on goals whose implicit baseline has no data on a channel the actual
 * counts (rt15 #4, test/baselineChannelsFixture.ts): the text names the channel, says a rate's
 * baseline is not comparable and has no progress; `--json` is in the published shape; the key
 * result's line says the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { OkrGoalJson, ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { writeRoot } from '../baselineChannelsFixture.ts';
import { runCli } from '../cliRunner.ts';

let report: ReportJson;
let lines: string[];
let validate: string;

beforeAll(async () => {
  const root = writeRoot();
  const json = await runCli(['report', '--period', '2026-Q2', '--json'], root);
  expect(json.err).toBe('');
  report = JSON.parse(json.out) as ReportJson;
  lines = (await runCli(['report', '--period', '2026-Q2'], root)).out.split('\n');
  const v = await runCli(['validate'], root);
  validate = v.out + v.err;
}, 120_000);

/** The line of figures under a goal's heading. */
const figures = (id: string) => lines[lines.findIndex((l) => l.includes(` ${id}: `)) + 1]!;

describe('report on a baseline with no data on a channel of the actual', () => {
  it('--json: baseline_left_out and baseline_channels_differ, in the published shape', () => {
    const cpc = report.goals.find((g) => g.id === 'cpc') as SmartGoalJson;
    expect(cpc).toMatchObject({ baseline_left_out: ['tt'], baseline_channels_differ: true, progress: null, status: 'undecided' });
    const okr = report.goals.find((g) => g.id === 'okr') as OkrGoalJson;
    expect(okr.key_results[0]).toMatchObject({ baseline_left_out: ['tt'], baseline_channels_differ: true, score: null });
    const parsed = reportJsonSchema.safeParse(report);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('text: the goal is undecided, names the channel and says why there is no progress', () => {
    const head = lines.find((l) => l.includes(' cpc: '))!;
    expect(head).toContain('Undecided');
    expect(figures('cpc')).toContain(
      '(baseline €10.00, without tt (no data in the previous period); not comparable: channels differ, so no progress), progress n/a',
    );
    // A follower count keeps its progress, the channel named.
    expect(figures('fol')).toContain('without tt (no data in the previous period)');
    expect(figures('fol')).not.toContain('not comparable');
    expect(lines.find((l) => l.includes(' kr-cpc: '))).toContain('not comparable: channels differ');
  });

  it('is frozen and read back with the same marks', async () => {
    const root = writeRoot();
    const frozen = await runCli(['freeze', '2026-Q2'], root, { now: '2026-07-02T09:00:00.000Z' });
    expect(frozen.status, frozen.err).toBe(0);
    const json = await runCli(['report', '--period', '2026-Q2', '--json'], root);
    expect(json.err).toBe('');
    const read = JSON.parse(json.out) as ReportJson & { figures: string };
    expect(read.figures).toBe('frozen');
    expect(read.goals.find((g) => g.id === 'cpc')).toMatchObject({ baseline_left_out: ['tt'], baseline_channels_differ: true });
    const text = (await runCli(['report', '--period', '2026-Q2'], root)).out;
    expect(text).toContain('not comparable: channels differ, so no progress');
  });

  it('validate notes it', () => {
    expect(validate).toMatch(/has no data on tt \(tt's data starts on 2026-06-20\): it is the KPI over li alone/);
    expect(validate).toContain('not comparable (channels differ)');
  });
});
