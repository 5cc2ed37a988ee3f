/**
 * A quarter view's charts (their specs and data, most of a view) are built when its page reads
 * them, not when the route lists are built, and are not held by the view after that: the routes
 * keep every page's view for the whole build, a page's charts live while it renders. Read again
 * once let go, they are built again, the same.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { collectGarbage } from '../../src/io/memory.ts';
import { loadProject } from '../../src/load/project.ts';
import { quarterView } from '../../src/site/quarterView.ts';
import { computeQuarter, kpiMetas } from '../../src/core/figures.ts';
import { reportQuarters } from '../../src/site/quarters.ts';

const built = vi.hoisted(() => ({ trends: 0 }));
vi.mock('../../src/charts/specs.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/charts/specs.ts')>();
  return {
    ...actual,
    trendChart: (...args: Parameters<typeof actual.trendChart>) => {
      built.trends += 1;
      return actual.trendChart(...args);
    },
  };
});

describe("a quarter view's charts", () => {
  it('are built when read, once while in use, and again the same after they were let go', async () => {
    const loaded = await loadProject('test/fixtures/basic');
    if (!loaded.ok) throw new Error('the fixture does not validate');
    const { project } = loaded;
    const engine = createEngine(project);
    const quarter = reportQuarters(project).find((q) => q.label === '2026-Q2')!;
    const figures = computeQuarter(project, engine, { quarter, channel: null });
    const view = quarterView({ site: project.site, kpis: kpiMetas(engine), figures, channels: engine.index.channels }, quarter);
    expect(built.trends).toBe(0);

    // What a page does: reads them while it renders, and keeps no reference after.
    const render = (): string => {
      const charts = view.charts;
      expect(charts.map((c) => c.id)).toContain('2026-q2-all-funnel');
      expect(view.charts).toBe(charts);
      return JSON.stringify(charts);
    };
    const drawn = render();
    const count = built.trends;
    expect(count).toBeGreaterThan(0);

    // Nothing holds them any more: a later job's collection lets them go.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(JSON.stringify(view.charts)).toBe(drawn);
    expect(built.trends).toBe(2 * count);
  });
});
