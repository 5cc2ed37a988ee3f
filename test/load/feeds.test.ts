/** Goals that no data can feed (issue 11): follower KPIs over channels that export only daily follows. */
import { describe, expect, it } from 'vitest';
import { outcomeOf } from './helpers.ts';

const SITE = 'title: Test\nchannels:\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n';
const FOLLOWS = JSON.stringify({
  channel: 'instagram',
  rows: [
    { date: '2026-07-01', new_followers: 700, impressions: 1000 },
    { date: '2026-07-02', new_followers: 20, lost_followers: 3, impressions: 900 },
  ],
});
const TOTALS = JSON.stringify({ channel: 'linkedin', rows: [{ date: '2026-07-01', followers: 5000, clicks: 10 }] });

const goal = (kpi: string, channel = 'instagram', baseline = '') =>
  `goals:\n  - id: g\n    title: Followers\n    period: 2026-Q3\n    channel: ${channel}\n    kpi: ${kpi}\n${baseline}    target: 1500\n`;

describe('goals no data can feed', () => {
  it('is an error at the KPI for follower count over daily follows only, with the way out', () => {
    const { problems } = outcomeOf({
      site: SITE,
      goals: { 'goals/q3.yaml': goal('follower_count') },
      data: { 'data/ig.json': FOLLOWS },
    });
    expect(problems).toEqual([
      'goals/q3.yaml:6:10: follower_count needs a follower total, and the data of instagram has only daily follows ' +
        '(new_followers, lost_followers): use follower_growth, which counts new minus lost followers, ' +
        'or add one "followers" value (the total shown on the profile) to the data',
    ]);
  });

  it('accepts follower growth over daily follows', () => {
    const out = outcomeOf({
      site: SITE,
      goals: { 'goals/q3.yaml': goal('follower_growth', 'instagram', '    baseline: 0\n') },
      data: { 'data/ig.json': FOLLOWS },
    });
    expect(out).toEqual({ problems: [], notes: [] });
  });

  it("accepts follower count when one of the goal's channels gives a total", () => {
    const out = outcomeOf({
      site: SITE,
      goals: { 'goals/q3.yaml': goal('follower_count', '[instagram, linkedin]', '    baseline: 1000\n') },
      data: { 'data/ig.json': FOLLOWS, 'data/li.json': TOTALS },
    });
    expect(out.problems).toEqual([]);
  });

  it('notes a KPI whose inputs no channel of the goal reports yet', () => {
    const out = outcomeOf({
      site: SITE,
      goals: { 'goals/q3.yaml': goal('ctr', 'instagram', '    baseline: 0.01\n').replace('1500', '0.02') },
      data: { 'data/ig.json': FOLLOWS },
    });
    expect(out).toEqual({
      problems: [],
      notes: ["goals/q3.yaml:6:10: note: no data for 'clicks' on instagram yet: ctr shows no figure until it arrives"],
    });
  });
});
