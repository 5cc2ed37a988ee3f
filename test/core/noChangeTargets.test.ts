/**
 * A target that equals a baseline taken from the data (red-team 6 #2): a "+10%" on a quarter of
 * zero clicks, an absolute target equal to last quarter's follower count. New data must not make
 * the goal invalid: `validate` notes it (an error stays where the goal file itself gives a baseline
 * equal to its target). Progress is undefined, yet the goal does not read "No data": its status
 * says whether the actual is at or beyond the target in the KPI's good direction.
 */
import { describe, expect, it } from 'vitest';
import { dailyExport, evaluate, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\nchannels:\n  linkedin: { label: LinkedIn }\n';

/** LinkedIn page analytics: 1,000 impressions and no clicks a day in Q2; `q3Clicks` a day in Q3 to 31 August. */
const ctrData = (q3Clicks: number) => ({
  'data/linkedin/q2.json': dailyExport('linkedin', '2026-04-01', '2026-06-30', () => ({ impressions: 1000, clicks: 0 })),
  'data/linkedin/q3.json': dailyExport('linkedin', '2026-07-01', '2026-08-31', () => ({ impressions: 1000, clicks: q3Clicks })),
});

/** LinkedIn followers: 12,000 on 1 April, +8 a day to 12,720 on 30 June (Q2's last value), then `perDay` a day to 30 September. */
const followerData = (perDay: number) => ({
  'data/linkedin/followers-q2.json': dailyExport('linkedin', '2026-04-01', '2026-06-30', (d) => ({
    followers: 12000 + 8 * Math.round((Date.parse(d) - Date.parse('2026-04-01')) / 86_400_000),
  })),
  'data/linkedin/followers-q3.json': dailyExport('linkedin', '2026-07-01', '2026-09-30', (d) => ({
    followers: 12720 + perDay * (1 + Math.round((Date.parse(d) - Date.parse('2026-07-01')) / 86_400_000)),
  })),
});

const goals = (body: string) => `goals:\n${body}`;
const CTR = goals(
  '  - { id: zero-ctr, title: CTR +10%, kpi: ctr, channel: linkedin, period: 2026-Q3, target: { change: "+10%" } }\n',
);
const CLICKS = goals(
  '  - { id: clicks, title: Clicks +20%, kpi: clicks, channel: linkedin, period: 2026-Q3, target: { change: "+20%" } }\n',
);
const FOLLOWERS =
  goals(`  - { id: li-fc, title: Hold our followers, kpi: follower_count, channel: linkedin, period: 2026-Q3, target: 12720 }
  - id: okr
    type: okr
    title: Keep the audience
    period: 2026-Q3
    key_results:
      - { id: fc, kpi: follower_count, channel: linkedin, target: 12720 }
`);

describe('validate, on a target equal to a baseline from the data', () => {
  it('notes a relative target on a rate whose previous quarter is 0, rather than refusing the goal', () => {
    const root = loadRoot(SITE, CTR, ctrData(0));
    expect(root.problems).toEqual([]);
    expect(root.notes.filter((n) => n.includes('equals the baseline'))).toEqual([
      'goals/g.yaml:2:92: note: the target +10% (0) equals the baseline, ctr over 2026-Q2 (the baseline when none is given): ' +
        'the goal asks for no change, so progress is not measured and its status says whether ctr is at or above the target; ' +
        'give another target or a baseline',
    ]);
  });

  it('notes an absolute target equal to last quarter`s follower count', () => {
    const root = loadRoot(SITE, FOLLOWERS, followerData(1));
    expect(root.problems).toEqual([]);
    expect(root.notes.filter((n) => n.includes('equals the baseline'))).toHaveLength(2);
  });

  it('notes a relative target on a total whose previous quarter is 0', () => {
    const root = loadRoot(SITE, CLICKS, ctrData(0));
    expect(root.problems).toEqual([]);
    expect(root.notes.filter((n) => n.includes('equals the baseline'))).toEqual([
      'goals/g.yaml:2:96: note: the target +20% (0) equals the baseline, 0 (a total over the period starts from 0): the goal asks ' +
        'for no change, so progress is not measured and it is achieved by any total of 0 or more; give an absolute target',
    ]);
  });

  it('notes a relative cap on spend whose previous quarter is 0: a cap of 0 (red-team 29 #7)', () => {
    const SPEND = goals(
      '  - { id: cap, title: Spend +20%, kpi: spend, channel: linkedin, period: 2026-Q3, target: { change: "+20%" } }\n',
    );
    const data = {
      'data/linkedin/q2.json': dailyExport('linkedin', '2026-04-01', '2026-06-30', () => ({ spend: 0 })),
      'data/linkedin/q3.json': dailyExport('linkedin', '2026-07-01', '2026-08-31', () => ({ spend: 25 })),
    };
    const root = loadRoot(SITE, SPEND, data);
    expect(root.problems).toEqual([]);
    expect(root.notes.filter((n) => n.includes('a cap of 0'))).toEqual([
      'goals/g.yaml:2:91: note: the target +20% applies to the previous total, €0.00 (spend over 2026-Q2), so it comes to 0: ' +
        'a cap of 0 allows none at all, and any total above 0 misses it; give the target as a number (the cap for this period)',
    ]);
    expect(evaluate(root, 'cap', '2026-08-31')).toMatchObject({ target: 0, actual: 62 * 25, status: 'off_track' });
  });

  it('says the previous total a "-100%" cap comes to 0 from (red-team 30 #4)', () => {
    const SPEND = goals(
      '  - { id: cap, title: Spend -100%, kpi: spend, channel: linkedin, period: 2026-Q3, target: { change: "-100%" } }\n',
    );
    const data = {
      'data/linkedin/q2.json': dailyExport('linkedin', '2026-04-01', '2026-06-30', () => ({ spend: 10 })),
      'data/linkedin/q3.json': dailyExport('linkedin', '2026-07-01', '2026-08-31', () => ({ spend: 25 })),
    };
    const notes = loadRoot(SITE, SPEND, data).notes.filter((n) => n.includes('a cap of 0'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('the target -100% applies to the previous total, €910 (spend over 2026-Q2), so it comes to 0');
  });

  it('takes a baseline and a target the goal file gives equal as a goal to hold the KPI (red-team 7 #14)', () => {
    const body = goals(
      '  - { id: same, title: Same, kpi: ctr, channel: linkedin, period: 2026-Q3, baseline: 0.01, target: 0.01 }\n' +
        '  - { id: zero, title: Zero, kpi: ctr, channel: linkedin, period: 2026-Q3, target: { change: "+0%" } }\n',
    );
    const root = loadRoot(SITE, body, ctrData(0));
    expect(root.problems).toEqual([]);
    expect(root.notes.filter((n) => n.includes('equals the baseline'))).toEqual([
      'goals/g.yaml:2:100: note: the target 0.01 equals the baseline the goal gives: the goal asks for no change, so progress ' +
        'is not measured and its status says whether ctr is at or above the target',
      'goals/g.yaml:3:84: note: the target +0% (0) equals the baseline, ctr over 2026-Q2 (the baseline when none is given): ' +
        'the goal asks for no change, so progress is not measured and its status says whether ctr is at or above the target; ' +
        'give another target or a baseline',
    ]);
    // Zero clicks in Q3: under the 1% it was to hold.
    expect(evaluate(root, 'same', '2026-08-31')).toMatchObject({
      baseline: 0.01,
      target: 0.01,
      progress: null,
      status: 'off_track',
    });
  });
});

describe('the status of a goal asking for no change', () => {
  it('is achieved while the actual is at the target, with no progress', () => {
    expect(evaluate(loadRoot(SITE, CTR, ctrData(0)), 'zero-ctr', '2026-08-31')).toMatchObject({
      baseline: 0,
      target: 0,
      actual: 0,
      progress: null,
      status: 'achieved',
    });
    expect(evaluate(loadRoot(SITE, CLICKS, ctrData(3)), 'clicks', '2026-08-31')).toMatchObject({
      target: 0,
      actual: 186,
      progress: null,
      status: 'achieved',
    });
  });

  it('is achieved above the target on a KPI good when up, off track below it, and missed below it at the deadline', () => {
    const rising = loadRoot(SITE, FOLLOWERS, followerData(1));
    expect(evaluate(rising, 'li-fc', '2026-08-31')).toMatchObject({
      baseline: 12720,
      actual: 12782,
      progress: null,
      status: 'achieved',
    });
    const falling = loadRoot(SITE, FOLLOWERS, followerData(-1));
    expect(evaluate(falling, 'li-fc', '2026-08-31')).toMatchObject({ actual: 12658, progress: null, status: 'off_track' });
    expect(evaluate(falling, 'li-fc', '2026-09-30')).toMatchObject({ status: 'missed' });
  });

  it('scores a key result by its status', () => {
    const rising = evaluate(loadRoot(SITE, FOLLOWERS, followerData(1)), 'okr', '2026-08-31');
    const falling = evaluate(loadRoot(SITE, FOLLOWERS, followerData(-1)), 'okr', '2026-08-31');
    expect(rising.type === 'okr' && rising.keyResults[0]).toMatchObject({ status: 'achieved', score: 1 });
    expect(falling.type === 'okr' && falling.keyResults[0]).toMatchObject({ status: 'off_track', score: 0 });
  });
});
