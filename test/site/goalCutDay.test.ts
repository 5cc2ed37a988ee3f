/**
 * A goal page's "Undecided: its data … end on …" with channels whose data end on different days
 * (red-team 9 #9): each channel is named with its own last day, not all of them with the first.
 * From exports shaped like real ones, in English and French.
 */
import { describe, expect, it } from 'vitest';
import { goalView } from '../../src/site/goalView.ts';
import { CHANNELS_END_APART, loadRoot } from '../exportsFixture.ts';

const GOALS = `goals:
  - { id: all-ctr, title: CTR all, period: 2026-Q3, channel: all, kpi: ctr, target: 0.02 }
  - { id: ig-impr, title: IG impressions, period: 2026-Q3, channel: instagram, kpi: impressions, target: 900000 }
`;
const view = (locale: string, id: string) => {
  const root = loadRoot(`title: Acme\nlocale: ${locale}\ncurrency: EUR\n`, GOALS, CHANNELS_END_APART);
  if (!root.project || !root.engine) throw new Error(`fixture: ${root.problems.join('; ')}`);
  return goalView(
    root.project,
    root.engine,
    root.project.goals.find((g) => g.id === id)!,
  );
};

describe('a goal page on channels whose data end on different days', () => {
  it('names each channel with its own last day', () => {
    const v = view('en-US', 'all-ctr');
    expect(v.evaluation).toMatchObject({ status: 'undecided', endsEarly: true });
    expect(v.endsEarly).toBe(
      'Undecided: its data end before the deadline (Sep 30, 2026): facebook to Sep 10, 2026 and instagram to Sep 15, 2026. What the whole period holds is not known; it settles once the rest of its period is added.',
    );
  });

  it('in French too', () => {
    expect(view('fr-FR', 'all-ctr').endsEarly).toContain('facebook jusqu’au 10 sept. 2026 et instagram jusqu’au 15 sept. 2026');
  });

  it('keeps the one-day wording when one channel ends early', () => {
    expect(view('en-US', 'ig-impr').endsEarly).toBe(
      'Undecided: its data from instagram end on Sep 15, 2026, before the deadline (Sep 30, 2026), so what the whole period holds is not known; it settles once the rest of its period is added.',
    );
  });
});
