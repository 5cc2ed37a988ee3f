/**
 * A daily export that also holds month or quarter rows of reach (red-team 11 #7; the shape of the
 * SPEC's own example and of a Business Suite export) reads as the same export without them:
 * (a) root fz: a run of rows without `clicks` is still a gap of clicks, with its validate note, and
 *     a week of rows missing a gap of what the day rows give (not of the reach the month rows give);
 * (b) root st-en: reach rows from May do not start a channel whose day rows start on 15 May on
 *     1 May, so the previous quarter still reads as covered in part; nor does a reach row for
 *     August carry a daily export downloaded on 10 August to 31 August (as in a file of its own:
 *     test/core/monthRowCoverage.test.ts);
 * (c) root rt16-1: nor does September's reach row carry day rows that end on the 24th (an export
 *     downloaded on the 25th) to the 30th, which made a goal on impressions a final "missed".
 */
import { describe, expect, it } from 'vitest';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const Q3 = period('2026-Q3');

/** A daily export's text with coarse rows appended to its rows. */
function withRows(daily: string, coarse: readonly object[]): string {
  const file = JSON.parse(daily) as { rows: object[] };
  file.rows.push(...coarse);
  return JSON.stringify(file, null, 1);
}

describe('(a) rows without clicks in a daily export that also has month and quarter reach rows', () => {
  const site = 'title: T\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
  const goals = 'goals:\n  - { id: ctr, title: CTR up, period: 2026-Q3, channel: instagram, kpi: ctr, target: 0.015 }\n';
  const daily = dailyExport('instagram', '2026-04-01', '2026-08-31', (d) => ({
    impressions: 2000,
    engagements: 80,
    spend: 20,
    ...(d >= '2026-07-10' && d <= '2026-07-20' ? {} : { clicks: 40 }),
  }));
  const reach = [
    { month: '2026-07', reach: 30000 },
    { month: '2026-08', reach: 32000 },
    { quarter: '2026-Q2', reach: 50000 },
  ];
  const mixed = loadRoot(site, goals, { 'data/instagram/2026.json': withRows(daily, reach) });
  const plain = loadRoot(site, goals, { 'data/instagram/2026.json': daily });
  const gap = { instagram: { clicks: [{ from: '2026-07-10', to: '2026-07-20' }] } };

  it('takes CTR over the days with clicks, flagged with the gap, as without the reach rows', () => {
    expect(mixed.problems).toEqual([]);
    for (const root of [plain, mixed]) {
      const report = buildReport(root.project!, root.engine!, { quarter: Q3 });
      const ctr = report.goals.find((g) => g.id === 'ctr') as SmartGoalJson;
      expect(ctr.actual).toBeCloseTo(0.02, 12);
      expect(ctr.gaps).toEqual(gap);
      expect(report.kpis['instagram']!['ctr']!.gaps).toEqual(gap);
    }
  });

  it('notes the rows without clicks in validate, as without the reach rows', () => {
    const note = (notes: readonly string[]) => notes.filter((n) => / rows without /.test(n));
    expect(note(mixed.notes)).toEqual([
      expect.stringContaining('comes after 11 rows without clicks for instagram (2026-07-10 to 2026-07-20)'),
    ]);
    expect(note(mixed.notes)).toEqual(note(plain.notes));
  });

  it('does not check reach, which the month rows give', () => {
    expect(mixed.notes.filter((n) => /without reach/.test(n))).toEqual([]);
    expect(kpiChanges(mixed.engine!, ['instagram'], Q3).get('reach')!.gaps).toBeNull();
  });
});

