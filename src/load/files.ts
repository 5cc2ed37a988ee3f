import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Locator, PathKey } from './locate.ts';
import type { Problem } from './problems.ts';

/** A content file read from disk: its path relative to the root (forward slashes) and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** Every file under `dir` (recursively) whose name ends with one of `extensions`, sorted by path. */
export async function listFiles(root: string, dir: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const child = join(abs, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
        out.push(relative(root, child).split(sep).join('/'));
      }
    }
  };
  await walk(join(root, dir));
  return out.sort();
}

/** Reads files (relative to `root`) as UTF-8 text. */
export async function readSources(root: string, paths: readonly string[]): Promise<SourceFile[]> {
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })));
}

/** Collects positioned problems for one file. */
export class FileReporter {
  readonly file: string;
  readonly problems: Problem[];
  private readonly locator: Locator;

  constructor(file: string, locator: Locator, problems: Problem[]) {
    this.file = file;
    this.locator = locator;
    this.problems = problems;
  }

  /** Records a problem at the key or value found at `path`. */
  at(path: readonly PathKey[], message: string, part: 'key' | 'value' = 'value'): void {
    const { line, column } = this.locator.locate(path, part);
    this.problems.push({ file: this.file, line, column, message });
  }

  /** Records a note (not an error: it fails nothing) at the key or value found at `path`. */
  note(path: readonly PathKey[], message: string, part: 'key' | 'value' = 'value'): void {
    const { line, column } = this.locator.locate(path, part);
    this.problems.push({ file: this.file, line, column, message, severity: 'note' });
  }

  /** Records a problem at a column inside the text value at `path` (a formula, say). */
  inside(path: readonly PathKey[], offset: number, message: string): void {
    const { line, column } = this.locator.locate(path, 'value');
    const quote = this.locator.quoted(path) ? 1 : 0;
    this.problems.push({ file: this.file, line, column: column + quote + offset, message });
  }

  /** `file:line:col` of a path, to name another place in a message. */
  where(path: readonly PathKey[], part: 'key' | 'value' = 'value'): string {
    const { line, column } = this.locator.locate(path, part);
    return `${this.file}:${line}:${column}`;
  }
}
