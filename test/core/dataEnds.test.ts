/**
 * A goal over a channel whose data ends before the as-of day (red-team M4) is evaluated as of
 * the last day its channels have data, and says so: the days after are unknown, not days
 * without activity. Before its deadline (here the day before): from the deadline on, such a goal
 * settles only on what its data decide (test/core/settleAtDeadline.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal } from '../../src/core/evaluate.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { formatDay } from '../../src/core/dates.ts';
import { goalJson } from '../../src/core/report.ts';
import { trajectory } from '../../src/core/trajectory.ts';
import { day, engineOf, expectClose, period, rows } from '../coreFixtures.ts';

function smart(extra: Partial<SmartGoal>): SmartGoal {
  return {
    type: 'smart',
    id: 'g',
    title: 'G',
    kpi: 'impressions',
    channel: 'instagram',
    period: period('2026-Q3'),
    baseline: null,
    target: { kind: 'absolute', value: 9200 },
    milestones: [],
    category: null,
    objective: null,
    owner: null,
    ...extra,
  } as SmartGoal;
}

/** 100 impressions a day on each channel, `from` through `to`. */
function daily(channel: string, from: string, to: string) {
  const out: Array<[string, Record<string, number>]> = [];
  for (let d = day(from); d <= day(to); d++) out.push([formatDay(d), { impressions: 100 }]);
  return rows(channel, out);
}

// Instagram's export ends on 15 August (day 46 of 92); LinkedIn's runs to 30 September.
const engine = engineOf([...daily('instagram', '2026-07-01', '2026-08-15'), ...daily('linkedin', '2026-07-01', '2026-09-30')]);
const asOf = day('2026-09-30');
/** The day before the deadline: the goal is still running. */
const before = day('2026-09-29');

describe('a goal whose channel data ends early', () => {
  it('is evaluated as of its channel last day: a total on pace is on track, not missed', () => {
    const e = evaluateGoal(engine, smart({}), before);
    // 46 days × 100 = 4,600 of 9,200: progress 0.5, elapsed 46/92 = 0.5; projection 4,600 / 0.5.
    expect(e).toMatchObject({ actual: 4600, progress: 0.5, elapsed: 0.5, expected: 0.5, status: 'on_track', projection: 9200 });
    expect(e.type === 'smart' && e.incomplete).toEqual(['instagram']);
    expect(e.type === 'smart' && e.dataTo).toBe(day('2026-08-15'));
  });

  it('over all channels, as of the earliest end among them', () => {
    const e = evaluateGoal(engine, smart({ channel: 'all', target: { kind: 'absolute', value: 18400 } }), before);
    // As of 15 August: 46 days × 200.
    expect(e).toMatchObject({ actual: 9200, elapsed: 0.5, status: 'on_track' });
    expectClose(e.type === 'smart' ? e.progress : null, 0.5);
    expect(e.type === 'smart' && e.incomplete).toEqual(['instagram']);
  });

  it('draws its progress to that day, not beyond', () => {
    const goal = smart({ channel: 'all', target: { kind: 'absolute', value: 18400 } });
    const e = evaluateGoal(engine, goal, asOf);
    if (e.type !== 'smart') throw new Error('a SMART goal');
    const path = trajectory(engine, goal, goal.period, asOf, e);
    expect(path.actual.at(-1)).toEqual({ day: day('2026-08-15'), value: 9200 });
    expect(path.actual).toHaveLength(46);
  });

  it('says so in JSON, and a goal whose channels all reach the as-of day says nothing', () => {
    const goal = smart({});
    const json = goalJson(goal, evaluateGoal(engine, goal, before));
    expect(json).toMatchObject({ incomplete: ['instagram'], data_to: '2026-08-15', status: 'on_track' });
    expect(json).not.toHaveProperty('ends_early');
    const full = smart({ channel: 'linkedin', target: { kind: 'absolute', value: 9200 } });
    const whole = goalJson(full, evaluateGoal(engine, full, asOf));
    expect(whole).toMatchObject({ actual: 9200, status: 'achieved' });
    expect('incomplete' in whole || 'data_to' in whole).toBe(false);
  });
});
