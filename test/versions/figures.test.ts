/**
 * Live and frozen figures (SPEC "Live and frozen figures"): one rule everywhere. A frozen
 * quarter's `report --json`, CSV, goal pages and narrative charts show its newest snapshot
 * (or the version asked for) and say which figures they are; `--live` shows today's; a
 * freeze that changes nothing writes nothing; a hand-edited snapshot is an error.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import type { SmartGoalJson } from '../../src/core/report.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { quarterCsv } from '../../src/site/csv.ts';
import { goalView } from '../../src/site/goalView.ts';
import { narrativeTrend } from '../../src/site/narrativeTrend.ts';
import { quarterPage } from '../../src/site/quarterPage.ts';
import { editImpressions, project, quarterOf, read, run, scratch } from './helpers.ts';

const Q2 = quarterOf('2026-Q2');

/** `report --json` with the given options, parsed; the exit status must be 0. */
async function reportJson(
  root: string,
  ...options: string[]
): Promise<Record<string, unknown> & { kpis: Record<string, Record<string, { value: number | null }>>; goals: SmartGoalJson[] }> {
  const r = await run(root, ['report', '--period', '2026-Q2', '--json', ...options]);
  expect(r.err).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.out) as never;
}

/** A root with 2026-Q2 frozen as v1 (impressions 2,000), then its data changed (impressions 4,000 today). */
async function restatedRoot(): Promise<string> {
  const root = scratch();
  expect((await run(root, ['freeze', '2026-Q2'])).status).toBe(0);
  editImpressions(root, 3000);
  return root;
}

