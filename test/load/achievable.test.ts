/** validate lists achievability notes (issue 14): never an error, at the target. */
import { describe, expect, it } from 'vitest';
import { outcomeOf } from './helpers.ts';

const SITE = 'title: Test\nchannels:\n  instagram: { label: Instagram }\n';
// Quarterly impressions 1,000 → 1,100 → 1,210 → 1,150 → 1,300 → 1,400 (best change +13.04%, 75th percentile +10%).
const DATA = JSON.stringify({
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
const goal = (target: number) =>
  `goals:\n  - id: g\n    title: Impressions\n    period: 2026-Q3\n    channel: instagram\n    kpi: impressions\n    target: ${target}\n`;
const outcome = (target: number) =>
  outcomeOf({ site: SITE, goals: { 'goals/q3.yaml': goal(target) }, data: { 'data/ig.json': DATA } });

describe('achievability notes', () => {
  it('notes a stretch target at the target, as a note (exit 0)', () => {
    expect(outcome(2000)).toEqual({
      problems: [],
      notes: [
        'goals/q3.yaml:7:13: note: achievable? a stretch target: It needs +42.9% in a quarter; the best quarter so far was +13.0%.',
      ],
    });
  });

  it('notes an ambitious target and one already met', () => {
    expect(outcome(1568).notes).toEqual([
      'goals/q3.yaml:7:13: note: achievable? an ambitious target: It needs +12.0% in a quarter, more than three quarters in four so far (median +10.0%, best +13.0%).',
    ]);
    expect(outcome(1350).notes).toEqual([
      'goals/q3.yaml:7:13: note: achievable? a target already met: The previous quarter already met it: the target is a change of -3.6%.',
    ]);
  });

  it('says nothing of a realistic target', () => {
    expect(outcome(1500)).toEqual({ problems: [], notes: [] });
  });
});
