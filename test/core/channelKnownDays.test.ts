/**
 * On which days a channel's data is known (red-team 6 #6, #8, #9, #19). The days after a channel's
 * last day are unknown, not days without activity, whether or not another channel has data on them;
 * an export covers the days from its first row to its `through` day, else to its last row. Exports
 * are shaped as platforms give them: one file per channel (and per quarter), daily rows.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { achievability, pastValues } from '../../src/core/achievability.ts';
import { isPartial } from '../../src/core/comparable.ts';
import { formatDay } from '../../src/core/dates.ts';
import type { SmartGoal } from '../../src/core/goals.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { partialComparison, partialNote } from '../../src/format/changes.ts';
import { formatProblem } from '../../src/load/problems.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { day, period } from '../coreFixtures.ts';

const Q3 = period('2026-Q3');

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d++) out.push(formatDay(d));
  return out;
};

function load(goals: string, files: Record<string, object>) {
  const result = loadFromSources(
    { path: 'content/site.yaml', text: 'title: T\n' },
    [{ path: 'goals/g.yaml', text: goals }],
    Object.entries(files).map(([path, body]) => ({ path, text: JSON.stringify(body) })),
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}

/**
 * Root a of the red team: instagram reports impressions (no clicks) and stops on 20 August;
 * linkedin and facebook report impressions and clicks to 31 August.
 */
const rootA = {
  'data/instagram.json': {
    channel: 'instagram',
    rows: days('2026-07-01', '2026-08-20').map((date) => ({ date, impressions: 1000 })),
  },
  'data/linkedin.json': {
    channel: 'linkedin',
    rows: days('2026-07-01', '2026-08-31').map((date) => ({ date, impressions: 2000, clicks: 100 })),
  },
  'data/facebook.json': {
    channel: 'facebook',
    rows: days('2026-07-01', '2026-08-31').map((date) => ({ date, impressions: 1500, clicks: 50 })),
  },
};
const goalsA = `goals:
  - { id: all-clicks, title: Clicks, channel: all, period: 2026-Q3, kpi: clicks, target: 30000 }
  - { id: all-ctr, title: CTR, channel: all, period: 2026-Q3, kpi: ctr, target: 0.06 }
  - { id: all-impr, title: Impressions, channel: all, period: 2026-Q3, kpi: impressions, target: 500000 }
  - { id: li-clicks, title: LinkedIn clicks, channel: linkedin, period: 2026-Q3, kpi: clicks, target: 8000 }
`;

describe('a channel left out of a KPI for lacking an input (#6)', () => {
  const { project } = load(goalsA, rootA);
  const report = buildReport(project, createEngine(project), { quarter: Q3 });
  const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

  it('does not cut the goal: its actual is the KPI table figure, as of the report day', () => {
    expect(report.as_of).toBe('2026-08-31');
    expect(report.kpis['all']!['clicks']).toMatchObject({ value: 62 * 150, left_out: ['instagram'] });
    expect(goal('all-clicks')).toMatchObject({ actual: 62 * 150, left_out: ['instagram'], elapsed: 62 / 92 });
    expect(goal('all-clicks')).not.toHaveProperty('incomplete');
    expect(goal('all-clicks')).not.toHaveProperty('data_to');
    expect(goal('all-ctr')).toMatchObject({ actual: report.kpis['all']!['ctr']!.value });
    expect(goal('all-ctr')).not.toHaveProperty('data_to');
  });

  it('still cuts a goal whose figure counts it', () => {
    expect(report.incomplete).toEqual(['instagram']);
    expect(goal('all-impr')).toMatchObject({ incomplete: ['instagram'], data_to: '2026-08-20', actual: 51 * 4500 });
  });
});

describe('--as-of after the last data day (#8)', () => {
  const { project } = load(goalsA, rootA);
  const report = buildReport(project, createEngine(project), { quarter: Q3, asOf: day('2026-09-30') });
  const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

  it("evaluates each goal as of its channels' last day, flagged, instead of settling it on unknown days", () => {
    // 62 days × 100 clicks = 6,200 of 8,000 by 31 August, at 62/92 of the quarter: with the deadline
    // past, September could still bring the rest, so undecided (red-team 7 #10), not missed nor on track.
    expect(goal('li-clicks')).toMatchObject({
      actual: 6200,
      incomplete: ['linkedin'],
      data_to: '2026-08-31',
      elapsed: 62 / 92,
      status: 'undecided',
      ends_early: true,
      projection: null,
    });
    expect(goal('all-clicks')).toMatchObject({ data_to: '2026-08-31', incomplete: ['facebook', 'linkedin'] });
  });

  it("keeps the report partial while a channel's figures stop before the quarter's end", () => {
    expect(report.as_of).toBe('2026-09-30');
    expect(isPartial(report)).toBe(true);
    expect(partialComparison(report)).toMatchObject({ asOf: '2026-08-20' });
  });
});