describe('(b) month reach rows in a daily export that starts on 15 May', () => {
  const site =
    'title: T\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n  x: { label: X }\n';
  const goals = `goals:
  - { id: all-ctr, title: All CTR up 10%, period: 2026-Q3, channel: all, kpi: ctr, target: { change: "+10%" } }
  - { id: ig-impr, title: IG impressions +5%, period: 2026-Q3, channel: instagram, kpi: impressions, target: { change: "+5%" } }
`;
  const instagram = dailyExport('instagram', '2026-05-15', '2026-08-31', () => ({
    impressions: 2000,
    clicks: 50,
    engagements: 80,
  }));
  const months = ['2026-05', '2026-06', '2026-07', '2026-08'].map((month) => ({ month, reach: 30000 }));
  const others = {
    'data/linkedin/2026.json': dailyExport('linkedin', '2026-04-01', '2026-08-10', (d) => ({
      impressions: 1000,
      clicks: d >= '2026-07-01' ? 30 : 10,
    })),
    'data/x/2026.json': dailyExport('x', '2026-04-01', '2026-08-20', () => ({ impressions: 500, clicks: 5 })),
  };
  const mixed = loadRoot(site, goals, { ...others, 'data/instagram/2026.json': withRows(instagram, months) });
  const plain = loadRoot(site, goals, { ...others, 'data/instagram/2026.json': instagram });
  const partial = { from: '2026-05-15', to: '2026-06-30' };
  const reportOf = (root: typeof mixed) => buildReport(root.project!, root.engine!, { quarter: Q3 });

  it('starts the channel on its first day row', () => {
    expect(mixed.problems).toEqual([]);
    expect(mixed.engine!.index.firstDay('instagram')).toBe(day('2026-05-15'));
    expect(mixed.engine!.index.dailyStart('instagram')).toBe(day('2026-05-15'));
  });

  it('flags the goals’ previous quarter as covered in part, with the baseline over those days', () => {
    const [with_, without] = [reportOf(mixed), reportOf(plain)];
    for (const id of ['all-ctr', 'ig-impr']) {
      const goal = (r: typeof with_) => r.goals.find((g) => g.id === id) as SmartGoalJson;
      expect(goal(with_).previous_partial).toEqual(partial);
      expect(goal(with_).baseline).toBe(goal(without).baseline);
      expect(goal(with_).target).toBe(goal(without).target);
    }
  });

  it('flags the KPI cells’ change as against part of Q2, as without the month rows', () => {
    const [with_, without] = [reportOf(mixed), reportOf(plain)];
    expect(with_.kpis['instagram']!['impressions']).toMatchObject({ qoq: null, qoq_partial: partial });
    expect(with_.kpis['all']!['ctr']!.qoq_partial).toEqual(partial);
    expect(with_.kpis['all']!['ctr']!.qoq).toBe(without.kpis['all']!['ctr']!.qoq);
    expect(with_.kpis['instagram']!['ctr']).toEqual(without.kpis['instagram']!['ctr']);
  });
});

describe('(b) a month reach row in a daily export downloaded on 10 August', () => {
  const site =
    'title: T\nlocale: en-US\ncurrency: EUR\nchannels:\n  facebook: { label: Facebook }\n  instagram: { label: Instagram }\n';
  const facebook = dailyExport('facebook', '2026-07-01', '2026-08-31', () => ({ impressions: 10000, clicks: 100 }));
  const instagram = dailyExport('instagram', '2026-07-01', '2026-08-10', () => ({ impressions: 8000, clicks: 80 }));
  const load = (file: string) => loadRoot(site, 'goals: []\n', { 'data/facebook.json': facebook, 'data/instagram.json': file });
  const reportOf = (root: ReturnType<typeof load>) => buildReport(root.project!, root.engine!, { quarter: Q3 });

  it('does not carry the channel past its day rows, as a reach file of its own does not', () => {
    const mixed = reportOf(load(withRows(instagram, [{ month: '2026-08', reach: 30000 }])));
    expect(mixed.coverage['instagram']).toBe('2026-08-10');
    expect(mixed.incomplete).toEqual(['instagram']);
  });
});

describe('(a) a week of rows missing from a daily export that also has month and quarter reach rows', () => {
  const site = 'title: T\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
  const daily = JSON.stringify({
    channel: 'instagram',
    rows: JSON.parse(dailyExport('instagram', '2026-04-01', '2026-08-31', () => ({ impressions: 2000, clicks: 40 }))).rows.filter(
      (r: { date: string }) => r.date < '2026-07-10' || r.date > '2026-07-20',
    ),
  });
  const reach = [
    { month: '2026-07', reach: 30000 },
    { quarter: '2026-Q3', reach: 60000 },
  ];
  const mixed = loadRoot(site, 'goals: []\n', { 'data/instagram.json': withRows(daily, reach) });
  const plain = loadRoot(site, 'goals: []\n', { 'data/instagram.json': withRows(daily, []) });
  const split = loadRoot(site, 'goals: []\n', {
    'data/instagram.json': withRows(daily, []),
    'data/instagram-reach.json': JSON.stringify({ channel: 'instagram', rows: reach }),
  });
  const hole = { from: '2026-07-10', to: '2026-07-20' };
  const impressions = (root: typeof mixed) =>
    buildReport(root.project!, root.engine!, { quarter: Q3 }).kpis['instagram']!['impressions']!;

  it('is a gap of the metrics its day rows give, as without the reach rows', () => {
    expect(mixed.problems).toEqual([]);
    expect(impressions(plain).gaps).toEqual({ instagram: { impressions: [hole] } });
    expect(impressions(mixed).gaps!['instagram']!['impressions']![0]).toEqual(hole);
  });

  it("ends the day rows' metrics at the last day row, as a reach file of its own does (red-team 15 #2)", () => {
    // Q3's reach row runs to 30 September; impressions are known only to 31 August.
    expect(impressions(mixed)).toMatchObject({ inputs_to: { instagram: { impressions: '2026-08-31' } } });
    expect(impressions(mixed)).toEqual(impressions(split));
  });

  it('is noted by validate, as without the reach rows', () => {
    const note = (notes: readonly string[]) => notes.filter((n) => /days without a row/.test(n));
    expect(note(mixed.notes)).toEqual([expect.stringContaining('comes after 11 days without a row for instagram')]);
    expect(note(mixed.notes)).toEqual(note(plain.notes));
  });

  it('leaves reach, which the month and quarter rows give, without a gap', () => {
    const table = kpiChanges(mixed.engine!, ['instagram'], Q3);
    expect(table.get('reach')).toMatchObject({ value: 60000, gaps: null });
  });
});

