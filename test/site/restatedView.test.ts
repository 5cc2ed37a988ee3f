/**
 * `deadlineOnly`: a frozen goal's status restated only because its deadline passed. A goal counting a
 * follower count carried from before its period is undecided with `ends_early` before its deadline
 * too (red-team 24 #8): no deadline has passed then, so the page must not say one has.
 */
import { describe, expect, it } from 'vitest';
import type { Restatement } from '../../src/core/snapshot.ts';
import type { ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import { deadlineOnly } from '../../src/site/restatedView.ts';

const status: Restatement = {
  subject: 'goal',
  figure: 'Goal fol: status',
  scope: 'fol',
  unit: null,
  kind: 'text',
  frozen: 'off_track',
  now: 'undecided',
};
const live = (asOf: string): ReportJson =>
  ({
    period: '2026-Q3',
    as_of: asOf,
    channels: ['instagram'],
    coverage: {},
    incomplete: [],
    kpis: {},
    goals: [
      {
        id: 'fol',
        type: 'smart',
        deadline: '2026-09-30',
        status: 'undecided',
        ends_early: true,
        data_to: '2026-07-01',
      } as unknown as SmartGoalJson,
    ],
  }) as unknown as ReportJson;

describe('deadlineOnly', () => {
  it('names the day the data end once the deadline has passed', () => {
    expect(deadlineOnly([status], live('2026-10-05'), 'fol')).toBe('2026-07-01');
    expect(deadlineOnly([status], live('2026-09-30'), 'fol')).toBe('2026-07-01');
  });

  it('says nothing before the deadline, though the goal is undecided with ends_early (a carried count)', () => {
    expect(deadlineOnly([status], live('2026-08-20'), 'fol')).toBeNull();
  });
});
