/**
 * Targets that contradict their KPI's direction (red-team F3): a level target below its baseline
 * on a KPI that is good when up (or above it when down) makes progress count improvement as
 * failure, so `validate` notes it with the way out (a note, not an error: SPEC's progress formula
 * takes such a target as written, so it stays valid content). And notes on relative targets (M7, M8):
 * a reference period that a channel covers only in part, a total with nothing to apply to, and a
 * baseline that a relative target on a total ignores.
 */
import { describe, expect, it } from 'vitest';
import { dailyExport } from '../exportsFixture.ts';
import { outcomeOf, SITE } from './helpers.ts';

/** Instagram: engagement rate 10% and bounce rate 20% in Q2 (quarter rows), and days of Q3. */
const instagram = JSON.stringify({
  channel: 'instagram',
  rows: [
    { quarter: '2026-Q2', impressions: 10000, engagements: 1000, sessions: 500, bounces: 100 },
    { date: '2026-07-01', impressions: 500, engagements: 60, sessions: 20, bounces: 3 },
  ],
});

const goal = (body: string) => `goals:
  - id: g
    title: G
    channel: instagram
    period: 2026-Q3
${body}`;

/** The notes on a target against its KPI's direction (achievability notes aside). */
const directionNotes = (notes: readonly string[]) => notes.filter((n) => /good when (up|down)/.test(n));

const outcome = (body: string, data: Record<string, string> = { 'data/ig.json': instagram }) =>
  outcomeOf({ site: SITE, goals: { 'goals/g.yaml': goal(body) }, data });

