/**
 * A custom KPI redefined (its formula, unit or direction) after a goal's period began moves
 * that goal's goalpost (red-team 15 #5): `diff` lists the KPI change in plain words and marks
 * every goal and key result measured on it whose period had begun (`--fail-on-moved` exits 1);
 * values across a unit change are shown in their own units and not read as "easier"; the site's
 * history and `report --json` flag it too. Git repositories built in a temp dir.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { movesOf } from '../../src/review/history.ts';
import { readHistory } from '../../src/site/history.ts';
import { schemaProblems } from '../docs/validator.ts';
import { dailyRepo, run } from './helpers.ts';

/** Click share on the daily repository: 20 clicks over 1,000 impressions a day, 2% (×10: 20%), against a baseline of 1% and a target of 5%. */
const CLICK_SHARE = (formula: string, extra = '') => `kpis:
  - { id: click_share, label: Click share, formula: "${formula}", unit: percent, good: up${extra} }
goals:
  - { id: share-q2, title: Click share, period: 2026-Q2, channel: instagram, kpi: click_share, baseline: 0.01, target: 0.05 }
`;

/** An OKR whose key result k3 is measured on a custom KPI: spend per click, €5 a day (unit money). */
const OKR = (kpi: string, k3: string) => `kpis:
  - ${kpi}
goals:
  - id: okr1
    type: okr
    title: Sell more
    period: 2026-Q2
    key_results:
      - { id: k1, kpi: impressions, channel: instagram, target: 200000 }
      - ${k3}
`;
const PER_CLICK = '{ id: per_click, label: Per click, formula: "spend / clicks", unit: money, good: up }';
const PER_CLICK_RATE = '{ id: per_click, label: Per click, formula: "clicks / impressions", unit: percent, good: up }';

interface DiffJson {
  changes: GoalChange[];
  kpi_changes?: Array<Record<string, unknown>>;
}

async function diffJson(dir: string, base: string, head: string): Promise<DiffJson> {
  const r = await run(dir, ['diff', base, head, '--format', 'json']);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as DiffJson;
}

const failOnMoved = async (dir: string, base: string, head: string) =>
  (await run(dir, ['diff', base, head, '--fail-on-moved'])).status;

describe('diff: a custom KPI redefined (red-team 15 #5)', () => {
  it('lists a formula changed after the period began and marks the goal on it a moved goalpost', async () => {
    const r = dailyRepo();
    const a = r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    const b = r.commit(CLICK_SHARE('clicks / impressions * 10'), '2026-05-01');
    const json = await diffJson(r.dir, a, b);
    expect(json.kpi_changes).toEqual([
      { kpi: 'click_share', kind: 'changed', field: 'formula', old: 'clicks / impressions', new: 'clicks / impressions * 10' },
    ]);
    expect(json.changes).toEqual([
      expect.objectContaining({
        goal: 'share-q2',
        kind: 'changed',
        kpi: 'click_share',
        field: 'formula',
        old: 'clicks / impressions',
        new: 'clicks / impressions * 10',
        moved_goalpost: true,
        reason:
          'KPI click_share redefined (its formula changed, so the goal measures something else) after the period began on 2026-04-01',
        status: { old: 'off_track', new: 'achieved' },
      }),
    ]);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
    const md = (await run(r.dir, ['diff', a, b])).out;
    expect(md).toContain('KPI `click_share`: formula clicks / impressions → clicks / impressions \\* 10');
    expect(md).toContain('**1 goalpost moved** after the period began');
    expect(md).toContain('| `share-q2` Click share | KPI `click_share`: formula ⚠️ **goalpost moved** |');
  });

  it('lists the same change before the period began as a plain change (exit 0)', async () => {
    const r = dailyRepo();
    const a = r.commit(CLICK_SHARE('clicks / impressions'), '2026-02-01');
    const b = r.commit(CLICK_SHARE('clicks / impressions * 10'), '2026-03-10');
    const json = await diffJson(r.dir, a, b);
    expect(json.changes.map((c) => [c.goal, c.field, c.moved_goalpost])).toEqual([['share-q2', 'formula', false]]);
    expect(json.kpi_changes).toHaveLength(1);
    expect(await failOnMoved(r.dir, a, b)).toBe(0);
  });

  it("flags a KPI's direction turned round, and lists a label change alone as no goal change", async () => {
    const r = dailyRepo();
    const a = r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    const b = r.commit(CLICK_SHARE('clicks / impressions').replace('good: up', 'good: down'), '2026-05-01');
    const c = r.commit(
      CLICK_SHARE('clicks / impressions').replace('good: up', 'good: down').replace('Click share,', 'Share of clicks,'),
      '2026-05-02',
    );
    const turned = await diffJson(r.dir, a, b);
    expect(turned.changes.map((x) => [x.goal, x.kpi, x.field, x.old, x.new, x.moved_goalpost])).toEqual([
      ['share-q2', 'click_share', 'good', 'up', 'down', true],
    ]);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
    const relabelled = await diffJson(r.dir, b, c);
    expect(relabelled.changes).toEqual([]);
    expect(relabelled.kpi_changes).toEqual([
      { kpi: 'click_share', kind: 'changed', field: 'label', old: 'Click share', new: 'Share of clicks' },
    ]);
    expect(await failOnMoved(r.dir, b, c)).toBe(0);
    const md = (await run(r.dir, ['diff', b, c])).out;
    expect(md).toContain('KPI `click_share`: label Click share → Share of clicks');
    expect(md).toContain('No goal or key result changed.');
  });

  it('shows values across a unit change in their own units, and does not read the change as easier or harder', async () => {
    const r = dailyRepo();
    const a = r.commit(OKR(PER_CLICK, '{ id: k3, kpi: per_click, channel: instagram, baseline: 1, target: 10 }'), '2026-03-01');
    const b = r.commit(
      OKR(PER_CLICK_RATE, '{ id: k3, kpi: per_click, channel: instagram, baseline: 0.01, target: 0.05 }'),
      '2026-05-01',
    );
    const json = await diffJson(r.dir, a, b);
    const k3 = json.changes.filter((c) => c.kr === 'k3');
    expect(k3.map((c) => [c.field, c.old, c.new, c.moved_goalpost])).toEqual([
      ['formula', 'spend / clicks', 'clicks / impressions', true],
      ['unit', 'money', 'percent', true],
      ['baseline', 1, 0.01, false],
      ['target', 10, 0.05, false],
    ]);
    expect(k3.find((c) => c.field === 'target')).toMatchObject({ old_unit: 'money', new_unit: 'percent' });
    expect(k3.some((c) => /easier|away from the target/.test(c.reason ?? ''))).toBe(false);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
    const md = (await run(r.dir, ['diff', a, b])).out;
    expect(md).toContain('| key result `k3`: baseline | €1.00 | 1.0% |');
    expect(md).toMatch(/\| key result `k3`: target \| €10\.00 \| 5\.0%/);
    expect(md).toContain('KPI `per_click`: unit money → percent');
  });
});

