/**
 * The bundled example (scripts/generate-example.ts): deterministic, committed as generated,
 * valid, and showing every goal status in the 2026-Q2 and 2026-Q3 reports.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter } from '../src/core/periods.ts';
import { createEngine } from '../src/core/project.ts';
import { buildReport } from '../src/core/report.ts';
import { loadProject } from '../src/load/project.ts';

const REPO = join(import.meta.dirname, '..');
const SCRIPT = join('scripts', 'generate-example.ts');

/** What the generator writes, relative to the content root. */
const OUTPUTS = ['content/site.yaml', 'goals', 'data'];

const temps: string[] = [];

function generate(): string {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-example-'));
  temps.push(root);
  execFileSync(process.execPath, [SCRIPT], { cwd: REPO, env: { ...process.env, GOALPOST_ROOT: root }, stdio: 'pipe' });
  return root;
}

/** Every output file under a root, by relative path, sorted. */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    const full = join(root, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) walk(`${rel}/${entry}`);
    } else {
      files.set(rel, readFileSync(full));
    }
  };
  for (const out of OUTPUTS) walk(out);
  return files;
}

/** Files under `dir` of a root, relative paths, sorted. */
function listTree(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .sort()
    .flatMap((entry) => (statSync(join(full, entry)).isDirectory() ? listTree(root, `${dir}/${entry}`) : [`${dir}/${entry}`]));
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [path, bytes] of expected) {
    const other = actual.get(path)!;
    // Compare as text first for a readable diff, then byte for byte.
    expect(other.toString('utf8'), path).toBe(bytes.toString('utf8'));
    expect(other.equals(bytes), path).toBe(true);
  }
}

let first: string;
let firstFiles: Map<string, Buffer>;

beforeAll(() => {
  first = generate();
  firstFiles = snapshot(first);
});

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('scripts/generate-example.ts', () => {
  it('writes site settings, goals and metric files for eight quarters', () => {
    const paths = [...firstFiles.keys()];
    expect(paths).toContain('content/site.yaml');
    expect(paths.filter((p) => p.startsWith('goals/')).length).toBeGreaterThanOrEqual(2);
    for (const channel of ['instagram', 'facebook', 'linkedin', 'tiktok', 'youtube']) {
      expect(paths.filter((p) => p.startsWith(`data/${channel}/`))).toHaveLength(8);
    }
  });

  it("never writes into a team's content: a root with other goals or data is refused, untouched", () => {
    const root = mkdtempSync(join(tmpdir(), 'goalpost-example-'));
    temps.push(root);
    mkdirSync(join(root, 'goals'));
    writeFileSync(join(root, 'goals/ours.yaml'), 'goals: []\n');
    const r = spawnSync(process.execPath, [SCRIPT], {
      cwd: REPO,
      env: { ...process.env, GOALPOST_ROOT: root },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('goals/ours.yaml: exists already');
    expect(listTree(root, 'goals')).toEqual(['goals/ours.yaml']);
    expect(existsSync(join(root, 'content/site.yaml'))).toBe(false);
    expect(existsSync(join(root, 'data'))).toBe(false);
  });

  it('is deterministic: a second run writes the same bytes', () => {
    expectSameFiles(snapshot(generate()), firstFiles);
  });

  it('matches the example committed at the repository root (run `npm run example` after changing the script)', () => {
    expectSameFiles(snapshot(REPO), firstFiles);
  });

  it('has the frozen reports that scripts/freeze-example.ts makes from it (run `npm run example` after changing either script)', () => {
    execFileSync(process.execPath, [join('scripts', 'freeze-example.ts')], {
      cwd: REPO,
      env: { ...process.env, GOALPOST_ROOT: first },
      stdio: 'pipe',
    });
    const reports = (root: string) => new Map([...listTree(root, 'reports')].map((p) => [p, readFileSync(join(root, p))]));
    expectSameFiles(reports(first), reports(REPO));
    expect([...reports(REPO).keys()]).toEqual(['reports/2026-q2/v1.json', 'reports/2026-q2/v2.json', 'reports/2026-q3/v1.json']);
  });

  it('validates, and its 2026-Q2 and 2026-Q3 reports show every goal status', async () => {
    const loaded = await loadProject(first);
    if (!loaded.ok) throw new Error(`the example does not validate:\n${JSON.stringify(loaded.problems, null, 2)}`);
    const engine = createEngine(loaded.project);
    for (const [label, asOf] of [
      ['2026-Q2', '2026-06-30'],
      ['2026-Q3', '2026-09-30'],
    ] as const) {
      const quarter = parseQuarter(label);
      if (!quarter.ok) throw new Error(quarter.reason);
      const report = buildReport(loaded.project, engine, { quarter: quarter.period });
      expect(report.as_of).toBe(asOf);
      const statuses = new Set(report.goals.flatMap((g) => (g.type === 'smart' ? [g.status] : [])));
      expect([...statuses].sort(), label).toEqual(['achieved', 'at_risk', 'missed', 'off_track', 'on_track']);
      expect(
        report.goals.some((g) => g.type === 'okr'),
        label,
      ).toBe(true);
    }
  });

  it('has a goal or key result of every achievability verdict in 2026-Q3', async () => {
    const loaded = await loadProject(first);
    if (!loaded.ok) throw new Error('the example does not validate');
    const quarter = parseQuarter('2026-Q3');
    if (!quarter.ok) throw new Error(quarter.reason);
    const report = buildReport(loaded.project, createEngine(loaded.project), { quarter: quarter.period });
    const verdicts = new Set(
      report.goals
        .flatMap((g) => (g.type === 'smart' ? [g.achievability?.verdict] : g.key_results.map((kr) => kr.achievability?.verdict)))
        .filter((v) => v !== undefined),
    );
    expect([...verdicts].sort()).toEqual(['already_met', 'ambitious', 'realistic', 'stretch', 'unknown']);
  });
});
