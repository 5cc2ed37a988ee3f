/**
 * An input that starts inside the previous quarter while its channel's data go back further
 * (red-team 16 #4, #5): clicks added to a daily export on 20 March, a follower sheet or a follows
 * export from mid-February beside content since January. Read over the whole quarter, the 12 days
 * of clicks made a QoQ of +658% and a CTR baseline of 0.67% (12 days of clicks over 90 of
 * impressions); six weeks of follower growth made +125%. The earlier quarter now counts as covered
 * only from the day the input starts: a total's QoQ is n/a with `qoq_partial`, a rate is taken
 * over the days both inputs cover, a goal's reference says so. The team's own activity (spend
 * from the day a campaign began) and a count at a day (followers) are left as they were.
 */
import { describe, expect, it } from 'vitest';
import type { SmartEvaluation } from '../../src/core/evaluate.ts';
import { buildReport, type KpiJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, evaluate, loadRoot, rowsExport, days } from '../exportsFixture.ts';

const site = 'title: T\ncurrency: EUR\n';
const Q2 = period('2026-Q2');

function cells(data: Record<string, string>, goals = 'goals: []\n'): Record<string, KpiJson> {
  const root = loadRoot(site, goals, data);
  if (!root.project || !root.engine) throw new Error(root.problems.join('\n'));
  return buildReport(root.project, root.engine, { quarter: Q2 }).kpis['ig']!;
}

const clicksFrom = (d: string): Record<string, number> => (d >= '2026-03-20' ? { clicks: 5 } : {});

describe('clicks added to an export inside the previous quarter', () => {
  const oneFile = {
    'data/ig/q.json': dailyExport('ig', '2025-10-01', '2026-06-30', (d) => ({ impressions: 100, ...clicksFrom(d) })),
  };
  const twoFiles = {
    'data/ig/a.json': dailyExport('ig', '2025-10-01', '2026-06-30', () => ({ impressions: 100 })),
    'data/ig/b.json': dailyExport('ig', '2026-03-20', '2026-06-30', () => ({ clicks: 5 })),
  };

  it('gives clicks no QoQ: the previous quarter is covered only from 20 March', () => {
    const clicks = cells(oneFile)['clicks']!;
    expect(clicks.value).toBe(91 * 5);
    expect(clicks.qoq).toBeNull();
    expect(clicks.qoq_partial).toEqual({ from: '2026-03-20', to: '2026-03-31' });
  });

  it('takes the previous CTR over the days both inputs cover (60 / 1,200), not 60 over 90 days of impressions', () => {
    const ctr = cells(oneFile)['ctr']!;
    expect(ctr.value).toBeCloseTo(0.05, 12);
    expect(ctr.previous).toBeCloseTo(60 / 1200, 12);
    expect(ctr.qoq).toBeCloseTo(0, 12);
    expect(ctr.qoq_partial).toEqual({ from: '2026-03-20', to: '2026-03-31' });
  });

  it('reads the same in one file or in two', () => {
    expect(cells(twoFiles)['clicks']).toEqual(cells(oneFile)['clicks']);
    expect(cells(twoFiles)['ctr']).toEqual(cells(oneFile)['ctr']);
  });

  it('gives a CTR goal its baseline over those days and a relative clicks target a partial reference', () => {
    const goals = `goals:
  - { id: ctr, title: CTR, period: 2026-Q2, channel: ig, kpi: ctr, target: 0.06 }
  - { id: clk, title: CLK, period: 2026-Q2, channel: ig, kpi: clicks, target: { change: "+20%" } }
`;
    const root = loadRoot(site, goals, oneFile);
    const ctr = evaluate(root, 'ctr', '2026-06-30') as SmartEvaluation;
    expect(ctr.baseline).toBeCloseTo(0.05, 12);
    expect(ctr.status).toBe('missed');
    expect(ctr.previousPartial).toMatchObject({ from: expect.any(Number), to: expect.any(Number) });
    const clk = evaluate(root, 'clk', '2026-06-30') as SmartEvaluation;
    expect(clk.previousPartial).not.toBeNull();
  });

  it('leaves alone a key that appears less than a week after the rows start (read as before)', () => {
    const late = {
      'data/ig/q.json': dailyExport('ig', '2026-01-01', '2026-06-30', (d) => ({
        impressions: 100,
        ...(d >= '2026-01-04' ? { clicks: 5 } : {}),
      })),
    };
    const clicks = cells(late)['clicks']!;
    expect(clicks.qoq_partial).toBeUndefined();
    expect(clicks.previous).toBe((90 - 3) * 5);
  });
});