describe('a past quarter whose channel stopped inside it (#6, root t)', () => {
  // LinkedIn and facebook go on to the year's end; instagram's data stop on 20 August for good.
  const later = {
    'data/linkedin-q4.json': {
      channel: 'linkedin',
      rows: days('2026-09-01', '2026-12-31').map((date) => ({ date, impressions: 2000, clicks: 100 })),
    },
    'data/facebook-q4.json': {
      channel: 'facebook',
      rows: days('2026-09-01', '2026-12-31').map((date) => ({ date, impressions: 1500, clicks: 50 })),
    },
  };
  const { project, notes } = load(goalsA, { ...rootA, ...later });
  const report = buildReport(project, createEngine(project), { quarter: Q3 });
  const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

  it('settles a goal over the channels that report its KPI', () => {
    expect(goal('all-clicks')).toMatchObject({ actual: 92 * 150, status: 'missed', elapsed: 1 });
    expect(goal('all-clicks')).not.toHaveProperty('data_to');
  });

  it('says the quarter is partial and that a goal over the stopped channel cannot settle', () => {
    expect(isPartial(report)).toBe(true);
    const kpis = new Map(
      createEngine(project)
        .kpis.all()
        .map((k) => [k.def.id, { unit: k.def.unit, label: k.def.label }]),
    );
    expect(renderText(report, project.site, kpis)).toContain(
      // Each channel with its own last day (red-team 9 #10).
      'Partial quarter: QoQ and YoY compare 2026-Q3 in part (instagram to 2026-08-20; other channels to 2026-09-30)',
    );
    expect(goal('all-impr')).toMatchObject({
      incomplete: ['instagram'],
      data_to: '2026-08-20',
      status: 'undecided',
      ends_early: true,
    });
    const lines = notes.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^goals\/g\.yaml:4:.*instagram.* 2026-08-20.*cannot settle/));
    expect(lines.filter((l) => l.includes('cannot settle')).some((l) => l.startsWith('goals/g.yaml:2:'))).toBe(false);
  });
});

/** Root d of the red team: instagram, one file per quarter; the 2026-Q1 file was downloaded on 20 March. */
const perDay = (from: string, to: string) => days(from, to).map((date) => ({ date, impressions: 20_000 }));
const rootD = {
  'data/instagram-2026-q1.json': { channel: 'instagram', rows: perDay('2026-01-01', '2026-03-20') },
  'data/instagram-2026-q2.json': { channel: 'instagram', rows: perDay('2026-04-01', '2026-06-30') },
  'data/instagram-2026-q3.json': { channel: 'instagram', rows: perDay('2026-07-01', '2026-08-31') },
};
const goalsD = `goals:
  - { id: ig-impr-q2, title: Q2, channel: instagram, period: 2026-Q2, kpi: impressions, target: { change: "+10%" } }
`;

describe('a previous period whose export stops before its end (#9)', () => {
  it("flags a relative target's reference as partial (reference_to), and validate says so with a hint", () => {
    const { project, notes } = load(goalsD, rootD);
    const report = buildReport(project, createEngine(project), { quarter: period('2026-Q2') });
    expect(report.goals[0]).toMatchObject({ previous: 79 * 20_000, reference_to: '2026-03-20' });
    expect(notes.map(formatProblem)).toContainEqual(
      expect.stringMatching(/^goals\/g\.yaml:2:.*over 2026-Q1\) covers only .*instagram's data end on 2026-03-20.*"through"/),
    );
  });

  it('leaves that period out of the Achievable? history', () => {
    const { project } = load(goalsD, rootD);
    const engine = createEngine(project);
    const goal = project.goals[0] as SmartGoal;
    const q3 = { ...goal, period: Q3 };
    const past = pastValues(engine, q3, Q3);
    expect(past.find((p) => p.period === '2026-Q1')).toMatchObject({ complete: false });
    expect(past.find((p) => p.period === '2026-Q2')).toMatchObject({ complete: true });
    expect(achievability(engine, q3, Q3).best).toBeNull();
  });

  it('counts the period whole when the export says it reaches its end (through), or runs on past it', () => {
    const through = {
      ...rootD,
      'data/instagram-2026-q1.json': { ...rootD['data/instagram-2026-q1.json'], through: '2026-03-31' },
    };
    const a = load(goalsD, through).project;
    expect(buildReport(a, createEngine(a), { quarter: period('2026-Q2') }).goals[0]).not.toHaveProperty('reference_to');
    // Sparse per-post rows in one export that runs on into Q2: Q1's days after its last post are days without one.
    const posts = ['2026-01-05', '2026-02-10', '2026-03-20', '2026-04-02', '2026-05-15', '2026-06-30'];
    const sparse = {
      'data/instagram-posts.json': { channel: 'instagram', rows: posts.map((date) => ({ date, impressions: 5000 })) },
    };
    const b = load(goalsD, sparse).project;
    expect(buildReport(b, createEngine(b), { quarter: period('2026-Q2') }).goals[0]).not.toHaveProperty('reference_to');
  });
});