describe('a level target on the wrong side of its baseline', () => {
  it('is noted when below a given baseline on a KPI that is good when up', () => {
    const out = outcome('    kpi: engagement_rate\n    baseline: 0.1\n    target: 0.08\n');
    expect(out.problems).toEqual([]);
    expect(directionNotes(out.notes)).toEqual([
      'goals/g.yaml:8:13: note: the target 8.0% is below the baseline 10.0% on engagement rate, which is good when up: ' +
        'the goal asks for a fall, and progress would count a rise as failure; ' +
        'to keep it above 8.0%, give a baseline below 8.0% (the level it starts from); to raise it, a target above 10.0%',
    ]);
  });

  it('is noted when below the implicit baseline, the previous period value', () => {
    const out = outcome('    kpi: engagement_rate\n    target: 0.08\n');
    expect(out.problems).toEqual([]);
    expect(directionNotes(out.notes)).toEqual([
      'goals/g.yaml:7:13: note: the target 8.0% is below the baseline 10.0% (engagement rate over 2026-Q2, as none is given) ' +
        'on engagement rate, which is good when up: the goal asks for a fall, and progress would count a rise as failure; ' +
        'to keep it above 8.0%, give a baseline below 8.0% (the level it starts from); to raise it, a target above 10.0%',
    ]);
  });

  it('tells the two apart where the display rounds them together (peer S root: 1.0% below 1.0%)', () => {
    const out = outcome('    kpi: engagement_rate\n    target: 0.0996\n');
    expect(directionNotes(out.notes)).toEqual([
      'goals/g.yaml:7:13: note: the target 10.0% (0.0996) is below the baseline 10.0% (0.1) (engagement rate over 2026-Q2, as none is given) ' +
        'on engagement rate, which is good when up: the goal asks for a fall, and progress would count a rise as failure; ' +
        'to keep it above 10.0% (0.0996), give a baseline below 10.0% (0.0996) (the level it starts from); to raise it, a target above 10.0% (0.1)',
    ]);
  });

  it('is noted when above the baseline on a KPI that is good when down', () => {
    const out = outcome('    kpi: bounce_rate\n    target: 0.25\n');
    expect(out.problems).toEqual([]);
    expect(directionNotes(out.notes)).toEqual([
      'goals/g.yaml:7:13: note: the target 25.0% is above the baseline 20.0% (bounce rate over 2026-Q2, as none is given) ' +
        'on bounce rate, which is good when down: the goal asks for a rise, and progress would count a fall as failure; ' +
        'to keep it below 25.0%, give a baseline above 25.0% (the level it starts from); to lower it, a target below 20.0%',
    ]);
  });

  it('is the same contradiction for a relative target with a change against the direction', () => {
    const out = outcome('    kpi: engagement_rate\n    target: { change: "-10%" }\n');
    expect(out.problems).toEqual([]);
    expect(directionNotes(out.notes)).toEqual([
      'goals/g.yaml:7:13: note: the target -10% (9.0%) is below the baseline 10.0% (engagement rate over 2026-Q2, as none is given) ' +
        'on engagement rate, which is good when up: the goal asks for a fall, and progress would count a rise as failure; ' +
        'to keep it above 9.0%, give it as a number (target: 0.09) with a baseline below it; to raise it, a positive change',
    ]);
  });

  it('a change against the direction is noted even with no baseline to resolve it against', () => {
    const out = outcome('    kpi: engagement_rate\n    target: { change: -0.01 }\n', {
      'data/ig.json': JSON.stringify({ channel: 'instagram', rows: [{ date: '2026-07-01', impressions: 500, engagements: 60 }] }),
    });
    expect(out.problems).toEqual([]);
    expect(directionNotes(out.notes)).toEqual([
      'goals/g.yaml:7:13: note: the target -0.01 asks for a fall of engagement rate, which is good when up: ' +
        'progress would count a rise as failure; to raise it, give a positive change',
    ]);
  });

  it('says nothing of a target on the right side, of a total with a lower target, or without a baseline to compare with', () => {
    for (const [body, data] of [
      ['    kpi: engagement_rate\n    target: 0.12\n', instagram],
      ['    kpi: engagement_rate\n    target: { change: "+10%" }\n', instagram],
      ['    kpi: bounce_rate\n    target: 0.15\n', instagram],
      ['    kpi: impressions\n    target: { change: "-10%" }\n', instagram],
      ['    kpi: impressions\n    target: 5000\n', instagram],
    ] as const) {
      const out = outcome(body, { 'data/ig.json': data });
      expect(out.problems, body).toEqual([]);
      expect(directionNotes(out.notes), body).toEqual([]);
    }
    const noPrevious = JSON.stringify({
      channel: 'instagram',
      rows: [{ date: '2026-07-01', impressions: 500, engagements: 60 }],
    });
    const out = outcome('    kpi: engagement_rate\n    target: 0.08\n', { 'data/ig.json': noPrevious });
    expect(out.problems).toEqual([]);
    expect(out.notes).toHaveLength(1);
    expect(out.notes[0]).toMatch(/^goals\/g\.yaml:7:13: note: no baseline: engagement_rate has no value/);
  });
});

