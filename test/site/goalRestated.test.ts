/**
 * A goal page's restatement lines ("what would be restated") name key results by their
 * title, as /changes/ does, never by their id.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { project, read, run, scratch } from '../versions/helpers.ts';

describe("a goal page's restated figures", () => {
  it('name a key result by its title', async () => {
    const root = scratch();
    expect((await run(root, ['freeze', '2026-Q2'])).status).toBe(0);
    // Today the manual key result counts two events of three, where the freeze had one.
    const file = join(root, 'goals/goals.yaml');
    writeFileSync(file, read(root, 'goals/goals.yaml').replace('current: 1, target: 3', 'current: 2, target: 3'));
    const p = await project(root);
    const view = goalView(
      p,
      createEngine(p),
      p.goals.find((g) => g.id === 'reputation-q2')!,
    );
    // The manual key result: 1 → 2 events of 3, its score 1/3 → 2/3 on the objective's 0–1 scale.
    expect(view.restated).toContain('key result “Speak at three events”: actual 1 → 2');
    expect(view.restated).toContain('key result “Speak at three events”: score 0.33 → 0.67');
    // Bands in words, as the OKR list shows them.
    expect(view.restated).toContain('status Red → Yellow');
    expect(view.restated.join('\n')).not.toMatch(/\bevents:|\bred\b|%/);
  });
});
