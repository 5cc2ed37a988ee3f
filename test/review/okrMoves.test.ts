/**
 * An OKR's score raised after its period began by a change to its key results is a moved
 * goalpost (red-team 10 #2), judged by the change's net effect on the objective's score: key
 * results added (already met), removed, re-weighted, several at once, removed and re-added
 * easier, and an OKR turned into a SMART goal that scores higher. The PR comment shows the
 * objective's score before and after.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { movesOf } from '../../src/review/history.ts';
import { readHistory } from '../../src/site/history.ts';
import { repo, run } from './helpers.ts';

const OKR = (krs: string, period = '2026-Q2') => `goals:
  - id: reach
    type: okr
    title: Reach the market
    period: ${period}
    key_results:
${krs}`;
/** Two hard key results: 0.25 each, the objective 0.25 (red). */
const TALKS = '      - { id: talks, title: Give talks, manual: { current: 1, target: 4 } }\n';
const BOOTHS = '      - { id: booths, title: Staff booths, manual: { current: 1, target: 4 } }\n';
/** Already met when added. */
const POST = '      - { id: post, title: Publish a post, manual: { current: 1, target: 1 } }\n';
const SETUP = '      - { id: setup, title: Set up the account, manual: { current: 1, target: 1 }, weight: 5 }\n';
/** Followers 1,000 → 1,100 on the basic fixture: progress 0.5 against 1,200. */
const FOLLOWERS_KR = '      - { id: fans, kpi: follower_count, channel: instagram, baseline: 1000, target: 1200 }\n';

async function changes(dir: string, base: string, head: string): Promise<GoalChange[]> {
  const r = await run(dir, ['diff', base, head, '--format', 'json']);
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as { changes: GoalChange[] }).changes;
}

const failOnMoved = async (dir: string, base: string, head: string) =>
  (await run(dir, ['diff', base, head, '--fail-on-moved'])).status;

const summary = (list: readonly GoalChange[]) => list.map((c) => [c.kr ?? null, c.kind, c.field ?? null, c.moved_goalpost]);

