/**
 * What a goal page's header says about the status (red-team 6 #2, #3): a target equal to its
 * baseline asks for no change, and a total decided on every day with data names that day beside
 * the day its pace is taken as of. From a root shaped like real exports.
 */
import { describe, expect, it } from 'vitest';
import { goalView } from '../../src/site/goalView.ts';
import { earlyDownloadExports, LINKEDIN_NO_CLICKS, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\n';
const GOALS = `goals:
  - { id: cap, title: Spend cap, period: 2026-Q3, channel: all, kpi: spend, target: 15000 }
  - { id: zero-ctr, title: CTR up, period: 2026-Q3, channel: linkedin, kpi: ctr, target: { change: "+10%" } }
  - { id: impr, title: Impressions, period: 2026-Q3, channel: linkedin, kpi: impressions, target: 90000 }
`;
const root = loadRoot(SITE, GOALS, {
  ...earlyDownloadExports({ impressions: 5000, clicks: 40, spend: 100 }),
  ...LINKEDIN_NO_CLICKS,
});
const view = (id: string) =>
  goalView(
    root.project!,
    root.engine!,
    root.project!.goals.find((g) => g.id === id)!,
  );

describe('a goal page header', () => {
  it('names the day a decided total counts to, beside the day of its pace', () => {
    expect(root.problems).toEqual([]);
    expect(view('cap')).toMatchObject({ asOf: '2026-08-10', actualTo: '2026-08-31', noChange: null });
    expect(view('cap').evaluation).toMatchObject({ actual: 16500, status: 'off_track' });
  });

  it('says a target equal to its baseline asks for no change, in the KPI`s good direction', () => {
    expect(view('zero-ctr')).toMatchObject({ noChange: 'up', actualTo: null });
    expect(view('zero-ctr').evaluation).toMatchObject({ status: 'achieved', progress: null });
  });

  it('says nothing of either for an ordinary goal', () => {
    expect(view('impr')).toMatchObject({ noChange: null, actualTo: null });
  });
});
