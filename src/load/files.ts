import { readAll } from '../io/readAll.ts';
import { constants, type Dirent } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Locator, PathKey } from './locate.ts';
import { addProblem, countMore, hasRoom, type Problem } from './problems.ts';
import { decodeUtf8 } from './encoding.ts';

/** A content file read from disk: its path relative to the root (forward slashes) and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** The largest file read, by kind (SPEC "Robustness"): larger ones are a problem, never read. */
export const MAX_BYTES = { json: 64 * 1024 * 1024, yaml: 1024 * 1024 } as const;

/** How many files are open at once while reading. */
const PARALLEL_READS = 16;

function problemAt(path: string, message: string): Problem {
  return { file: path, line: 1, column: 1, message };
}

function isInside(realRoot: string, real: string): boolean {
  const rel = relative(realRoot, real);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/**
 * Every file under `dir` (recursively) whose name ends with one of `extensions`, sorted by path.
 * Links to folders are not followed (with `problems`, each is reported); a `dir` that is a link,
 * not a folder, or unreadable is reported there too. The other files (not hidden ones) are added
 * to `skipped`, when given: a team's `site.yml` or `q3.csv` is not read, and should be told so.
 */
export async function listFiles(
  root: string,
  dir: string,
  extensions: readonly string[],
  problems?: Problem[],
  skipped?: string[],
): Promise<string[]> {
  const out: string[] = [];
  const rel = (abs: string): string => relative(root, abs).split(sep).join('/');
  const report = (abs: string, message: string): void => {
    if (problems) addProblem(problems, problemAt(rel(abs), message));
  };
  const top = join(root, dir);
  try {
    if ((await lstat(top)).isSymbolicLink()) {
      report(
        top,
        `${dir}/ is a symbolic link: it is not read (links are not followed out of the content root); make it a folder`,
      );
      return [];
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
  }
  const walk = async (abs: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      // `content` a file: the problem is `content`, not `content/reports` under it.
      const at = code === 'ENOTDIR' ? await firstFileOnTheWay(root, abs) : abs;
      report(
        at,
        code === 'ENOTDIR' ? 'is not a folder: it is not read' : `the folder cannot be read (${code ?? 'error'}): it is not read`,
      );
      return;
    }
    for (const entry of entries) {
      const child = join(abs, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push(rel(child));
      else if (entry.isFile() && !entry.name.startsWith('.')) skipped?.push(rel(child));
      else if (entry.isSymbolicLink()) {
        const target = await stat(child).catch(() => null);
        if (target?.isDirectory()) {
          report(child, 'is a symbolic link to a folder: links to folders are not followed; move or copy the files here');
        }
      }
    }
  };
  await walk(top);
  skipped?.sort();
  return out.sort();
}

/** The first path from `root` down to `abs` that is there but is not a folder (else `abs`). */
async function firstFileOnTheWay(root: string, abs: string): Promise<string> {
  const parts = relative(root, abs).split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const path = join(root, ...parts.slice(0, i));
    const s = await lstat(path).catch(() => null);
    if (s && !s.isDirectory()) return path;
  }
  return abs;
}

/** What a path that is not a regular file is, for messages. */
function kindOf(s: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

function limitOf(path: string): number {
  return /\.ya?ml$/i.test(path) ? MAX_BYTES.yaml : MAX_BYTES.json;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Reads one content file safely: only a regular file inside the content root (a symbolic link
 * is followed only when its target is a regular file inside the root), within its size limit,
 * and valid UTF-8. Returns its text or the problem with it; never blocks on a FIFO or a device.
 */
export async function readContentFile(
  root: string,
  realRoot: string,
  path: string,
): Promise<{ text: string } | { problem: Problem }> {
  const fail = (message: string) => ({ problem: problemAt(path, message) });
  const abs = join(root, path);
  let real: string;
  try {
    const link = await lstat(abs);
    real = await realpath(abs);
    if (!isInside(realRoot, real)) {
      return fail(
        link.isSymbolicLink()
          ? 'is a symbolic link to a file outside the content root: it is not read; copy the file instead'
          : 'is in a folder that is a symbolic link to outside the content root: it is not read; copy the files instead',
      );
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      return fail('is a symbolic link that leads to itself (a loop): it is not read; replace it with the file');
    if (code === 'ENOENT')
      return fail('is a symbolic link to a file that does not exist: it is not read; replace it with the file or remove it');
    return fail(`cannot be read (${code ?? 'error'})`);
  }
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: `real` has no link left.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return fail('is a symbolic link: it is not read; replace it with the file');
    return fail(`cannot be opened (${code ?? 'error'})`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail(`is ${kindOf(info)}, not a regular file: it is not read`);
    const limit = limitOf(path);
    if (info.size > limit) {
      return fail(
        `the file is ${megabytes(info.size)}, larger than the ${megabytes(limit)} Goalpost reads: split it into smaller files`,
      );
    }
    const decoded = decodeUtf8(await readAll(handle, info.size));
    if ('error' in decoded)
      return { problem: { file: path, line: decoded.line, column: decoded.column, message: decoded.error } };
    return { text: decoded.text };
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}

/**
 * Reads content files (relative to `root`) as UTF-8 text, a few at a time. A file that cannot
 * be read safely (see `readContentFile`) is left out, with its problem added to `problems`.
 */
export async function readSources(root: string, paths: readonly string[], problems: Problem[] = []): Promise<SourceFile[]> {
  const realRoot = await realpath(root).catch(() => root);
  const results: Array<SourceFile | null> = new Array(paths.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i]!;
      const read = await readContentFile(root, realRoot, path);
      if ('text' in read) results[i] = { path, text: read.text };
      else addProblem(problems, read.problem);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, paths.length) }, worker));
  return results.filter((f): f is SourceFile => f !== null);
}

/** Collects positioned problems for one file. */
export class FileReporter {
  readonly file: string;
  readonly problems: Problem[];
  /** Errors and notes recorded through this reporter, kept or only counted (past the per-file cap). */
  errors = 0;
  notes = 0;
  private readonly locator: Locator;

  constructor(file: string, locator: Locator, problems: Problem[]) {
    this.file = file;
    this.locator = locator;
    this.problems = problems;
  }

  /** The number at `path` as the file writes it (a JSON file), or null: before rounding to a double. */
  numberText(path: readonly PathKey[]): string | null {
    return this.locator.numberText?.(path) ?? null;
  }

  /** Records a problem at the key or value found at `path`. */
  at(path: readonly PathKey[], message: string | (() => string), part: 'key' | 'value' = 'value'): void {
    this.errors++;
    if (!hasRoom(this.problems, this.file)) {
      countMore(this.problems, { file: this.file, line: 1, column: 1, message: '' }, 1);
      return;
    }
    const { line, column } = this.locator.locate(path, part);
    addProblem(this.problems, { file: this.file, line, column, message: typeof message === 'string' ? message : message() });
  }

  /** Records a note (not an error: it fails nothing) at the key or value found at `path`. */
  note(path: readonly PathKey[], message: string, part: 'key' | 'value' = 'value'): void {
    this.notes++;
    if (!hasRoom(this.problems, this.file, 'note')) {
      countMore(this.problems, { file: this.file, line: 1, column: 1, message: '', severity: 'note' }, 1);
      return;
    }
    const { line, column } = this.locator.locate(path, part);
    addProblem(this.problems, { file: this.file, line, column, message, severity: 'note' });
  }

  /** Records a problem at a column inside the text value at `path` (a formula, say). */
  inside(path: readonly PathKey[], offset: number, message: string): void {
    this.errors++;
    if (!hasRoom(this.problems, this.file)) {
      countMore(this.problems, { file: this.file, line: 1, column: 1, message: '' }, 1);
      return;
    }
    const { line, column } = this.locator.locate(path, 'value');
    const quote = this.locator.quoted(path) ? 1 : 0;
    addProblem(this.problems, { file: this.file, line, column: column + quote + offset, message });
  }

  /** `file:line:col` of a path, to name another place in a message. */
  where(path: readonly PathKey[], part: 'key' | 'value' = 'value'): string {
    const { line, column } = this.locator.locate(path, part);
    return `${this.file}:${line}:${column}`;
  }
}
