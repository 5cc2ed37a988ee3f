/**
 * The channels a goal's reference leaves out, said (red-team 6 #12, #17), on exports shaped like
 * real ones (test/compareFixture.ts):
 * - an implicit baseline taken to the day an input's export ends (LinkedIn clicks to 10 June) has
 *   no data of a channel launched after it (Facebook from 15 June): it is LinkedIn's alone, and the
 *   validate note, JSON and goal page say so instead of counting Facebook's 16 days;
 * - a channel that stopped before the quarter (TikTok, Q2 only) is left out of an all-channel
 *   goal's relative reference, as it is of the actual (like with like), and that is said.
 */
import { describe, expect, it } from 'vitest';
import { measureTarget } from '../../src/core/targets.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { goalView } from '../../src/site/goalView.ts';
import { CLICKS_Q2_END, loadCompare } from '../compareFixture.ts';
import { expectClose, period } from '../coreFixtures.ts';

const { project, engine, notes } = loadCompare();
const goal = (id: string) => project.goals.find((g) => g.id === id) as SmartGoal;
const report = buildReport(project, engine, { quarter: period('2026-Q3') });
const json = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;
/** The validate notes of a goal (goals are listed one a line in the fixture, from line 2). */
const notesOf = (id: string) => {
  const line = 2 + project.goals.findIndex((g) => g.id === id);
  return notes.filter((n) => n.line === line).map((n) => n.message);
};
const targetRow = (id: string, locale = 'en-US') => {
  const loaded = locale === 'en-US' ? { project, engine } : loadCompare(locale);
  const v = goalView(
    loaded.project,
    loaded.engine,
    loaded.project.goals.find((g) => g.id === id)!,
  );
  return v.definition.map(([, text]) => text).join('\n');
};

describe('an implicit baseline taken to a day before a channel of the goal starts', () => {
  it('is computed without that channel, and says so', () => {
    const m = measureTarget(engine, goal('ctr-lf'), goal('ctr-lf').period, ['facebook', 'linkedin']);
    expect(m.baselineTo).not.toBeNull();
    expectClose(m.baseline, 0.03); // LinkedIn's 30 clicks on 1,000 impressions a day, to 10 June
    expect(m.baselineLeftOut).toEqual(['facebook']);
    expect(json('ctr-lf')).toMatchObject({ baseline_to: CLICKS_Q2_END, baseline_left_out: ['facebook'] });
    // A goal on LinkedIn alone loses nothing.
    expect(json('li-ctr').baseline_left_out).toBeUndefined();
  });

  it('has validate describe the baseline used, not Facebook’s 16 days of Q2', () => {
    const messages = notesOf('ctr-lf');
    expect(messages.some((m) => m.includes('16 of 91 days'))).toBe(false);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /has no data on facebook \(facebook's data starts on 2026-06-15\): it is the KPI over linkedin alone/,
      ),
    );
  });

  it('is said on the goal page (en, fr, it)', () => {
    expect(targetRow('ctr-lf')).toContain(
      'Not in the baseline (no data up to Jun 10, 2026, yet counted in the actual): Facebook.',
    );
    expect(targetRow('ctr-lf', 'fr-FR')).toContain('Hors de la valeur de référence');
    expect(targetRow('ctr-lf', 'it-IT')).toContain('Esclusi dalla base di partenza');
  });
});

describe('a channel that stopped before the quarter', () => {
  it('is left out of an all-channel goal’s relative reference, as of its actual, and flagged', () => {
    const impr = json('impr');
    expect(impr.left_out).toEqual(['tiktok']);
    expect(impr.previous_left_out).toEqual(['tiktok']);
    // The previous total over the channels measured now (TikTok's 455,000 left out).
    expect(impr.previous).toBe(91_000 + 91 * 2000 + 16 * 10_000);
    expectClose(impr.target, impr.previous! * 1.05);
  });

  it('is noted by validate at the goal', () => {
    expect(notesOf('impr')).toContainEqual(
      expect.stringMatching(
        /counts facebook, instagram, linkedin only: tiktok has data in 2026-Q2 but none for impressions in 2026-Q3/,
      ),
    );
  });

  it('is said on the goal page (en, fr, it)', () => {
    expect(targetRow('impr')).toContain('Not in the reference (data in 2026-Q2 but none in this period');
    expect(targetRow('impr')).toMatch(/: TikTok\.$/m);
    expect(targetRow('impr', 'fr-FR')).toContain('Hors de la référence (données en');
    expect(targetRow('impr', 'it-IT')).toContain('Esclusi dal riferimento');
  });

  it('is not flagged on a goal with an absolute target', () => {
    expect(json('li-ig').previous_left_out).toBeUndefined();
  });
});
