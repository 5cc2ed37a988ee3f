/** Shared by the frozen-report tests: a scratch content root, the CLI, the project and a data edit. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseQuarter, type Period } from '../../src/core/periods.ts';
import type { Project } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { type CliRun, runCli } from '../cliRunner.ts';

/** A quarter from its label. */
export function quarterOf(label: string): Period {
  const q = parseQuarter(label);
  if (!q.ok) throw new Error(q.reason);
  return q.period;
}

/** A scratch content root: the basic fixture's settings, goals and data (not in git). */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-freeze-'));
  for (const part of ['content/site.yaml', 'goals', 'data'])
    cpSync(join('test/fixtures/basic', part), join(dir, part), { recursive: true });
  return dir;
}

/** Runs the CLI on a content root, with a fixed clock. */
export function run(root: string, args: string[], now = '2026-07-03T09:30:00.000Z'): Promise<CliRun> {
  return runCli(args, root, { now });
}

/** The project of a content root (which must validate). */
export async function project(root: string): Promise<Project> {
  const loaded = await loadProject(root);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.project;
}

export const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

/** Sets the impressions of the basic fixture's 2026-05-01 row. */
export function editImpressions(root: string, impressions: number): void {
  const path = join(root, 'data/instagram/2026.json');
  writeFileSync(
    path,
    read(root, 'data/instagram/2026.json').replace(
      '"date": "2026-05-01", "impressions": 1000',
      `"date": "2026-05-01", "impressions": ${impressions}`,
    ),
  );
}
