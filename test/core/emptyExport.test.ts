/**
 * An export with no rows (red-team 25 #5, root n2): Meta Ads Manager's download for a month without
 * delivery is an empty list of rows, and `goalpost import` writes it with the month as its `from` and
 * `through`. Those days are covered, with none of the channel's flows: no spend, impressions or clicks.
 * On main the index built its coverage from rows only, so August read as "no export covers
 * 2026-08-01 to 2026-08-31", a note asked for the file that was there, and a kept budget cap and a
 * missed reach target were both "Undecided" where the same data with July's `through` on 31 August
 * settled them.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { days, type LoadedRoot, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: cap, title: Cap, period: 2026-Q3, channel: meta-ads, kpi: spend, target: 8500 }
  - { id: imp, title: Imp, period: 2026-Q3, channel: meta-ads, kpi: impressions, target: 500000 }
`;

/** A monthly ads download: from the month's first day to its last, a row on each day of delivery. */
function download(first: string, last: string, delivered: boolean | object[], extra: object = {}): string {
  const rows = delivered === true ? deliveredRows(first, last) : delivered === false ? [] : delivered;
  return JSON.stringify({ channel: 'meta-ads', currency: 'EUR', from: first, through: last, ...extra, rows }, null, 1);
}

/** A campaign's rows on every day from `first` to `last`. */
function deliveredRows(first: string, last: string): object[] {
  return days(first, last).map((date) => ({ date, spend: 100, impressions: 5000, clicks: 50 }));
}

const months: Record<string, string> = {
  'data/meta-ads/jun.json': download('2026-06-01', '2026-06-30', true),
  'data/meta-ads/jul.json': download('2026-07-01', '2026-07-31', true),
  'data/meta-ads/sep.json': download('2026-09-01', '2026-09-30', true),
  'data/meta-ads/oct.json': download('2026-10-01', '2026-10-31', true),
};

function q3(root: LoadedRoot) {
  expect(root.problems).toEqual([]);
  return buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
}

