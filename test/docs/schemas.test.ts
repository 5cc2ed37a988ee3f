import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProject } from '../../src/load/project.ts';
import { reportQuarters } from '../../src/site/quarters.ts';
import { repo, run as runIn } from '../review/helpers.ts';
import { schemaProblems, type SchemaName } from './validator.ts';
import { runCli } from '../cliRunner.ts';

const REPO = join(import.meta.dirname, '../..');
/** The example and every fixture root that validates. */
const ROOTS = ['.', 'test/fixtures/basic', 'test/fixtures/first-quarter', 'test/fixtures/hostile', 'test/fixtures/import/root'];

function filesUnder(dir: string, ext: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

/** Every content file of a root with the schema it must satisfy. */
function contentFiles(root: string): Array<{ path: string; schema: SchemaName; value: unknown }> {
  const abs = join(REPO, root);
  const yaml = (p: string): unknown => parse(readFileSync(p, 'utf8'));
  const json = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
  const rel = (p: string): string => relative(REPO, p);
  return [
    ...filesUnder(join(abs, 'goals'), '.yaml').map((p) => ({ path: rel(p), schema: 'goals' as const, value: yaml(p) })),
    ...filesUnder(join(abs, 'data'), '.json').map((p) => ({ path: rel(p), schema: 'metrics' as const, value: json(p) })),
    ...filesUnder(join(abs, 'content'), 'site.yaml').map((p) => ({
      path: rel(p),
      schema: 'site' as const,
      value: yaml(p) ?? {},
    })),
    ...filesUnder(join(abs, 'reports'), '.json').map((p) => ({ path: rel(p), schema: 'snapshot' as const, value: json(p) })),
  ];
}

const run = (args: string[], root: string) => runCli(args, root);

describe('the published JSON Schemas', () => {
  for (const root of ROOTS) {
    it(`validate every goals, data, settings and snapshot file of ${root === '.' ? 'the example' : root}`, () => {
      const files = contentFiles(root);
      expect(files.length).toBeGreaterThan(0);
      const problems = files.flatMap((f) => schemaProblems(f.schema, f.value).map((p) => `${f.path}${p}`));
      expect(problems).toEqual([]);
    });
  }

  it('cover each kind of file in the example', () => {
    const kinds = new Set(contentFiles('.').map((f) => f.schema));
    expect([...kinds].sort()).toEqual(['goals', 'metrics', 'site', 'snapshot']);
  });

  for (const root of ROOTS) {
    it(`validate report --json of every quarter of ${root === '.' ? 'the example' : root}, live, frozen and per channel`, async () => {
      const loaded = await loadProject(join(REPO, root));
      if (!loaded.ok) throw new Error(`${root} does not validate`);
      const quarters = reportQuarters(loaded.project).map((q) => q.label);
      const runs: string[][] = [];
      for (const q of quarters) runs.push(['--period', q], ['--period', q, '--live']);
      const [latest] = quarters.slice(-1);
      if (latest) for (const c of loaded.project.index.channels) runs.push(['--period', latest, '--channel', c]);
      if (quarters.length === 0) runs.push(['--period', '2026-Q3', '--as-of', '2026-09-30']);
      if (root === '.') runs.push(['--period', '2026-Q2', '--version', '1']);
      let checked = 0;
      for (const args of runs) {
        const { status, out, err } = await run(['report', ...args, '--json'], root);
        expect(err, args.join(' ')).toBe('');
        expect(status).toBe(0);
        const report = JSON.parse(out) as unknown;
        expect(schemaProblems('report', report), `${root} ${args.join(' ')}`).toEqual([]);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it("validate frozen figures in the example's report --json", async () => {
    const { out } = await run(['report', '--period', '2026-Q2', '--json'], '.');
    const report = JSON.parse(out) as { figures: string; version: number | null };
    expect([report.figures, report.version]).toEqual(['frozen', 2]);
    expect(schemaProblems('report', report)).toEqual([]);
  });

  it('validate report --json with moved goalposts (a target lowered after the quarter began) and an OKR', async () => {
    const r = repo();
    const goals = (target: number) => `goals:
  - { id: ig-clicks, title: Clicks, period: 2026-Q2, channel: instagram, kpi: clicks, target: ${target} }
  - id: events
    type: okr
    title: Be seen at events
    period: 2026-Q2
    key_results:
      - { id: talks, title: Talks, manual: { current: 7, target: 10 } }
      - { id: reach, kpi: reach, channel: [instagram], target: 3000, weight: 2 }
`;
    r.commit(goals(60), '2026-03-01');
    r.commit(goals(45), '2026-05-10');
    const { status, out } = await runIn(r.dir, ['report', '--period', '2026-Q2', '--json']);
    expect(status).toBe(0);
    const report = JSON.parse(out) as { goals: Array<{ moved_goalposts?: unknown[] }> };
    expect(report.goals.map((g) => g.moved_goalposts?.length)).toEqual([1, 0]);
    expect(schemaProblems('report', report)).toEqual([]);
  });

  it('refuse a goal with an unknown key, as a YAML language server flags it', () => {
    const goals = parse(readFileSync(join(REPO, 'test/fixtures/basic/goals/goals.yaml'), 'utf8')) as {
      goals: Array<Record<string, unknown>>;
    };
    expect(schemaProblems('goals', goals)).toEqual([]);
    goals.goals[0]!['tagret'] = 100;
    const problems = schemaProblems('goals', goals);
    expect(problems.join('\n')).toMatch(/\/goals\/0: must NOT have additional properties .*"additionalProperty":"tagret"/);
  });

  it('refuse an unknown key at the top of a goals file, in site settings, in a metric file and in a key result', () => {
    expect(schemaProblems('goals', { goal: [] })).not.toEqual([]);
    expect(schemaProblems('site', { title: 'x', colour: 'red' })).not.toEqual([]);
    expect(schemaProblems('metrics', { channel: 'x', rows: [], sorce: 'y' })).not.toEqual([]);
    const okr = { goals: [{ id: 'o', type: 'okr', title: 'O', key_results: [{ id: 'k', kpi: 'reach', wieght: 2 }] }] };
    expect(schemaProblems('goals', okr).join('\n')).toMatch(/key_results\/0.*wieght/);
  });

  it('check the shapes the loader checks: one period per row, no negative built-in metric, strict dates and targets', () => {
    expect(schemaProblems('metrics', { channel: 'x', rows: [{ date: '2026-04-01', impressions: 1 }] })).toEqual([]);
    expect(schemaProblems('metrics', { channel: 'x', rows: [{ impressions: 1 }] })).not.toEqual([]);
    expect(schemaProblems('metrics', { channel: 'x', rows: [{ date: '2026-04-01', month: '2026-04', reach: 1 }] })).not.toEqual(
      [],
    );
    expect(schemaProblems('metrics', { channel: 'x', rows: [{ date: '2026-04-01', likes: -1 }] })).not.toEqual([]);
    expect(schemaProblems('metrics', { channel: 'x', rows: [{ date: '2026-4-1', likes: 1 }] })).not.toEqual([]);
    expect(schemaProblems('goals', { goals: [{ id: 'g', title: 'G', target: { change: '20' } }] })).not.toEqual([]);
    expect(schemaProblems('goals', { goals: [{ id: 'g', title: 'G', period: 2026, target: { change: '+20%' } }] })).toEqual([]);
  });

  it('name a $schema that the loader accepts in a metric file (and nowhere else in it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-schema-'));
    mkdirSync(join(dir, 'data'));
    const file = {
      $schema: '../node_modules/goalpost/schemas/metrics.schema.json',
      channel: 'instagram',
      rows: [{ date: '2026-04-01', impressions: 10 }],
    };
    writeFileSync(join(dir, 'data/ig.json'), JSON.stringify(file));
    expect(schemaProblems('metrics', file)).toEqual([]);
    expect((await loadProject(dir)).ok).toBe(true);
    writeFileSync(join(dir, 'data/ig.json'), JSON.stringify({ ...file, rows: [{ ...file.rows[0], $schema: 'x' }] }));
    expect((await loadProject(dir)).ok).toBe(false);
  });

  it('reject what report --json never prints', () => {
    expect(schemaProblems('report', { period: '2026-Q2' })).not.toEqual([]);
  });
});
