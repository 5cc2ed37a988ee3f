/**
 * An input whose export starts inside the window while the channel's other exports go back
 * further (red-team 10 #5, root kpi2): Facebook's ads export gives impressions, clicks and spend
 * every day from 1 April, its revenue export (the pixel installed on 1 August) only from then.
 * July's revenue is unknown, not zero, as the days between two exports are: a gap of revenue. ROI
 * is taken over the days every input covers, flagged; the revenue total keeps its value, flagged;
 * goals on them likewise. A channel whose exports all start later (launched mid-quarter) and a
 * per-post export (its first row is a first post) have no such days.
 */
import { describe, expect, it } from 'vitest';
import type { SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, evaluate, type LoadedRoot, loadRoot } from '../exportsFixture.ts';

const smart = (r: LoadedRoot, id: string) => evaluate(r, id, '2026-08-31') as SmartEvaluation;
const site = 'title: T\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n  facebook: { label: Facebook }\n';
const goals = `goals:
  - { id: roi-all, title: ROI, period: 2026-Q3, channel: all, kpi: roi, target: 2.5 }
  - { id: roi-fb, title: ROI FB, period: 2026-Q3, channel: facebook, kpi: roi, target: 2.5 }
  - { id: rev-fb, title: Revenue FB, period: 2026-Q3, channel: facebook, kpi: revenue, target: 5000 }
`;
const root = loadRoot(site, goals, {
  'data/facebook.json': dailyExport('facebook', '2026-04-01', '2026-08-31', () => ({ impressions: 2000, clicks: 10, spend: 20 })),
  'data/facebook-revenue.json': dailyExport('facebook', '2026-08-01', '2026-08-31', () => ({ revenue: 100 })),
  'data/instagram.json': dailyExport('instagram', '2026-04-01', '2026-08-31', () => ({ spend: 10, revenue: 30 })),
});
const Q3 = period('2026-Q3');
const asOf = day('2026-08-31');
const july = { facebook: { revenue: [[day('2026-07-01'), day('2026-07-31')]] } };

describe('an input whose export starts inside the quarter', () => {
  it('loads', () => expect(root.problems).toEqual([]));
  const facebook = kpiChanges(root.engine!, ['facebook'], Q3, asOf);
  const all = kpiChanges(root.engine!, ['facebook', 'instagram'], Q3, asOf);

  it('takes a rate over the days every input covers, flagged', () => {
    // August: (3,100 − 620) / 620, not (3,100 − 1,240) / 1,240.
    expect(facebook.get('roi')!.value).toBeCloseTo(4, 12);
    expect(facebook.get('roi')!.gaps).toEqual(july);
    expect(facebook.get('roas')!.value).toBeCloseTo(3100 / 620, 12);
    // All channels over the days every input of each covers: August.
    expect(all.get('roi')!.value).toBeCloseTo((3100 + 930 - 620 - 310) / (620 + 310), 12);
    expect(all.get('roi')!.gaps).toEqual(july);
  });

  it('keeps a total from the late export and flags it; inputs that go back are not flagged', () => {
    expect(facebook.get('revenue')!.value).toBe(3100);
    expect(facebook.get('revenue')!.gaps).toEqual(july);
    expect(facebook.get('spend')!.value).toBe(1240);
    expect(facebook.get('spend')!.gaps).toBeNull();
    expect(facebook.get('ctr')!.gaps).toBeNull();
  });

  it('evaluates goals over the shared days, flagged', () => {
    const fb = smart(root, 'roi-fb');
    expect(fb.actual).toBeCloseTo(4, 12);
    expect(fb.gaps).toEqual(july);
    const over = smart(root, 'roi-all');
    expect(over.actual).toBeCloseTo(all.get('roi')!.value!, 12);
    expect(over.status).not.toBe('off_track');
    expect(smart(root, 'rev-fb').gaps).toEqual(july);
  });

  it('says so in report --json', () => {
    const report = buildReport(root.project!, root.engine!, { quarter: Q3, asOf });
    expect(report.kpis['facebook']!['roi']!.gaps).toEqual({ facebook: { revenue: [{ from: '2026-07-01', to: '2026-07-31' }] } });
    expect((report.goals.find((g) => g.id === 'roi-fb') as SmartGoalJson).gaps).toEqual(report.kpis['facebook']!['roi']!.gaps);
  });
});

describe('exports that start later without other data going back', () => {
  it('a channel launched mid-quarter: no gap', () => {
    const launched = loadRoot(site, 'goals: []\n', {
      'data/facebook.json': dailyExport('facebook', '2026-08-01', '2026-08-31', () => ({ spend: 20 })),
      'data/facebook-revenue.json': dailyExport('facebook', '2026-08-01', '2026-08-31', () => ({ revenue: 100 })),
    });
    const roi = kpiChanges(launched.engine!, ['facebook'], Q3, asOf).get('roi')!;
    expect(roi.value).toBeCloseTo(4, 12);
    expect(roi.gaps).toBeNull();
  });

  it('a per-post export whose first post comes after the daily export starts: no gap', () => {
    const posts = loadRoot(site, 'goals: []\n', {
      'data/facebook.json': dailyExport('facebook', '2026-07-01', '2026-08-31', () => ({ impressions: 2000 })),
      // Downloaded for July and August (its `through`), posts on four days.
      'data/facebook-posts.json': JSON.stringify({
        channel: 'facebook',
        through: '2026-08-31',
        rows: ['2026-07-09', '2026-07-16', '2026-07-30', '2026-08-12'].map((date) => ({ date, clicks: 40 })),
      }),
    });
    const ctr = kpiChanges(posts.engine!, ['facebook'], Q3, asOf).get('ctr')!;
    expect(ctr.gaps).toBeNull();
    expect(ctr.value).toBeCloseTo(160 / (62 * 2000), 12);
  });

  it('the next of a run of quarterly exports, after one without the metric: no gap', () => {
    // TikTok's Q1 export has no spend (no ads); its Q2 export gives spend from 1 April.
    const quarterly = loadRoot(site, 'goals: []\n', {
      'data/facebook/2026-q1.json': dailyExport('facebook', '2026-01-01', '2026-03-31', () => ({ clicks: 10 })),
      'data/facebook/2026-q2.json': dailyExport('facebook', '2026-04-01', '2026-06-30', () => ({ clicks: 10, spend: 20 })),
    });
    const H1 = { ...period('2026-Q1'), end: day('2026-06-30') };
    const spend = kpiChanges(quarterly.engine!, ['facebook'], H1).get('spend')!;
    expect(spend.value).toBe(91 * 20);
    expect(spend.gaps).toBeNull();
  });
});
