/**
 * Follower totals once a week inside a daily export (red-team 27 #4, roots a2, a8, a10, a11): a page
 * export with impressions every day gives the count on Mondays only. A count stands for the days
 * after it while it is under a week old: on main a quarter whose last count came two days before its
 * end was settled or left undecided depending on whether the NEXT quarter's first Monday was missing
 * (a 13-day run after 28 September made the goal "Undecided" on a count 2 days old), and a count
 * 6 days old stood unflagged where the next one came 8 days later.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = 'goals:\n  - { id: fc, title: Followers, period: 2026-Q3, channel: ig, kpi: follower_count, target: 10500 }\n';
const dayIndex = (d: string) => (Date.parse(`${d}T00:00:00Z`) - Date.parse('2026-04-06T00:00:00Z')) / 86_400_000;

/** A daily page export from 1 April to `last`, with the follower count on the days `counts` picks. */
function weekly(last: string, counts: (d: string) => boolean) {
  return loadRoot(site, goals, {
    'data/ig/page.json': dailyExport('ig', '2026-04-01', last, (d) => ({
      impressions: 1000,
      ...(counts(d) ? { followers: 10000 + 5 * dayIndex(d) } : {}),
    })),
  });
}

const monday = (d: string) => dayIndex(d) >= 0 && dayIndex(d) % 7 === 0;

describe('weekly follower totals inside a daily export', () => {
  it('settle the quarter on its last Monday (2 days old) whether or not the next Monday is missing', () => {
    for (const skip of [null, '2026-10-05']) {
      const root = weekly('2026-10-20', (d) => monday(d) && d !== skip);
      expect(root.notes.filter((n) => n.includes('follower_count'))).toEqual([]);
      const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
      const cell = report.kpis['ig']!['follower_count']!;
      expect(cell.value).toBe(10000 + 5 * dayIndex('2026-09-28'));
      expect(cell.inputs_to).toBeUndefined();
      expect(cell.data_to).toBeUndefined();
      expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'achieved', actual: cell.value });
      expect((report.goals[0] as SmartGoalJson).ends_early).toBeFalsy();
    }
  });

  it('settle on a count 6 days old, as on one 2 days old', () => {
    // Mondays to 21 September, then 24 September (6 days before the quarter's end), then 5 October.
    const root = weekly('2026-10-20', (d) => (monday(d) && d <= '2026-09-21') || d === '2026-09-24' || d === '2026-10-05');
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
    expect(report.kpis['ig']!['follower_count']).toMatchObject({ value: 10000 + 5 * dayIndex('2026-09-24') });
    expect(report.kpis['ig']!['follower_count']!.inputs_to).toBeUndefined();
    expect(report.kpis['ig']!['follower_count']!.data_to).toBeUndefined();
    expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'achieved' });
  });

  for (const [every, last] of [
    [15, '2026-09-18'],
    [10, '2026-09-23'],
  ] as const) {
    it(`end on a count a week old or more (every ${every} days: ${last}), flagged as of its own day`, () => {
      const root = weekly('2026-10-20', (d) => dayIndex(d) >= 0 && dayIndex(d) % every === 0);
      const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3') });
      expect(report.kpis['ig']!['follower_count']).toMatchObject({
        value: 10000 + 5 * dayIndex(last),
        inputs_to: { ig: { followers: last } },
        data_to: last,
      });
      expect(report.goals[0] as SmartGoalJson).toMatchObject({ status: 'undecided', data_to: last, ends_early: true });
      const note = root.notes.find((n) => n.includes(`the data of ig for follower_count end on ${last}`));
      // The export covers the days after the count: the hint is a later count, not a `through` day.
      expect(note).toContain('if a later count was taken, add it (a count stands for the week after its day');
      expect(note).not.toContain('"through"');
    });
  }

  it('take a count under a week old as the count on an as-of day inside the quarter', () => {
    // Every 8 days from 6 April: 20 August is a count, 28 August the next; 25 August is five days after one.
    const root = weekly('2026-10-20', (d) => dayIndex(d) >= 0 && dayIndex(d) % 8 === 0);
    const asOf = day('2026-08-25');
    const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3'), asOf });
    const cell = report.kpis['ig']!['follower_count']!;
    expect(cell.inputs_to).toBeUndefined();
    expect(cell.value).toBe(10000 + 5 * dayIndex('2026-08-20'));
    expect(cell.data_to).toBeUndefined();
  });
});