describe('notes on relative targets', () => {
  /** LinkedIn launched on 2026-05-20, its daily export from then on: 42 of Q2's 91 days; 100 impressions a day. */
  const launched = dailyExport('linkedin', '2026-05-20', '2026-07-01', (d) => ({
    impressions: 100,
    engagements: d < '2026-06-10' ? 5 : 6,
  }));
  const onLinkedIn = (body: string) =>
    outcomeOf({
      site: SITE,
      goals: { 'goals/g.yaml': goal(body).replace('channel: instagram', 'channel: linkedin') },
      data: { 'data/li.json': launched },
    });

  it('notes a reference period that a channel has data for only in part (a total)', () => {
    const out = onLinkedIn('    kpi: impressions\n    target: { change: "+10%" }\n');
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      'goals/g.yaml:7:13: note: the previous total (impressions over 2026-Q2) covers only 2026-05-20 to 2026-06-30 ' +
        "(42 of 91 days: linkedin's daily data start on 2026-05-20): the target +10% applies to that partial total; " +
        'give an absolute target if it should not be',
    ]);
  });

  it('notes it for a level too, unless a baseline is given', () => {
    const out = onLinkedIn('    kpi: engagement_rate\n    target: { change: "+10%" }\n');
    expect(out.notes).toEqual([
      'goals/g.yaml:7:13: note: the baseline (engagement_rate over 2026-Q2, as none is given) covers only 2026-05-20 to 2026-06-30 ' +
        "(42 of 91 days: linkedin's daily data start on 2026-05-20), the days every channel counted covers, as the KPI table " +
        'compares the quarters; give a baseline if it should not be',
    ]);
    expect(onLinkedIn('    kpi: engagement_rate\n    baseline: 0.05\n    target: { change: "+10%" }\n').notes).toEqual([]);
  });

  it('does not note a KPI read at the end of the period (follower count)', () => {
    const followers = JSON.stringify({
      channel: 'linkedin',
      rows: [
        { date: '2026-05-20', followers: 100 },
        { date: '2026-06-30', followers: 150 },
        { date: '2026-07-01', followers: 152 },
      ],
    });
    const out = outcomeOf({
      site: SITE,
      goals: {
        'goals/g.yaml': goal('    kpi: follower_count\n    target: { change: "+10%" }\n').replace(
          'channel: instagram',
          'channel: linkedin',
        ),
      },
      data: { 'data/li.json': followers },
    });
    expect(out).toEqual({ problems: [], notes: [] });
  });

  it('notes a relative target on a total with no previous total to apply to', () => {
    const out = outcome('    kpi: clicks\n    target: { change: "+10%" }\n', {
      'data/ig.json': JSON.stringify({ channel: 'instagram', rows: [{ date: '2026-07-01', impressions: 500, clicks: 10 }] }),
    });
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      'goals/g.yaml:7:13: note: no previous total: clicks has no value on instagram over 2026-Q2 (what a relative target on a total applies to), ' +
        'so the target cannot be resolved and the goal shows "No data"; give the target as a number',
    ]);
  });

  it('notes a baseline that a relative target on a total ignores', () => {
    const out = outcome('    kpi: impressions\n    baseline: 5000\n    target: { change: "+10%" }\n');
    expect(out.problems).toEqual([]);
    expect(out.notes).toEqual([
      'goals/g.yaml:7:15: note: the baseline 5000 is not what the target applies to: a relative target on a total ' +
        '(impressions) applies to the previous period total (2026-Q2: 10000), so it comes to 11000; ' +
        'to aim at 10% above 5000, give the target as a number (target: 5500)',
    ]);
  });
});