describe('follower data that start inside the previous quarter', () => {
  const content = { 'data/ig/a.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 100 })) };

  it('gives follower growth no QoQ where a weekly follower sheet starts on 16 February', () => {
    const mondays = days('2026-02-16', '2026-06-29').filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1);
    const sheet = rowsExport('ig', [
      ...mondays.map((date, i) => ({ date, followers: 1000 + 10 * i })),
      { date: '2026-06-30', followers: 1000 + 10 * mondays.length },
    ]);
    const kpis = cells({ ...content, 'data/ig/b.json': sheet });
    expect(kpis['follower_growth']!.qoq).toBeNull();
    expect(kpis['follower_growth']!.qoq_partial).toEqual({ from: '2026-02-16', to: '2026-03-31' });
    // A count at the quarter's end needs no days before: its QoQ stays.
    expect(kpis['follower_count']!.qoq).not.toBeNull();
    expect(kpis['follower_count']!.qoq_partial).toBeUndefined();
  });

  it('gives follower growth no QoQ where a follows export starts on 15 February', () => {
    const follows = dailyExport('ig', '2026-02-15', '2026-06-30', () => ({ new_followers: 3, lost_followers: 1 }));
    const growth = cells({ ...content, 'data/ig/b.json': follows })['follower_growth']!;
    expect(growth.value).toBe(91 * 2);
    expect(growth.qoq).toBeNull();
    expect(growth.qoq_partial).toEqual({ from: '2026-02-15', to: '2026-03-31' });
  });
});

describe('what is left as it was', () => {
  it('spend from the day a campaign began is none before, not a partial quarter', () => {
    const kpis = cells({
      'data/ig/a.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 100, clicks: 10 })),
      'data/ig/ads.json': dailyExport('ig', '2026-03-01', '2026-06-30', () => ({ spend: 3 })),
    });
    expect(kpis['spend']!.qoq_partial).toBeUndefined();
    expect(kpis['spend']!.qoq).toBeCloseTo((91 * 3) / (31 * 3) - 1, 12);
    expect(kpis['cpc']!.qoq_partial).toBeUndefined();
  });

  it('a channel whose data all start inside the previous quarter is partial from there, as before', () => {
    const clicks = cells({
      'data/ig/q.json': dailyExport('ig', '2026-03-20', '2026-06-30', () => ({ impressions: 100, clicks: 5 })),
    })['clicks']!;
    expect(clicks.qoq_partial).toEqual({ from: '2026-03-20', to: '2026-03-31' });
  });
});

describe('an input that starts inside the current quarter while its channel goes back further', () => {
  const data = {
    'data/ig/q.json': dailyExport('ig', '2026-01-01', '2026-06-30', (d) => ({
      impressions: 100,
      ...(d >= '2026-05-01' ? { clicks: 5 } : {}),
    })),
  };

  it('takes CTR over the days both inputs cover (5.0%), not May–June clicks over April–June impressions (3.4%)', () => {
    const kpis = cells(data);
    expect(kpis['ctr']!.value).toBeCloseTo(0.05, 12);
    expect(kpis['ctr']!.gaps).toEqual({ ig: { clicks: [{ from: '2026-04-01', to: '2026-04-30' }] } });
    expect(kpis['clicks']!.value).toBe(61 * 5);
    expect(kpis['clicks']!.gaps).toEqual({ ig: { clicks: [{ from: '2026-04-01', to: '2026-04-30' }] } });
  });

  it('measures a CTR goal on those days', () => {
    const root = loadRoot(
      site,
      'goals:\n  - { id: ctr, title: CTR, period: 2026-Q2, channel: ig, kpi: ctr, baseline: 0.04, target: 0.06 }\n',
      data,
    );
    const ctr = evaluate(root, 'ctr', '2026-06-30') as SmartEvaluation;
    expect(ctr.actual).toBeCloseTo(0.05, 12);
    expect(ctr.progress).toBeCloseTo(0.5, 12);
  });

  it('does not call a total "missed" at the deadline when a month of it is in no export (April reach beside daily rows from 1 May)', () => {
    const rows = [
      { month: '2026-04', reach: 3000 },
      ...days('2026-05-01', '2026-06-30').map((date) => ({ date, impressions: 100 })),
    ];
    const root = loadRoot(
      site,
      'goals:\n  - { id: imp, title: IMP, period: 2026-Q2, channel: ig, kpi: impressions, target: 8000 }\n',
      { 'data/ig/q.json': rowsExport('ig', rows) },
    );
    const imp = evaluate(root, 'imp', '2026-06-30') as SmartEvaluation;
    expect(imp.actual).toBe(6100);
    expect(imp.bound).toBe('lower');
    expect(imp.status).toBe('undecided');
    expect(root.notes).toEqual([
      expect.stringContaining(
        "note: impressions on ig starts on 2026-05-01, while ig's other data go back to 2026-04-01: no export covers impressions from 2026-04-01 to 2026-04-30",
      ),
    ]);
  });

  it('notes it where the metric starts, with the fix', () => {
    const root = loadRoot(site, 'goals: []\n', data);
    expect(root.notes).toEqual([
      expect.stringMatching(
        /^data\/ig\/q\.json:\d+:\d+: note: clicks on ig starts on 2026-05-01, while ig's other data go back to 2026-01-01: .*write clicks: 0 on those days/,
      ),
    ]);
  });

  it('counts no spend before an ads export starts, with no gap and no note', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/a.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 100, clicks: 10 })),
      'data/ig/ads.json': dailyExport('ig', '2026-05-01', '2026-06-30', () => ({ spend: 3 })),
    });
    expect(root.notes).toEqual([]);
    const kpis = buildReport(root.project!, root.engine!, { quarter: Q2 }).kpis['ig']!;
    expect(kpis['spend']!.gaps).toBeUndefined();
    expect(kpis['cpc']!.value).toBeCloseTo((61 * 3) / (91 * 10), 12);
  });
});

