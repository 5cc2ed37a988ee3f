/**
 * Goalposts that move (SPEC "Goalposts that move", issue 11): every way of moving a goalpost
 * after the period began is flagged by `diff` and fails `--fail-on-moved` (exit 1); the same
 * changes before the period began are plain (exit 0); `diff` exits 2 when it cannot compare.
 */
import { describe, expect, it } from 'vitest';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { repo, run } from './helpers.ts';

/** A follower goal on the basic fixture (followers 1,000 → 1,100 by 2026-05-01). */
const FOLLOWERS = (id: string, target: number) => `goals:
  - { id: ${id}, title: Grow Instagram followers, period: 2026-Q2, channel: instagram, kpi: follower_count, baseline: 1000, target: ${target} }
`;
const IMPRESSIONS = `goals:
  - { id: reach-out, title: Reach more people, period: 2026-Q2, channel: instagram, kpi: impressions, target: 3000 }
`;
/** An OKR of two manual key results: 0.7 and 0.6, score 0.65; without the weak one, 0.70. */
const OKR = (krs: string, period = '2026-Q2') => `goals:
  - id: events
    type: okr
    title: Be seen at industry events
    period: ${period}
    key_results:
${krs}`;
const STRONG = '      - { id: talks, title: Talks given, manual: { current: 7, target: 10 } }\n';
const WEAK = '      - { id: booths, title: Booths staffed, manual: { current: 6, target: 10 } }\n';

async function changes(dir: string, base: string, head: string): Promise<GoalChange[]> {
  const r = await run(dir, ['diff', base, head, '--format', 'json']);
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as { changes: GoalChange[] }).changes;
}

async function failOnMoved(dir: string, base: string, head: string): Promise<number> {
  return (await run(dir, ['diff', base, head, '--fail-on-moved'])).status;
}

const summary = (list: readonly GoalChange[]) =>
  list.map((c) => [c.goal, c.kr ?? null, c.kind, c.field ?? null, c.moved_goalpost]);