describe("an OKR's key results changed after its period began (red-team 10 #2)", () => {
  it('flags met key results added while a hard one is dropped, by the net score 0.25 → 0.89', async () => {
    const r = repo();
    const a = r.commit(OKR(TALKS + BOOTHS), '2026-03-01');
    const b = r.commit(OKR(TALKS + POST + SETUP), '2026-04-20');
    const list = await changes(r.dir, a, b);
    // Dropping one of two equal key results alone would leave the score at 0.25: the additions moved it.
    expect(summary(list)).toEqual([
      ['post', 'added', null, true],
      ['setup', 'added', null, true],
      ['booths', 'removed', null, false],
    ]);
    for (const c of list.slice(0, 2))
      expect(c.reason).toBe(
        "key results added, removed or re-weighted, which together raise the objective's score (0.25 → 0.89) after the period began on 2026-04-01",
      );
    expect(list.at(-1)!.score).toEqual({ old: 0.25, new: expect.closeTo(6.25 / 7, 9) });
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
    // The PR comment gives the objective's score before and after.
    const comment = await run(r.dir, ['diff', a, b]);
    expect(comment.out).toContain('score as of the data: 0.25 → 0.89');
  });

  it('flags one met key result added, not a weak one, and neither before the period began', async () => {
    const r = repo();
    const a = r.commit(OKR(TALKS + BOOTHS), '2026-03-01');
    const early = r.commit(OKR(TALKS + BOOTHS + POST), '2026-03-20');
    const met = r.commit(OKR(TALKS + BOOTHS + POST), '2026-04-20');
    expect(summary(await changes(r.dir, a, early))).toEqual([['post', 'added', null, false]]);
    expect(await failOnMoved(r.dir, a, early)).toBe(0);
    const list = await changes(r.dir, a, met);
    expect(summary(list)).toEqual([['post', 'added', null, true]]);
    expect(list[0]!.reason).toBe(
      "key result added, which raises the objective's score (0.25 → 0.5) after the period began on 2026-04-01",
    );
    const weak = r.commit(
      OKR(TALKS + BOOTHS + '      - { id: fairs, title: Fairs, manual: { current: 0, target: 3 } }\n'),
      '2026-04-21',
    );
    expect(summary(await changes(r.dir, a, weak))).toEqual([['fairs', 'added', null, false]]);
    expect(await failOnMoved(r.dir, a, weak)).toBe(0);
  });

  it('flags a key result removed and re-added easier: in the re-adding commit, over the range, and in the history', async () => {
    const r = repo();
    const strong = '      - { id: talks, title: Give talks, manual: { current: 2, target: 4 } }\n';
    const a = r.commit(OKR(strong + BOOTHS.replace('current: 1', 'current: 2')), '2026-03-01');
    // Removing one of two equal key results leaves the score at 0.5: not flagged.
    const b = r.commit(OKR(strong), '2026-04-20');
    const c = r.commit(OKR(strong + BOOTHS.replace('current: 1', 'current: 2').replace('target: 4', 'target: 2')), '2026-04-21');
    expect(summary(await changes(r.dir, a, b))).toEqual([['booths', 'removed', null, false]]);
    // `diff` reads the history up to its base, as the site does: the key result added again is judged
    // against its definition before it was removed (target 4 → 2).
    const readded = await changes(r.dir, b, c);
    expect(summary(readded)).toEqual([
      ['booths', 'added', null, false],
      ['booths', 'changed', 'target', true],
    ]);
    expect(await failOnMoved(r.dir, b, c)).toBe(1);
    const range = await changes(r.dir, a, c);
    expect(summary(range)).toEqual([['booths', 'changed', 'target', true]]);
    expect(await failOnMoved(r.dir, a, c)).toBe(1);

    // The site's history compares the re-added key result with its earlier definition.
    const loaded = await loadProject(r.dir);
    if (!loaded.ok) throw new Error('fixture');
    const h = readHistory(r.dir, loaded.project, createEngine(loaded.project));
    if (!h.available) throw new Error(h.reason);
    expect(
      movesOf(h.entries, 'reach').map((m) => [m.commit.short, m.change.kr, m.change.field, m.change.old, m.change.new]),
    ).toEqual([[c, 'booths', 'target', 4, 2]]);
  });

  it('flags an OKR turned into a SMART goal that scores higher, and keeps flagging SMART turned OKR', async () => {
    const r = repo();
    const heavy = '      - { id: deals, title: Close deals, manual: { current: 1, target: 10 }, weight: 3 }\n';
    // 0.5 and 0.1 × 3: (0.5 + 0.3) / 4 = 0.2.
    const a = r.commit(OKR(FOLLOWERS_KR + heavy), '2026-03-01');
    const smart = `goals:
  - { id: reach, title: Reach the market, period: 2026-Q2, channel: instagram, kpi: follower_count, baseline: 1000, target: 1200 }
`;
    const b = r.commit(smart, '2026-04-20');
    const list = await changes(r.dir, a, b);
    expect(list[0]).toMatchObject({
      field: 'type',
      old: 'okr',
      new: 'smart',
      moved_goalpost: true,
      score: { old: 0.2, new: 0.5 },
    });
    expect(list[0]!.reason).toBe(
      'OKR turned into a SMART goal that scores higher than the OKR did (0.2 → 0.5) after the period began on 2026-04-01',
    );
    expect(await failOnMoved(r.dir, a, b)).toBe(1);
    expect((await run(r.dir, ['diff', a, b])).out).toContain('score as of the data: 0.20 → 0.50');
    // A SMART goal turned into an OKR stays a moved goalpost, whatever the scores.
    const c = r.commit(OKR(FOLLOWERS_KR + heavy), '2026-04-21');
    expect((await changes(r.dir, b, c))[0]).toMatchObject({ field: 'type', moved_goalpost: true });
  });

  it('pairs a key result rewritten under a new id with its channel as a list as renamed, and judges its target', async () => {
    const r = repo();
    const a = r.commit(OKR(FOLLOWERS_KR + TALKS), '2026-03-01');
    const b = r.commit(
      OKR('      - { id: followers, kpi: follower_count, channel: [instagram], baseline: 1000, target: 1100 }\n' + TALKS),
      '2026-04-20',
    );
    expect(summary(await changes(r.dir, a, b))).toEqual([
      ['followers', 'renamed', 'id', false],
      ['followers', 'changed', 'target', true],
    ]);
  });

  it('does not flag an OKR turned into a SMART goal that scores lower', async () => {
    const r = repo();
    // 0.5 and 1: 0.75; as a SMART goal 0.5.
    const a = r.commit(OKR(FOLLOWERS_KR + POST), '2026-03-01');
    const b = r.commit(
      `goals:
  - { id: reach, title: Reach the market, period: 2026-Q2, channel: instagram, kpi: follower_count, baseline: 1000, target: 1200 }
`,
      '2026-04-20',
    );
    expect((await changes(r.dir, a, b))[0]).toMatchObject({
      field: 'type',
      moved_goalpost: false,
      score: { old: 0.75, new: 0.5 },
    });
    expect(await failOnMoved(r.dir, a, b)).toBe(0);
  });

  it('flags an objective made a stretch one after its period began (red-team 31 #2), not one made a plain one', async () => {
    const r = repo();
    // 0.65: yellow, and green once a stretch objective (from 0.6).
    const krs = '      - { id: meetups, title: Meetups, manual: { current: 13, target: 20 } }\n';
    const stretched = (on: boolean) => OKR(krs).replace('    type: okr\n', `    type: okr\n    stretch: ${on}\n`);
    const a = r.commit(OKR(krs), '2026-03-01');
    const early = r.commit(stretched(true), '2026-03-20');
    const b = r.commit(stretched(false), '2026-04-10');
    const c = r.commit(stretched(true), '2026-04-20');
    expect(summary(await changes(r.dir, a, early))).toEqual([[null, 'changed', 'stretch', false]]);
    expect((await changes(r.dir, early, b))[0]).toMatchObject({
      field: 'stretch',
      moved_goalpost: false,
      band: { old: 'green', new: 'yellow' },
    });
    const list = await changes(r.dir, b, c);
    expect(list).toEqual([
      expect.objectContaining({
        field: 'stretch',
        old: false,
        new: true,
        moved_goalpost: true,
        band: { old: 'yellow', new: 'green' },
        reason:
          'made a stretch objective, whose score counts as green from 0.6 instead of 0.7 after the period began on 2026-04-01',
      }),
    ]);
    expect(await failOnMoved(r.dir, b, c)).toBe(1);
    const comment = await run(r.dir, ['diff', b, c]);
    expect(comment.out).toContain('band as of the data: yellow → green');
    // The site and `report` mark it as any moved goalpost.
    const loaded = await loadProject(r.dir);
    if (!loaded.ok) throw new Error('fixture');
    const h = readHistory(r.dir, loaded.project, createEngine(loaded.project));
    if (!h.available) throw new Error(h.reason);
    expect(movesOf(h.entries, 'reach').map((m) => [m.commit.short, m.change.field, m.change.old, m.change.new])).toEqual([
      [c, 'stretch', false, true],
    ]);
  });
});
