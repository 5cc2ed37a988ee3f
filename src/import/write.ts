/**
 * The file-system side of `goalpost import`: reading the inputs (files, or folders walked
 * for .csv/.tsv/.txt/.xls/.xlsx), reading the content root, and writing the planned outputs
 * (after every check has passed; replaced earlier imports are removed), all or nothing.
 */
import { readAll } from '../io/readAll.ts';
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { dayOfInstant } from '../core/dates.ts';
import { commitFiles, type FileChange, type WriteOutcome, type WriteSeam } from '../io/atomic.ts';
import { listFiles, readSources, type SourceFile } from '../load/files.ts';
import { addProblem, type Problem } from '../load/problems.ts';
import { SITE_FILE } from '../load/site.ts';
import { TEAM_SCHEMAS } from '../init/templates.ts';
import type { InputFile, PlannedOutput } from './plan.ts';

const INPUT = /\.(csv|tsv|txt|xls|xlsx)$/i;

/** The largest input file an import reads (exports of a quarter are a few MB at most). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The input files named on the command line (folders are walked, sorted); a problem for each
 * path that is missing or cannot be read safely (see `readInput`), which is then left out.
 */
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
    const abs = resolve(cwd, path);
    try {
      const s = await stat(abs);
      if (s.isDirectory()) await walk(path);
      else files.push(path);
    } catch (error) {
      addProblem(problems, { file: path, line: 1, column: 1, message: await missing(abs, error) });
    }
  }
  const read: InputFile[] = [];
  for (const path of [...new Set(files)]) {
    const result = await readInput(path, resolve(cwd, path));
    if ('problem' in result) addProblem(problems, result.problem);
    else read.push(result);
  }
  return read;
}

/** Why a path given could not be found: a link loop, a link to nothing, or nothing at all. */
async function missing(abs: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'is a symbolic link that leads to itself (a loop): replace it with the file';
  if (code === 'ENOENT') {
    const link = await lstat(abs).catch(() => null);
    if (link?.isSymbolicLink()) return 'is a symbolic link to a file that does not exist: give the file itself';
    return 'no such file or folder';
  }
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied): check its permissions';
  return `cannot be read (${code ?? 'error'})`;
}

/**
 * Reads one input safely: a regular file only (opened without waiting, so that a named pipe
 * or a device is refused rather than read forever) of at most `MAX_INPUT_BYTES`.
 */
async function readInput(path: string, abs: string): Promise<InputFile | { problem: Problem }> {
  const fail = (message: string) => ({ problem: { file: path, line: 1, column: 1, message } });
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    handle = await open(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return fail(await missing(abs, error));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail(`is ${kindOf(info)}, not a regular file: it is not read`);
    if (info.size > MAX_INPUT_BYTES) {
      return fail(
        `the file is ${megabytes(info.size)}, larger than the ${megabytes(MAX_INPUT_BYTES)} an import reads: ` +
          'export a shorter date range, or split the file',
      );
    }
    return { path, bytes: await readAll(handle, info.size), modified: dayOfInstant(info.mtimeMs) };
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Bytes in MB, rounded up to a tenth (so that a file just past a limit is not shown as the limit). */
export function megabytes(bytes: number): string {
  return `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
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
  /** Why content/site.yaml cannot be read safely (a FIFO, a link out of the root, …), if so. */
  readonly unread: Problem[];
}

/**
 * The content root's site settings, goals and data files, read as the loader reads them (regular
 * files inside the root only: a FIFO or a device is never waited on). Goals and data files that
 * cannot be read are left out; settings that cannot be read are a problem (the import would
 * replace them). The settings keep their BOM, so that an edit writes it back.
 */
export async function readContent(root: string): Promise<Content> {
  const unread: Problem[] = [];
  const [goalPaths, dataPaths, hasSite] = await Promise.all([
    listFiles(root, 'goals', ['.yaml', '.yml']),
    listFiles(root, 'data', ['.json']),
    lstat(join(root, SITE_FILE)).then(
      () => true,
      () => false,
    ),
  ]);
  let site = (await readSources(root, hasSite ? [SITE_FILE] : [], unread))[0] ?? null;
  if (site) {
    const raw = await readInput(SITE_FILE, join(root, SITE_FILE));
    const bom = 'bytes' in raw && raw.bytes[0] === 0xef && raw.bytes[1] === 0xbb && raw.bytes[2] === 0xbf;
    if (bom) site = { path: SITE_FILE, text: `\uFEFF${site.text}` };
  }
  const [goals, data] = await Promise.all([readSources(root, goalPaths), readSources(root, dataPaths)]);
  return { site, goals, data, unread };
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
