/**
 * A rate over the days its inputs cover leaves out each channel's own uncovered days (red-team 28
 * #5, root c5). Instagram's Q2 export misses 10–20 June; LinkedIn gives month rows. The all-channel
 * engagement rate of Q2 (the KPI table's earlier quarter, and the baseline of a "+10%" goal) left
 * those days out of every channel, which dropped LinkedIn's whole June row (it cannot be cut at
 * them) while keeping Instagram's other June days: 1.52%, a figure of neither rule, beside a text
 * saying only 10–20 June were left out. Each channel's figure now keeps its own days: Instagram's
 * 80 covered days and LinkedIn's whole quarter, numerator and denominator over the same days.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { changeText } from '../../src/format/changes.ts';
import { formatDate } from '../../src/format/intl.ts';
import { goalView } from '../../src/site/goalView.ts';
import { period } from '../coreFixtures.ts';
import { days, loadRoot } from '../exportsFixture.ts';

const instagram = (first: string, last: string, hole: readonly [string, string] | null) =>
  JSON.stringify({
    channel: 'instagram',
    from: first,
    through: last,
    rows: days(first, last)
      .filter((d) => hole === null || d < hole[0] || d > hole[1])
      .map((date) => ({ date, impressions: date.startsWith('2026-06') ? 50000 : 10000, engagements: 300 })),
  });
const linkedin: Record<string, [number, number]> = {
  '2026-04': [30000, 300],
  '2026-05': [30000, 300],
  '2026-06': [30000, 2400],
  '2026-07': [30000, 900],
  '2026-08': [30000, 900],
  '2026-09': [30000, 900],
};
const root = loadRoot(
  'title: T\nlocale: en-US\n',
  'goals:\n  - { id: er, title: ER, period: 2026-Q3, channel: all, kpi: engagement_rate, target: { change: "+10%" } }\n',
  {
    'data/instagram/q2.json': instagram('2026-04-01', '2026-06-30', ['2026-06-10', '2026-06-20']),
    'data/instagram/q3.json': instagram('2026-07-01', '2026-09-30', null),
    'data/linkedin/pages.json': JSON.stringify({
      channel: 'linkedin',
      rows: Object.entries(linkedin).map(([month, [impressions, engagements]]) => ({ month, impressions, engagements })),
    }),
  },
);

describe('an all-channel rate over a quarter with a hole in one channel and month rows in another', () => {
  expect(root.problems).toEqual([]);
  const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
  // Instagram over its 80 covered days (61 days of April and May, 19 of June); LinkedIn's three month rows.
  const igEngagements = 80 * 300;
  const igImpressions = 61 * 10000 + 19 * 50000;
  const q2 = (igEngagements + 300 + 300 + 2400) / (igImpressions + 90000);
  const q3 = (92 * 300 + 2700) / (92 * 10000 + 90000);

  it("takes each channel's own covered days: the KPI table's change", () => {
    expect(report.kpis['all']!['engagement_rate']!.value).toBeCloseTo(q3, 12);
    expect(report.kpis['all']!['engagement_rate']!.qoq).toBeCloseTo(q3 / q2 - 1, 12);
  });

  it("and the goal's implicit baseline", () => {
    const goal = report.goals.find((g) => g.id === 'er') as SmartGoalJson;
    expect(goal.baseline).toBeCloseTo(q2, 12);
    expect(goal.previous_partial).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      gaps: [{ from: '2026-06-10', to: '2026-06-20' }],
      channel_gaps: { instagram: [{ from: '2026-06-10', to: '2026-06-20' }] },
    });
  });
});

describe("a hole in one input inside a month row of the same channel's other input (red-team 29 #2)", () => {
  // LinkedIn: impressions every day but 10–19 August, engagements as month rows.
  const r = loadRoot('title: T\nlocale: en-US\n', 'goals: []\n', {
    'data/linkedin/daily.json': JSON.stringify({
      channel: 'linkedin',
      from: '2026-07-01',
      through: '2026-09-30',
      rows: days('2026-07-01', '2026-09-30')
        .filter((d) => d < '2026-08-10' || d > '2026-08-19')
        .map((date) => ({ date, impressions: 2000 })),
    }),
    'data/linkedin/monthly.json': JSON.stringify({
      channel: 'linkedin',
      rows: [
        { month: '2026-07', engagements: 2000 },
        { month: '2026-08', engagements: 2200 },
        { month: '2026-09', engagements: 2300 },
      ],
    }),
  });

  it('leaves out the whole month the row cannot be cut in, from both inputs', () => {
    expect(r.problems).toEqual([]);
    const report = buildReport(r.project!, r.engine!, { quarter: period('2026-Q3') });
    // July and September: 61 days of impressions, their two month rows of engagements.
    expect(report.kpis['linkedin']!['engagement_rate']!.value).toBeCloseTo((2000 + 2300) / (61 * 2000), 12);
  });

  it("says the whole month as the days left out of the next quarter's comparison (red-team 30 #1)", () => {
    const q4 = buildReport(r.project!, r.engine!, { quarter: period('2026-Q4') });
    expect(q4.kpis['linkedin']!['engagement_rate']!.qoq_partial).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      gaps: [{ from: '2026-08-01', to: '2026-08-31' }],
    });
    // The KPI's own days no export covers this quarter stay the input's: impressions on 10–19 August.
    const q3 = buildReport(r.project!, r.engine!, { quarter: period('2026-Q3') });
    expect(q3.kpis['linkedin']!['impressions']!.gaps).toEqual({
      linkedin: { impressions: [{ from: '2026-08-10', to: '2026-08-19' }] },
    });
  });
});

describe("holes in two channels' exports (red-team 29 #3)", () => {
  const daily = (channel: string, hole: readonly [string, string]) =>
    JSON.stringify({
      channel,
      from: '2026-07-01',
      through: '2026-12-31',
      rows: days('2026-07-01', '2026-12-31')
        .filter((d) => d < hole[0] || d > hole[1])
        .map((date) => ({ date, impressions: 1000, engagements: channel === 'instagram' ? 30 : 50 })),
    });
  const r = loadRoot(
    'title: T\nlocale: en-US\n',
    'goals:\n  - { id: er, title: ER, period: 2026-Q4, channel: all, kpi: engagement_rate, target: { change: "+10%" } }\n',
    {
      'data/instagram/daily.json': daily('instagram', ['2026-08-03', '2026-08-12']),
      'data/linkedin/daily.json': daily('linkedin', ['2026-09-07', '2026-09-16']),
    },
  );

  const q4 = buildReport(r.project!, r.engine!, { quarter: period('2026-Q4') });
  const goal = q4.goals[0] as SmartGoalJson;
  const channelGaps = {
    instagram: [{ from: '2026-08-03', to: '2026-08-12' }],
    linkedin: [{ from: '2026-09-07', to: '2026-09-16' }],
  };

  it('are said once each, as days each channel leaves out of its own figure', () => {
    expect(r.problems).toEqual([]);
    const note = r.notes.find((n) => n.includes('the baseline (engagement_rate over 2026-Q3'));
    expect(note).toContain(
      'covers only 2026-07-01 to 2026-09-30 except 2026-08-03 to 2026-08-12 on instagram, 2026-09-07 to 2026-09-16 on linkedin ' +
        '(82 days on instagram, 82 on linkedin, of 92 days: no export covers',
    );
    expect(note).toContain('each channel counted over the days it covers');
    // Each channel over its own 82 days: (82 × 30 + 82 × 50) / (2 × 82 × 1000).
    expect(goal.baseline).toBeCloseTo((82 * 30 + 82 * 50) / (2 * 82 * 1000), 12);
  });

  it("give each channel's days in JSON, beside the days of any channel (red-team 29 #3)", () => {
    expect(goal.previous_partial).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      gaps: [
        { from: '2026-08-03', to: '2026-08-12' },
        { from: '2026-09-07', to: '2026-09-16' },
      ],
      channel_gaps: channelGaps,
    });
    expect(q4.kpis['all']!['engagement_rate']!.qoq_partial?.channel_gaps).toEqual(channelGaps);
    // One channel's own figure has no other channel's holes to tell apart.
    expect(q4.kpis['linkedin']!['engagement_rate']!.qoq_partial).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      gaps: [{ from: '2026-09-07', to: '2026-09-16' }],
    });
  });

  it("name each channel's days in the KPI table, the text report and the goal page", () => {
    const site = r.project!.site;
    expect(changeText(q4.kpis['all']!['engagement_rate']!, 'qoq', site, (iso) => formatDate(iso, 'en-US'))).toBe(
      // The same rate each day: no change once each channel's holes are left out of its own figure.
      '0.0% (earlier quarter without Aug 3, 2026 – Aug 12, 2026 on instagram, Sep 7, 2026 – Sep 16, 2026 on linkedin, days no export covers)',
    );
    expect(renderText(q4, site, new Map(kpiMetas(r.engine!).map((k) => [k.id, k])))).toContain(
      'except 2026-08-03 to 2026-08-12 on instagram, 2026-09-07 to 2026-09-16 on linkedin, each channel over the days it covers',
    );
    const definition = goalView(r.project!, r.engine!, r.project!.goals[0]!)
      .definition.map(([, text]) => text)
      .join(' ')
      .replace(/[\u2009\u202f]/g, ' ');
    expect(definition).toContain('Aug 3 – 12, 2026 on instagram, Sep 7 – 16, 2026 on linkedin');
    expect(definition).toContain('counts each channel over the days it covers there');
    expect(definition).not.toContain('which every channel counted covers');
  });
});

describe('an earlier quarter covered only in part, with a hole inside that part (red-team 30 #3, #8)', () => {
  // LinkedIn's export starts on 15 August; Instagram's misses 10–20 August.
  const daily = (channel: string, first: string, hole: readonly [string, string] | null) =>
    JSON.stringify({
      channel,
      from: first,
      through: '2026-12-31',
      rows: days(first, '2026-12-31')
        .filter((d) => hole === null || d < hole[0] || d > hole[1])
        .map((date) => ({ date, impressions: 1000, engagements: channel === 'instagram' ? 30 : 50 })),
    });
  const r = loadRoot(
    'title: T\nlocale: en-US\nchannels:\n  instagram: { label: IG Brand }\n  linkedin: { label: LI Page }\n',
    'goals: []\n',
    {
      'data/instagram/daily.json': daily('instagram', '2026-07-01', ['2026-08-10', '2026-08-20']),
      'data/linkedin/daily.json': daily('linkedin', '2026-08-15', null),
    },
  );
  const q4 = buildReport(r.project!, r.engine!, { quarter: period('2026-Q4') });
  const cell = q4.kpis['all']!['engagement_rate']!;

  it('says the part it compares with, then the holes inside it, by channel label', () => {
    expect(cell.qoq_partial).toMatchObject({ from: '2026-08-15', to: '2026-09-30' });
    expect(changeText(cell, 'qoq', r.project!.site, (iso) => formatDate(iso, 'en-US'))).toMatch(
      /^[+-]?\d+\.\d% \(earlier quarter over Aug 15, 2026 – Sep 30, 2026 except Aug 15, 2026 – Aug 20, 2026 on IG Brand\)$/,
    );
    expect(renderText(q4, r.project!.site, new Map(kpiMetas(r.engine!).map((k) => [k.id, k])))).toMatch(
      /Engagement rate .*\(earlier quarter over 2026-08-15 – 2026-09-30 except 2026-08-15 – 2026-08-20 on IG Brand\)/,
    );
  });
});
