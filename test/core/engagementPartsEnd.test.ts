/**
 * Engagements derived from their parts (SPEC "Metric JSON": the sum of the parts present), where a
 * part's data end before the others' (red-team 21): saves in an export of their own downloaded on
 * 31 August beside likes to 30 September (#1), saves dropped from a daily export in September
 * (#5, red-team 20 #3), saves as month rows read as of 20 September, inside September's row (#2),
 * and a part whose days and the other inputs' days never meet (#6). On main each read the missing
 * part as none, unflagged: the engagement rate fell 5.4% and both goals were "Missed". A part is an
 * input of engagements on a channel whose engagements are derived: where one ends early, the figure
 * is flagged and a rate is taken to the day the parts all reach, as for a clicks export that ends early.
 */
import { describe, expect, it } from 'vitest';
import { type Day, parseIsoDate } from '../../src/core/dates.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, evaluate, loadRoot, rowsExport } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: er, title: ER, period: 2026-Q3, channel: instagram, kpi: engagement_rate, target: { change: "+10%" } }
  - { id: eng, title: Engagements, period: 2026-Q3, channel: instagram, kpi: engagements, target: { change: "+10%" } }
`;
const base = () => ({ impressions: 1000, likes: 40, comments: 5, shares: 5 });
const day = (text: string) => (parseIsoDate(text) as { day: Day }).day;
const reportOf = (root: ReturnType<typeof loadRoot>, asOf?: string) =>
  buildReport(root.project!, root.engine!, { quarter: period('2026-Q3'), ...(asOf ? { asOf: day(asOf) } : {}) });

const savesApart = loadRoot(site, goals, {
  'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', base),
  'data/instagram/saves.json': dailyExport('instagram', '2026-04-01', '2026-08-31', () => ({ saves: 10 })),
});
const savesDropped = loadRoot(site, goals, {
  'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
    ...base(),
    ...(d <= '2026-08-31' ? { saves: 10 } : {}),
  })),
});

describe('a part of derived engagements whose export ends before the others', () => {
  for (const [name, root] of [
    ['in an export of its own', savesApart],
    ['dropped from the daily export', savesDropped],
  ] as const) {
    it(`${name}: the rate is taken to the part's last day and flagged, the total flagged without a change`, () => {
      const cells = reportOf(root).kpis['instagram']!;
      // July and August: (50 + 10) / 1000 every day, as in Q2.
      expect(cells['engagement_rate']).toMatchObject({
        value: expect.closeTo(0.06, 12),
        qoq: expect.closeTo(0, 12),
        inputs_to: { instagram: { saves: '2026-08-31' } },
        data_to: '2026-08-31',
      });
      expect(cells['engagements']).toMatchObject({
        value: 92 * 50 + 62 * 10,
        qoq: null,
        inputs_to: { instagram: { saves: '2026-08-31' } },
      });
    });

    it(`${name}: the goals are evaluated as of the part's last day, not "Missed" on its absence`, () => {
      const report = reportOf(root);
      for (const id of ['er', 'eng']) {
        const g = report.goals.find((x) => x.id === id) as SmartGoalJson;
        expect(g.status).not.toBe('missed');
        expect(g.inputs_to).toMatchObject({ instagram: { saves: '2026-08-31' } });
      }
      expect(evaluate(root, 'er', '2026-09-30')).toMatchObject({ actual: expect.closeTo(0.06, 12) });
    });
  }

  it('changes nothing where engagements are given, or the part reaches as far as the others', () => {
    const given = loadRoot(site, goals, {
      'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({
        impressions: 1000,
        engagements: 60,
      })),
      'data/instagram/saves.json': dailyExport('instagram', '2026-04-01', '2026-08-31', () => ({ saves: 10 })),
    });
    expect(reportOf(given).kpis['instagram']!['engagement_rate']).toMatchObject({ value: 0.06, qoq: 0 });
    expect(reportOf(given).kpis['instagram']!['engagement_rate']!.inputs_to).toBeUndefined();
    const whole = loadRoot(site, goals, {
      'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ ...base(), saves: 10 })),
    });
    expect(reportOf(whole).kpis['instagram']!['engagement_rate']).toMatchObject({ value: 0.06, qoq: 0 });
    expect(reportOf(whole).kpis['instagram']!['engagement_rate']!.inputs_to).toBeUndefined();
  });
});

describe('a part given as month rows, read as of a day inside its month (red-team 21 #2)', () => {
  const root = loadRoot(site, goals, {
    'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', base),
    'data/instagram/saves.json': rowsExport(
      'instagram',
      ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({ month, saves: 310 })),
    ),
  });

  it('is taken to the last day its rows are whole, as a month row of clicks is', () => {
    const rate = reportOf(root, '2026-09-20').kpis['instagram']!['engagement_rate']!;
    // July and August: 62 days of likes (50 a day) and two months of saves, over 62,000 impressions.
    expect(rate.value).toBeCloseTo((62 * 50 + 620) / 62000, 12);
    expect(rate.data_to).toBe('2026-08-31');
    expect(rate.inputs_to).toMatchObject({ instagram: { saves: '2026-08-31' } });
  });

  it('leaves the quarter without a figure as of a day inside its first month, rather than likes without saves', () => {
    expect(reportOf(root, '2026-07-20').kpis['instagram']!['engagement_rate']!.value).toBeNull();
  });
});

describe('parts whose days never meet the other inputs’ (red-team 21 #6)', () => {
  // The page export stops at the end of July; a saves export runs from 1 August.
  const root = loadRoot(site, goals, {
    'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-07-31', base),
    'data/instagram/saves.json': dailyExport('instagram', '2026-08-01', '2026-09-30', () => ({ saves: 10 })),
  });

  it('give no engagement rate: no day has both impressions and every part', () => {
    expect(reportOf(root).kpis['instagram']!['engagement_rate']!.value).toBeNull();
    // The goal is read as of 31 July, the impressions' last day, and July lacks saves.
    expect(evaluate(root, 'er', '2026-09-30')).toMatchObject({ actual: null, dataTo: expect.anything() });
  });
});
