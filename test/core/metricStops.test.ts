/**
 * A metric a daily export gave day by day and then stopped giving while its rows went on (red-team
 * 15 #1: Meta dropped impressions from an Instagram export at the end of April; a listening tool's
 * competitor mentions stopped with its licence). Counted as 0 from then on, the rates over it were
 * inflated (30.3% engagement for 10%) and their goals "achieved". It now ends at its own last row,
 * as it does in a file of its own: the rate over the days both inputs are known, said to run only
 * to that day. A metric whose missing key means none of it (spend on days without ads), a stock
 * (daily follower totals that stop while the follows go on), one given on some days only (not
 * daily while it ran), and one that stops less than a week before the rows do, are left as they were.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport, type KpiJson, type SmartGoalJson } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { day, period } from '../coreFixtures.ts';

const Q2 = period('2026-Q2');

/** One daily export of Instagram for Q2 (a metric file), a row a day, with `values(day index)`. */
function exportOf(values: (i: number) => Record<string, number>, path = 'data/instagram/q2.json') {
  const days: Array<Record<string, number | string>> = [];
  for (let d = day('2026-04-01'), i = 0; d <= day('2026-06-30'); d++, i++) {
    const v = values(i);
    if (Object.keys(v).length > 0) days.push({ date: formatDay(d), ...v });
  }
  return { path, text: JSON.stringify({ channel: 'instagram', rows: days }) };
}
/** The Q2 report's cell of a KPI on Instagram, as `report --json` gives it. */
function cell(files: ReturnType<typeof exportOf>[], kpi: string): KpiJson {
  const loaded = loadFromSources({ path: 'content/site.yaml', text: 'title: T\n' }, [], files);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return buildReport(loaded.project, createEngine(loaded.project), { quarter: Q2 }).kpis['instagram']![kpi]!;
}

describe('a metric a daily export stops giving while its rows go on', () => {
  it('ends at its own last row: a rate over the days both inputs are known, said to run to that day', () => {
    // 91 days of engagements; impressions on the 30 days of April only.
    const files = [exportOf((i) => ({ engagements: 10, ...(i < 30 ? { impressions: 100 } : {}) }))];
    const rate = cell(files, 'engagement_rate');
    expect(rate.value).toBeCloseTo((30 * 10) / (30 * 100), 12);
    expect(rate.inputs_to).toEqual({ instagram: { engagements: '2026-06-30', impressions: '2026-04-30' } });
    expect(cell(files, 'impressions').inputs_to).toEqual({ instagram: { impressions: '2026-04-30' } });
  });

  it('gives the same figures as the metric in a file of its own', () => {
    const oneFile = cell(
      [exportOf((i) => ({ mentions: 10, ...(i < 30 ? { competitor_mentions: 10 } : ({} as Record<string, number>)) }))],
      'share_of_voice',
    );
    const twoFiles = cell(
      [
        exportOf(() => ({ mentions: 10 })),
        exportOf((i) => (i < 30 ? { competitor_mentions: 10 } : ({} as Record<string, number>)), 'data/instagram/listening.json'),
      ],
      'share_of_voice',
    );
    expect(oneFile.value).toBeCloseTo(0.5, 12);
    expect(oneFile).toEqual(twoFiles);
  });

  it('leaves alone spend missing on days without ads, a metric of some days only, and one that stops in the last week', () => {
    const spend = cell([exportOf((i) => ({ clicks: 5, ...(i < 30 ? { spend: 3 } : {}) }))], 'cpc');
    expect(spend.value).toBeCloseTo((30 * 3) / (91 * 5), 12);
    expect(spend).not.toHaveProperty('inputs_to');
    // Impressions every third day (not daily while they ran): a sparse key, as before.
    const sparse = cell(
      [exportOf((i) => ({ engagements: 10, ...(i % 3 === 0 && i < 60 ? { impressions: 300 } : {}) }))],
      'engagement_rate',
    );
    expect(sparse).not.toHaveProperty('inputs_to');
    // Daily follower totals that stop while the net follows go on: the count carries on by the follows.
    const followers = cell(
      [exportOf((i) => ({ new_followers: 5, lost_followers: 1, ...(i < 30 ? { followers: 1000 + 4 * i } : {}) }))],
      'follower_count',
    );
    expect(followers.value).toBe(1000 + 4 * 29 + 4 * 61);
    expect(followers).not.toHaveProperty('inputs_to');
    expect(followers).not.toHaveProperty('data_to');
    // Impressions to 06-25, five days before the rows end: fewer than a week, not an end.
    const late = cell([exportOf((i) => ({ engagements: 10, ...(i < 86 ? { impressions: 100 } : {}) }))], 'engagement_rate');
    expect(late).not.toHaveProperty('inputs_to');
  });
});

describe("a month row of another metric after a file's last day row (red-team 15 #2)", () => {
  /** Q2's report of one goal on impressions, from Instagram files. */
  function goalOf(files: Array<{ path: string; text: string }>) {
    const goals = {
      path: 'goals/g.yaml',
      text: 'goals:\n  - { id: q, title: Q, category: awareness, period: 2026-Q2, channel: instagram, kpi: impressions, target: 2500 }\n',
    };
    const loaded = loadFromSources({ path: 'content/site.yaml', text: 'title: T\n' }, [goals], files);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    return buildReport(loaded.project, createEngine(loaded.project), { quarter: Q2 }).goals[0] as SmartGoalJson;
  }
  const dayRows = [
    { date: '2026-04-10', impressions: 1000 },
    { date: '2026-06-20', impressions: 1000 },
  ];
  const reach = { month: '2026-06', reach: 1500 };
  const file = (rows: object[], path = 'data/instagram/q2.json') => ({
    path,
    text: JSON.stringify({ channel: 'instagram', rows }),
  });

  it('does not carry the day rows\' metrics to the month\'s end: the goal is not a final "missed"', () => {
    const oneFile = goalOf([file([...dayRows, reach])]);
    expect(oneFile.status).toBe('undecided');
    expect(oneFile.data_to).toBe('2026-06-20');
    expect(oneFile.incomplete).toEqual(['instagram']);
    expect(oneFile.inputs_to).toEqual({ instagram: { impressions: '2026-06-20' } });
  });

  it('gives the same goal as the month row in a file of its own', () => {
    const oneFile = goalOf([file([...dayRows, reach])]);
    const twoFiles = goalOf([file(dayRows), file([reach], 'data/instagram/reach.json')]);
    expect(oneFile).toEqual(twoFiles);
  });

  it("reads a sparse file's tail of less than a week as days without rows, as before (a daily export's: test/core/monthRowsInDailyExport.test.ts)", () => {
    const lag = goalOf([file([dayRows[0]!, { date: '2026-06-24', impressions: 1000 }, reach])]);
    expect(lag).not.toHaveProperty('inputs_to');
    expect(lag.status).toBe('missed');
  });

  it("keeps a day-row metric to the file's `through` when the export says it runs there", () => {
    const text = JSON.stringify({ channel: 'instagram', through: '2026-06-30', rows: [...dayRows, reach] });
    const through = goalOf([{ path: 'data/instagram/q2.json', text }]);
    expect(through.status).toBe('missed');
    expect(through).not.toHaveProperty('inputs_to');
  });
});