describe('a reference period whose input export ends early', () => {
  /** Instagram, every day of Q2 and Q3: impressions from the page export, clicks from an ads export. */
  const days = (first: string, last: string) => {
    const out: string[] = [];
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000)
      out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  };
  const page = JSON.stringify({
    channel: 'instagram',
    rows: days('2026-04-01', '2026-07-31').map((date) => ({ date, impressions: 1000 })),
  });
  /** The Q2 ads export, downloaded on `last` (or through `through`, a campaign that ended on `last`). */
  const ads = (last: string, through?: string) =>
    JSON.stringify({
      channel: 'instagram',
      ...(through ? { through } : {}),
      rows: days('2026-04-01', last).map((date) => ({ date, clicks: 15 })),
    });
  const q3 = JSON.stringify({
    channel: 'instagram',
    rows: days('2026-07-01', '2026-07-31').map((date) => ({ date, clicks: 15 })),
  });
  const notesOf = (body: string, clicks: string) =>
    outcome(body, { 'data/ig/page.json': page, 'data/ig/ads-q2.json': clicks, 'data/ig/ads-q3.json': q3 }).notes.filter((n) =>
      /export (of \w+ on \w+ )?ends/.test(n),
    );

  it('notes the previous total a relative target applies to (clicks to 06-10 only)', () => {
    expect(notesOf('    kpi: clicks\n    target: { change: "+10%" }\n', ads('2026-06-10'))).toEqual([
      'goals/g.yaml:7:13: note: the target +10% applies to clicks over 2026-Q2, which counts clicks on instagram only to 2026-06-10, ' +
        "where its export ends (the channel's data goes on to 2026-06-30): a reference over fewer days; give an absolute target if it should not be",
    ]);
  });

  it('says that an implicit baseline on a rate of inputs that end apart is taken to the day they last share', () => {
    expect(notesOf('    kpi: ctr\n    target: 0.02\n', ads('2026-06-10'))).toEqual([
      'goals/g.yaml:7:13: note: the baseline (ctr over 2026-Q2, as none is given) is taken to 2026-06-10: the export of clicks on instagram ' +
        "ends on 2026-06-10 (the channel's data goes on to 2026-06-30), so the baseline covers the days all the KPI's inputs do rather than " +
        'dividing figures over different days; give a baseline if it should not be',
    ]);
  });

  it('says nothing with a baseline given, or an export through the period end (a campaign that ended)', () => {
    expect(notesOf('    kpi: ctr\n    baseline: 0.015\n    target: 0.02\n', ads('2026-06-10'))).toEqual([]);
    expect(notesOf('    kpi: clicks\n    target: { change: "+10%" }\n', ads('2026-06-10', '2026-06-30'))).toEqual([]);
    expect(notesOf('    kpi: ctr\n    target: 0.02\n', ads('2026-06-30'))).toEqual([]);
  });
});

describe('a relative target on a total whose previous total is below zero (red-team 12 #11)', () => {
  const site = SITE;
  const data = {
    'data/ig.json': JSON.stringify({
      channel: 'instagram',
      rows: [
        { quarter: '2026-Q2', positive_mentions: 300, negative_mentions: 420 },
        { date: '2026-07-01', positive_mentions: 50, negative_mentions: 10 },
      ],
    }),
  };
  const goals = (target: string) =>
    `kpis:\n  - { id: net_mentions, label: Net positive mentions, formula: "positive_mentions - negative_mentions", unit: count, good: up }\n` +
    `goals:\n  - { id: g, title: G, channel: instagram, period: 2026-Q3, kpi: net_mentions, target: ${target} }\n`;
  const run = (target: string) => outcomeOf({ site, goals: { 'goals/g.yaml': goals(target) }, data });

  it('is noted: "+20%" of −120 is −96, which a total counted from 0 starts past', () => {
    const out = run('{ change: "+20%" }');
    expect(out.problems).toEqual([]);
    expect(out.notes.filter((n) => n.includes('below 0'))).toEqual([
      expect.stringMatching(
        /^goals\/g\.yaml:4:\d+: note: the target \+20% \(-96\) applies to the previous total, -120 \(net_mentions over 2026-Q2\), which is below 0: .*met from its first day.*give the target as a number/,
      ),
    ]);
  });

  it('is not noted for an absolute target', () => {
    expect(run('50').notes.filter((n) => n.includes('below 0'))).toEqual([]);
  });
});