describe('red-team 17', () => {
  it('reads a key added late to an export that gives its `from` day as one without it (rt17 #2)', () => {
    const rows = days('2026-01-01', '2026-06-30').map((date) => ({ date, impressions: 100, ...clicksFrom(date) }));
    const withFrom = JSON.stringify({ channel: 'ig', from: '2026-01-01', through: '2026-06-30', rows });
    const ctr = cells({ 'data/ig/q.json': withFrom })['ctr']!;
    expect(ctr.previous).toBeCloseTo(0.05, 12);
    expect(ctr.qoq_partial).toEqual({ from: '2026-03-20', to: '2026-03-31' });
  });

  it('gives a follower count no gaps where totals come before the follows start (rt17 #5)', () => {
    const mondays = days('2026-01-05', '2026-06-29').filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1);
    const kpis = cells({
      'data/ig/a.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 100 })),
      'data/ig/sheet.json': rowsExport(
        'ig',
        mondays.map((date, i) => ({ date, followers: 5000 + 56 * i })),
      ),
      'data/ig/follows.json': dailyExport('ig', '2026-02-16', '2026-06-30', () => ({ new_followers: 10, lost_followers: 2 })),
    });
    expect(kpis['follower_count']!.gaps).toBeUndefined();
    expect(kpis['follower_growth']!.qoq_partial).toEqual({ from: '2026-01-05', to: '2026-03-31' });
  });

  it('takes no note and no gap from a listening tool’s quarter row before a team’s first download (rt17 #7)', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/a.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 100, clicks: 5 })),
      'data/ig/listen.json': rowsExport('ig', [
        { quarter: '2025-Q4', mentions: 40 },
        { quarter: '2026-Q1', mentions: 50 },
      ]),
    });
    expect(root.notes).toEqual([]);
    const kpis = buildReport(root.project!, root.engine!, { quarter: period('2026-Q1') }).kpis['ig']!;
    expect(kpis['impressions']!.gaps).toBeUndefined();
  });

  it('starts an ads export’s clicks and conversions with its campaign, as its spend (rt17 #9)', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/page.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 100 })),
      'data/ig/ads.json': dailyExport('ig', '2026-05-01', '2026-06-30', () => ({ spend: 20, clicks: 30, conversions: 3 })),
    });
    expect(root.notes).toEqual([]);
    const kpis = buildReport(root.project!, root.engine!, { quarter: Q2 }).kpis['ig']!;
    expect(kpis['conversions']!.value).toBe(61 * 3);
    expect(kpis['conversions']!.gaps).toBeUndefined();
    expect(kpis['clicks']!.gaps).toBeUndefined();
  });

  it('notes a late start of likes and comments once each, not of the engagements they make (rt17 #10)', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/a.json': dailyExport('ig', '2026-01-01', '2026-06-30', (d) => ({
        impressions: 100,
        ...(d >= '2026-02-15' ? { likes: 30, comments: 4 } : {}),
      })),
    });
    expect(root.notes.map((n) => n.replace(/^.*note: (\w+) on.*$/, '$1'))).toEqual(['likes', 'comments']);
  });
});

