/**
 * A goal is evaluated once per as-of day and build: the quarter reports (all channels and
 * each channel), the goal pages and the goals index share one evaluation. Counted through
 * the seam between the memo and the evaluator (`evaluateGoal`, mocked to count).
 */
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { goalView, siteAsOf, statusSummary } from '../../src/site/goalView.ts';
import { quarterChannels, quarterPage } from '../../src/site/quarterPage.ts';
import { reportQuarters } from '../../src/site/quarters.ts';
import { goalEvaluation, measureEvaluation } from '../../src/core/evaluations.ts';
import { evaluateMeasure } from '../../src/core/evaluate.ts';

const calls = vi.hoisted(() => [] as string[]);
vi.mock('../../src/core/evaluate.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/evaluate.ts')>();
  return {
    ...actual,
    evaluateGoal: (...args: Parameters<typeof actual.evaluateGoal>) => {
      calls.push(`${args[1].id}@${args[2]}`);
      return actual.evaluateGoal(...args);
    },
  };
});

describe('goal evaluations', () => {
  it('are computed once per goal and as-of day across every page of a build', async () => {
    const loaded = await loadProject('test/fixtures/basic');
    if (!loaded.ok) throw new Error('fixture must validate');
    const { project } = loaded;
    const engine = createEngine(project);
    for (const quarter of reportQuarters(project)) {
      quarterPage(project, engine, quarter);
      for (const channel of quarterChannels(project, engine, quarter.label)) quarterPage(project, engine, quarter, channel);
    }
    for (const goal of project.goals) {
      goalView(project, engine, goal);
      statusSummary(project, engine, goal, siteAsOf(project));
      goalEvaluation(engine, goal, siteAsOf(project));
    }
    expect(calls.length).toBeGreaterThanOrEqual(project.goals.length);
    const twice = calls.filter((c, i) => calls.indexOf(c) !== i);
    expect(twice).toEqual([]);
  });

  it('share one result per engine, and a new engine evaluates afresh', async () => {
    const loaded = await loadProject('test/fixtures/basic');
    if (!loaded.ok) throw new Error('fixture must validate');
    const goal = loaded.project.goals[0]!;
    const engine = createEngine(loaded.project);
    const day = siteAsOf(loaded.project);
    expect(goalEvaluation(engine, goal, day)).toBe(goalEvaluation(engine, goal, day));
    expect(goalEvaluation(createEngine(loaded.project), goal, day)).toEqual(goalEvaluation(engine, goal, day));
  });

  it("measure a SMART goal by its goal's evaluation, and a key result once per period and day", async () => {
    const loaded = await loadProject('test/fixtures/basic');
    if (!loaded.ok) throw new Error('fixture must validate');
    const { project } = loaded;
    const engine = createEngine(project);
    const day = siteAsOf(project);
    const smart = project.goals.find((g) => g.type === 'smart')!;
    expect(measureEvaluation(engine, smart, smart.period, day)).toBe(goalEvaluation(engine, smart, day));
    const okr = project.goals.find((g) => g.type === 'okr')!;
    const kr = okr.type === 'okr' ? okr.keyResults.find((k) => k.measure)!.measure! : null;
    expect(kr).not.toBeNull();
    const once = measureEvaluation(engine, kr!, okr.period, day);
    expect(measureEvaluation(engine, kr!, okr.period, day)).toBe(once);
    expect(once).toEqual(evaluateMeasure(engine, kr!, okr.period, day));
  });
});