describe('report on a frozen quarter', () => {
  it("prints the newest frozen version by default, with its version; --live prints today's figures", async () => {
    const root = await restatedRoot();
    const frozen = await reportJson(root);
    expect(frozen).toMatchObject({ period: '2026-Q2', figures: 'frozen', version: 1, frozen_at: '2026-07-03T09:30:00.000Z' });
    expect(frozen.kpis['all']!['impressions']!.value).toBe(2000);
    const snapshot = JSON.parse(read(root, 'reports/2026-q2/v1.json')) as Snapshot;
    // `partial` is derived from the period and the as-of day, not stored in the snapshot
    const { figures, version, frozen_at, partial, currency, ...report } = frozen as typeof frozen & {
      partial: boolean;
      currency: string;
    };
    expect(report).toEqual(snapshot.figures['all']!.report);
    expect([figures, version, frozen_at, partial, currency]).toEqual(['frozen', 1, '2026-07-03T09:30:00.000Z', false, 'EUR']);

    const live = await reportJson(root, '--live');
    expect(live).toMatchObject({ figures: 'live', version: null, frozen_at: null });
    expect(live.kpis['all']!['impressions']!.value).toBe(4000);
    expect(live.goals.find((g) => g.id === 'ig-impressions-q2')).toMatchObject({ actual: 4000, status: 'achieved' });

    const channel = await reportJson(root, '--channel', 'instagram');
    expect(channel).toMatchObject({ figures: 'frozen', version: 1 });
    expect(channel.kpis['instagram']!['impressions']!.value).toBe(2000);
  });

  it('--version k prints that version, --frozen the newest; each is an error where there is none', async () => {
    const root = await restatedRoot();
    expect((await run(root, ['freeze', '2026-Q2'], '2026-07-10T14:00:00.000Z')).status).toBe(0);
    expect((await reportJson(root, '--version', '1')).kpis['all']!['impressions']!.value).toBe(2000);
    expect(await reportJson(root, '--version', '2')).toMatchObject({ version: 2, frozen_at: '2026-07-10T14:00:00.000Z' });
    expect((await reportJson(root, '--frozen')).version).toBe(2);

    const missing = await run(root, ['report', '--period', '2026-Q2', '--version', '3', '--json']);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('2026-Q2 has no frozen version 3 (versions: 1, 2)');
    const never = await run(root, ['report', '--period', '2026-Q1', '--frozen', '--json']);
    expect(never.status).toBe(1);
    expect(never.err).toContain('2026-Q1 was never frozen');
    const both = await run(root, ['report', '--period', '2026-Q2', '--live', '--version', '1']);
    expect(both.status).toBe(1);
    expect(both.err).toContain('--live, --frozen and --version exclude each other');
    const bad = await run(root, ['report', '--period', '2026-Q2', '--version', 'two']);
    expect(bad.status).toBe(1);
    expect(bad.err).toContain("--version: 'two' is not a version number");
  });

  it('prints a quarter never frozen as live, with "version": null', async () => {
    const root = scratch();
    expect(await reportJson(root)).toMatchObject({ figures: 'live', version: null, frozen_at: null });
  });

  it("says in the text report which figures it shows, and that today's data restate them", async () => {
    const root = await restatedRoot();
    const frozen = await run(root, ['report', '--period', '2026-Q2']);
    expect(frozen.out).toContain('Basic fixture: report 2026-Q2, as of 2026-06-30, frozen v1 (2026-07-03)');
    expect(frozen.out).toMatch(/Restated: today's goals and data change \d+ figures \(--live shows them\)/);
    expect(frozen.out).toMatch(/Impressions +2,000/);
    const live = await run(root, ['report', '--period', '2026-Q2', '--live']);
    expect(live.out).toContain(
      "Basic fixture: report 2026-Q2, as of 2026-06-30, live (today's data; the published report is frozen v1)",
    );
    expect(live.out).toMatch(/Impressions +4,000/);
  });
});

describe('the CSV download', () => {
  it('carries the figures and the version on every row', async () => {
    const root = await restatedRoot();
    const p = await project(root);
    const engine = createEngine(p);
    const frozen = quarterCsv(quarterPage(p, engine, Q2)).split('\r\n');
    expect(
      frozen[0]!.endsWith(',figures,version,inputs_to,computed_to,gaps,bound,qoq_partial,yoy_partial,currency,counted_from'),
    ).toBe(true);
    const impressions = frozen.find(
      (l) => l.startsWith('2026-Q2,2026-06-30,all,') && l.includes(',impressions,Impressions,count,'),
    );
    expect(impressions).toMatch(/,impressions,Impressions,count,2000,.*,frozen,1,,,,,,,,$/);
    const live = quarterCsv(quarterPage(p, engine, quarterOf('2026-Q1'))).split('\r\n');
    expect(
      live
        .slice(1)
        .filter((l) => l !== '')
        .every((l) => /,live,,,,,,,,(EUR)?,$/.test(l)),
    ).toBe(true);
  });
});

describe('a goal page', () => {
  it("shows the figures of the quarter report, labelled, and what today's data would restate", async () => {
    const root = await restatedRoot();
    const p = await project(root);
    const engine = createEngine(p);
    const goal = p.goals.find((g) => g.id === 'ig-impressions-q2')!;
    const view = goalView(p, engine, goal);
    const report = quarterPage(p, engine, Q2).view.report.goals.find((g) => g.id === goal.id) as SmartGoalJson;
    expect(report.actual).toBe(2000);
    // The header: the report's figures, not today's.
    expect(view.evaluation).toMatchObject({
      type: 'smart',
      actual: 2000,
      target: 3000,
      status: 'missed',
      progress: report.progress,
    });
    expect(view.source).toBe('Report 2026-Q2, frozen v1 (Jul 3, 2026)');
    expect(view.reports).toHaveLength(1);
    const [q2] = view.reports;
    expect(q2).toMatchObject({ label: 'frozen v1 (Jul 3, 2026)', asOf: '2026-06-30' });
    expect(q2!.figures).toEqual(report);
    expect(q2!.restated).toContain('actual 2,000 → 4,000');
    expect(q2!.restated).toContain('status Missed → Achieved');
    // The header says it too.
    expect(view.restated).toEqual(q2!.restated);
    expect(view.asOf).toBe('2026-06-30');
  });

  it('shows live figures for a quarter never frozen, and no restatement', async () => {
    const root = scratch();
    const p = await project(root);
    const engine = createEngine(p);
    const goal = p.goals.find((g) => g.id === 'ig-impressions-q2')!;
    const view = goalView(p, engine, goal);
    expect(view.evaluation).toMatchObject({ actual: 2000 });
    expect(view.source).toBe('Report 2026-Q2, live');
    expect(view.reports[0]).toMatchObject({ label: 'live', restated: null });
  });
});

describe('<KpiChart> in a frozen quarter', () => {
  it("draws the snapshot's trend where it has one", async () => {
    const root = await restatedRoot();
    const p = await project(root);
    const trend = narrativeTrend(p, createEngine(p), Q2, 'impressions', ['instagram']);
    expect(trend.source).toMatchObject({ kind: 'frozen', version: 1 });
    expect(trend.note).toMatchObject({ kind: 'frozen', frozen: { version: 1, frozenAt: expect.stringMatching(/^2026-07-03T/) } });
    expect(trend.step).toBe('month');
    expect(trend.series).toEqual([
      {
        channel: 'instagram',
        points: [
          { date: '2026-04-01', value: 1000 },
          { date: '2026-05-01', value: 1000 },
          { date: '2026-06-01', value: null },
        ],
      },
    ]);
  });

  it("draws today's data labelled as live where the snapshot has no trend of the KPI", async () => {
    const root = await restatedRoot();
    const p = await project(root);
    const trend = narrativeTrend(p, createEngine(p), Q2, 'clicks', ['instagram']);
    expect(trend.source).toEqual({ kind: 'live' });
    expect(trend.note).toMatchObject({ kind: 'live-not-frozen', frozen: { version: 1 } });
  });
});

describe('freezing again', () => {
  it('writes nothing when the figures and inputs equal the newest version, and says so', async () => {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    const again = await run(root, ['freeze', '2026-Q2'], '2026-07-05T08:00:00.000Z');
    expect(again.err).toBe('');
    expect(again.status).toBe(0);
    expect(again.out).toContain('2026-Q2 is already frozen as version 1 with the same figures and inputs: nothing written');
    expect(existsSync(join(root, 'reports/2026-q2/v2.json'))).toBe(false);
  });
});

describe('the snapshot digest', () => {
  it("is written over the snapshot's content, and a hand edit that keeps the schema is a positioned error", async () => {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    const text = read(root, 'reports/2026-q2/v1.json');
    expect(JSON.parse(text)).toMatchObject({ format: 2, digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const edited = text.replace('"impressions": { "value": 2000', '"impressions": { "value": 2500');
    expect(edited).not.toBe(text);
    writeFileSync(join(root, 'reports/2026-q2/v1.json'), edited);
    const r = await run(root, ['validate']);
    expect(r.status).toBe(1);
    const lines = edited.split('\n');
    const line = lines.findIndex((l) => l.includes('"digest"')) + 1;
    const column = lines[line - 1]!.indexOf('"sha256:') + 1;
    expect(r.err).toContain(
      `reports/2026-q2/v1.json:${line}:${column}: the digest does not match the snapshot's content: the snapshot was edited by hand; freeze again instead`,
    );
    // And the report does not show it as the frozen truth.
    expect((await run(root, ['report', '--period', '2026-Q2', '--json'])).status).toBe(1);
  });
});
