/**
 * A level goal's implicit baseline is read as of the day it names (red-team 26 #3, root c). Q4's
 * all-channel follower goal takes Q3's count to the last day every input reaches (`baseline_to`:
 * TikTok's totals stop on 20 August). With a week missing from Instagram's export in Q3, the count
 * was taken the way the KPI table takes a quarter with holes, which also cuts every channel to the
 * last day each month row is whole: Facebook's monthly figures made it the count of 31 July, while
 * the goal page and the JSON said "Q3 only to 20 August" (188,135 against 190,730 on that day).
 * The baseline's day, `previous_partial` and the value now agree.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/core/dates.ts';
import { windowFor } from '../../src/core/kpis.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { days, type LoadedRoot, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: fol, title: Followers, period: 2026-Q4, channel: all, kpi: follower_count, target: { change: "+0%" } }
  - { id: ctr, title: CTR, period: 2026-Q4, channel: all, kpi: ctr, target: { change: "+5%" } }
`;
const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
const dayNumber = (d: string) => (Date.parse(`${d}T00:00:00Z`) - Date.parse('2026-04-01T00:00:00Z')) / 86_400_000;

function root(instagramHole: boolean): LoadedRoot {
  const follows = (date: string, base: number, gained: number) => ({
    followers: base + (gained - 2) * dayNumber(date),
    new_followers: gained,
    lost_followers: 2,
  });
  const instagram = days('2026-04-01', '2026-11-30')
    .filter((d) => !instagramHole || d < '2026-08-10' || d > '2026-08-16')
    .map((date) => ({
      date,
      impressions: 1000,
      // Instagram's clicks were left out of its export from 21 August to the quarter's end.
      ...(date <= '2026-08-20' || date >= '2026-10-01' ? { clicks: 10 } : {}),
      ...follows(date, 5000, 12),
    }));
  // TikTok's follower figures stop on 20 August while its impressions go on: the last day every input reaches in Q3.
  const tiktok = days('2026-04-01', '2026-11-30').map((date) => ({
    date,
    impressions: 800,
    ...(date <= '2026-08-20' ? follows(date, 3000, 7) : {}),
  }));
  const facebook = months.map((month, i) => ({
    month,
    impressions: 30000,
    clicks: 600 + 30 * i,
    followers: 8000 + 100 * i,
    new_followers: 160,
    lost_followers: 60,
  }));
  return loadRoot(site, goals, {
    'data/instagram/2026.json': JSON.stringify({ channel: 'instagram', rows: instagram }, null, 1),
    'data/tiktok/2026.json': JSON.stringify({ channel: 'tiktok', rows: tiktok }, null, 1),
    'data/facebook/2026.json': JSON.stringify({ channel: 'facebook', rows: facebook }, null, 1),
  });
}

function goal(r: LoadedRoot, id = 'fol'): SmartGoalJson {
  expect(r.problems).toEqual([]);
  const report = buildReport(r.project!, r.engine!, { quarter: period('2026-Q4') });
  return report.goals.find((g) => g.id === id) as SmartGoalJson;
}

/** Q3's all-channel follower count over 1 July to `to`, as the engine reads it. */
function countTo(r: LoadedRoot, to: string): number | null {
  const a = parseIsoDate('2026-07-01');
  const b = parseIsoDate(to);
  if (!a.ok || !b.ok) throw new Error('bad day');
  return windowFor(r.engine!, ['facebook', 'instagram', 'tiktok'], a.day, b.day).value(r.engine!.kpis.get('follower_count')!)
    .value;
}

describe("a level goal's implicit baseline over a previous period with a hole and month rows", () => {
  const withHole = root(true);
  const g = goal(withHole);

  it('is the count of the day it names', () => {
    expect(g.baseline_to).toBeDefined();
    expect(g.baseline).toBe(countTo(withHole, g.baseline_to!));
    expect(g.previous_partial?.to).toBe(g.baseline_to);
  });

  it('names the same day as without the hole (control)', () => {
    const without = goal(root(false));
    expect(without.baseline).toBe(countTo(root(false), without.baseline_to!));
    expect(g.baseline_to).toBe(without.baseline_to);
  });
});

describe('a rate whose previous period is taken over part of it', () => {
  const g = goal(root(true), 'ctr');

  it('names the day its part ends, not the later day its inputs part', () => {
    // Instagram's clicks stop on 20 August; Facebook's August row is not whole then, so the rate is July's.
    expect(g.previous_partial).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    expect(g.baseline_to).toBe('2026-07-31');
  });
});

describe('a rate whose inputs part before a month row ends (red-team 28 #3)', () => {
  // LinkedIn: impressions as month rows, clicks every day, the Q2 clicks downloaded on 10 June.
  const clicks = (first: string, last: string, perDay: number) =>
    JSON.stringify({
      channel: 'linkedin',
      from: first,
      through: last,
      rows: days(first, last).map((date) => ({ date, clicks: perDay })),
    });
  const r = loadRoot(
    site,
    'goals:\n  - { id: ctr, title: CTR, period: 2026-Q3, channel: linkedin, kpi: ctr, target: { change: "+10%" } }\n',
    {
      'data/linkedin/pages.json': JSON.stringify({
        channel: 'linkedin',
        rows: ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({ month, impressions: 30000 })),
      }),
      'data/linkedin/clicks-q2.json': clicks('2026-04-01', '2026-06-10', 20),
      'data/linkedin/clicks-q3.json': clicks('2026-07-01', '2026-09-30', 25),
    },
  );
  expect(r.problems).toEqual([]);
  const report = buildReport(r.project!, r.engine!, { quarter: period('2026-Q3') });
  const g = report.goals.find((x) => x.id === 'ctr') as SmartGoalJson;

  it("is read to the last day both inputs are whole, as the KPI table's earlier quarter is", () => {
    // Clicks to 31 May (61 days × 20) over April's and May's impressions, not clicks to 10 June over them.
    expect(g.baseline).toBeCloseTo(1220 / 60000, 12);
    expect(g.previous).toBeCloseTo(1220 / 60000, 12);
    expect(g.baseline_to).toBe('2026-05-31');
    expect(report.kpis['linkedin']!['ctr']).toMatchObject({ qoq_to: '2026-05-31' });
    // Q3: 2,300 clicks over 90,000 impressions, above 2.03% + 10%.
    expect(g.status).toBe('achieved');
  });
});