describe('notes for the days before a later export gives a metric (rt17 #6)', () => {
  it('notes a key added a week after a quarter’s export starts, at its first row', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/q1.json': dailyExport('ig', '2026-01-01', '2026-03-31', () => ({ impressions: 100, clicks: 5 })),
      'data/ig/q2.json': dailyExport('ig', '2026-04-01', '2026-06-30', (d) => ({
        impressions: 100,
        ...(d >= '2026-04-08' ? { clicks: 5 } : {}),
      })),
    });
    expect(root.notes).toEqual([
      expect.stringMatching(
        /^data\/ig\/q2\.json:\d+:\d+: note: clicks on ig is given in this export from 2026-04-08: no export covers it from 2026-04-01 to 2026-04-07, while ig's other data do/,
      ),
    ]);
  });

  it('notes exports of a metric that resume inside a quarter after a pause', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/a.json': dailyExport('ig', '2025-01-01', '2026-06-30', () => ({ impressions: 100 })),
      'data/ig/c2025.json': dailyExport('ig', '2025-01-01', '2025-07-31', () => ({ clicks: 5 })),
      'data/ig/c2026.json': dailyExport('ig', '2026-02-01', '2026-06-30', () => ({ clicks: 5 })),
    });
    expect(root.notes).toEqual([
      expect.stringContaining(
        'c2026.json:7:4: note: clicks on ig is given in this export from 2026-02-01: no export covers it from 2026-01-01 to 2026-01-31',
      ),
    ]);
  });

  it('says nothing of exports that follow each other', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/q1.json': dailyExport('ig', '2026-01-01', '2026-03-31', () => ({ impressions: 100, clicks: 5 })),
      'data/ig/q2.json': dailyExport('ig', '2026-04-01', '2026-06-30', () => ({ impressions: 100, clicks: 5 })),
    });
    expect(root.notes).toEqual([]);
  });
});

describe('the note on a relative target over channels whose previous total is partial (rt17 #8)', () => {
  it('names the channel that is partial, not a range of days the total does not keep to', () => {
    const root = loadRoot(
      site,
      'goals:\n  - { id: c, title: C, period: 2026-Q2, channel: all, kpi: clicks, target: { change: "+20%" } }\n',
      {
        'data/ig/q.json': dailyExport('ig', '2026-01-01', '2026-06-30', (d) => ({ impressions: 1000, ...clicksFrom(d) })),
        'data/fb/q.json': dailyExport('fb', '2026-01-01', '2026-06-30', () => ({ impressions: 2000, clicks: 20 })),
      },
    );
    expect(root.notes.filter((n) => n.startsWith('goals/'))).toEqual([
      expect.stringContaining(
        "note: the previous total (clicks over 2026-Q1) is partial: ig's data for clicks start on 2026-03-20: the target +20% applies to that partial total",
      ),
    ]);
  });
});

describe('exports that say where they start, and ads exports (red-team 18)', () => {
  it('reads the days between an export’s `from` and its first row as days without activity, not unknown (rt18 #3, #5)', () => {
    const ads = JSON.stringify({
      channel: 'ig',
      from: '2026-04-01',
      rows: days('2026-05-01', '2026-06-30').map((date) => ({ date, spend: 20, clicks: 30, conversions: 3 })),
    });
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/page.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 1000 })),
      'data/ig/ads.json': ads,
    });
    expect(root.notes).toEqual([]);
    const kpis = buildReport(root.project!, root.engine!, { quarter: Q2 }).kpis['ig']!;
    expect(kpis['clicks']!.gaps).toBeUndefined();
    expect(kpis['ctr']!.value).toBeCloseTo((61 * 30) / (91 * 1000), 12);
  });

  it('starts a second campaign’s export after a pause with its campaign, no gap before it (rt18 #4)', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/page.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 1000 })),
      'data/ig/ads-1.json': dailyExport('ig', '2026-01-10', '2026-02-20', () => ({ spend: 20, clicks: 30 })),
      'data/ig/ads-2.json': dailyExport('ig', '2026-05-01', '2026-06-30', () => ({ spend: 20, clicks: 30 })),
    });
    expect(root.notes).toEqual([]);
    expect(buildReport(root.project!, root.engine!, { quarter: Q2 }).kpis['ig']!['clicks']!.gaps).toBeUndefined();
  });

  it('reads a key added a week into an ads export as unknown back to the campaign’s start only (rt18 #9)', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/ig/page.json': dailyExport('ig', '2026-01-01', '2026-06-30', () => ({ impressions: 1000 })),
      'data/ig/ads.json': dailyExport('ig', '2026-05-01', '2026-06-30', (d) => ({
        spend: 20,
        clicks: 30,
        ...(d >= '2026-05-10' ? { conversions: 3 } : {}),
      })),
    });
    const kpis = buildReport(root.project!, root.engine!, { quarter: Q2 }).kpis['ig']!;
    expect(kpis['conversions']!.gaps).toEqual({ ig: { conversions: [{ from: '2026-05-01', to: '2026-05-09' }] } });
    expect(root.notes).toEqual([expect.stringContaining('no export covers conversions from 2026-05-01 to 2026-05-09')]);
  });
});