describe("one channel's report (#19)", () => {
  it("keeps the quarter's as-of day and marks the channel incomplete as the full report does", () => {
    const { project } = load(goalsA, rootA);
    const engine = createEngine(project);
    const full = buildReport(project, engine, { quarter: Q3 });
    const one = buildReport(project, engine, { quarter: Q3, channel: 'instagram' });
    expect(one.as_of).toBe(full.as_of);
    expect(one.incomplete).toEqual(['instagram']);
    expect(one.coverage).toEqual({ instagram: '2026-08-20' });
  });
});

describe("the caveat of a quarter that is over while a channel's data stopped inside it (#8)", () => {
  it('does not say the quarter is not over', () => {
    const report = { period: '2026-Q3', as_of: '2026-09-30', coverage: { instagram: '2026-08-20', linkedin: '2026-09-30' } };
    const opts = { locale: 'en-US', currency: 'EUR' };
    expect(partialNote(report, opts)).toBe(
      'Not every channel’s data reach the end of 2026-Q3 (instagram to 2026-08-20 and other channels to 2026-09-30): QoQ and YoY ' +
        'compare part of 2026-Q3 against the whole of 2026-Q2 and the whole of 2025-Q3, except for totals that count a channel stopped early, which have none.',
    );
    // Every channel stopped on the same day: that day is the earliest stop.
    expect(partialNote({ ...report, coverage: { instagram: '2026-08-20', linkedin: '2026-08-20' } }, opts)).toBe(
      'Not every channel’s data reach the end of 2026-Q3 (the earliest stop on 2026-08-20): QoQ and YoY compare part of 2026-Q3 ' +
        'against the whole of 2026-Q2 and the whole of 2025-Q3, except for totals that count a channel stopped early, which have none.',
    );
    expect(partialNote({ ...report, as_of: '2026-08-31', coverage: {} }, opts)).toContain('2026-Q3 is not over');
  });
});

describe('a per-post export without through that ends before the other data (#8)', () => {
  const goals = 'goals:\n  - { id: all, title: All, channel: all, period: 2026-Q3, kpi: impressions, target: 95000 }\n';
  const posts = ['2026-07-03', '2026-07-15', '2026-08-03', '2026-08-15'].map((date) => ({ date, impressions: 500 }));
  const daily = rootA['data/linkedin.json'];

  it('gets a validate note at its last row saying to give it a through day', () => {
    const { notes } = load(goals, {
      'data/linkedin.json': daily,
      'data/facebook-posts.json': { channel: 'facebook', rows: posts },
    });
    expect(notes.map(formatProblem)).toContainEqual(
      expect.stringMatching(/^data\/facebook-posts\.json:\d+:\d+: note: facebook's data end on 2026-08-15.*"through"/),
    );
  });

  it('not when it gives through, nor for a daily export downloaded early', () => {
    const declared = load(goals, {
      'data/linkedin.json': daily,
      'data/facebook-posts.json': { channel: 'facebook', through: '2026-08-31', rows: posts },
    });
    expect(declared.notes.map(formatProblem).filter((n) => n.includes('through'))).toEqual([]);
    // (The goal itself gets a note that its instagram data stop early: test/core/settleAtDeadline.test.ts.)
    expect(
      load(goals, rootA)
        .notes.map(formatProblem)
        .filter((n) => n.startsWith('data/') && n.includes('"through"')),
    ).toEqual([]);
  });
});
