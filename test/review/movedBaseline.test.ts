/**
 * A baseline or milestones made easier after the period began are moved goalposts (red-team 10
 * #8): a level's progress counts from its baseline, so a baseline moved away from the target the
 * KPI's good way is an easier goal, and milestones that expect less along the way are an easier
 * pace (for a budget cap, milestones that allow more). Key results alike; the diff shows the
 * status effect; harder changes and changes before the period began stay plain.
 */
import { describe, expect, it } from 'vitest';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { reasonText } from '../../src/review/moved.ts';
import { fr } from '../../src/translations/fr.ts';
import { it as italian } from '../../src/translations/it.ts';
import { dailyRepo, run } from './helpers.ts';

/** CTR is 2% every day: from a baseline of 1.5% to a target of 3%, progress is 33% by May 15 (expected 49%). */
const CTR = (baseline: number, milestones = '') => `goals:
  - { id: ctr, title: CTR up, period: 2026-Q2, channel: instagram, kpi: ctr, baseline: ${baseline}, target: 0.03${milestones} }
`;
/** CPC is €5 every day: from €6 to €4, progress is 50%. */
const CPC = (baseline: number) => `goals:
  - { id: cpc, title: CPC down, period: 2026-Q2, channel: instagram, kpi: cpc, baseline: ${baseline}, target: 4 }
`;

async function changes(dir: string, base: string, head: string): Promise<GoalChange[]> {
  const r = await run(dir, ['diff', base, head, '--format', 'json']);
  expect(r.err).toBe('');
  return (JSON.parse(r.out) as { changes: GoalChange[] }).changes;
}
const verdicts = (list: readonly GoalChange[]) => list.map((c) => [c.kr ?? c.goal, c.field, c.moved_goalpost]);

describe('a baseline made easier after the period began (red-team 10 #8)', () => {
  it('flags a lower baseline where up is good, with its status effect, and exits 1 with --fail-on-moved', async () => {
    const r = dailyRepo();
    const a = r.commit(CTR(0.015), '2026-03-01');
    const b = r.commit(CTR(0.01), '2026-04-20');
    expect(await changes(r.dir, a, b)).toEqual([
      expect.objectContaining({
        field: 'baseline',
        old: 0.015,
        new: 0.01,
        moved_goalpost: true,
        reason: 'baseline moved away from the target (the same result shows more progress) after the period began on 2026-04-01',
        status: { old: 'off_track', new: 'on_track' },
      }),
    ]);
    expect((await run(r.dir, ['diff', a, b, '--fail-on-moved'])).status).toBe(1);
  });

  it('flags a higher baseline where down is good; a harder baseline, or one set before the start, is plain', async () => {
    const r = dailyRepo();
    const a = r.commit(CPC(6), '2026-03-01');
    const before = r.commit(CPC(7), '2026-03-20');
    const easier = r.commit(CPC(8), '2026-04-20');
    const harder = r.commit(CPC(5.5), '2026-04-21');
    expect(verdicts(await changes(r.dir, a, before))).toEqual([['cpc', 'baseline', false]]);
    expect(verdicts(await changes(r.dir, before, easier))).toEqual([['cpc', 'baseline', true]]);
    expect(verdicts(await changes(r.dir, easier, harder))).toEqual([['cpc', 'baseline', false]]);
  });

  it('judges an implicit baseline made explicit by the value it resolves to', async () => {
    const r = dailyRepo();
    // Q1's CTR (March) is 2%: a baseline of 1% is lower, 2.5% higher.
    const goal = (baseline: string) => `goals:
  - { id: ctr, title: CTR up, period: 2026-Q2, channel: instagram, kpi: ctr,${baseline} target: 0.03 }
`;
    const a = r.commit(goal(''), '2026-03-01');
    const lower = r.commit(goal(' baseline: 0.01,'), '2026-04-20');
    const higher = r.commit(goal(' baseline: 0.025,'), '2026-04-20');
    expect(verdicts(await changes(r.dir, a, lower))).toEqual([['ctr', 'baseline', true]]);
    expect(verdicts(await changes(r.dir, a, higher))).toEqual([['ctr', 'baseline', false]]);
  });

  it("flags a key result's baseline made easier", async () => {
    const r = dailyRepo();
    const okr = (baseline: number) => `goals:
  - id: okr
    type: okr
    title: Better ads
    period: 2026-Q2
    key_results:
      - { id: k-ctr, kpi: ctr, channel: instagram, baseline: ${baseline}, target: 0.03 }
      - { id: k-talks, title: Talks, manual: { current: 1, target: 4 } }
`;
    const a = r.commit(okr(0.015), '2026-03-01');
    const b = r.commit(okr(0.01), '2026-04-20');
    expect(verdicts(await changes(r.dir, a, b))).toEqual([['k-ctr', 'baseline', true]]);
  });
});

