/**
 * A total whose own metric comes as month rows that stop before the quarter's end (rt13 #5: test/
 * monthCutFixture.ts, mentions by month to August beside a page export every day to 30 September)
 * covers part of the quarter: its change against a whole previous quarter is no change (null), as
 * a total's over days between two exports is, with the days its rows miss as the cell's `gaps`.
 * An earlier quarter in which a channel's month rows stop early is partial the same way
 * (`qoq_partial` with those days as its gaps). A rate over such months is taken over the months
 * its inputs cover. A goal on the total is evaluated as of the last month row, and settles at the
 * deadline only on what that decides.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGoal, type SmartEvaluation } from '../../src/core/evaluate.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';
import { MONTH_CUT_SITE, monthsToAugust } from '../monthCutFixture.ts';

const root = monthsToAugust();
const engine = root.engine!;
const q3 = period('2026-Q3');

describe('a total whose month rows stop a month before the quarter ends', () => {
  const mentions = kpiChanges(engine, ['facebook'], q3).get('mentions')!;

  it('keeps its value over the months given, flagged with where its rows end', () => {
    expect(mentions.value).toBe(240);
    expect(mentions.inputsEnd).toEqual({ facebook: { mentions: day('2026-08-31') } });
  });

  it('has no change against the whole previous quarter (not −20%), and says which days its rows miss', () => {
    expect(mentions.previous).toBe(300);
    expect(mentions.qoq).toBeNull();
    expect(mentions.yoy).toBeNull();
    expect(mentions.gaps).toEqual({ facebook: { mentions: [[day('2026-08-31') + 1, day('2026-09-30')]] } });
  });

  it('keeps the change of a total whose inputs cover the quarter (impressions, every day)', () => {
    const impressions = kpiChanges(engine, ['facebook'], q3).get('impressions')!;
    expect(impressions.qoq).toBeCloseTo(92 / 91 - 1, 12);
    expect(impressions.gaps).toBeNull();
  });

  it('stops at the report’s day when that comes first', () => {
    const toMid = kpiChanges(engine, ['facebook'], q3, day('2026-09-15')).get('mentions')!;
    expect(toMid.qoq).toBeNull();
    expect(toMid.gaps).toEqual({ facebook: { mentions: [[day('2026-09-01'), day('2026-09-15')]] } });
  });
});

describe('a rate over those months (share of voice)', () => {
  const sov = kpiChanges(engine, ['facebook'], q3).get('share_of_voice')!;

  it('is taken over the months its inputs cover, said by its day, and compared with the previous quarter', () => {
    expect(sov.value).toBeCloseTo(240 / 440, 12);
    expect(sov.dataTo).toBe(day('2026-08-31'));
    expect(sov.previous).toBeCloseTo(0.5, 12);
    expect(sov.qoq).toBeCloseTo(240 / 440 / 0.5 - 1, 12);
    expect(sov.gaps).toBeNull();
  });
});

describe('the report JSON', () => {
  const report = buildReport(root.project!, engine, { quarter: q3 });

  it('gives the total no change, with its gaps beside where its rows end', () => {
    for (const scope of ['all', 'facebook']) {
      expect(report.kpis[scope]!['mentions']).toEqual({
        value: 240,
        qoq: null,
        yoy: null,
        inputs_to: { facebook: { mentions: '2026-08-31' } },
        gaps: { facebook: { mentions: [{ from: '2026-09-01', to: '2026-09-30' }] } },
      });
    }
  });
});

describe('a goal on the total', () => {
  const goal = (id: string, asOf: string) =>
    evaluateGoal(
      engine,
      root.project!.goals.find((g) => g.id === id)!,
      day(asOf),
    ) as SmartEvaluation;

  it('is undecided at its deadline while its target is not met by the months given', () => {
    const g = goal('q3-mentions', '2026-09-30');
    expect(g.actual).toBe(240);
    expect(g.status).toBe('undecided');
    expect(g.dataTo).toBe(day('2026-08-31'));
    expect(g.inputsEnd).toEqual({ facebook: { mentions: day('2026-08-31') } });
  });

  it('is judged before its deadline as of the last month row, not the report’s day', () => {
    const g = goal('q3-mentions', '2026-09-15');
    expect(g.dataTo).toBe(day('2026-08-31'));
    expect(g.elapsed).toBeCloseTo(62 / 92, 12);
    expect(g.status).toBe('on_track');
  });

  it('is achieved once the months given meet its target (a total only grows)', () => {
    expect(goal('q3-mentions-met', '2026-09-30').status).toBe('achieved');
  });

  it('says so in the report', () => {
    const json = buildReport(root.project!, engine, { quarter: q3 }).goals.find((g) => g.id === 'q3-mentions') as SmartGoalJson;
    expect(json).toMatchObject({ status: 'undecided', data_to: '2026-08-31', ends_early: true });
    expect(json.inputs_to).toEqual({ facebook: { mentions: '2026-08-31' } });
  });
});

describe('a total whose daily export stops a month before the quarter ends', () => {
  // The same reading as month rows: 4 mentions a day to 31 August beside the page export to 30 September.
  const daily = loadRoot(MONTH_CUT_SITE, 'goals: []\n', {
    'data/facebook/page.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
    'data/facebook/listening.json': dailyExport('facebook', '2026-04-01', '2026-08-31', () => ({ mentions: 4 })),
  });
  const mentions = kpiChanges(daily.engine!, ['facebook'], q3).get('mentions')!;

  it('has no change against the whole previous quarter either, with the same gaps', () => {
    expect(mentions.value).toBe(4 * 62);
    expect(mentions.previous).toBe(4 * 91);
    expect(mentions.qoq).toBeNull();
    expect(mentions.gaps).toEqual({ facebook: { mentions: [[day('2026-09-01'), day('2026-09-30')]] } });
  });
});

describe('an earlier quarter in which one channel’s month rows stop early', () => {
  // Facebook's mentions stop with May while its page export goes on; Instagram's cover every month.
  const both = loadRoot(
    'title: T\nchannels:\n  facebook: { label: Facebook }\n  instagram: { label: Instagram }\n',
    'goals: []\n',
    {
      'data/facebook/page.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
      'data/facebook/listening.json': rowsExport('facebook', [
        { month: '2026-04', mentions: 100 },
        { month: '2026-05', mentions: 100 },
      ]),
      'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 1000 })),
      'data/instagram/listening.json': rowsExport(
        'instagram',
        ['04', '05', '06', '07', '08', '09'].map((m) => ({ month: `2026-${m}`, mentions: 50 })),
      ),
    },
  );
  const mentions = kpiChanges(both.engine!, ['facebook', 'instagram'], q3).get('mentions')!;

  it('makes that quarter partial, with the days the rows miss, and the total has no change against it', () => {
    expect(mentions.value).toBe(150);
    expect(mentions.previous).toBe(350);
    expect(mentions.previousPartial).toEqual({
      from: day('2026-04-01'),
      to: day('2026-06-30'),
      gaps: [[day('2026-06-01'), day('2026-06-30')]],
      channelGaps: { facebook: [[day('2026-06-01'), day('2026-06-30')]] },
    });
    expect(mentions.qoq).toBeNull();
  });
});
