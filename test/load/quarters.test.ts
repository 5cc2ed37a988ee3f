import { describe, expect, it } from 'vitest';
import { loadFromSources } from '../../src/load/project.ts';
import { reportQuarters } from '../../src/site/quarters.ts';

describe('the quarters that get reports', () => {
  it('are the quarters with data or goals, not a run of empty quarters across a gap', () => {
    const old =
      '{"channel":"instagram","rows":[{"date":"2023-02-01","impressions":900},{"date":"2023-05-02","impressions":950}]}';
    const recent =
      '{"channel":"instagram","rows":[{"date":"2026-07-01","impressions":1000},{"date":"2026-07-02","impressions":1100}]}';
    const goals = 'goals:\n  - { id: a, title: A, period: 2025-Q2, channel: instagram, kpi: impressions, target: 5000 }\n';
    const result = loadFromSources(
      null,
      [{ path: 'goals/g.yaml', text: goals }],
      [
        { path: 'data/old.json', text: old },
        { path: 'data/recent.json', text: recent },
      ],
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(reportQuarters(result.project).map((q) => q.label)).toEqual(['2023-Q1', '2023-Q2', '2025-Q2', '2026-Q3']);
  });
});