describe('milestones made easier after the period began (red-team 10 #8)', () => {
  /** A milestone of 2.5% on May 1 expects 81% by May 15 (progress 33%: off track); 1.8% expects 54%. */
  const at = (date: string, target: number) => `, milestones: [{ date: ${date}, target: ${target} }]`;

  it('flags a milestone lowered, or pushed later, with its status effect; a raised one is plain', async () => {
    const r = dailyRepo();
    const a = r.commit(CTR(0.01, at('2026-05-01', 0.025)), '2026-03-01');
    const lowered = r.commit(CTR(0.01, at('2026-05-01', 0.018)), '2026-04-20');
    const raised = r.commit(CTR(0.01, at('2026-05-01', 0.028)), '2026-04-21');
    const later = r.commit(CTR(0.01, at('2026-06-01', 0.028)), '2026-04-22');
    const dropped = r.commit(CTR(0.01), '2026-04-23');
    expect(await changes(r.dir, a, lowered)).toEqual([
      expect.objectContaining({
        field: 'milestones',
        moved_goalpost: true,
        reason: "milestones made easier (the expected pace moved in the goal's favour) after the period began on 2026-04-01",
        status: { old: 'off_track', new: 'on_track' },
      }),
    ]);
    expect(verdicts(await changes(r.dir, lowered, raised))).toEqual([['ctr', 'milestones', false]]);
    expect(verdicts(await changes(r.dir, raised, later))).toEqual([['ctr', 'milestones', true]]);
    // Without milestones the pace is a straight line, below the 2.8% of June 1.
    expect(verdicts(await changes(r.dir, later, dropped))).toEqual([['ctr', 'milestones', true]]);
  });

  it('flags a budget cap whose milestone allows more spending, not one that allows less', async () => {
    const r = dailyRepo();
    const cap = (by: number) => `goals:
  - { id: cap, title: Spend cap, period: 2026-Q2, channel: instagram, kpi: spend, target: 10000, milestones: [{ date: 2026-05-01, target: ${by} }] }
`;
    const a = r.commit(cap(3000), '2026-03-01');
    const more = r.commit(cap(5000), '2026-04-20');
    const less = r.commit(cap(2000), '2026-04-21');
    expect(verdicts(await changes(r.dir, a, more))).toEqual([['cap', 'milestones', true]]);
    expect(verdicts(await changes(r.dir, more, less))).toEqual([['cap', 'milestones', false]]);
  });

  it("flags a key result's milestones lowered", async () => {
    const r = dailyRepo();
    const okr = (milestone: number) => `goals:
  - id: okr
    type: okr
    title: Better ads
    period: 2026-Q2
    key_results:
      - { id: k-ctr, kpi: ctr, channel: instagram, baseline: 0.01, target: 0.03, milestones: [{ date: 2026-05-01, target: ${milestone} }] }
`;
    const a = r.commit(okr(0.025), '2026-03-01');
    const b = r.commit(okr(0.015), '2026-04-20');
    expect(await changes(r.dir, a, b)).toEqual([
      expect.objectContaining({
        kr: 'k-ctr',
        field: 'milestones',
        moved_goalpost: true,
        status: { old: 'off_track', new: 'on_track' },
      }),
    ]);
  });
});

describe('the reasons in the pages’ languages', () => {
  it('has words for every new reason in French and Italian', () => {
    const date = { date: '2026-04-01' };
    for (const key of ['baseline', 'milestones', 'startLater', 'startEarlier', 'deadlineIn', 'capUp'] as const) {
      expect(reasonText({ key, values: date }, fr.moveReasons, 'fr-FR')).toMatch(/ le 1 avr\. 2026$/);
      expect(reasonText({ key, values: date }, italian.moveReasons, 'it-IT')).toMatch(/ il 1 apr 2026$/);
    }
  });
});
