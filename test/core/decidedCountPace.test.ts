/**
 * A count decided at the deadline on the channels with data there (red-team 25 #7, root e): Instagram's
 * followers reach 15,490 on 30 September, past a 14,000 target, while Twitter's data stopped on 31 May.
 * Twitter can only add to the count, so the goal is achieved at the deadline. On main it read
 * "expected 1%" (`elapsed` 1/92, as of 1 July, the day the goal's data were taken to end) beside
 * "Achieved", with "pace as of 2026-07-01": a pace for a goal already judged at its deadline.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { goalView } from '../../src/site/goalView.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, evaluate, loadRoot } from '../exportsFixture.ts';

/** Days from `first` to `d`. */
const since = (d: string, first: string) => Math.round((Date.parse(d) - Date.parse(first)) / 86_400_000);

const root = loadRoot(
  'title: T\nlocale: en-US\n',
  'goals:\n  - { id: fc, title: FC, period: 2026-Q3, channel: all, kpi: follower_count, baseline: 10000, target: 14000 }\n',
  {
    'data/instagram/page.json': dailyExport('instagram', '2026-04-01', '2026-09-30', (d) => ({
      followers: 10030 + 30 * since(d, '2026-04-01'),
    })),
    'data/twitter/x.json': dailyExport('twitter', '2026-01-01', '2026-05-31', (d) => ({
      followers: 12000 + since(d, '2026-01-01'),
    })),
  },
);

describe('a count decided at the deadline over the channels with data there', () => {
  const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q3'), asOf: period('2026-Q4').start + 9 });
  const goal = report.goals[0] as SmartGoalJson;

  it('is judged as of the deadline: the whole period elapsed, the pace expected in full', () => {
    expect(root.problems).toEqual([]);
    expect(goal).toMatchObject({ actual: 15490, status: 'achieved', actual_to: '2026-09-30', elapsed: 1, expected: 1 });
    expect(evaluate(root, 'fc', '2026-10-10')).toMatchObject({ elapsed: 1, expected: 1, status: 'achieved' });
  });

  it('says where it is read, with no pace, in the text report and on the goal page', () => {
    const kpis = new Map(kpiMetas(root.engine!).map((k) => [k.id, k]));
    const text = renderText(report, root.project!.site, kpis);
    expect(text).toContain('progress 137%, expected 100%');
    expect(text).toContain('counted on 2026-09-30 over the channels with data then, which already decides it');
    expect(text).not.toContain('pace as of');
    const view = goalView(root.project!, root.engine!, root.project!.goals[0]!);
    expect(view.asOf).toBe('2026-09-30');
    expect(view.actualToNote).toBe(
      'Read on Sep 30, 2026 over the channels with data then, which already decides the goal: the others can only add to it.',
    );
  });
});