describe("the site's history and report --json: a KPI redefined after the start (red-team 15 #5)", () => {
  it('flags the goal as a moved goalpost, with the KPI change', async () => {
    const r = dailyRepo();
    r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    const b = r.commit(CLICK_SHARE('clicks / impressions * 10'), '2026-05-01');
    const loaded = await loadProject(r.dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const h = readHistory(r.dir, loaded.project, createEngine(loaded.project));
    if (!h.available) throw new Error(h.reason);
    expect(movesOf(h.entries, 'share-q2').map((m) => [m.commit.short, m.change.kpi, m.change.field])).toEqual([
      [b, 'click_share', 'formula'],
    ]);
    const json = await run(r.dir, ['report', '--period', '2026-Q2', '--json']);
    const report = JSON.parse(json.out) as { goals: Array<{ id: string; moved_goalposts: unknown[] }> };
    expect(schemaProblems('report', report)).toEqual([]);
    const goal = report.goals[0]!;
    expect(goal.moved_goalposts).toEqual([
      {
        field: 'formula',
        kpi: 'click_share',
        old: 'clicks / impressions',
        new: 'clicks / impressions * 10',
        date: '2026-05-01',
        commit: b,
        reason: expect.stringContaining('KPI click_share redefined'),
      },
    ]);
    const text = await run(r.dir, ['report', '--period', '2026-Q2']);
    expect(text.out).toContain(
      '⚠ Goalpost moved: KPI click_share: formula clicks / impressions → clicks / impressions * 10 on 2026-05-01',
    );
  });

  it('evaluates the goal against its original definition with the KPI as it then was', async () => {
    const r = dailyRepo();
    r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    r.commit(CLICK_SHARE('clicks / impressions * 10'), '2026-05-01');
    const loaded = await loadProject(r.dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const h = readHistory(r.dir, loaded.project, createEngine(loaded.project));
    if (!h.available) throw new Error(h.reason);
    const { movedView } = await import('../../src/site/goalView.ts');
    const view = movedView(loaded.project, createEngine(loaded.project), loaded.project.goals[0]!, h.moved.get('share-q2')!);
    expect(view.current).toMatchObject({ status: 'achieved' });
    expect(view.original).toMatchObject({ status: 'off_track' });
  });

  it("shows a target moved before the KPI's unit changed in the unit it had then", async () => {
    const r = dailyRepo();
    r.commit(
      OKR(PER_CLICK, '{ id: k3, title: Value per click, kpi: per_click, channel: instagram, baseline: 1, target: 10 }'),
      '2026-03-01',
    );
    r.commit(
      OKR(PER_CLICK, '{ id: k3, title: Value per click, kpi: per_click, channel: instagram, baseline: 1, target: 8 }'),
      '2026-04-10',
    );
    r.commit(
      OKR(PER_CLICK_RATE, '{ id: k3, title: Value per click, kpi: per_click, channel: instagram, baseline: 0.01, target: 0.05 }'),
      '2026-05-01',
    );
    const loaded = await loadProject(r.dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const engine = createEngine(loaded.project);
    const h = readHistory(r.dir, loaded.project, engine);
    if (!h.available) throw new Error(h.reason);
    const { movedView } = await import('../../src/site/goalView.ts');
    const view = movedView(loaded.project, engine, loaded.project.goals[0]!, h.moved.get('okr1')!);
    expect(view.items.map((i) => [i.what, i.before, i.after])).toEqual([
      ['key result Value per click: target', '€10.00', '€8.00'],
      ['key result Value per click: KPI per_click: formula', 'spend / clicks', 'clicks / impressions'],
      ['key result Value per click: KPI per_click: unit', 'money', 'percent'],
    ]);
  });
});

describe('diff: what a KPI reads, redefined in the site settings (red-team 16 #9)', () => {
  /** A goal on LTV:CAC (customer_ltv / (spend / new_customers)) and one on codes per click, a declared metric over clicks. */
  const GOALS = `kpis:
  - { id: codes_per_click, label: Codes per click, formula: "codes / clicks", unit: ratio, good: up }
goals:
  - { id: ltv, title: LTV, period: 2026-Q2, channel: instagram, kpi: ltv_cac, baseline: 1, target: 5 }
  - { id: cpc2, title: Codes per click, period: 2026-Q2, channel: instagram, kpi: codes_per_click, baseline: 0.01, target: 1 }
`;
  /** The daily repository with codes on each day and the site's customer_ltv and codes' aggregation as given. */
  function repoWith(ltv: number, aggregation: 'stock' | 'flow') {
    const r = dailyRepo();
    const site = join(r.dir, 'content/site.yaml');
    const write = (l: number, a: string) =>
      writeFileSync(
        site,
        readFileSync('test/fixtures/basic/content/site.yaml', 'utf8')
          .replace('customer_ltv: 300', `customer_ltv: ${l}`)
          .replace('metrics:\n', `metrics:\n  codes: { label: Codes, aggregation: ${a}, unit: count }\n`),
      );
    const data = join(r.dir, 'data/instagram/2026.json');
    const json = JSON.parse(readFileSync(data, 'utf8')) as { rows: Array<Record<string, unknown>> };
    json.rows = json.rows.map((row) => ({ ...row, new_customers: 2, codes: 10 }));
    writeFileSync(data, JSON.stringify(json));
    write(ltv, aggregation);
    return { ...r, write };
  }

  it('marks a goal on LTV:CAC moved when customer_ltv changes after its period began', async () => {
    const r = repoWith(30, 'stock');
    const a = r.commit(GOALS, '2026-03-01');
    r.write(300, 'stock');
    const b = r.commit(GOALS, '2026-05-01', 'ltv raised');
    const json = await diffJson(r.dir, a, b);
    expect(json.changes).toEqual([
      expect.objectContaining({
        goal: 'ltv',
        kpi: 'ltv_cac',
        field: 'customer_ltv',
        old: '30',
        new: '300',
        moved_goalpost: true,
      }),
    ]);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
  });

  it('marks a goal moved when a metric its KPI reads turns from a stock into a flow', async () => {
    const r = repoWith(300, 'stock');
    const a = r.commit(GOALS, '2026-03-01');
    r.write(300, 'flow');
    const b = r.commit(GOALS, '2026-05-01', 'codes summed');
    const json = await diffJson(r.dir, a, b);
    expect(json.changes).toEqual([
      expect.objectContaining({
        goal: 'cpc2',
        kpi: 'codes_per_click',
        field: 'aggregation',
        old: 'codes: stock',
        new: 'codes: flow',
        moved_goalpost: true,
      }),
    ]);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
  });

  it('leaves the same change made before the period began a plain one', async () => {
    const r = repoWith(30, 'stock');
    const a = r.commit(GOALS, '2026-02-01');
    r.write(300, 'stock');
    const b = r.commit(GOALS, '2026-03-01', 'ltv raised early');
    expect((await diffJson(r.dir, a, b)).changes).toEqual([
      expect.objectContaining({ goal: 'ltv', field: 'customer_ltv', moved_goalpost: false }),
    ]);
    expect(await failOnMoved(r.dir, a, b)).toBe(0);
  });
});