describe('diff --fail-on-moved cannot be bypassed (issue 11)', () => {
  it('flags a goal renamed while its target is lowered, as a rename with the lowered target', async () => {
    const r = repo();
    const a = r.commit(FOLLOWERS('ig-followers', 1200), '2026-03-01');
    const b = r.commit(FOLLOWERS('ig-followers-q2', 1080), '2026-05-01');
    const list = await changes(r.dir, a, b);
    expect(summary(list)).toEqual([
      ['ig-followers-q2', null, 'renamed', 'id', true],
      ['ig-followers-q2', null, 'changed', 'target', true],
    ]);
    expect(list[0]).toMatchObject({ old: 'ig-followers', new: 'ig-followers-q2' });
    expect(list[1]).toMatchObject({ old: 1200, new: 1080, status: { old: 'missed', new: 'achieved' } });
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
  });

  it('flags a goal whose KPI was swapped', async () => {
    const r = repo();
    const a = r.commit(IMPRESSIONS, '2026-03-01');
    const b = r.commit(IMPRESSIONS.replace('kpi: impressions, target: 3000', 'kpi: clicks, target: 40'), '2026-05-01');
    const list = await changes(r.dir, a, b);
    expect(summary(list)).toEqual([
      ['reach-out', null, 'changed', 'kpi', true],
      ['reach-out', null, 'changed', 'target', false],
    ]);
    expect(list[0]).toMatchObject({ old: 'impressions', new: 'clicks', reason: expect.stringContaining('KPI changed') });
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
  });

  it('flags a SMART goal turned into an OKR whose manual key result is already met', async () => {
    const r = repo();
    const a = r.commit(FOLLOWERS('ig-followers', 1500), '2026-03-01');
    const b = r.commit(
      `goals:
  - id: ig-followers
    type: okr
    title: Grow Instagram followers
    period: 2026-Q2
    key_results:
      - { id: posts, title: Post every week, manual: { current: 13, target: 13 } }
`,
      '2026-05-01',
    );
    const list = await changes(r.dir, a, b);
    expect(list[0]).toMatchObject({
      goal: 'ig-followers',
      kind: 'changed',
      field: 'type',
      old: 'smart',
      new: 'okr',
      moved_goalpost: true,
    });
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
  });

  it('flags a goal deleted in the middle of its period', async () => {
    const r = repo();
    const a = r.commit(`${FOLLOWERS('ig-followers', 1500)}${IMPRESSIONS.replace('goals:\n', '')}`, '2026-03-01');
    const b = r.commit(IMPRESSIONS, '2026-05-01');
    expect(summary(await changes(r.dir, a, b))).toEqual([['ig-followers', null, 'removed', null, true]]);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
  });

  it("flags an OKR's weak key result removed after its quarter (score 0.65 → 0.70)", async () => {
    const r = repo();
    const a = r.commit(OKR(STRONG + WEAK), '2026-03-01');
    const b = r.commit(OKR(STRONG), '2026-07-15');
    const list = await changes(r.dir, a, b);
    expect(summary(list)).toEqual([['events', 'booths', 'removed', null, true]]);
    expect(list[0]!.reason).toMatch(/0\.65 → 0\.7/);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
  });

  it('flags a key result re-weighted when that raises the score, not when it lowers it', async () => {
    const r = repo();
    const a = r.commit(OKR(STRONG + WEAK), '2026-03-01');
    const b = r.commit(OKR(STRONG.replace('title: Talks given,', 'title: Talks given, weight: 3,') + WEAK), '2026-05-01');
    const c = r.commit(OKR(STRONG + WEAK.replace('title: Booths staffed,', 'title: Booths staffed, weight: 3,')), '2026-05-02');
    expect(summary(await changes(r.dir, a, b))).toEqual([['events', 'talks', 'changed', 'weight', true]]);
    expect(summary(await changes(r.dir, a, c))).toEqual([['events', 'booths', 'changed', 'weight', false]]);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
    expect(await failOnMoved(r.dir, a, c)).toBe(0);
  });

  it('flags a channel changed after the start', async () => {
    const r = repo();
    const a = r.commit(IMPRESSIONS, '2026-03-01');
    const b = r.commit(IMPRESSIONS.replace('channel: instagram', 'channel: all'), '2026-05-01');
    expect(summary(await changes(r.dir, a, b))).toEqual([['reach-out', null, 'changed', 'channel', true]]);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
    // The same channel written as a list is no change at all (red-team 31 #5).
    const c = r.commit(IMPRESSIONS.replace('channel: instagram', 'channel: [instagram]'), '2026-05-02');
    expect(summary(await changes(r.dir, a, c))).toEqual([]);
  });

  it('treats each of these changes made before the period began as a plain change (exit 0)', async () => {
    const r = repo();
    const base = r.commit(
      `${FOLLOWERS('ig-followers', 1500)}${IMPRESSIONS.replace('goals:\n', '')}${OKR(STRONG + WEAK).replace('goals:\n', '')}`,
      '2026-03-01',
    );
    const head = r.commit(
      `goals:
  - { id: followers-q2, title: Grow Instagram followers, period: 2026-Q2, channel: instagram, kpi: follower_count, baseline: 1000, target: 1080 }
  - { id: reach-out, title: Reach more people, period: 2026-Q2, channel: all, kpi: clicks, target: 40 }
${OKR(STRONG).replace('goals:\n', '')}`,
      '2026-03-20',
    );
    const list = await changes(r.dir, base, head);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.filter((c) => c.moved_goalpost)).toEqual([]);
    expect(await failOnMoved(r.dir, base, head)).toBe(0);
  });

  it('exits 0 with --fail-on-moved when the goalposts stayed put', async () => {
    const r = repo();
    const a = r.commit(FOLLOWERS('ig-followers', 1200), '2026-03-01');
    const b = r.commit(
      FOLLOWERS('ig-followers', 1300).replace('Grow Instagram followers', 'Grow our Instagram audience'),
      '2026-05-01',
    );
    expect(await failOnMoved(r.dir, a, b)).toBe(0);
  });
});

