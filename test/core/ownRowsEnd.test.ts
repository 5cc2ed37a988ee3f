/**
 * An input given as month or quarter rows covers the months its own rows give, not its file's span,
 * and a unique or stock input is cut and flagged as a flow is (red-team 12 #3, #4, #6). Three roots
 * shaped like the report's:
 * - #3: code uses daily from a shop export downloaded on 15 September, unique site visitors as
 *   month rows (with a Q2 quarter row): a custom rate over them divided the codes of 1 July to
 *   15 September by the visitors of July and August (19.3%, called a lower bound);
 * - #4: new customers as month rows to August inside a survey file whose NPS quarter row covers
 *   Q3: CAC divided 92 days of spend by two months of customers ($92 against $62);
 * - #6: a stock (club members) as month rows ending in July beside a page export to 30 September:
 *   the goal settled at its deadline on July's value, with no mark.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { buildReport } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { expectClose, period } from '../coreFixtures.ts';

/** Every day from `first` to `last`, as YYYY-MM-DD. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

const Q3 = period('2026-Q3');

/** The 2026-Q3 report of a root given as its site settings, one goals file and data files, with `validate`'s notes. */
function q3Report(site: string, goals: string, data: Record<string, object>) {
  const loaded = loadFromSources(
    { path: 'content/site.yaml', text: site },
    [{ path: 'goals/q3.yaml', text: goals }],
    Object.entries(data).map(([path, json]) => ({ path, text: JSON.stringify(json) })),
  );
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const { project } = loaded;
  return { ...buildReport(project, createEngine(project), { quarter: Q3 }), notes: loaded.notes.map((n) => n.message) };
}

const goalOf = (report: ReturnType<typeof q3Report>, id: string) => {
  const goal = report.goals.find((g) => g.id === id);
  if (!goal || goal.type !== 'smart') throw new Error(`no SMART goal ${id}`);
  return goal;
};

describe('a custom rate over a unique metric given as month rows (red-team 12 #3)', () => {
  const report = q3Report(
    [
      'title: Shop',
      'channels:',
      '  instagram: { label: Instagram }',
      'metrics:',
      '  site_visitors: { label: Unique visitors, aggregation: unique, unit: count }',
      '  code_uses: { label: Code uses, aggregation: flow, unit: count }',
      '',
    ].join('\n'),
    [
      'kpis:',
      '  - { id: visitor_codes, label: Codes per visitor, formula: "code_uses / site_visitors", unit: percent, good: up }',
      'goals:',
      '  - { id: vis, title: Codes per visitor, kpi: visitor_codes, channel: instagram, period: 2026-Q3, target: 0.2 }',
      '',
    ].join('\n'),
    {
      // Instagram's page export runs to 30 September.
      'data/instagram/page.json': {
        channel: 'instagram',
        rows: days('2026-04-01', '2026-09-30').map((date) => ({ date, impressions: 8000 })),
      },
      // The shop's export was downloaded on 15 September: 15 code uses a day.
      'data/shop/2026.json': {
        channel: 'instagram',
        through: '2026-09-15',
        rows: days('2026-04-01', '2026-09-15').map((date) => ({ date, code_uses: 15 })),
      },
      // Analytics: unique visitors a month, April to September, and Q2 as a whole.
      'data/instagram/ga.json': {
        channel: 'instagram',
        rows: [
          ...['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({
            month,
            site_visitors: 3000,
          })),
          { quarter: '2026-Q2', site_visitors: 7000 },
        ],
      },
    },
  );
  // July and August: 62 days of 15 codes over the visitors of the two months.
  const likeForLike = (62 * 15) / 6000;

  it('cuts the KPI to the last day both inputs are whole (31 August) and flags it', () => {
    const cell = report.kpis['instagram']!['visitor_codes']!;
    expectClose(cell.value, likeForLike);
    expect(cell.data_to).toBe('2026-08-31');
    expect(cell.inputs_to).toEqual({ instagram: { code_uses: '2026-09-15', site_visitors: '2026-08-31' } });
    // Visitors summed from month rows are an upper bound, so the rate is a lower one.
    expect(cell.bound).toBe('lower');
  });

  it('gives the goal the same figure over the same days', () => {
    const goal = goalOf(report, 'vis');
    expectClose(goal.actual, likeForLike);
    expect(goal.data_to).toBe('2026-08-31');
    expect(goal.inputs_to).toEqual({ instagram: { code_uses: '2026-09-15', site_visitors: '2026-08-31' } });
  });

  it('has validate name the day the goal is evaluated as of', () => {
    expect(report.notes.filter((n) => n.startsWith('the data of instagram for visitor_codes'))).toEqual([
      expect.stringContaining('end on 2026-08-31, before the deadline (2026-09-30)'),
    ]);
  });
});

