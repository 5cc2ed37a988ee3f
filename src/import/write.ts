/**
 * The file-system side of `goalpost import`: reading the inputs (files, or folders walked
 * for .csv/.tsv/.txt/.xls/.xlsx), reading the content root, and writing the planned outputs
 * (after every check has passed; replaced earlier imports are removed), all or nothing.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { dayOfInstant } from '../core/dates.ts';
import { commitFiles, type FileChange, type WriteOutcome, type WriteSeam } from '../io/atomic.ts';
import { listFiles, readSources, type SourceFile } from '../load/files.ts';
import type { Problem } from '../load/problems.ts';
import { SITE_FILE } from '../load/site.ts';
import { TEAM_SCHEMAS } from '../init/templates.ts';
import type { InputFile, PlannedOutput } from './plan.ts';

const INPUT = /\.(csv|tsv|txt|xls|xlsx)$/i;

/** The input files named on the command line (folders are walked, sorted); problems for missing ones. */
export async function readInputs(paths: readonly string[], cwd: string, problems: Problem[]): Promise<InputFile[]> {
  const files: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const entries = await readdir(resolve(cwd, path), { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = path.endsWith('/') ? `${path}${e.name}` : `${path}/${e.name}`;
      if (e.isDirectory()) await walk(child);
      else if (INPUT.test(e.name) && !e.name.startsWith('.')) files.push(child);
    }
  };
  for (const path of paths) {
    try {
      const s = await stat(resolve(cwd, path));
      if (s.isDirectory()) await walk(path);
      else files.push(path);
    } catch {
      problems.push({ file: path, line: 1, column: 1, message: 'no such file or folder' });
    }
  }
  return Promise.all(
    [...new Set(files)].map(async (path) => {
      const abs = resolve(cwd, path);
      const [bytes, s] = await Promise.all([readFile(abs), stat(abs)]);
      return { path, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), modified: dayOfInstant(s.mtimeMs) };
    }),
  );
}

/**
 * Where the written files find the published JSON Schemas, relative to the root: the root's own
 * `schemas/` in the package's repository (which builds the bundled example), else the installed
 * package of a team's repo (as `init` writes them, whether or not `npm install` has run yet).
 */
export async function schemasFolder(root: string): Promise<string> {
  try {
    if ((await stat(join(root, 'schemas', 'metrics.schema.json'))).isFile()) return 'schemas';
  } catch {
    // not the package's repository
  }
  return TEAM_SCHEMAS;
}

export interface Content {
  readonly site: SourceFile | null;
  readonly goals: SourceFile[];
  readonly data: SourceFile[];
}

/** The content root's site settings, goals and data files. */
export async function readContent(root: string): Promise<Content> {
  const [goalPaths, dataPaths] = await Promise.all([
    listFiles(root, 'goals', ['.yaml', '.yml']),
    listFiles(root, 'data', ['.json']),
  ]);
  let site: SourceFile | null = null;
  try {
    site = { path: SITE_FILE, text: await readFile(join(root, SITE_FILE), 'utf8') };
  } catch {
    site = null;
  }
  const [goals, data] = await Promise.all([readSources(root, goalPaths), readSources(root, dataPaths)]);
  return { site, goals, data };
}

/**
 * Writes every output (and the settings file, when the import declares metrics) and removes
 * the earlier imports they replace, atomically: on any failure or interruption the content
 * root is left exactly as it was, and the outcome says why.
 */
export async function writeOutputs(
  root: string,
  outputs: readonly PlannedOutput[],
  site: SourceFile | null = null,
  seam: WriteSeam = {},
): Promise<WriteOutcome> {
  const written = new Set(outputs.map((o) => o.path));
  const changes: FileChange[] = [
    ...(site ? [{ path: site.path, text: site.text }] : []),
    ...outputs.map((o) => ({ path: o.path, text: o.text })),
    ...[...new Set(outputs.flatMap((o) => o.replaces))]
      .filter((path) => !written.has(path))
      .map((path) => ({ path, text: null })),
  ];
  return commitFiles(root, changes, seam);
}
