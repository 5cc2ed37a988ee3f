/**
 * A level goal's implicit baseline over other channels than its actual (rt15 #4): LinkedIn has
 * clicks and spend in 2026-Q1 and Q2, TikTok only in Q2. A CPC goal on both has, as its baseline,
 * LinkedIn's Q1 CPC alone (50 / 5 = 10) while its actual counts TikTok's cheap clicks
 * ((100 + 60) / (20 + 200) = 0.727): the "progress" would be TikTok joining the mix, not a fall of
 * either channel's CPC (LinkedIn's went from 10 to 5). A rate over other channels is no baseline,
 * as the KPI table's "not comparable: channels differ" says of the same pair: the goal names the
 * channel its baseline lacks, has no progress, and is undecided; `validate` notes it. A figure
 * that adds up across channels (a follower count) keeps its status, as the KPI table keeps a
 * total's change, with the channel named and noted.
 */
import { describe, expect, it } from 'vitest';
import { achievability } from '../../src/core/achievability.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { goalView } from '../../src/site/goalView.ts';
import { period } from '../coreFixtures.ts';
import { DATA, GOALS, site } from '../baselineChannelsFixture.ts';
import { loadRoot } from '../exportsFixture.ts';

const root = loadRoot(site('en-US'), GOALS, DATA);
const report = buildReport(root.project!, root.engine!, { quarter: period('2026-Q2') });
const json = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;
const goal = (id: string) => root.project!.goals.find((g) => g.id === id) as SmartGoal;
/** The validate notes at a goal (listed one a line from line 2). */
const notesOf = (id: string) => {
  const line = 2 + root.project!.goals.findIndex((g) => g.id === id);
  return root.notes.filter((n) => n.startsWith(`goals/g.yaml:${line}:`));
};

describe('a rate goal whose implicit baseline has no data on a channel its actual counts', () => {
  it('names the channel, has no progress and is undecided', () => {
    expect(root.problems).toEqual([]);
    const g = json('cpc');
    expect(g.baseline).toBe(10); // LinkedIn's Q1 CPC alone, as said
    expect(g.actual).toBeCloseTo(160 / 220, 12);
    expect(g.baseline_left_out).toEqual(['tt']);
    expect(g.baseline_channels_differ).toBe(true);
    expect(g.progress).toBeNull();
    expect(g.status).toBe('undecided');
  });

  it('is undecided with a relative target too (−50% of LinkedIn’s CPC is no target for the mix)', () => {
    const g = json('cpc-rel');
    expect(g.baseline_left_out).toEqual(['tt']);
    expect(g.status).toBe('undecided');
    expect(g.progress).toBeNull();
  });

  it('judges no achievability on that baseline', () => {
    const a = achievability(root.engine!, goal('cpc'), goal('cpc').period);
    expect(a.needed).toBeNull();
    expect(a.verdict).toBe('unknown');
  });

  it('is noted by validate, naming the channel and the channels the baseline counts', () => {
    expect(notesOf('cpc')).toContainEqual(
      expect.stringMatching(
        /the baseline \(cpc over 2026-Q1, as none is given\) has no data on tt .*it is the KPI over li alone/,
      ),
    );
    expect(notesOf('cpc')).toContainEqual(expect.stringMatching(/not comparable/));
  });

  it('is said on the goal page (en, fr, it)', () => {
    const rows = (locale: string) => {
      const r = loadRoot(site(locale), GOALS, DATA);
      const v = goalView(
        r.project!,
        r.engine!,
        r.project!.goals.find((g) => g.id === 'cpc')!,
      );
      return v.definition.map(([, text]) => text).join('\n');
    };
    expect(rows('en-US')).toContain('Not in the baseline (no data in 2026-Q1, yet counted in the actual): TikTok.');
    expect(rows('en-US')).toContain('channels differ');
    expect(rows('fr-FR')).toContain('Hors de la valeur de référence (aucune donnée');
    expect(rows('fr-FR')).toContain('canaux différents');
    expect(rows('it-IT')).toContain('Esclusi dalla base di partenza (nessun dato');
    expect(rows('it-IT')).toContain('canali diversi');
  });
});

describe('where the baseline counts every channel of the actual', () => {
  it('is decided as before: a baseline given, or a goal on one channel', () => {
    expect(json('cpc-given')).not.toHaveProperty('baseline_left_out');
    expect(json('cpc-given')).not.toHaveProperty('baseline_channels_differ');
    expect(json('cpc-given').status).not.toBe('undecided');
    expect(json('cpc-li')).not.toHaveProperty('baseline_left_out');
    // (5 − 10) / (4 − 10)
    expect(json('cpc-li').progress).toBeCloseTo(5 / 6, 12);
  });
});

describe('a figure that adds up across channels (a follower count)', () => {
  it('keeps its status, the channel named and noted', () => {
    const g = json('fol');
    expect(g.baseline).toBe(1000);
    expect(g.actual).toBe(1600);
    expect(g.baseline_left_out).toEqual(['tt']);
    expect(g).not.toHaveProperty('baseline_channels_differ');
    expect(g.progress).toBeCloseTo(600 / 500, 12);
    expect(notesOf('fol')).toContainEqual(expect.stringMatching(/has no data on tt/));
  });
});

describe('a rate goal whose baseline lacks a channel, once its target is met or missed on any reading (red-team 16 #8)', () => {
  const data = (ttClicks: number) => ({
    'data/li/q.json': JSON.stringify({
      channel: 'li',
      rows: [
        { date: '2026-01-15', clicks: 5, spend: 50 },
        { date: '2026-06-30', clicks: 40, spend: 120 },
      ],
    }),
    'data/tt/q.json': JSON.stringify({
      channel: 'tt',
      rows: [
        { date: '2026-06-01', clicks: ttClicks, spend: 60 },
        { date: '2026-06-30', clicks: ttClicks, spend: 60 },
      ],
    }),
  });
  const goalOn = (target: number) =>
    `goals:\n  - { id: cpc, title: CPC, category: traffic, period: 2026-Q2, channel: [li, tt], kpi: cpc, target: ${target} }\n`;
  const statusOf = (target: number, ttClicks: number) => {
    const r = loadRoot(site('en-US'), goalOn(target), data(ttClicks));
    const g = buildReport(r.project!, r.engine!, { quarter: period('2026-Q2') }).goals[0] as SmartGoalJson;
    expect(g).toMatchObject({ baseline: 10, baseline_channels_differ: true, progress: null });
    return g.status;
  };

  it('is achieved when the actual is past the target, the baseline being on its far side', () => {
    // (120 + 120) / (40 + 400) = €0.55 against €4.00; LinkedIn alone €3.00: met on every reading.
    expect(statusOf(4, 200)).toBe('achieved');
  });

  it('is missed at the deadline when the actual falls short of the target', () => {
    // (120 + 120) / (40 + 20) = €4.00 against €1.00.
    expect(statusOf(1, 10)).toBe('missed');
  });

  it('stays undecided when the baseline is itself past the target (then the baseline decides)', () => {
    expect(statusOf(20, 200)).toBe('undecided');
  });
});
