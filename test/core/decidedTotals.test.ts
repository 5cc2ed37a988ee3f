/**
 * A total that cannot be negative and that the data already decide (red-team 6 #3): a budget cap
 * overspent on the data there is, while one channel's export stops early, is off track (missed
 * from the deadline on), not "at risk" at the figure cut to that channel's last day; a total
 * already past its target is achieved. The actual is then the total over every day with data
 * (`actualTo`), while pace stays as of `dataTo`; a key result's score follows.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { goalJson } from '../../src/core/report.ts';
import { earlyDownloadExports, evaluate, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
const GOALS = `goals:
  - { id: cap, title: Spend cap 15k, period: 2026-Q3, channel: all, kpi: spend, target: 15000 }
  - { id: wide-cap, title: Spend cap 40k, period: 2026-Q3, channel: all, kpi: spend, target: 40000 }
  - { id: impr, title: 700k impressions, period: 2026-Q3, channel: all, kpi: impressions, target: 700000 }
  - { id: impr-far, title: 2M impressions, period: 2026-Q3, channel: all, kpi: impressions, target: 2000000 }
  - id: okrcap
    type: okr
    title: Keep to the budget
    period: 2026-Q3
    key_results:
      - { id: cap, kpi: spend, channel: all, target: 15000 }
`;
// Facebook's ads export runs to 31 August; Instagram's was downloaded on 10 August.
const root = loadRoot(SITE, GOALS, earlyDownloadExports({ impressions: 5000, clicks: 40, spend: 100 }));

describe('a cap already overspent on the data there is', () => {
  it('is off track at the total over every day with data, not at risk at the total cut to the earliest end', () => {
    expect(root.problems).toEqual([]);
    const e = evaluate(root, 'cap', '2026-08-31');
    if (e.type !== 'smart') throw new Error('smart goal expected');
    // Facebook 62 days × 200 + Instagram 41 days × 100 = 16,500 > 15,000 (to 10 August: 12,300).
    expect(e).toMatchObject({ actual: 16500, status: 'off_track', incomplete: ['instagram'] });
    expect(e.progress).toBeCloseTo(1.1, 12);
    expect(formatDay(e.dataTo!)).toBe('2026-08-10');
    expect(formatDay(e.actualTo!)).toBe('2026-08-31');
    // Pace and projection stay as of 10 August: 12,300 over 41 of 92 days.
    expect(e.elapsed).toBeCloseTo(41 / 92, 12);
    expect(e.projection).toBeCloseTo((12300 * 92) / 41, 6);
    expect(goalJson(root.project!.goals[0]!, e)).toMatchObject({
      actual: 16500,
      status: 'off_track',
      data_to: '2026-08-10',
      actual_to: '2026-08-31',
    });
  });

  it('is missed from the deadline on', () => {
    expect(evaluate(root, 'cap', '2026-09-30')).toMatchObject({ actual: 16500, status: 'missed' });
  });

  it('scores its key result 0, so the objective is red', () => {
    const e = evaluate(root, 'okrcap', '2026-08-31');
    if (e.type !== 'okr') throw new Error('OKR expected');
    expect(e.keyResults[0]).toMatchObject({ actual: 16500, status: 'off_track', score: 0 });
    expect(e).toMatchObject({ score: 0, band: 'red' });
  });

  it('a cap the data do not break is judged as of the earliest end, as before', () => {
    const e = evaluate(root, 'wide-cap', '2026-08-31');
    expect(e).toMatchObject({ actual: 12300, actualTo: null, status: 'on_track' });
  });
});

describe('a total already past its target on the data there is', () => {
  it('is achieved at that total', () => {
    const e = evaluate(root, 'impr', '2026-08-31');
    // 620,000 + 205,000 = 825,000 ≥ 700,000 (to 10 August: 615,000).
    expect(e).toMatchObject({ actual: 825000, status: 'achieved' });
    expect(e.type === 'smart' && formatDay(e.actualTo!)).toBe('2026-08-31');
  });

  it('short of its target, is judged on pace as of the earliest end', () => {
    const e = evaluate(root, 'impr-far', '2026-08-31');
    expect(e).toMatchObject({ actual: 615000, actualTo: null });
    expect(e.type === 'smart' && formatDay(e.dataTo!)).toBe('2026-08-10');
  });
});
