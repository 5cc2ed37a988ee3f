/**
 * `goalpost freeze` and frozen reports: the round trip (what is written reads back and
 * renders as the report), restatement after a data change, versions kept, and positioned
 * errors for a hand-edited snapshot.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import type { ReportJson } from '../../src/core/report.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { quarterPage } from '../../src/site/quarterPage.ts';
import { editImpressions, project, quarterOf, read, run, scratch } from './helpers.ts';

const Q2 = quarterOf('2026-Q2');

describe('goalpost freeze', () => {
  it('writes reports/<quarter>/v1.json with the report, goal definitions, KPIs, inputs, time and commit', async () => {
    const root = scratch();
    const r = await run(root, ['freeze', '2026-q2']);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain('Froze 2026-Q2 as version 1: reports/2026-q2/v1.json');
    const text = read(root, 'reports/2026-q2/v1.json');
    const snapshot = JSON.parse(text) as Snapshot;
    expect(snapshot).toMatchObject({
      format: 2,
      quarter: '2026-Q2',
      version: 1,
      frozen_at: '2026-07-03T09:30:00.000Z',
      commit: null,
      uncommitted_changes: false,
    });
    expect(Object.keys(snapshot.inputs.files)).toEqual(['content/site.yaml', 'data/instagram/2026.json', 'goals/goals.yaml']);
    expect(snapshot.inputs.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(snapshot.goals.map((g) => g['id'])).toEqual(['ig-followers-q2', 'ig-impressions-q2', 'reputation-q2']);
    expect(snapshot.goals[0]).toMatchObject({
      kpi: 'follower_count',
      baseline: 1000,
      target: '+20%',
      start: '2026-04-01',
      deadline: '2026-06-30',
    });
    expect(Object.keys(snapshot.figures)).toEqual(['all', 'instagram']);
    expect(snapshot.kpis.find((k) => k.id === 'code_rate')).toMatchObject({ label: 'Discount code rate', unit: 'percent' });

    // The frozen report is the report `report --live --json` prints.
    const json = await run(root, ['report', '--period', '2026-Q2', '--live', '--json']);
    const { figures, version, frozen_at, partial, currency, ...live } = JSON.parse(json.out) as ReportJson & {
      figures: string;
      version: null;
      frozen_at: null;
      partial: boolean;
      currency: string;
    };
    expect([figures, version, frozen_at, partial, currency]).toEqual(['live', null, null, false, 'EUR']);
    expect(snapshot.currency).toBe('EUR');
    expect(snapshot.figures['all']!.report).toEqual(live);
    const channel = await run(root, ['report', '--period', '2026-Q2', '--channel', 'instagram', '--live', '--json']);
    const {
      figures: _,
      version: __,
      frozen_at: ___,
      partial: ____,
      currency: _____,
      ...liveChannel
    } = JSON.parse(channel.out) as ReportJson & Record<string, unknown>;
    expect(snapshot.figures['instagram']!.report).toEqual(liveChannel);

    // Pretty and diff-friendly: indented, one KPI figure per line, a newline at the end.
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toMatch(/\n {12}"engagement_rate": \{ "value": 0\.065, "qoq": null, "yoy": null \},\n/);
  });

  it('round-trips: the quarter then renders from the snapshot, with no restatement while nothing changed', async () => {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    expect((await run(root, ['validate'])).status).toBe(0);
    const p = await project(root);
    expect(p.reports.map((r) => r.file)).toEqual(['reports/2026-q2/v1.json']);
    const page = quarterPage(p, createEngine(p), Q2);
    expect(page.frozen).toMatchObject({ version: 1, newest: 1, versions: [1], restated: [], changedInputs: [] });
    expect(page.view.report).toEqual(p.reports[0]!.snapshot.figures['all']!.report);
  });

  it('detects a restatement after a data change and lists each figure: frozen value, value now', async () => {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    editImpressions(root, 3000);
    const p = await project(root);
    const page = quarterPage(p, createEngine(p), Q2);
    // The page still shows the frozen numbers...
    expect(page.view.report.kpis['all']!['impressions']!.value).toBe(2000);
    // ...and says what today's data changes.
    const restated = page.frozen!.restated;
    expect(restated).toContainEqual({
      subject: 'kpi',
      figure: 'Impressions',
      scope: 'all',
      unit: 'count',
      kind: 'number',
      frozen: 2000,
      now: 4000,
    });
    expect(restated).toContainEqual({
      subject: 'kpi',
      figure: 'Engagement rate',
      scope: 'instagram',
      unit: 'percent',
      kind: 'number',
      frozen: 130 / 2000,
      now: 130 / 4000,
    });
    expect(restated).toContainEqual(
      expect.objectContaining({ subject: 'goal', figure: 'Goal ig-impressions-q2: actual', frozen: 2000, now: 4000 }),
    );
    expect(restated).toContainEqual(
      expect.objectContaining({ figure: 'Goal ig-impressions-q2: status', frozen: 'missed', now: 'achieved' }),
    );
    expect(restated.some((r) => r.figure === 'Followers')).toBe(false);
    expect(page.frozen!.changedInputs).toEqual(['data/instagram/2026.json']);
  });

  it('lists a goal added after the freeze and a goal whose target changed', async () => {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    const goals =
      read(root, 'goals/goals.yaml').replace('target: 3000', 'target: 2500') +
      '  - { id: new-goal, title: New, period: 2026-Q2, channel: instagram, kpi: clicks, target: 10 }\n';
    writeFileSync(join(root, 'goals/goals.yaml'), goals);
    const p = await project(root);
    const restated = quarterPage(p, createEngine(p), Q2).frozen!.restated;
    expect(restated).toContainEqual(
      expect.objectContaining({ figure: 'Goal ig-impressions-q2: target', frozen: 3000, now: 2500 }),
    );
    expect(restated).toContainEqual(
      expect.objectContaining({ figure: 'Goal new-goal', frozen: 'not in the report', now: 'in the report' }),
    );
  });

  it('lists a goal whose type changed, and formats a KPI defined after the freeze in its own unit', async () => {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    const goals = read(root, 'goals/goals.yaml')
      .replace(
        'kpis:\n',
        'kpis:\n  - { id: click_share, label: Click share, formula: "clicks / impressions", unit: percent, good: up }\n',
      )
      .replace(
        /  - id: ig-impressions-q2\n(    .*\n)+?    target: 3000\n/,
        '  - { id: ig-impressions-q2, type: okr, title: More impressions, period: 2026-Q2, key_results: [{ id: imp, kpi: impressions, channel: instagram, target: 3000 }] }\n',
      );
    writeFileSync(join(root, 'goals/goals.yaml'), goals);
    const p = await project(root);
    const restated = quarterPage(p, createEngine(p), Q2).frozen!.restated;
    expect(restated).toContainEqual(
      expect.objectContaining({ figure: 'Goal ig-impressions-q2: type', frozen: 'smart', now: 'okr' }),
    );
    expect(restated).toContainEqual(
      expect.objectContaining({
        subject: 'kpi',
        figure: 'Click share',
        scope: 'all',
        unit: 'percent',
        frozen: null,
        now: 50 / 2000,
      }),
    );
  });

  it('keeps v1 byte for byte when the quarter is frozen again, and renders the newest', async () => {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    const v1 = read(root, 'reports/2026-q2/v1.json');
    editImpressions(root, 3000);
    const second = await run(root, ['freeze', '2026-Q2'], '2026-07-10T14:00:00.000Z');
    expect(second.status).toBe(0);
    expect(second.out).toContain('Froze 2026-Q2 as version 2: reports/2026-q2/v2.json');
    expect(second.out).toMatch(/\d+ figures differ from version 1/);
    expect(read(root, 'reports/2026-q2/v1.json')).toBe(v1);
    const p = await project(root);
    const engine = createEngine(p);
    const newest = quarterPage(p, engine, Q2);
    expect(newest.frozen).toMatchObject({ version: 2, newest: 2, versions: [1, 2], restated: [] });
    expect(newest.view.report.kpis['all']!['impressions']!.value).toBe(4000);
    const old = quarterPage(p, engine, Q2, null, 1);
    expect(old.frozen).toMatchObject({ version: 1, newest: 2, frozenAt: '2026-07-03T09:30:00.000Z' });
    expect(old.view.report.kpis['all']!['impressions']!.value).toBe(2000);
    // A third freeze of other inputs giving the same figures says so.
    writeFileSync(join(root, 'data/instagram/notes.json'), '{ "channel": "instagram", "rows": [] }\n');
    const third = await run(root, ['freeze', '2026-Q2']);
    expect(third.out).toContain('Froze 2026-Q2 as version 3');
    expect(third.out).toContain('same figures as version 2');
  });

  it('refuses a quarter without data, a bad quarter and invalid content, writing nothing', async () => {
    const root = scratch();
    const empty = await run(root, ['freeze', '2025-Q1']);
    expect(empty.status).toBe(1);
    expect(empty.err).toContain('no data falls in 2025-Q1');
    expect((await run(root, ['freeze', 'Q2'])).status).toBe(1);
    expect((await run(root, ['freeze'])).status).toBe(1);
    writeFileSync(join(root, 'goals/goals.yaml'), 'goals: [');
    const invalid = await run(root, ['freeze', '2026-Q2']);
    expect(invalid.status).toBe(1);
    expect(invalid.err).toMatch(/^goals\/goals\.yaml:\d+:\d+: /m);
    expect(existsSync(join(root, 'reports'))).toBe(false);
  });
});

describe('a hand-edited snapshot', () => {
  async function edited(edit: (text: string) => string, path = 'reports/2026-q2/v1.json'): Promise<string> {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    const text = read(root, 'reports/2026-q2/v1.json');
    writeFileSync(join(root, path), edit(text));
    const r = await run(root, ['validate']);
    expect(r.status).toBe(1);
    return r.err;
  }

  /** The 1-based line and column of the first occurrence of `needle` in the frozen v1. */
  async function positionOf(needle: string, offset = 0): Promise<string> {
    const root = scratch();
    await run(root, ['freeze', '2026-Q2']);
    const text = read(root, 'reports/2026-q2/v1.json');
    const at = text.indexOf(needle) + offset;
    const before = text.slice(0, at).split('\n');
    return `${before.length}:${before.at(-1)!.length + 1}`;
  }

  it('reports a value of the wrong type at its line and column', async () => {
    const err = await edited((t) => t.replace('"engagement_rate": { "value": 0.065', '"engagement_rate": { "value": "6.5%"'));
    const where = await positionOf('"engagement_rate": { "value": 0.065', '"engagement_rate": { "value": '.length);
    expect(err).toContain(`reports/2026-q2/v1.json:${where}: value: expected a number, got the text '6.5%'`);
  });

  it('reports an unknown key with a suggestion, and a JSON syntax error at its place', async () => {
    const typo = await edited((t) => t.replace('"frozen_at"', '"frozen_on"'));
    expect(typo).toContain("reports/2026-q2/v1.json:5:3: unknown key 'frozen_on': did you mean 'frozen_at'?");
    expect(typo).toContain("reports/2026-q2/v1.json:1:1: missing required key 'frozen_at'");
    const syntax = await edited((t) => t.replace('"version": 1,', '"version": 1'));
    expect(syntax).toMatch(/^reports\/2026-q2\/v1\.json:5:3: JSON syntax error/m);
  });

  it('reports a version or quarter that disagrees with the file name, and a misnamed file', async () => {
    const version = await edited((t) => t.replace('"version": 1,', '"version": 2,'));
    expect(version).toContain('reports/2026-q2/v1.json:4:14: version must be 1, the number in the file name');
    const quarter = await edited((t) => t.replace('"quarter": "2026-Q2"', '"quarter": "2026-Q3"'));
    expect(quarter).toContain("reports/2026-q2/v1.json:3:14: quarter must be '2026-Q2', the quarter of the folder it is in");
    const misnamed = await edited((t) => t, 'reports/2026-q2/latest.json');
    expect(misnamed).toContain('reports/2026-q2/latest.json:1:1: a frozen report must be named reports/<yyyy-qn>/v<k>.json');
  });

  it('reports a number that is not finite', async () => {
    const err = await edited((t) => t.replace('"engagement_rate": { "value": 0.065', '"engagement_rate": { "value": 1e999'));
    const where = await positionOf('"engagement_rate": { "value": 0.065', '"engagement_rate": { "value": '.length);
    expect(err).toContain(`reports/2026-q2/v1.json:${where}: value: expected a number, got number Infinity`);
  });
});