describe('a relative target on a total over channels one of which starts in the goal period (red-team 13 #4)', () => {
  const daily = (channel: string, from: string, to: string) => {
    const rows = [];
    for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
      rows.push({ date: d.toISOString().slice(0, 10), impressions: 1000 });
    return JSON.stringify({ channel, rows });
  };
  const run = (channel: string) =>
    outcomeOf({
      goals: {
        'goals/g.yaml': `goals:\n  - { id: g, title: G, channel: ${channel}, period: 2026-Q3, kpi: impressions, target: { change: "+5%" } }\n`,
      },
      data: {
        'data/ig.json': daily('instagram', '2026-04-01', '2026-09-30'),
        'data/li.json': daily('linkedin', '2026-07-01', '2026-09-30'),
      },
    });

  it('is noted: the previous total has no data on the new channel, which the actual counts', () => {
    const out = run('all');
    expect(out.problems).toEqual([]);
    expect(out.notes.filter((n) => n.includes('has no data on'))).toEqual([
      expect.stringMatching(
        /^goals\/g\.yaml:2:\d+: note: the total the target \+5% applies to, impressions over 2026-Q2, has no data on linkedin \(linkedin's data start on 2026-07-01\), while the goal's actual counts it: .*give an absolute target, or leave linkedin out of the goal$/,
      ),
    ]);
  });

  it('is not noted for a goal on the channel that was there before', () => {
    expect(run('instagram').notes.filter((n) => n.includes('has no data on'))).toEqual([]);
  });
});

describe('a relative target that comes to below 0 on a KPI that never is (red-team 15 #12)', () => {
  const data = {
    'data/ig.json': JSON.stringify({
      channel: 'instagram',
      rows: [
        { quarter: '2026-Q2', impressions: 1000, clicks: 10, spend: 10 },
        { date: '2026-07-01', impressions: 500, clicks: 5, spend: 20 },
      ],
    }),
  };
  const run = (kpi: string, target: string) =>
    outcomeOf({
      goals: {
        'goals/g.yaml': `goals:\n  - { id: g, title: G, channel: instagram, period: 2026-Q3, kpi: ${kpi}, target: ${target} }\n`,
      },
      data,
    });
  const belowZero = (notes: readonly string[]) => notes.filter((n) => n.includes('never below 0'));

  it('is noted on a budget cap: −150% of €10 is a cap of −€5.00, which no spend meets', () => {
    const out = run('spend', '{ change: "-150%" }');
    expect(out.problems).toEqual([]);
    expect(belowZero(out.notes)).toEqual([
      'goals/g.yaml:2:81: note: the target -150% (-€5.00) is below 0, and spend is never below 0: ' +
        'the goal cannot be met; give a change that leaves the target at 0 or above, or the target as a number',
    ]);
  });

  it('is noted on a level that is good when down (cost per click), and on a total that is good when up (met from its first day)', () => {
    expect(belowZero(run('cpc', '{ change: "-200%" }').notes)).toEqual([
      'goals/g.yaml:2:79: note: the target -200% (-€1.00) is below 0, and cost per click is never below 0: ' +
        'the goal cannot be met; give a change that leaves the target at 0 or above, or the target as a number',
    ]);
    expect(belowZero(run('impressions', '{ change: "-150%" }').notes)).toEqual([
      'goals/g.yaml:2:87: note: the target -150% (-500) is below 0, and impressions is never below 0: ' +
        'the goal is met from its first day whatever the figures; give a change that leaves the target above 0, or the target as a number',
    ]);
  });

  it('is not noted for a change of −100% (a cap of 0 is a real goal) or above', () => {
    expect(belowZero(run('spend', '{ change: "-100%" }').notes)).toEqual([]);
    expect(belowZero(run('spend', '{ change: "-50%" }').notes)).toEqual([]);
  });

  it('is noted for a target written as a number below 0, a sign pasted by mistake (red-team 16 #12)', () => {
    const check = 'check its sign (a change from the previous period is written { change: "-10%" })';
    expect(belowZero(run('spend', '-5').notes)).toEqual([
      `goals/g.yaml:2:81: note: the target -€5.00 is below 0, and spend is never below 0: the goal cannot be met; ${check}`,
    ]);
    expect(belowZero(run('cpc', '-1').notes)).toEqual([
      `goals/g.yaml:2:79: note: the target -€1.00 is below 0, and cost per click is never below 0: the goal cannot be met; ${check}`,
    ]);
    expect(belowZero(run('impressions', '-100').notes)).toEqual([
      'goals/g.yaml:2:87: note: the target -100 is below 0, and impressions is never below 0: ' +
        `the goal is met from its first day whatever the figures; ${check}`,
    ]);
    expect(belowZero(run('spend', '0').notes)).toEqual([]);
  });
});