describe('diff exits 2 when it cannot compare', () => {
  it('for an unknown ref, and for content that does not validate at either ref', async () => {
    const r = repo();
    const broken = 'goals:\n  - { id: x, title: X, period: 2026-Q5, channel: instagram, kpi: ctr, target: 0.1 }\n';
    const a = r.commit(broken, '2026-03-01');
    const b = r.commit(FOLLOWERS('ig-followers', 1200), '2026-03-02');
    const c = r.commit(broken, '2026-03-03');
    const unknown = await run(r.dir, ['diff', 'nope', b, '--fail-on-moved']);
    expect([unknown.status, unknown.err]).toEqual([2, expect.stringContaining("no commit named 'nope'")]);
    expect((await run(r.dir, ['diff', b, 'nope'])).status).toBe(2);
    const atBase = await run(r.dir, ['diff', a, b, '--fail-on-moved']);
    expect([atBase.status, atBase.err]).toEqual([2, expect.stringContaining(`the content at ${a} does not validate`)]);
    const atHead = await run(r.dir, ['diff', b, c, '--fail-on-moved']);
    expect([atHead.status, atHead.err]).toEqual([2, expect.stringContaining(`the content at ${c} does not validate`)]);
  });

  it('but a usage mistake stays exit 1', async () => {
    const r = repo();
    expect((await run(r.dir, ['diff'])).status).toBe(1);
    expect((await run(r.dir, ['diff', 'main', '--format', 'xml'])).status).toBe(1);
  });
});

describe('the pull-request comment', () => {
  it('warns about every moved goalpost, removals and renames included, with the reason', async () => {
    const r = repo();
    const a = r.commit(`${FOLLOWERS('ig-followers', 1200)}${IMPRESSIONS.replace('goals:\n', '')}`, '2026-03-01');
    const b = r.commit(FOLLOWERS('followers-q2', 1080), '2026-05-01');
    const { out, status } = await run(r.dir, ['diff', a, b, '--fail-on-moved']);
    expect(status).toBe(1);
    expect(out).toContain('**3 goalposts moved** after the period began:');
    expect(out).toContain('> - `followers-q2`: goal renamed (its id changed) after the period began on 2026-04-01');
    expect(out).toContain('> - `reach-out`: goal removed after the period began on 2026-04-01');
    expect(out).toMatch(/\| goal removed ⚠️ \*\*goalpost moved\*\* \|/);
    expect(out).toMatch(/\| goal renamed ⚠️ \*\*goalpost moved\*\* \|/);
  });
});

describe("an OKR's key results", () => {
  it('flag a KPI swapped and a key result turned manual after the start; a harder manual target is plain', async () => {
    const r = repo();
    const a = r.commit(
      OKR(
        '      - { id: reach, kpi: impressions, channel: instagram, target: 3000 }\n      - { id: posts, kpi: clicks, channel: instagram, target: 100 }\n' +
          WEAK,
      ),
      '2026-03-01',
    );
    const b = r.commit(
      OKR(
        '      - { id: reach, kpi: clicks, channel: instagram, target: 40 }\n      - { id: posts, title: Posts, manual: { current: 5, target: 5 } }\n' +
          WEAK.replace('target: 10', 'target: 12'),
      ),
      '2026-05-01',
    );
    expect(summary(await changes(r.dir, a, b))).toEqual([
      ['events', 'reach', 'changed', 'kpi', true],
      ['events', 'reach', 'changed', 'target', false],
      ['events', 'posts', 'changed', 'title', false],
      ['events', 'posts', 'changed', 'measure', true],
      ['events', 'booths', 'changed', 'target', false],
    ]);
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
  });
});
