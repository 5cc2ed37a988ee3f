/**
 * `validate` says where follower totals given as month rows stop before a quarter ends while the
 * channel's content goes on (test/followerCutFixture.ts, totals to August beside content to 30
 * September), as it says so of follows that stop early: a goal on the count or the growth over
 * that quarter is evaluated as of the last total, and a goal in the next quarter whose reference
 * is taken over it (an implicit baseline, a relative target) is told that reference ends there.
 * On main it said nothing.
 */
import { describe, expect, it } from 'vitest';
import { totalsToAugust } from '../followerCutFixture.ts';

const endNotes = (goals?: string) => totalsToAugust(goals).notes.filter((n) => n.includes('2026-08-31'));

describe('follower totals whose month rows stop in August, in a 2026-Q3 that ends in September', () => {
  it('make validate note that goals on the count and the growth over Q3 are evaluated as of their last total', () => {
    const notes = endNotes();
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('the data of instagram for follower_count end on 2026-08-31, before the deadline (2026-09-30)');
    expect(notes[1]).toContain('the data of instagram for follower_growth end on 2026-08-31, before the deadline (2026-09-30)');
  });

  it('make validate note a Q4 reference taken over Q3: an implicit baseline, a relative target', () => {
    const notes = endNotes(`goals:
  - { id: q4-count, title: Followers in Q4, period: 2026-Q4, channel: instagram, kpi: follower_count, target: 13000 }
  - { id: q4-growth, title: Growth in Q4, period: 2026-Q4, channel: instagram, kpi: follower_growth, target: { change: "+10%" } }
`);
    expect(notes).toEqual([
      expect.stringContaining(
        'the baseline (follower_count over 2026-Q3, as none is given) is taken to 2026-08-31: the export of followers on instagram ends on 2026-08-31',
      ),
      expect.stringContaining(
        'the target +10% applies to follower_growth over 2026-Q3, which counts followers on instagram only to 2026-08-31, where its export ends',
      ),
    ]);
  });
});
