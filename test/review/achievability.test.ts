/** `diff` gives the achievability verdict of added goals and changed targets (issue 14), in JSON and in the PR comment. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { repo, run } from './helpers.ts';

// Instagram's quarterly impressions 1,000 → 1,100 → 1,210 → 1,150 → 1,300 → 1,400 (best change +13.04%).
const HISTORY = JSON.stringify({
  channel: 'instagram',
  rows: [
    ['2025-Q1', 1000],
    ['2025-Q2', 1100],
    ['2025-Q3', 1210],
    ['2025-Q4', 1150],
    ['2026-Q1', 1300],
    ['2026-Q2', 1400],
  ].map(([quarter, impressions]) => ({ quarter, impressions })),
});

const GOAL = (target: number) => `goals:
  - { id: reach-q3, title: More impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: ${target} }
`;
const OKR = `goals:
  - id: okr-q3
    type: okr
    title: Be seen
    period: 2026-Q3
    key_results:
      - { id: seen, kpi: impressions, channel: instagram, target: 1500 }
      - { id: talks, title: Give two talks, manual: { current: 0, target: 2 } }
`;

async function diffJson(dir: string, base: string, head: string): Promise<GoalChange[]> {
  const r = await run(dir, ['diff', base, head, '--format', 'json']);
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as { changes: GoalChange[] }).changes;
}

describe('diff and achievability', () => {
  const r = repo();
  writeFileSync(join(r.dir, 'data/history.json'), HISTORY);
  const empty = r.commit('goals: []\n', '2026-06-01');
  const added = r.commit(GOAL(2000), '2026-06-02');
  const lowered = r.commit(GOAL(1500), '2026-06-03');
  const okr = r.commit(OKR, '2026-06-04');

  it('gives the verdict of an added goal, with the figures', async () => {
    const [change] = await diffJson(r.dir, empty, added);
    expect(change).toMatchObject({ goal: 'reach-q3', kind: 'added', achievability: { verdict: 'stretch', periods: 5 } });
    expect(change!.achievability!.needed).toBeCloseTo(2000 / 1400 - 1, 12);
  });

  it('gives the verdict of a changed target', async () => {
    const changes = await diffJson(r.dir, added, lowered);
    expect(changes.find((c) => c.field === 'target')).toMatchObject({
      old: 2000,
      new: 1500,
      achievability: { verdict: 'realistic' },
    });
  });

  it('gives each measured key result of an added OKR its verdict', async () => {
    const changes = await diffJson(r.dir, lowered, okr);
    expect(changes.find((c) => c.goal === 'okr-q3' && c.kind === 'added')).toMatchObject({
      key_results: { seen: { verdict: 'realistic' } },
    });
  });

  it('says it in words in the PR comment', async () => {
    const md = await run(r.dir, ['diff', empty, added]);
    expect(md.out).toContain('achievable? Stretch: It needs +42.9% in a quarter; the best quarter so far was +13.0%.');
  });
});