describe('month rows of an input that end inside a file that goes on (red-team 12 #4)', () => {
  const surveys = (withQ3: boolean) => ({
    channel: 'facebook',
    rows: [
      { quarter: '2026-Q2', promoters: 56, passives: 30, detractors: 14 },
      ...(withQ3 ? [{ quarter: '2026-Q3', promoters: 60, passives: 30, detractors: 10 }] : []),
      // The CRM's new customers a month: September was not in yet.
      ...['2026-04', '2026-05', '2026-06', '2026-07', '2026-08'].map((month) => ({ month, new_customers: 50 })),
    ],
  });
  const root = (withQ3: boolean) =>
    q3Report(
      'title: Care\ncustomer_ltv: 420\nchannels:\n  facebook: { label: Facebook }\n',
      'goals:\n  - { id: ltv, title: LTV/CAC 2.5, kpi: ltv_cac, channel: facebook, period: 2026-Q3, target: 2.5 }\n',
      {
        'data/facebook/daily.json': {
          channel: 'facebook',
          rows: days('2026-04-01', '2026-09-30').map((date) => ({ date, impressions: 10000, spend: 100 })),
        },
        'data/facebook/surveys.json': surveys(withQ3),
      },
    );

  for (const withQ3 of [true, false]) {
    describe(withQ3 ? "beside the file's Q3 NPS quarter row" : 'without a Q3 quarter row in the file', () => {
      const report = root(withQ3);
      const inputsTo = { facebook: { spend: '2026-09-30', new_customers: '2026-08-31' } };

      it('takes CAC and LTV:CAC over July and August, flagged', () => {
        const cac = report.kpis['facebook']!['cac']!;
        // July and August: 62 days of $100 over 100 new customers.
        expectClose(cac.value, 62);
        expect(cac.data_to).toBe('2026-08-31');
        expect(cac.inputs_to).toEqual(inputsTo);
        const ltvCac = report.kpis['facebook']!['ltv_cac']!;
        expectClose(ltvCac.value, 420 / 62);
        expect(ltvCac.inputs_to).toEqual(inputsTo);
      });

      it('does not settle the goal on the customers of two months', () => {
        const goal = goalOf(report, 'ltv');
        expectClose(goal.actual, 420 / 62);
        expect(goal.data_to).toBe('2026-08-31');
        expect(goal.status).toBe('undecided');
      });
    });
  }

  it('keeps the NPS of the quarter row', () => {
    expect(root(true).kpis['facebook']!['nps']!.value).toBe(50);
  });
});

/** The club root: a daily page export for Q2 and Q3, and the club's members as month rows (`members[i]` for April on). */
const clubReport = (members: readonly number[]) =>
  q3Report(
    'title: Club\nchannels:\n  facebook: { label: Facebook }\nmetrics:\n  members: { label: Club members, aggregation: stock, unit: count }\n',
    'goals:\n  - { id: members, title: 1600 members, kpi: members, channel: facebook, period: 2026-Q3, target: 1600 }\n',
    {
      'data/facebook/page.json': {
        channel: 'facebook',
        rows: days('2026-04-01', '2026-09-30').map((date) => ({ date, impressions: 10000 })),
      },
      'data/facebook/club.json': {
        channel: 'facebook',
        rows: members.map((value, i) => ({ month: `2026-${String(4 + i).padStart(2, '0')}`, members: value })),
      },
    },
  );

describe('a stock given as month rows that end before the other data (red-team 12 #6)', () => {
  // The club's export is monthly: August and September are not in yet.
  const report = clubReport([1300, 1350, 1400, 1450]);

  it("does not settle the goal at its deadline on July's value, and marks it", () => {
    const goal = goalOf(report, 'members');
    expect(goal.actual).toBe(1450);
    expect(goal.status).toBe('undecided');
    expect(goal.data_to).toBe('2026-07-31');
    expect(goal.inputs_to).toEqual({ facebook: { members: '2026-07-31' } });
    expect(report.notes).toContainEqual(expect.stringContaining('the data of facebook for members end on 2026-07-31'));
  });

  it("marks the KPI table's figure as July's", () => {
    const cell = report.kpis['facebook']!['members']!;
    expect(cell.value).toBe(1450);
    expect(cell.data_to).toBe('2026-07-31');
    expect(cell.inputs_to).toEqual({ facebook: { members: '2026-07-31' } });
  });

  it('leaves a stock whose rows reach the end unmarked', () => {
    const whole = clubReport([1300, 1370, 1440, 1510, 1580, 1650]);
    const goal = goalOf(whole, 'members');
    expect(goal.status).toBe('achieved');
    expect(goal.data_to).toBeUndefined();
    expect(whole.kpis['facebook']!['members']!.inputs_to).toBeUndefined();
  });
});
