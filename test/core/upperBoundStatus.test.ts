/**
 * An actual that is only an upper bound (red-team 6 #14): quarterly reach summed from month rows
 * mid-quarter. It can establish "off track" or "missed" (the true reach is lower still), never
 * "achieved" or "on track" as if exact: those are `undecided`; and nothing is projected
 * from it. A baseline summed from finer rows is named an upper bound in `validate`'s note.
 */
import { describe, expect, it } from 'vitest';
import { dailyExport, evaluate, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\nchannels:\n  instagram: { label: Instagram }\n';

/** Instagram's insights: exact quarterly reach to Q2, then monthly reach (July to September); daily impressions. */
const DATA = {
  'data/instagram/reach-quarters.json': rowsExport('instagram', [
    { quarter: '2026-Q1', reach: 480000 },
    { quarter: '2026-Q2', reach: 500000 },
  ]),
  'data/instagram/reach-months.json': rowsExport('instagram', [
    { month: '2026-07', reach: 350000 },
    { month: '2026-08', reach: 350000 },
    { month: '2026-09', reach: 350000 },
  ]),
  'data/instagram/impressions.json': dailyExport('instagram', '2026-04-01', '2026-09-30', () => ({ impressions: 20000 })),
};

const GOALS = `goals:
  - { id: reach-600k, title: Reach 600k, kpi: reach, channel: instagram, period: 2026-Q3, baseline: 500000, target: 600000 }
  - { id: reach-2m, title: Reach 2M, kpi: reach, channel: instagram, period: 2026-Q3, baseline: 500000, target: 2000000 }
  - { id: reach-down, title: Reach under 800k, kpi: reach, channel: instagram, period: 2026-Q3, baseline: 900000, target: 800000 }
`;
const root = loadRoot(SITE, GOALS, DATA);

describe('a goal whose actual is an upper bound', () => {
  it('is not achieved on it: undecided, with no projection', () => {
    expect(root.problems).toEqual([]);
    // 700,000 summed from two months: the true quarter's reach lies anywhere from 350,000 to 700,000.
    expect(evaluate(root, 'reach-600k', '2026-08-31')).toMatchObject({
      actual: 700000,
      approximate: true,
      status: 'undecided',
      projection: null,
    });
  });

  it('is off track when even the bound is far short, and missed at the deadline', () => {
    expect(evaluate(root, 'reach-2m', '2026-08-31')).toMatchObject({ approximate: true, status: 'off_track', projection: null });
    // 1,050,000 summed from three months: at most, and short of 2,000,000.
    expect(evaluate(root, 'reach-2m', '2026-09-30')).toMatchObject({ actual: 1050000, approximate: true, status: 'missed' });
  });

  it('on a target below its baseline, an upper bound under the target does establish it', () => {
    // Progress grows as reach falls here: the true reach is at most 700,000 < 800,000.
    expect(evaluate(root, 'reach-down', '2026-08-31')).toMatchObject({ approximate: true, status: 'achieved' });
  });
});

describe('a date-range goal whose window cuts a reach row', () => {
  it('is neither exact nor an upper bound: n/a, and says so', () => {
    const goals =
      'goals:\n  - { id: mid, title: Reach from mid-July, kpi: reach, channel: instagram, start: 2026-07-15, deadline: 2026-09-15, baseline: 300000, target: 400000 }\n';
    const e = evaluate(loadRoot(SITE, goals, DATA), 'mid', '2026-08-31');
    // Only August's row counts: July's straddles the start and is left out, so 15–31 July are missing.
    expect(e).toMatchObject({ actual: 350000, cutRows: true, progress: null, status: 'undecided', projection: null });
  });

  it('a window holding whole rows is not flagged', () => {
    expect(evaluate(root, 'reach-600k', '2026-08-31')).toMatchObject({ cutRows: false });
  });
});

describe('validate, on an implicit baseline that is an upper bound', () => {
  it('says it is no baseline, and why', () => {
    const monthly = {
      ...DATA,
      'data/instagram/reach-quarters.json': rowsExport('instagram', [
        { month: '2026-04', reach: 300000 },
        { month: '2026-05', reach: 300000 },
        { month: '2026-06', reach: 300000 },
      ]),
    };
    const goals = 'goals:\n  - { id: r, title: Reach, kpi: reach, channel: instagram, period: 2026-Q3, target: 700000 }\n';
    const out = loadRoot(SITE, goals, monthly);
    expect(out.problems).toEqual([]);
    // It used to be taken as the baseline ("the target 700,000 is below the baseline 900,000 …, an upper bound"),
    // which decided the goal's direction on a guess: it is none (test/core/boundBaseline.test.ts).
    expect(out.notes.filter((n) => n.includes('baseline'))).toEqual([
      expect.stringContaining(
        'no baseline: reach over 2026-Q2 (the baseline when none is given) is only an upper bound of the true figure',
      ),
    ]);
  });
});