const goal = (report: ReturnType<typeof q3>, id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('a month without delivery downloaded as an export with no rows', () => {
  const root = loadRoot(site, goals, {
    ...months,
    'data/meta-ads/aug.json': download('2026-08-01', '2026-08-31', false, { source: 'Meta Ads Manager, Aug' }),
  });
  const report = q3(root);

  it('covers its days with none of the flows: no gap on spend, impressions or their rates', () => {
    const cells = report.kpis['meta-ads']!;
    expect(cells['spend']).toMatchObject({ value: 61 * 100 });
    expect(cells['impressions']).toMatchObject({ value: 61 * 5000 });
    for (const kpi of ['spend', 'impressions', 'clicks', 'ctr', 'cpc']) expect(cells[kpi]!.gaps, kpi).toBeUndefined();
  });

  it('settles the quarter: the cap kept, the impressions missed', () => {
    expect(goal(report, 'cap')).toMatchObject({ actual: 6100, status: 'achieved' });
    expect(goal(report, 'imp')).toMatchObject({ actual: 305000, status: 'missed' });
  });

  it('has no validate note asking for August', () => {
    expect(root.notes.filter((n) => n.includes('2026-08'))).toEqual([]);
  });

  it('reads as July running to 31 August does', () => {
    const joined = q3(
      loadRoot(site, goals, {
        ...months,
        'data/meta-ads/jul.json': download('2026-07-01', '2026-07-31', true, { through: '2026-08-31' }),
      }),
    );
    expect(report.kpis).toEqual(joined.kpis);
    expect(report.goals).toEqual(joined.goals);
  });

  it('lists its channel among the sources', () => {
    expect(root.project!.sources.find((s) => s.file === 'data/meta-ads/aug.json')).toMatchObject({
      channels: ['meta-ads'],
      rows: 0,
    });
  });
});

describe('controls', () => {
  it('a month with no download at all stays days no export covers', () => {
    const root = loadRoot(site, goals, months);
    const report = q3(root);
    expect(report.kpis['meta-ads']!['spend']!.gaps).toBeDefined();
    expect(goal(report, 'cap')).toMatchObject({ status: 'undecided' });
    expect(root.notes.some((n) => n.includes('no export covers 2026-08-01 to 2026-08-31'))).toBe(true);
  });

  it('an export with no rows that does not say its days covers none, and says so', () => {
    const undated = JSON.stringify({ channel: 'meta-ads', currency: 'EUR', from: '2026-08-01', rows: [] });
    const root = loadRoot(site, goals, { ...months, 'data/meta-ads/aug.json': undated });
    const report = q3(root);
    expect(goal(report, 'cap')).toMatchObject({ status: 'undecided' });
    expect(root.notes.filter((n) => n.startsWith('data/meta-ads/aug.json'))).toEqual([
      expect.stringMatching(/^data\/meta-ads\/aug\.json:1:\d+: note: .*no rows.*"through"/),
    ]);
  });

  it("on a channel without an ads export, covers nothing and says so: a page's days without rows stay unknown", () => {
    const organic = (first: string, last: string, rows: object[]) =>
      JSON.stringify({ channel: 'instagram', from: first, through: last, rows }, null, 1);
    const daily = (first: string, last: string) => days(first, last).map((date) => ({ date, impressions: 100 }));
    const root = loadRoot(
      site,
      'goals:\n  - { id: imp, title: I, period: 2026-Q3, channel: instagram, kpi: impressions, target: 9000 }\n',
      {
        'data/instagram/jul.json': organic('2026-07-01', '2026-07-31', daily('2026-07-01', '2026-07-31')),
        'data/instagram/aug.json': organic('2026-08-01', '2026-08-31', []),
        'data/instagram/sep.json': organic('2026-09-01', '2026-09-30', daily('2026-09-01', '2026-09-30')),
      },
    );
    const report = q3(root);
    expect(report.kpis['instagram']!['impressions']!.gaps).toEqual({
      instagram: { impressions: [{ from: '2026-08-01', to: '2026-08-31' }] },
    });
    expect(goal(report, 'imp')).toMatchObject({ actual: 6100, status: 'undecided' });
    expect(root.notes.filter((n) => n.startsWith('data/instagram/aug.json'))).toEqual([
      expect.stringMatching(/note: this export of instagram has no rows and covers no days: .*no metric of instagram/),
    ]);
  });

  it('covers no day after every other export\'s rows: a download of "this month" is not a month without delivery', () => {
    const root = loadRoot(
      site,
      'goals:\n  - { id: oct, title: O, period: 2026-Q4, channel: meta-ads, kpi: clicks, target: 1000 }\n',
      {
        ...months,
        'data/meta-ads/oct.json': download('2026-10-01', '2026-10-05', true),
        'data/meta-ads/oct-rest.json': download('2026-10-06', '2026-10-31', false),
      },
    );
    const q4 = buildReport(root.project!, root.engine!, { quarter: period('2026-Q4') });
    expect(q4.as_of).toBe('2026-10-05');
    expect(q4.goals[0]).toMatchObject({ actual: 250, elapsed: 5 / 92, status: 'on_track' });
    expect(root.notes.filter((n) => n.startsWith('data/meta-ads/oct-rest.json'))).toEqual([
      expect.stringMatching(
        /through 2026-10-31 is after the last day of every other export's rows \(2026-10-05\).*to cover no days/,
      ),
    ]);
  });
});

describe('contradicted by rows of another export on its days (red-team 29 #6)', () => {
  const root = loadRoot(site, goals, {
    ...months,
    'data/meta-ads/aug.json': download('2026-08-01', '2026-08-31', false),
    'data/meta-ads/q3-again.json': download('2026-08-10', '2026-08-11', true),
  });

  it('counts the rows and notes the export with none', () => {
    expect(goal(q3(root), 'cap')).toMatchObject({ actual: 63 * 100 });
    expect(root.notes.filter((n) => n.startsWith('data/meta-ads/aug.json'))).toEqual([
      'data/meta-ads/aug.json:6:2: note: this export of meta-ads has no rows from 2026-08-01 to 2026-08-31 (no delivery), ' +
        'while on those days data/meta-ads/q3-again.json gives clicks 100, impressions 10000, spend 200: the rows are ' +
        'counted; remove the export that is wrong (a duplicate or out-of-date download)',
    ]);
  });

  it('is not noted beside a month row that straddles its days (red-team 30 #5)', () => {
    const month = [{ month: '2026-08', spend: 1550, impressions: 77500, clicks: 775 }];
    const straddled = loadRoot(site, goals, {
      ...months,
      'data/meta-ads/aug.json': download('2026-08-01', '2026-08-31', month),
      'data/meta-ads/late-aug.json': download('2026-08-25', '2026-08-31', false),
    });
    expect(straddled.problems).toEqual([]);
    expect(straddled.notes.filter((n) => n.includes('no delivery'))).toEqual([]);
  });

  it('writes the totals it names without float noise (red-team 30 #7)', () => {
    const cents = days('2026-08-10', '2026-08-21').map((date) => ({ date, spend: 12.1, impressions: 1000, clicks: 7 }));
    const noisy = loadRoot(site, goals, {
      ...months,
      'data/meta-ads/aug.json': download('2026-08-01', '2026-08-31', false),
      'data/meta-ads/again.json': download('2026-08-10', '2026-08-21', cents),
    });
    expect(noisy.notes.find((n) => n.includes('no delivery'))).toContain('gives clicks 84, impressions 12000, spend 145.2:');
  });

  it('is not noted beside rows of 0 on its days', () => {
    const zero = days('2026-08-01', '2026-08-02').map((date) => ({ date, spend: 0, impressions: 0, clicks: 0 }));
    const quiet = loadRoot(site, goals, {
      ...months,
      'data/meta-ads/jul.json': download('2026-07-01', '2026-08-02', [...deliveredRows('2026-07-01', '2026-07-31'), ...zero]),
      'data/meta-ads/aug.json': download('2026-08-01', '2026-08-31', false),
    });
    expect(goal(q3(quiet), 'cap')).toMatchObject({ actual: 61 * 100, status: 'achieved' });
    expect(quiet.notes.filter((n) => n.startsWith('data/meta-ads/aug.json'))).toEqual([]);
  });
});

describe('beside a page export of the same channel (red-team 28 #1)', () => {
  // Facebook's page export (impressions, engagements) misses 5–16 August; its ads downloads (spend, clicks) are
  // monthly, August's without delivery.
  const page = JSON.stringify({
    channel: 'facebook',
    from: '2026-04-01',
    through: '2026-09-30',
    rows: days('2026-04-01', '2026-09-30')
      .filter((d) => d < '2026-08-05' || d > '2026-08-16')
      .map((date) => ({ date, impressions: 10000, engagements: 300 })),
  });
  const ads = (first: string, last: string, delivered: boolean) =>
    JSON.stringify({
      channel: 'facebook',
      currency: 'EUR',
      from: first,
      through: last,
      rows: delivered ? days(first, last).map((date) => ({ date, spend: 50, clicks: 40 })) : [],
    });
  const root = loadRoot(
    site,
    `goals:
  - { id: imp, title: Imp, period: 2026-Q3, channel: facebook, kpi: impressions, target: 900000 }
  - { id: cap, title: Cap, period: 2026-Q3, channel: facebook, kpi: spend, target: 4000 }
`,
    {
      'data/facebook/page.json': page,
      'data/facebook/ads-jul.json': ads('2026-07-01', '2026-07-31', true),
      'data/facebook/ads-aug.json': ads('2026-08-01', '2026-08-31', false),
      'data/facebook/ads-sep.json': ads('2026-09-01', '2026-09-30', true),
    },
  );
  const report = q3(root);

  it("covers the ads' spend and clicks, not the page's impressions: the page's hole stays flagged", () => {
    const cells = report.kpis['facebook']!;
    expect(cells['impressions']!.gaps).toEqual({ facebook: { impressions: [{ from: '2026-08-05', to: '2026-08-16' }] } });
    expect(cells['spend']!.gaps).toBeUndefined();
    expect(cells['clicks']!.gaps).toBeUndefined();
    expect(goal(report, 'imp')).toMatchObject({ actual: 800000, status: 'undecided' });
    expect(goal(report, 'cap')).toMatchObject({ actual: 61 * 50, status: 'achieved' });
  });
});

describe('a quarter without delivery (red-team 28 #2)', () => {
  const root = loadRoot(
    site,
    `${goals}  - { id: clk, title: Clk, period: 2026-Q3, channel: meta-ads, kpi: clicks, target: 3000 }
  - { id: q4cap, title: Cap, period: 2026-Q4, channel: meta-ads, kpi: spend, target: 8500 }
`,
    {
      'data/meta-ads/jun.json': download('2026-06-01', '2026-06-30', true),
      'data/meta-ads/jul.json': download('2026-07-01', '2026-07-31', false),
      'data/meta-ads/aug.json': download('2026-08-01', '2026-08-31', false),
      'data/meta-ads/sep.json': download('2026-09-01', '2026-09-30', false),
      'data/meta-ads/oct.json': download('2026-10-01', '2026-10-31', true),
    },
  );
  const report = q3(root);

  it('has totals of 0, not "no data", and settles its goals on them', () => {
    expect(report.kpis['meta-ads']).toMatchObject({ spend: { value: 0 }, clicks: { value: 0 }, impressions: { value: 0 } });
    expect(report.kpis['meta-ads']!['spend']!.gaps).toBeUndefined();
    expect(goal(report, 'cap')).toMatchObject({ actual: 0, status: 'achieved' });
    expect(goal(report, 'clk')).toMatchObject({ actual: 0, status: 'missed' });
  });

  it("is the next quarter's previous total: 0, from which no change is a percentage", () => {
    const q4 = buildReport(root.project!, root.engine!, { quarter: period('2026-Q4') });
    expect(q4.goals.find((g) => g.id === 'q4cap')).toMatchObject({ previous: 0 });
    expect(q4.kpis['meta-ads']!['spend']).toMatchObject({ value: 31 * 100, qoq: null });
  });
});

describe('which exports an empty download stands beside (red-team 29 #4, #5)', () => {
  // July and September delivered, August without delivery.
  const quarter = {
    'data/meta-ads/jul.json': months['data/meta-ads/jul.json']!,
    'data/meta-ads/aug.json': download('2026-08-01', '2026-08-31', false),
    'data/meta-ads/sep.json': months['data/meta-ads/sep.json']!,
  };

  it('an ads download listing the days before its campaign as rows of 0 is still an ads export', () => {
    const root = loadRoot(site, goals, {
      'data/meta-ads/jun.json': download('2026-06-01', '2026-06-30', [
        ...days('2026-06-01', '2026-06-15').map((date) => ({ date, spend: 0, impressions: 0, clicks: 0 })),
        ...deliveredRows('2026-06-16', '2026-06-30'),
      ]),
      ...quarter,
    });
    const report = q3(root);
    expect(report.kpis['meta-ads']!['spend']!.gaps).toBeUndefined();
    expect(goal(report, 'cap')).toMatchObject({ actual: 6100, status: 'achieved' });
  });

  it("a page export that ended in an earlier quarter says nothing of this quarter's impressions", () => {
    const root = loadRoot(site, goals, {
      'data/meta-ads/page-q2.json': JSON.stringify({
        channel: 'meta-ads',
        rows: days('2026-04-01', '2026-06-30').map((date) => ({ date, impressions: 3000, engagements: 60 })),
      }),
      ...quarter,
    });
    const report = q3(root);
    expect(report.kpis['meta-ads']!['impressions']!.gaps).toBeUndefined();
    expect(goal(report, 'imp')).toMatchObject({ actual: 305000, status: 'missed' });
  });

  it("a page export with a boosted post's spend on two days is no ads export: its organic days are its own (red-team 30 #6)", () => {
    const page = days('2026-06-01', '2026-09-30').map((date) => ({
      date,
      impressions: 9000,
      engagements: 300,
      ...(date === '2026-08-05' || date === '2026-08-06' ? { spend: 30 } : {}),
    }));
    const root = loadRoot(site, goals, {
      'data/meta-ads/jul.json': download('2026-07-01', '2026-07-31', deliveredRows('2026-07-01', '2026-07-31').map(paidOnly)),
      'data/meta-ads/aug.json': download('2026-08-01', '2026-08-31', false),
      'data/meta-ads/sep.json': download('2026-09-01', '2026-09-30', deliveredRows('2026-09-01', '2026-09-30').map(paidOnly)),
      'data/meta-ads/page.json': JSON.stringify({ channel: 'meta-ads', currency: 'EUR', rows: page }, null, 1),
    });
    expect(root.notes.filter((n) => n.includes('no delivery'))).toEqual([]);
    const report = q3(root);
    expect(goal(report, 'cap')).toMatchObject({ actual: 61 * 100 + 60, status: 'achieved' });
    expect(goal(report, 'imp')).toMatchObject({ actual: 92 * 9000 });
  });
});

/** A campaign's row without its impressions (a page export of the channel gives those). */
function paidOnly(row: object): object {
  const { impressions: _impressions, ...rest } = row as Record<string, number>;
  return rest;
}
