/**
 * Route data built once (issue 13): one site model per build, every route's view model built
 * from it once, and a goal evaluated once per as-of day across every page of the build — the
 * quarter and channel reports, the goal pages (their header, definition and progress charts),
 * the goals index, moved-goalpost markers and a narrative's goal cards. Evaluations are counted
 * at the evaluator (`evaluate.ts`, mocked to count), over the route lists of a fixture root.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Goal, Measure } from '../../src/core/goals.ts';
import { goalCardKey, kpiChartKey, kpiValueKey } from '../../src/site/narrativeKeys.ts';
import { narrativeUses } from '../../src/site/narrativeCheck.ts';

const calls = vi.hoisted(() => ({ goals: [] as string[], measures: [] as Array<{ measure: object; key: string }> }));
vi.mock('../../src/core/evaluate.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/evaluate.ts')>();
  return {
    ...actual,
    evaluateGoal: (...args: Parameters<typeof actual.evaluateGoal>) => {
      calls.goals.push(`${args[1].id}@${args[2]}`);
      return actual.evaluateGoal(...args);
    },
    // Measures evaluated outside a goal's own evaluation (a goal page's definition and charts).
    evaluateMeasure: (...args: Parameters<typeof actual.evaluateMeasure>) => {
      calls.measures.push({ measure: args[1], key: `${args[2].start}/${args[2].end}@${args[3]}` });
      return actual.evaluateMeasure(...args);
    },
  };
});

const { siteViews } = await import('../../src/site/model.ts');
const routes = await import('../../src/site/routes.ts');

describe('route data', () => {
  beforeAll(() => {
    process.env['GOALPOST_ROOT'] = 'test/fixtures/basic';
  });

  it('builds every route of a site once, evaluating each goal once per as-of day', async () => {
    const views = await siteViews();
    const lists = async () =>
      Promise.all([routes.quarterRoutes(), routes.channelRoutes(), routes.versionRoutes(), routes.goalRoutes()]);
    const first = await lists();
    // What else the build asks for: the CSV files' and preview images' routes, the sitemap.
    await routes.withSlug(routes.quarterRoutes());
    await routes.withSlug(routes.channelRoutes());
    await routes.sitePagePaths();
    const again = await lists();
    const { project } = views;
    expect(first[0].length).toBeGreaterThan(0);
    expect(first[3].length).toBe(project.goals.length);
    // The same view models every time they are asked for: built once.
    again.forEach((list, i) => list.forEach((route, j) => expect(route.props).toBe(first[i]![j]!.props)));
    expect(await siteViews()).toBe(views);

    expect(calls.goals.length).toBeGreaterThanOrEqual(project.goals.length);
    expect(calls.goals.filter((c, i) => calls.goals.indexOf(c) !== i)).toEqual([]);
    // A SMART goal's measure is its goal's evaluation; a key result's is evaluated once per period and day.
    const ours = new Set<object>(
      project.goals.flatMap((g: Goal): Measure[] =>
        g.type === 'smart' ? [g] : g.keyResults.flatMap((k) => (k.measure ? [k.measure] : [])),
      ),
    );
    const measures = calls.measures.filter((c) => ours.has(c.measure));
    expect(measures.filter((c) => project.goals.includes(c.measure as Goal))).toEqual([]);
    expect(measures.filter((c, i) => measures.findIndex((d) => d.measure === c.measure && d.key === c.key) !== i)).toEqual([]);
  });

  it("computes a narrative's component figures with its quarter's route data", async () => {
    const quarter = (await routes.quarterRoutes()).find((r) => r.params.quarter === '2026-q2')!;
    const { narrative, page } = quarter.props;
    expect(narrative).not.toBeNull();
    const report = page.view.report;
    // <KpiValue kpi="engagement_rate" />, <KpiValue kpi="follower_count" channel="instagram" />: the report's figures.
    for (const [kpi, channel] of [
      ['engagement_rate', 'all'],
      ['follower_count', 'instagram'],
    ] as const) {
      const cell = report.kpis[channel]![kpi]!;
      expect(narrative!.values.get(kpiValueKey('2026-Q2', kpi, channel))).toEqual({
        unit: page.view.kpis.get(kpi)!.unit,
        rate: kpi === 'engagement_rate',
        value: cell.value,
        qoq: cell.qoq,
        currency: 'EUR',
        cell,
      });
    }
    // <GoalCard id="ig-followers-q2" />: the goal as the report shows it.
    const card = narrative!.goals.get(goalCardKey('2026-Q2', 'ig-followers-q2'));
    expect(card?.goal).toBe(report.goals.find((g) => g.id === 'ig-followers-q2'));
    expect(card?.figures).toBe('live');
    // <KpiChart kpi="engagement_rate" />: a chart of the KPI over the quarter.
    const chart = narrative!.charts.get(kpiChartKey('2026-Q2', 'engagement_rate', null, null));
    expect(chart?.chart.id).toMatch(/^mdx-2026-q2-engagement_rate-/);
    expect(chart?.source.kind).toBe('live');
  });
});

describe('narrativeUses', () => {
  it('lists the components a narrative uses with their props as the page passes them', () => {
    const text = [
      '# Q3',
      '',
      'Reach was <KpiValue kpi="reach" channel="tiktok" change={false} />.',
      '',
      '<GoalCard id="g1" period="2026-Q2" />',
      '',
      '<KpiChart kpi="ctr" channels={["instagram", \'x\']} title="CTR" />',
      '',
      '```mdx',
      '<KpiValue kpi="not-rendered" />',
      '```',
    ].join('\n');
    expect(narrativeUses(text)).toEqual([
      { component: 'KpiValue', props: { kpi: 'reach', channel: 'tiktok', change: false } },
      { component: 'GoalCard', props: { id: 'g1', period: '2026-Q2' } },
      { component: 'KpiChart', props: { kpi: 'ctr', channels: ['instagram', 'x'], title: 'CTR' } },
    ]);
  });
});
