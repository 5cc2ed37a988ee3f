/**
 * The all-channel Achievable? history when a channel starts on a quarter's first day (red-team 12
 * #5): TikTok's daily export starts on 1 January 2026, so 2026-Q1 is covered whole by Facebook and
 * TikTok. Only the change from 2025-Q4 (Facebook alone) into it spans other channels; the quarter
 * itself is complete, and the change from it to 2026-Q2 (the same two channels) counts.
 */
import { describe, expect, it } from 'vitest';
import { achievability, pastValues } from '../../src/core/achievability.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { achievabilityViews } from '../../src/site/achievabilityView.ts';
import { days, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\nchannels:\n  facebook: { label: Facebook }\n  tiktok: { label: TikTok }\n';
const GOALS = `goals:
  - { id: all-impr, title: Impressions, channel: all, period: 2026-Q3, kpi: impressions, target: { change: "+15%" } }
`;

const quarterOf = (date: string) => (Number(date.slice(0, 4)) - 2024) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3) - 2;
/** Facebook: 1,000 impressions a day in 2024-Q3, 5% more each quarter after. */
const facebook = (date: string) => Math.round(1000 * 1.05 ** quarterOf(date));
/** TikTok from 2026-01-01: 500 a day in Q1, 750 in Q2, 1,000 in Q3. */
const tiktok = (date: string) => [500, 750, 1000][quarterOf(date) - 6]!;

const root = loadRoot(SITE, GOALS, {
  'data/facebook/page.json': JSON.stringify({
    channel: 'facebook',
    rows: days('2024-07-01', '2026-09-30').map((date) => ({ date, impressions: facebook(date) })),
  }),
  'data/tiktok/page.json': JSON.stringify({
    channel: 'tiktok',
    rows: days('2026-01-01', '2026-09-30').map((date) => ({ date, impressions: tiktok(date) })),
  }),
});
const goal = () => root.project!.goals.find((g) => g.id === 'all-impr') as SmartGoal;
const total = (first: string, last: string, f: (d: string) => number) => days(first, last).reduce((s, d) => s + f(d), 0);

describe('a channel that starts on the first day of a past quarter', () => {
  it('leaves that quarter complete, its change from the quarter before over other channels uncounted', () => {
    expect(root.problems).toEqual([]);
    const past = pastValues(root.engine!, goal(), goal().period);
    const q1 = past.find((p) => p.period === '2026-Q1')!;
    expect(q1.complete).toBe(true);
    expect(q1.sameChannels).toBe(false);
    expect(past.find((p) => p.period === '2026-Q2')).toMatchObject({ complete: true, sameChannels: true });
  });

  it('counts the change from that quarter to the next, over the same channels', () => {
    const both = (a: string, b: string) => total(a, b, facebook) + total(a, b, tiktok);
    const q1ToQ2 = both('2026-04-01', '2026-06-30') / both('2026-01-01', '2026-03-31') - 1;
    const verdict = achievability(root.engine!, goal(), goal().period);
    expect(verdict.best).toBeCloseTo(q1ToQ2, 12);
    // Facebook's own quarters alone (2024-Q3 to 2025-Q4) and Q1 → Q2.
    expect(verdict.periods).toBe(6);
    expect(verdict.verdict).not.toBe('stretch');
  });

  it('shows the quarter as complete on the goal page, with no change into it and the change out of it', () => {
    const [view] = achievabilityViews(root.project!, root.engine!, goal());
    const row = (label: string) => view!.history.find((h) => h.period === label)!;
    expect(row('2026-Q1')).toMatchObject({ partial: false, change: 'other channels: not counted' });
    expect(row('2026-Q2').partial).toBe(false);
    expect(row('2026-Q2').change).toMatch(/^\+\d+\.\d%$/);
  });
});
