/**
 * Follower count in a quarter without rows for the channel (red-team F7). SPEC "Metric JSON",
 * Followers: follower_count at a date = the latest `followers` value before it plus the net
 * follows since. A channel whose export has a gap (no Instagram file for Q2) or whose follower
 * sheet stopped while its content export went on (LinkedIn) still has a follower count at the
 * quarter's end, and every output gives the same figure: the KPI table, QoQ, goals, the CSV and
 * `report --json`. Follower growth over a quarter with no total and no follow in it stays
 * unknown (SPEC: the net follows over it, of which there are none).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiMetas } from '../../src/core/figures.ts';
import { type Project, createEngine } from '../../src/core/project.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type ReportJson, type SmartGoalJson } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { kpiCsv } from '../../src/site/csv.ts';
import { runCli } from '../cliRunner.ts';
import { expectClose } from '../coreFixtures.ts';

/** Consecutive ISO days from `first`. */
function days(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

const file = (channel: string, source: string, rows: readonly object[]): string =>
  `${JSON.stringify({ channel, source, rows }, null, 2)}\n`;

// Instagram (Meta Business Suite daily export): Q1 and Q3; nobody exported Q2.
const igRow = (date: string, i: number, followers: number) => ({
  date,
  impressions: 12_000 + 37 * i,
  reach: 7_000 + 11 * i,
  likes: 400 + i,
  comments: 30,
  shares: 12,
  saves: 9,
  posts: i % 3 === 0 ? 1 : 0,
  followers,
});
const IG_Q1 = days('2026-01-01', 90).map((d, i) => igRow(d, i, 8_400 + 5 * i)); // 31 March: 8,845
const IG_Q3 = days('2026-07-01', 92).map((d, i) => igRow(d, i, 9_000 + 4 * i)); // 30 September: 9,364
// LinkedIn: the page's follower sheet gives month-end totals for Q1 only; the content export runs on.
const LI_FOLLOWERS = [
  { month: '2026-01', followers: 5_050 },
  { month: '2026-02', followers: 5_120 },
  { month: '2026-03', followers: 5_200 },
];
const LI_CONTENT = days('2026-01-01', 273).map((date, i) => ({
  date,
  impressions: 3_000 + i,
  clicks: 40,
  likes: 60,
  comments: 6,
  shares: 4,
  posts: 1,
}));

const FILES = {
  'content/site.yaml': 'title: Carry\nchannels:\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n',
  'data/instagram/2026-q1.json': file('instagram', 'Meta Business Suite export, 2026-04-02', IG_Q1),
  'data/instagram/2026-q3.json': file('instagram', 'Meta Business Suite export, 2026-10-01', IG_Q3),
  'data/linkedin/followers.json': file('linkedin', 'LinkedIn followers sheet, 2026-04-01', LI_FOLLOWERS),
  'data/linkedin/content.json': file('linkedin', 'LinkedIn content export, 2026-10-01', LI_CONTENT),
  'goals/followers.yaml': [
    'goals:',
    '  - { id: ig-q2, title: Instagram followers in Q2, period: 2026-Q2, channel: instagram, kpi: follower_count, target: 9000 }',
    '  - { id: ig-q3, title: Instagram followers in Q3, period: 2026-Q3, channel: instagram, kpi: follower_count, target: 9500 }',
    '  - { id: all-q2, title: Followers in Q2, period: 2026-Q2, channel: all, kpi: follower_count, target: 15000 }',
    '',
  ].join('\n'),
};

function load(): Project {
  const text = (path: string) => ({ path, text: FILES[path as keyof typeof FILES] });
  const paths = Object.keys(FILES);
  const loaded = loadFromSources(
    text('content/site.yaml'),
    paths.filter((p) => p.startsWith('goals/')).map(text),
    paths.filter((p) => p.startsWith('data/')).map(text),
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.project;
}

const project = load();
const engine = createEngine(project);
const quarter = (label: string) => {
  const parsed = parseQuarter(label);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.period;
};
const q2 = buildReport(project, engine, { quarter: quarter('2026-Q2') });
const q3 = buildReport(project, engine, { quarter: quarter('2026-Q3') });
const goal = (report: ReportJson, id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

describe('follower count in a quarter without rows for the channel', () => {
  it('carries the latest total into the quarter of an export gap', () => {
    expect(q2.as_of).toBe('2026-06-30');
    expect(q2.kpis.instagram!.follower_count!.value).toBe(8_845);
    expect(q2.kpis.instagram!.follower_count!.qoq).toBe(0);
    expect(q2.kpis.all!.follower_count).toMatchObject({
      value: 8_845 + 5_200,
      channels: ['instagram', 'linkedin'],
      left_out: [],
    });
  });

  it('carries it where the follower sheet stopped and content went on, into the per-follower rates', () => {
    expect(q2.kpis.linkedin!.follower_count!.value).toBe(5_200);
    // 91 posts, 4 shares, 60 likes and 6 comments each: per post, relative to 5,200 followers.
    expectClose(q2.kpis.linkedin!.amplification_rate!.value, 4 / 5_200);
    expectClose(q2.kpis.linkedin!.applause_rate!.value, 60 / 5_200);
    expectClose(q2.kpis.linkedin!.conversation_rate!.value, 6 / 5_200);
  });

  it('leaves growth unknown over a quarter with no total and no follow, and measures the next one from the last total', () => {
    expect(q2.kpis.instagram!.follower_growth!.value).toBeNull();
    expect(q2.kpis.instagram!.audience_growth_rate!.value).toBeNull();
    expect(q3.kpis.instagram!.follower_growth!.value).toBe(9_364 - 8_845);
    expectClose(q3.kpis.instagram!.follower_count!.qoq, (9_364 - 8_845) / 8_845);
    expectClose(q3.kpis.instagram!.audience_growth_rate!.value, (9_364 - 8_845) / 8_845);
  });

  it('gives goals on follower count the same figure, and a baseline from the quarter without rows', () => {
    expect(goal(q2, 'ig-q2')).toMatchObject({ baseline: 8_845, actual: 8_845, progress: 0 });
    expect(goal(q2, 'all-q2')).toMatchObject({ baseline: 8_845 + 5_200, actual: 8_845 + 5_200 });
    expect(goal(q3, 'ig-q3')).toMatchObject({ baseline: 8_845, actual: 9_364 });
    expectClose(goal(q3, 'ig-q3').progress, (9_364 - 8_845) / (9_500 - 8_845));
  });

  it('writes the same figures into the CSV and report --json', async () => {
    const csv = kpiCsv(q2, new Map(kpiMetas(engine).map((k) => [k.id, k])), { kind: 'live' }, 'EUR').split('\r\n');
    const columns = csv[0]!.split(',');
    const value = (channel: string, kpi: string) =>
      csv
        .map((line) => line.split(','))
        .find((cells) => cells[columns.indexOf('channel')] === channel && cells[columns.indexOf('kpi')] === kpi)?.[
        columns.indexOf('value')
      ];
    expect(value('instagram', 'follower_count')).toBe('8845');
    expect(value('all', 'follower_count')).toBe('14045');

    const dir = mkdtempSync(join(tmpdir(), 'goalpost-carry-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = await runCli(['report', '--period', '2026-Q2', '--json'], dir);
    expect(run.err).toBe('');
    const json = JSON.parse(run.out) as ReportJson;
    expect(json.kpis.instagram!.follower_count!.value).toBe(8_845);
    expect(json.kpis.all!.follower_count!.value).toBe(14_045);
    expect(goal(json, 'ig-q2').actual).toBe(8_845);
  });
});
