/**
 * A level goal without a baseline is measured from the KPI over the previous period. On a
 * team's first quarter of data there is none, and the goal would say "No data" beside an
 * actual value for the whole quarter: validate says so at the goal, with the way out.
 */
import { describe, expect, it } from 'vitest';
import { outcomeOf, SITE } from './helpers.ts';

const data = JSON.stringify({
  channel: 'linkedin',
  rows: [
    { date: '2026-07-01', impressions: 500, clicks: 10, new_followers: 4, lost_followers: 1 },
    { date: '2026-07-02', impressions: 520, clicks: 12, new_followers: 6, lost_followers: 0 },
  ],
});

const goal = (body: string) => `goals:
  - id: li
    title: LinkedIn
    channel: linkedin
    period: 2026-Q3
${body}`;

describe('level goals with no baseline to measure from', () => {
  it('notes, at the target, an absolute target with no baseline and no data for the previous period', () => {
    const out = outcomeOf({
      site: SITE,
      goals: { 'goals/g.yaml': goal('    kpi: ctr\n    target: 0.03\n') },
      data: { 'data/li.json': data },
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      'goals/g.yaml:7:13: note: no baseline: ctr has no value on linkedin over 2026-Q2 (the baseline when none is given), ' +
        'so progress cannot be measured and the goal shows "No data"; give a baseline (the value the goal starts from)',
    ]);
  });

  it('notes a relative target that has nothing to apply to', () => {
    const out = outcomeOf({
      site: SITE,
      goals: { 'goals/g.yaml': goal('    kpi: follower_growth\n    target: { change: "+10%" }\n') },
      data: { 'data/li.json': data },
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      'goals/g.yaml:7:13: note: no previous total: follower_growth has no value on linkedin over 2026-Q2 (what a relative target on a total applies to), ' +
        'so the target cannot be resolved and the goal shows "No data"; give the target as a number',
    ]);
  });

  it('says nothing when a baseline is given, or the previous period has data, or the goal is a total', () => {
    const previous = JSON.stringify({
      channel: 'linkedin',
      rows: [{ date: '2026-06-30', impressions: 400, clicks: 8 }],
    });
    for (const [body, files] of [
      ['    kpi: ctr\n    baseline: 0.02\n    target: 0.03\n', { 'data/li.json': data }],
      ['    kpi: ctr\n    target: 0.03\n', { 'data/li.json': data, 'data/li-q2.json': previous }],
      ['    kpi: clicks\n    target: 1000\n', { 'data/li.json': data }],
    ] as const) {
      const out = outcomeOf({ site: SITE, goals: { 'goals/g.yaml': goal(body) }, data: files });
      expect(out.problems).toEqual([]);
      expect(out.notes).toEqual([]);
    }
  });
});
