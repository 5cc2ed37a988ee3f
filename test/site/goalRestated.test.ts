/**
 * A goal page's restatement lines ("what would be restated") name key results by their
 * title, as /changes/ does, never by their id.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { quarterPage } from '../../src/site/quarterPage.ts';
import { project, quarterOf, read, run, scratch } from '../versions/helpers.ts';
import { dailyExport } from '../exportsFixture.ts';

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

/**
 * A frozen quarter whose goal is restated only because its deadline has passed (red-team 9 #6):
 * Instagram's follows export ends on 10 September, and the quarter is frozen as of 20 September
 * (its content export's last day). Later content data (to 5 October) bring the report past the
 * deadline, the follows unchanged: the follower goal is now undecided, and the page says that only
 * the deadline passed, not that its data or goal changed. A change of its data is said as before.
 */
describe('a goal restated only by the passing of its deadline', () => {
  const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
  const GOALS = `goals:
  - { id: fc-ig, title: IG followers, period: 2026-Q3, channel: instagram, kpi: follower_count, baseline: 14000, target: 14500 }
`;
  const follows = (to: string) =>
    dailyExport('instagram', '2026-07-01', to, (d) => ({
      ...(d === '2026-07-01' ? { followers: 15000 } : {}),
      new_followers: 12,
      lost_followers: 4,
    }));
  const content = (to: string) => dailyExport('instagram', '2026-07-01', to, () => ({ impressions: 2000 }));
  const frozenRoot = async (): Promise<string> => {
    const root = mkdtempSync(join(tmpdir(), 'goalpost-restated-'));
    for (const [path, text] of Object.entries({
      'content/site.yaml': SITE,
      'goals/goals.yaml': GOALS,
      'data/instagram/follows.json': follows('2026-09-10'),
      'data/instagram/content.json': content('2026-09-20'),
    })) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    expect((await run(root, ['freeze', '2026-Q3'], '2026-09-21T09:00:00.000Z')).status).toBe(0);
    return root;
  };
  const restatedOf = async (root: string) => {
    const p = await project(root);
    return goalView(
      p,
      createEngine(p),
      p.goals.find((g) => g.id === 'fc-ig')!,
    ).restated;
  };

  it('says why when the status changes with its data the same, on the goal page and the quarter page', async () => {
    const root = await frozenRoot();
    writeFileSync(join(root, 'data/instagram/content.json'), content('2026-10-05'));
    const why = '(only its deadline has passed: its data still end on Sep 10, 2026, before it, so they cannot settle it)';
    expect(await restatedOf(root)).toEqual([`status On track → Undecided ${why}`]);
    const p = await project(root);
    const rows = quarterPage(p, createEngine(p), quarterOf('2026-Q3')).frozen!.shown.rows;
    expect(rows.find((r) => r.figure === '“IG followers”: status')).toEqual({
      figure: '“IG followers”: status',
      before: '● On track',
      after: `◇ Undecided ${why}`,
    });
  });

  it('says no such thing when its data changed', async () => {
    const root = await frozenRoot();
    writeFileSync(join(root, 'data/instagram/content.json'), content('2026-10-05'));
    writeFileSync(join(root, 'data/instagram/follows.json'), follows('2026-09-20'));
    const restated = await restatedOf(root);
    expect(restated.length).toBeGreaterThan(0);
    expect(restated.join('\n')).not.toContain('deadline');
  });
});
