/**
 * A goal on a rate whose inputs come from exports that end on different days, on real-shaped
 * data: X's account overview (impressions, every day to 30 September) and X's per-post content
 * export downloaded for 1 July to 10 September (URL clicks), both through `goalpost import`.
 * The quarter's CTR figure divides clicks to the 10th by impressions to the 30th (and says so
 * with `inputs_to`); a goal on it is evaluated as of the 10th, the day its inputs last both reach,
 * as a goal over a channel whose data ends early is: actual, progress and expected as of that day,
 * marked `incomplete` with `data_to`. The report is as of 30 September, the deadline: what the
 * clicks after the 10th hold is unknown, so the goal is undecided (`ends_early`), with no projection
 * (red-team 7 #10), unless its data so far decide it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateGoal } from '../../src/core/evaluate.ts';
import { buildSnapshot } from '../../src/core/freeze.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { createEngine, type Project } from '../../src/core/project.ts';
import type { KpiEngine } from '../../src/core/kpis.ts';
import type { OkrGoalJson, ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import { loadProject } from '../../src/load/project.ts';
import { scorecardCsv } from '../../src/site/csv.ts';
import { goalView } from '../../src/site/goalView.ts';
import { homeView } from '../../src/site/homeView.ts';
import { runCli } from '../cliRunner.ts';
import { day, expectClose } from '../coreFixtures.ts';

/** Every day from `first` to `last`, as YYYY-MM-DD. */
function days(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
/** X's date cells: `Wed, Jul 1, 2026`. */
const xDay = (d: string) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

// X impressions: a weekly rhythm, every day of the quarter (the overview download reaches 09-30).
const impressions = new Map(days('2026-07-01', '2026-09-30').map((d) => [d, 8800 + 400 * ((weekday(d) + 2) % 7)]));
// X posts on weekdays; each post's URL clicks (lifetime totals as of the download). The content
// export was downloaded for 07-01 to 09-10: its clicks stop there.
const clicks = new Map(
  days('2026-07-01', '2026-09-10')
    .filter((d) => weekday(d) !== 0 && weekday(d) !== 6)
    .map((d) => [d, 180 + 10 * (Number(d.slice(8)) % 5)]),
);
// LinkedIn (written by hand from the page analytics): clicks and impressions every day to 09-30.
const liImpressions = (d: string) => 4000 + 100 * (Number(d.slice(8)) % 3);
const liClicks = (d: string) => 52 + (Number(d.slice(8)) % 4);

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const through =
  (last: string, first = '2026-07-01') =>
  (d: string) =>
    d >= first && d <= last;
const xClicks = (keep: (d: string) => boolean) => sum([...clicks].filter(([d]) => keep(d)).map(([, v]) => v));
const xImpressions = (keep: (d: string) => boolean) => sum([...impressions].filter(([d]) => keep(d)).map(([, v]) => v));
const li = (f: (d: string) => number, keep: (d: string) => boolean) => sum(days('2026-07-01', '2026-09-30').filter(keep).map(f));

const GOALS = `objectives:
  - { id: traffic, title: Bring readers to the shop from social }
goals:
  - { id: x-ctr, title: X click-through rate of 1.5%, objective: traffic, kpi: ctr, channel: x, period: 2026-Q3, baseline: 0.012, target: 0.015 }
  - { id: social-ctr, title: Click-through rate of 1.5% on X and LinkedIn, kpi: ctr, channel: [x, linkedin], period: 2026-Q3, baseline: 0.012, target: 0.015 }
  - { id: x-ctr-summer, title: X CTR of 1.4% over the summer, kpi: ctr, channel: x, start: 2026-07-01, deadline: 2026-09-05, baseline: 0.012, target: 0.014 }
  - { id: x-clicks, title: "13,500 clicks from X", kpi: clicks, channel: x, period: 2026-Q3, target: 13500 }
  - id: traffic-okr
    type: okr
    title: More readers from X
    objective: traffic
    period: 2026-Q3
    key_results:
      - { id: ctr, kpi: ctr, channel: x, baseline: 0.012, target: 0.015 }
`;

let root: string;
let report: ReportJson;
let text: string;
let project: Project;
let engine: KpiEngine;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'goalpost-inputs-end-'));
  for (const dir of ['content', 'goals', 'data/linkedin', 'exports']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(
    join(root, 'content/site.yaml'),
    'title: Fjellrev Coffee\nchannels:\n  x: { label: X }\n  linkedin: { label: LinkedIn }\n',
  );
  writeFileSync(join(root, 'goals/q3.yaml'), GOALS);
  writeFileSync(
    join(root, 'data/linkedin/2026-q3.json'),
    JSON.stringify({
      channel: 'linkedin',
      source: 'LinkedIn page analytics, 2026-10-01',
      rows: days('2026-07-01', '2026-09-30').map((date) => ({ date, impressions: liImpressions(date), clicks: liClicks(date) })),
    }),
  );
  const overview =
    'Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views\n' +
    [...impressions].map(([d, v]) => `"${xDay(d)}",${v},120,260,6,2,8,1,14,20,35,1,300,410`).join('\n');
  writeFileSync(join(root, 'exports/account_overview_analytics.csv'), `${overview}\n`);
  const content =
    'Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks\n' +
    [...clicks]
      .map(([d, v], i) => {
        const id = String(1940000000000000000n + BigInt(i));
        return `${id},"${xDay(d)}",Today's roast,https://x.com/fjellrev/status/${id},6000,110,240,5,2,3,12,18,30,40,${v},2,5`;
      })
      .join('\n');
  writeFileSync(join(root, 'exports/account_analytics_content_2026-07-01_2026-09-10.csv'), `${content}\n`);

  const imported = await runCli(['import', join(root, 'exports')], root);
  expect(imported.err).toBe('');
  expect(imported.status).toBe(0);
  const json = await runCli(['report', '--period', '2026-Q3', '--json'], root);
  expect(json.err).toBe('');
  report = JSON.parse(json.out) as ReportJson;
  text = (await runCli(['report', '--period', '2026-Q3'], root)).out;
  const loaded = await loadProject(root);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  project = loaded.project;
  engine = createEngine(project);
}, 120_000);