describe("(c) a daily export's last days missing beside its month's reach row (red-team 16 #1)", () => {
  // Downloaded on 25 September: day rows to the 24th, September's reach (to date) as a month row.
  const site = 'title: T\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n  fb: { label: FB }\n';
  const goals = `goals:
  - { id: ig, title: IG impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: 185000 }
  - { id: all, title: All impressions, period: 2026-Q3, channel: all, kpi: impressions, target: 400000 }
`;
  const fb = dailyExport('fb', '2026-04-01', '2026-10-10', () => ({ impressions: 2000 }));
  const reach = ['2026-07', '2026-08', '2026-09'].map((month) => ({ month, reach: 30000 }));
  const rootTo = (last: string, coarse: readonly object[]) =>
    loadRoot(site, goals, {
      'data/fb.json': fb,
      'data/instagram.json': withRows(
        dailyExport('instagram', '2026-04-01', last, () => ({ impressions: 2000 })),
        coarse,
      ),
    });
  const goalOf = (root: ReturnType<typeof rootTo>, id: string) =>
    buildReport(root.project!, root.engine!, { quarter: Q3 }).goals.find((g) => g.id === id) as SmartGoalJson;

  for (const last of ['2026-09-24', '2026-09-29']) {
    it(`is not a final "missed" with rows to ${last}: undecided, as without the month rows`, () => {
      const [mixed, plain] = [rootTo(last, reach), rootTo(last, [])];
      expect(mixed.problems).toEqual([]);
      // The same goal, but for the inputs' last day, which the month rows (running to the 30th) make worth saying.
      const withoutInputsTo = (goal: SmartGoalJson) =>
        Object.fromEntries(Object.entries(goal).filter(([k]) => k !== 'inputs_to'));
      for (const id of ['ig', 'all']) {
        expect(goalOf(mixed, id).status).toBe('undecided');
        expect(withoutInputsTo(goalOf(mixed, id))).toEqual(withoutInputsTo(goalOf(plain, id)));
      }
      expect(goalOf(mixed, 'ig').data_to).toBe(last);
      expect(goalOf(mixed, 'ig').inputs_to).toEqual({ instagram: { impressions: last } });
    });
  }

  it("flags the quarter's impressions with the missing days, and says so in validate", () => {
    const mixed = rootTo('2026-09-24', reach);
    const cell = buildReport(mixed.project!, mixed.engine!, { quarter: Q3 }).kpis['instagram']!['impressions']!;
    expect(cell.gaps).toEqual({ instagram: { impressions: [{ from: '2026-09-25', to: '2026-09-30' }] } });
    expect(mixed.notes.filter((n) => /end on 2026-09-24, before the deadline/.test(n))).toHaveLength(2);
  });

  it('leaves a file with rows on some days only (a sparse export) as before: its last days are days without any', () => {
    const sparse = loadRoot(site, goals, {
      'data/fb.json': fb,
      'data/instagram.json': withRows(
        JSON.stringify({
          channel: 'instagram',
          rows: ['2026-07-03', '2026-08-12', '2026-09-27'].map((date) => ({ date, impressions: 60000 })),
        }),
        reach,
      ),
    });
    expect(goalOf(sparse, 'ig').status).toBe('missed');
  });
});
