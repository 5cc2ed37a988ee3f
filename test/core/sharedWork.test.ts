/**
 * Work shared between the pages of a build (KPI values per metric window, trend steps per
 * channel, achievability per goal) gives every page what it would compute alone: the figures
 * are the same whichever page asks first.
 */
import { describe, expect, it } from 'vitest';
import { goalAchievability } from '../../src/core/achievability.ts';
import { computeQuarter } from '../../src/core/figures.ts';
import { MetricWindow } from '../../src/core/kpis.ts';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { reportQuarters } from '../../src/site/quarters.ts';

async function fixture() {
  const loaded = await loadProject('test/fixtures/basic');
  if (!loaded.ok) throw new Error('fixture must validate');
  return loaded.project;
}

describe('work shared between pages', () => {
  it('gives each quarter and channel the same figures whichever is computed first', async () => {
    const project = await fixture();
    const forward = createEngine(project);
    const backward = createEngine(project);
    const quarters = reportQuarters(project);
    expect(quarters.length).toBeGreaterThan(0);
    const scopes = quarters.flatMap((quarter) => [null, ...forward.index.channels].map((channel) => ({ quarter, channel })));
    const first = scopes.map((o) => computeQuarter(project, forward, o));
    const second = scopes
      .toReversed()
      .map((o) => computeQuarter(project, backward, o))
      .toReversed();
    expect(second).toEqual(first);
    // Alone, on an engine that has computed nothing else.
    for (const [i, o] of scopes.entries()) expect(computeQuarter(project, createEngine(project), o)).toEqual(first[i]);
  });

  it('computes a KPI once per window, the same value as a window of its own', async () => {
    const project = await fixture();
    const engine = createEngine(project);
    const kpi = engine.kpis.get('engagement_rate')!;
    const range = project.index.dataRange()!;
    const shared = new MetricWindow(engine, engine.index.channels, range.first, range.last);
    const value = shared.value(kpi);
    expect(shared.value(kpi)).toBe(value);
    expect(new MetricWindow(engine, engine.index.channels, range.first, range.last).value(kpi)).toEqual(value);
  });

  it('judges a goal’s achievability once per engine, as a fresh engine does', async () => {
    const project = await fixture();
    const engine = createEngine(project);
    for (const goal of project.goals) {
      const judged = goalAchievability(engine, goal);
      expect(goalAchievability(engine, goal)).toBe(judged);
      expect(goalAchievability(createEngine(project), goal)).toEqual(judged);
    }
  });
});
