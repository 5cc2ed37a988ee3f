/**
 * YAML merge keys (`<<: *defaults`), which teams use to share a period and channel between goals
 * (red-team 10 #13): they were refused as "unknown key '<<': did you mean 'id'?". They merge as
 * YAML 1.1 defines (the goal's own keys win), and a problem in a merged value is still positioned.
 */
import { describe, expect, it } from 'vitest';
import { loadFromSources } from '../../src/load/project.ts';
import { problemsOf, SITE, VALID_DATA } from './helpers.ts';

const GOALS = `goals:
  - &q2
    id: ig-impressions
    title: Instagram impressions
    category: awareness
    period: 2026-Q2
    channel: instagram
    kpi: impressions
    target: 2000
  - <<: *q2
    id: ig-engagements
    title: Instagram engagements
    kpi: engagements
    target: 100
  - <<: [*q2]
    id: ig-er
    title: Instagram engagement rate
    kpi: engagement_rate
    target: 0.06
`;

describe('YAML merge keys in goals', () => {
  it('merge the shared keys into each goal, its own keys first', () => {
    const result = loadFromSources(
      { path: 'content/site.yaml', text: SITE },
      [{ path: 'goals/g.yaml', text: GOALS }],
      [{ path: 'data/ig.json', text: VALID_DATA }],
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const goals = result.project.goals.map((g) => ({
      id: g.id,
      kpi: g.type === 'smart' ? g.kpi : null,
      channel: g.type === 'smart' ? g.channel : null,
    }));
    expect(goals).toEqual([
      { id: 'ig-impressions', kpi: 'impressions', channel: 'instagram' },
      { id: 'ig-engagements', kpi: 'engagements', channel: 'instagram' },
      { id: 'ig-er', kpi: 'engagement_rate', channel: 'instagram' },
    ]);
  });

  it('positions a problem in a goal that merges its keys', () => {
    const problems = problemsOf({ goals: { 'goals/g.yaml': GOALS.replace('    kpi: engagements\n', '    kpi: engagments\n') } });
    expect(problems).toEqual([
      expect.stringMatching(/^goals\/g\.yaml:13:10: unknown KPI 'engagments': did you mean 'engagements'\?/),
    ]);
  });
});