const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;
/** The goal evaluated with `--as-of`: what "as of that day" means. */
const asOf = (id: string, iso: string) => {
  const e = evaluateGoal(
    engine,
    project.goals.find((g) => g.id === id)!,
    day(iso),
  );
  if (e.type !== 'smart') throw new Error(`${id} is a SMART goal`);
  return e;
};
const CLICKS_END = '2026-09-10';

describe('a CTR goal whose clicks export ends before its impressions export', () => {
  it('gives the quarter CTR figure to the day its clicks end, as the goal is, with inputs_to', () => {
    expect(report.as_of).toBe('2026-09-30');
    expect(report.incomplete).toEqual([]);
    const ctr = report.kpis['x']!['ctr']!;
    // One rule with the goal and the earlier quarters' figures (red-team 7 #8): not clicks to the 10th over impressions to the 30th.
    expectClose(ctr.value, xClicks(through(CLICKS_END)) / xImpressions(through(CLICKS_END)));
    expect(ctr.data_to).toBe(CLICKS_END);
    expect(ctr.inputs_to).toEqual({ x: { clicks: CLICKS_END, impressions: '2026-09-30' } });
  });

  it('is evaluated as of the day the clicks end, and undecided at its deadline: not on track, not missed', () => {
    const g = goal('x-ctr');
    const rate = xClicks(through(CLICKS_END)) / xImpressions(through(CLICKS_END));
    expectClose(g.actual, rate);
    expectClose(g.progress, (rate - 0.012) / (0.015 - 0.012));
    expect(g.elapsed).toBe(72 / 92);
    expect(g.expected).toBe(72 / 92);
    expect(g.status).toBe('undecided');
    expect(g.projection).toBeNull();
    expect(g).toMatchObject({ incomplete: ['x'], data_to: CLICKS_END, ends_early: true });
    // Why: the inputs' ends over the goal's period so far.
    expect(g.inputs_to).toEqual({ x: { clicks: CLICKS_END, impressions: '2026-09-30' } });
  });

  it('gives every figure of the goal as of that day, but no status of that day nor projection', () => {
    const e = asOf('x-ctr', CLICKS_END);
    const g = goal('x-ctr');
    expect(e).toMatchObject({ incomplete: [], dataTo: null, status: 'on_track' });
    expect(e.projection).not.toBeNull();
    expect({ actual: g.actual, progress: g.progress, expected: g.expected }).toEqual({
      actual: e.actual,
      progress: e.progress,
      expected: e.expected,
    });
    expect({ status: g.status, projection: g.projection }).toEqual({ status: 'undecided', projection: null });
  });

  it('over several channels, as of the earliest end among them', () => {
    const g = goal('social-ctr');
    const upTo = through(CLICKS_END);
    expectClose(g.actual, (xClicks(upTo) + li(liClicks, upTo)) / (xImpressions(upTo) + li(liImpressions, upTo)));
    expect(g).toMatchObject({ incomplete: ['x'], data_to: CLICKS_END, elapsed: 72 / 92, ends_early: true });
    expect(asOf('social-ctr', CLICKS_END).status).toBe('at_risk');
    expect(g.status).toBe('undecided');
  });

  it('a key result on it too, and the OKR score says it counts it 0', () => {
    const okr = report.goals.find((g) => g.id === 'traffic-okr') as OkrGoalJson;
    const kr = okr.key_results[0]!;
    const single = goal('x-ctr');
    expect(kr).toMatchObject({ incomplete: ['x'], data_to: CLICKS_END, status: 'undecided', ends_early: true });
    expect(kr.actual).toBe(single.actual);
    expect(kr.score).toBeNull();
    // Its only key result undecided, the score is the floor 0 and no band (red-team 9 #12).
    expect(okr).toMatchObject({ score: 0, score_bound: 'lower', band: null });
    expect(okr.undecided).toEqual(['ctr']);
  });

  it('a goal whose deadline comes before the inputs end apart is evaluated on its whole period', () => {
    const g = goal('x-ctr-summer');
    const upTo = through('2026-09-05');
    expectClose(g.actual, xClicks(upTo) / xImpressions(upTo));
    expect(g).toMatchObject({ elapsed: 1, expected: 1 });
    expect(g.status).toBe(g.progress! >= 1 ? 'achieved' : 'missed');
    expect(g).not.toHaveProperty('incomplete');
    expect(g).not.toHaveProperty('data_to');
    expect(g).not.toHaveProperty('inputs_to');
  });

  it('a total of the clicks alone is evaluated as of the day its export ends, too, short of its target: undecided', () => {
    const g = goal('x-clicks');
    expect(g.actual).toBe(xClicks(through(CLICKS_END)));
    expect(g.actual!).toBeLessThan(13500);
    expect(g).toMatchObject({ incomplete: ['x'], data_to: CLICKS_END, elapsed: 72 / 92, ends_early: true });
    expect(g.projection).toBeNull();
    expect(g.status).toBe('undecided');
  });

  it('says so in the text report: the status of that day and the day', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('x-ctr: X click-through rate'));
    expect(lines[at]).toMatch(/◇ Undecided +x-ctr:/);
    expect(lines[at + 1]).toContain(
      `, as of ${CLICKS_END} (Clicks only to 2026-09-10), undecided: its data end before the deadline (2026-09-30)`,
    );
    // X's data goes on to 09-30: only its clicks stop.
    expect(lines[at + 1]).not.toContain('the data from X');
    // The KPI list keeps the quarter's figure and its mark.
    expect(text).toMatch(/Click-through rate[^\n]*Clicks only to 2026-09-10/);
  });

  it('gives that day in the scorecard CSV', () => {
    const kpis = new Map(engine.kpis.all().map((k) => [k.def.id, { ...k.def, description: '' }]));
    const [header, ...rows] = scorecardCsv(report, kpis, { kind: 'live' } as never, 'EUR')
      .split('\r\n')
      .filter((l) => l !== '')
      .map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const cells = rows.map((r) => Object.fromEntries(r.map((c, i) => [header![i]!, c])));
    const row = (goal: string, kr = '') => cells.find((c) => c['goal'] === goal && c['key_result'] === kr)!;
    expect(row('x-ctr')).toMatchObject({ status: 'undecided', data_to: CLICKS_END, incomplete: 'x' });
    expect(row('x-ctr')['inputs_to']).toBe(`x clicks=${CLICKS_END} impressions=2026-09-30`);
    expect(Number(row('x-ctr')['actual'])).toBe(goal('x-ctr').actual);
    expect(row('traffic-okr', 'ctr')).toMatchObject({ status: 'undecided', data_to: CLICKS_END, incomplete: 'x' });
    expect(row('x-ctr-summer')).toMatchObject({ data_to: '', incomplete: '', inputs_to: '' });
  });

  it('is frozen as evaluated, and shown so on the goal page', () => {
    const q = parseQuarter('2026-Q3');
    if (!q.ok) throw new Error(q.reason);
    const stamp = { version: 1, frozenAt: '2026-10-02T08:00:00.000Z', commit: null, uncommittedChanges: false };
    const frozen = buildSnapshot(project, engine, q.period, stamp).figures['all']!.report.goals.find((g) => g.id === 'x-ctr');
    expect(frozen).toMatchObject({
      status: 'undecided',
      ends_early: true,
      incomplete: ['x'],
      data_to: CLICKS_END,
      actual: goal('x-ctr').actual,
    });
    const view = goalView(
      project,
      engine,
      project.goals.find((g) => g.id === 'x-ctr')!,
    );
    expect(view.asOf).toBe(CLICKS_END);
    expect(view.evaluation).toMatchObject({ status: 'undecided', endsEarly: true, dataTo: day(CLICKS_END) });
    expect(view.endsEarly).toBe(
      'Undecided: its data from X end on Sep 10, 2026, before the deadline (Sep 30, 2026), so what the whole period holds is not known; it settles once the rest of its period is added.',
    );
    expect(view.inputs?.short).toBe('Clicks only to Sep 10, 2026');
    expect(view.inputs?.long).toBe(
      'X: Clicks to Sep 10, 2026, Impressions to Sep 30, 2026. The goal is evaluated as of Sep 10, 2026: after that day its figures are not all known.',
    );
  });

  it("gives the home page's CTR headline the inputs note", async () => {
    const home = await homeView(project, engine);
    const ctr = home.headlines.find((h) => h.id === 'ctr')!;
    expect(ctr.cell.inputs_to).toBeDefined();
    expect(ctr.inputs?.short).toBe('Clicks only to Sep 10, 2026');
    const impressions = home.headlines.find((h) => h.id === 'impressions')!;
    expect(impressions.inputs).toBeNull();
  });
});
