/**
 * Content files at a git ref: the goals, data and site settings of a content root as
 * they were committed. The edge between git and the loader; nothing here interprets them.
 */
import { execFileSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import type { SourceFile } from '../load/files.ts';
import { SITE_FILE } from '../load/site.ts';

export interface RefContent {
  readonly site: SourceFile | null;
  readonly goals: SourceFile[];
  readonly data: SourceFile[];
}

export class GitError extends Error {
  override name = 'GitError';
}

function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new GitError((e.stderr ?? e.message).trim().split('\n')[0] ?? 'git failed');
  }
}

/** Whether a folder is inside a git repository (its work tree). */
export function inRepository(root: string): boolean {
  try {
    return git(root, ['rev-parse', '--is-inside-work-tree']).trim() === 'true';
  } catch {
    return false;
  }
}

/** The repository top level and the content root's path inside it ('' when they are the same). */
export function repoOf(root: string): { top: string; prefix: string } {
  const top = git(root, ['rev-parse', '--show-toplevel']).trim();
  const prefix = relative(top, root).split(sep).join('/');
  return { top, prefix: prefix === '' ? '' : `${prefix}/` };
}

/** Whether a ref names a commit. */
export function refExists(root: string, ref: string): boolean {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The committer date (YYYY-MM-DD) and short hash of a ref. */
export function commitInfo(root: string, ref: string): { date: string; hash: string } {
  const [date, hash] = git(root, ['show', '-s', '--format=%cs %h', ref]).trim().split(' ');
  return { date: date!, hash: hash! };
}

/** The content files (paths relative to the content root) at a ref. */
export function contentAt(root: string, ref: string): RefContent {
  const files = filesAt(root, ref, ['goals', 'data', SITE_FILE]);
  return {
    site: files.find((f) => f.path === SITE_FILE) ?? null,
    goals: files.filter((f) => f.path.startsWith('goals/') && /\.ya?ml$/i.test(f.path)),
    data: files.filter((f) => f.path.startsWith('data/') && /\.json$/i.test(f.path)),
  };
}

/** The YAML and JSON files under `paths` (relative to the content root) at a ref, sorted by path. */
export function filesAt(root: string, ref: string, paths: readonly string[]): SourceFile[] {
  const { top, prefix } = repoOf(root);
  const listed = git(top, ['ls-tree', '-r', '-z', '--name-only', ref, '--', ...paths.map((p) => `${prefix}${p}`)])
    .split('\0')
    .filter((p) => p !== '');
  const wanted = listed.filter((p) => /\.(ya?ml|json)$/i.test(p)).sort();
  const texts = readBlobs(top, ref, wanted);
  return wanted.map((p, i) => ({ path: p.slice(prefix.length), text: texts[i]! }));
}

/** Reads many blobs at a ref in one `git cat-file --batch` call. */
function readBlobs(top: string, ref: string, paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const out = execFileSync('git', ['cat-file', '--batch'], {
    cwd: top,
    input: paths.map((p) => `${ref}:${p}\n`).join(''),
    maxBuffer: 1 << 30,
  });
  const texts: string[] = [];
  let offset = 0;
  for (const path of paths) {
    const newline = out.indexOf(10, offset);
    const header = out.subarray(offset, newline).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (!Number.isFinite(size)) throw new GitError(`cannot read ${path} at ${ref}: ${header}`);
    texts.push(out.subarray(newline + 1, newline + 1 + size).toString('utf8'));
    offset = newline + 1 + size + 1;
  }
  return texts;
}

/** The full hash of HEAD in the content root's repository, or null outside git or before the first commit. */
export function headCommit(root: string): string | null {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).trim() || null;
  } catch {
    return null;
  }
}

/** Whether the content files (settings, goals, data) differ from HEAD, untracked files included. */
export function contentChanged(root: string): boolean {
  const { top, prefix } = repoOf(root);
  return (
    git(top, [
      'status',
      '--porcelain',
      '--untracked-files=all',
      '--',
      `${prefix}goals`,
      `${prefix}data`,
      `${prefix}${SITE_FILE}`,
    ]).trim() !== ''
  );
}

export interface CommitSummary {
  readonly hash: string;
  readonly short: string;
  /** Committer date, YYYY-MM-DD. */
  readonly date: string;
  readonly subject: string;
  readonly author: string;
}

/** Whether the content root's repository is a shallow clone (its history is cut). */
export function isShallow(root: string): boolean {
  return git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
}

/**
 * The commits that touched `paths` (relative to the content root), oldest first, along the
 * first-parent line: a merged branch counts as its merge commit, so that each commit can be
 * compared with the one listed before it. Up to HEAD, or to the commit `hash` names.
 */
export function commitsTouching(root: string, paths: readonly string[], hash = 'HEAD'): CommitSummary[] {
  const { top, prefix } = repoOf(root);
  if (headCommit(root) === null) return [];
  // NUL-separated fields (`-z`, `%x00`): no byte of a subject or author name can start a field or a record.
  const out = git(top, [
    'log',
    '-z',
    '--first-parent',
    '--reverse',
    '--format=%H%x00%h%x00%cs%x00%an%x00%s',
    hash,
    '--',
    ...paths.map((p) => `${prefix}${p}`),
  ]);
  return parseLog(out);
}

/**
 * Commits from `git log -z --format=%H%x00%h%x00%cs%x00%an%x00%s`: five NUL-separated fields per
 * commit, commits separated by NUL. Output that does not have that shape is a GitError, never
 * a guess.
 */
export function parseLog(out: string): CommitSummary[] {
  const fields = out.split('\0');
  if (fields.length % 5 === 1 && fields.at(-1) === '') fields.pop();
  if (fields.length % 5 !== 0) throw new GitError('unexpected output from git log');
  const commits: CommitSummary[] = [];
  for (let i = 0; i < fields.length; i += 5) {
    const [hash, short, date, author, subject] = fields.slice(i, i + 5) as [string, string, string, string, string];
    if (!/^[0-9a-f]{40,64}$/.test(hash) || !/^[0-9a-f]{4,64}$/.test(short) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new GitError('unexpected output from git log');
    }
    commits.push({ hash, short, date, author, subject });
  }
  return commits;
}
