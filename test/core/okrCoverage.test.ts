/**
 * Key results say what they are computed over, as SMART goals do (red-team M5), and an OKR
 * whose period has not started has no score and no band: a manual key result's count is no
 * judgement on a period that has not begun (M5b).
 */
import { describe, expect, it } from 'vitest';
import { evaluateOkr } from '../../src/core/evaluate.ts';
import type { KeyResult, OkrGoal } from '../../src/core/goals.ts';
import { goalJson } from '../../src/core/report.ts';
import { day, engineOf, expectClose, period, rows } from '../coreFixtures.ts';

function okr(keyResults: KeyResult[]): OkrGoal {
  return {
    type: 'okr',
    id: 'o',
    title: 'O',
    description: null,
    category: null,
    objective: null,
    owner: null,
    period: period('2026-Q3'),
    file: 'goals/g.yaml',
    stretch: false,
    keyResults,
  };
}

const ctrOnAll: KeyResult = {
  id: 'ctr',
  title: null,
  weight: 1,
  manual: null,
  measure: { kpi: 'ctr', channel: 'all', baseline: 0.01, target: { kind: 'absolute', value: 0.02 }, milestones: [] },
};
const events: KeyResult = { id: 'events', title: 'Events', weight: 2, measure: null, manual: { current: 1, target: 3 } };

// LinkedIn reports clicks, Instagram impressions only: all-channel CTR is LinkedIn's.
const engine = engineOf([
  ...rows('instagram', [['2026-07', { impressions: 5000 }]]),
  ...rows('linkedin', [['2026-07', { impressions: 1000, clicks: 15 }]]),
]);

describe('a key result over several channels', () => {
  it('lists the channels left out of its actual, in the evaluation and in JSON', () => {
    const goal = okr([ctrOnAll]);
    const e = evaluateOkr(engine, goal, day('2026-07-31'));
    expect(e.keyResults[0]).toMatchObject({ actual: 0.015, leftOut: ['instagram'] });
    const json = goalJson(goal, e);
    expect(json.type === 'okr' && json.key_results[0]).toMatchObject({ actual: 0.015, left_out: ['instagram'] });
  });

  it('gives no left_out when every channel is computed over, or for a manual key result', () => {
    const goal = okr([{ ...ctrOnAll, measure: { ...ctrOnAll.measure!, channel: 'linkedin' } }, events]);
    const json = goalJson(goal, evaluateOkr(engine, goal, day('2026-07-31')));
    expect(json.type === 'okr' && json.key_results.map((kr) => 'left_out' in kr)).toEqual([false, false]);
  });
});

describe('an OKR before its start', () => {
  it('has no score and no band, and its key results are not started', () => {
    const goal = okr([ctrOnAll, events]);
    const e = evaluateOkr(engine, goal, day('2026-06-30'));
    // Today: the manual key result scores 1/3 with weight 2 of 3: 0.22, red.
    expect(e).toMatchObject({ elapsed: 0, score: null, band: null });
    expect(e.keyResults.map((kr) => [kr.status, kr.score])).toEqual([
      ['not_started', null],
      ['not_started', null],
    ]);
  });

  it('scores from its first day', () => {
    const e = evaluateOkr(engine, okr([ctrOnAll, events]), day('2026-07-31'));
    // ctr: (0.015 − 0.01) / (0.02 − 0.01) = 0.5; events: 1/3; (0.5 + 2/3) / 3 = 0.3889: red.
    expectClose(e.keyResults[0]!.score, 0.5);
    expectClose(e.keyResults[1]!.score, 1 / 3);
    expect(e.band).toBe('red');
    expectClose(e.score, 7 / 18);
  });
});
