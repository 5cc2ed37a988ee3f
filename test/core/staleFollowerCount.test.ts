/**
 * A follower count carried into a quarter by a channel with no data in it (red-team 19 #1, roots
 * k2, k): Twitter exported to 15 May 2026, then nothing. SPEC "Followers" carries its latest total
 * on (5,000), and the all-channel count adds it; on main nothing said the figure was months old
 * ("Followers 5,000, QoQ 0.0%", all channels 16,274, a goal's actual with it). The cells now carry
 * the day it is from (`inputs_to`), and `validate` notes it on goals that count it.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = 'goals:\n  - { id: fol, title: Followers, period: 2026-Q3, channel: all, kpi: follower_count, target: 17000 }\n';
const root = loadRoot(site, goals, {
  'data/instagram.json': dailyExport('instagram', '2026-01-01', '2026-09-30', (d) => ({
    impressions: 1000,
    followers: 10000 + Number(d.slice(5, 7)) * 100,
  })),
  'data/twitter.json': dailyExport('twitter', '2026-01-01', '2026-05-15', () => ({ impressions: 500, followers: 5000 })),
});
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
const stale = { twitter: { followers: '2026-05-15' } };

describe('a follower count carried by a channel with no data in the quarter', () => {
  it('is kept, as SPEC carries it, and says which day it is from', () => {
    expect(report.kpis['twitter']!['follower_count']).toMatchObject({ value: 5000, inputs_to: stale });
    expect(report.kpis['all']!['follower_count']).toMatchObject({ value: 10900 + 5000, inputs_to: stale });
    expect(report.kpis['instagram']!['follower_count']).not.toHaveProperty('inputs_to');
    // The goal is read as of 1 July, the count's day being before its period (red-team 20 #7: carriedCountGoal.test.ts).
    expect(report.goals[0]).toMatchObject({ actual: 10700 + 5000, status: 'undecided', data_to: '2026-07-01' });
  });

  it('is noted on a goal that counts it', () => {
    expect(root.notes.filter((n) => n.includes("twitter's follower data end on"))).toEqual([
      "goals/g.yaml:2:60: note: twitter's follower data end on 2026-05-15, before the goal's period: its followers are " +
        'counted as they were then (the latest total before the period), as nothing says what became of them since, so the ' +
        "goal cannot settle on them (it is read as of the period's first day); add twitter's newer follower exports, or leave twitter out of the goal if it is no longer run",
    ]);
  });

  it('is not flagged in a quarter where the channel has data (Q2: to 15 May, its own end)', () => {
    const q2 = buildReport(root.project!, root.engine!, { quarter: period('2026-Q2') });
    expect(q2.kpis['twitter']!['follower_count']!.inputs_to).toBeUndefined();
  });
});

describe('a follower count carried from a follower sheet that stopped while content went on (red-team 20 #4)', () => {
  const sheet = loadRoot(site, goals.replace('channel: all', 'channel: linkedin'), {
    'data/linkedin/content.json': dailyExport('linkedin', '2025-07-01', '2026-09-30', () => ({ impressions: 800 })),
    'data/linkedin/followers.json': JSON.stringify({
      channel: 'linkedin',
      rows: ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map((month, i) => ({
        month,
        followers: 8000 + 100 * i,
      })),
    }),
  });

  it("is flagged with the sheet's last day in every later quarter, not the quarter before's end", () => {
    for (const quarter of ['2026-Q1', '2026-Q2', '2026-Q3']) {
      const cell = buildReport(sheet.project!, sheet.engine!, { quarter: period(quarter) }).kpis['linkedin']!['follower_count']!;
      expect(cell).toMatchObject({ value: 8500, inputs_to: { linkedin: { followers: '2025-12-31' } } });
    }
  });

  it('is noted on the goal', () => {
    expect(
      sheet.notes.filter((n) => n.includes("linkedin's follower data end on 2025-12-31, before the goal's period")),
    ).toHaveLength(1);
  });
});
