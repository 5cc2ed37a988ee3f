/**
 * validate's note on a goal whose channels' data end early, with channels that end on different
 * days (red-team 9 #9): each channel is named with its own last day. From exports shaped like
 * real ones (one file per channel and source, daily rows, a `through`).
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS_END_APART, loadRoot } from '../exportsFixture.ts';

const GOALS = `goals:
  - { id: all-ctr, title: CTR all, period: 2026-Q3, channel: all, kpi: ctr, target: 0.02 }
  - { id: two-impr, title: Impressions, period: 2026-Q3, channel: [instagram, linkedin], kpi: impressions, target: 900000 }
  - { id: ig-impr, title: IG impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: 900000 }
`;
const root = loadRoot('title: Acme\nlocale: en-US\ncurrency: EUR\n', GOALS, CHANNELS_END_APART);
const noteAt = (line: number) => root.notes.filter((n) => n.startsWith(`goals/g.yaml:${line}:5: note: the data of`));

describe('validate on channels whose data end on different days', () => {
  it('names each channel with its own last day, the earliest first', () => {
    expect(root.problems).toEqual([]);
    expect(noteAt(2)).toHaveLength(1);
    expect(noteAt(2)[0]).toContain(
      'the data of facebook for ctr end on 2026-09-10 and of instagram on 2026-09-15, before the deadline (2026-09-30), while later data exist: the goal is evaluated as of 2026-09-10',
    );
    expect(noteAt(3)[0]).toContain(
      'the data of linkedin for impressions end on 2026-09-05 and of instagram on 2026-09-15, before',
    );
  });

  it('keeps one day for one channel', () => {
    expect(noteAt(4)[0]).toContain('the data of instagram for impressions end on 2026-09-15, before the deadline (2026-09-30)');
  });
});
