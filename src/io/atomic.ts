/**
 * Atomic writes for `import` and `freeze`. Every new text is staged as a hidden temp file in
 * its own folder (`.<name>.<pid>-<random>.goalpost-tmp`: no loader reads it), fsynced, and only
 * then renamed into place; a file that is replaced or removed is first kept as a hard link
 * (`….goalpost-bak`). Any failure, or SIGINT/SIGTERM/SIGHUP during the write, rolls back what
 * was done (replaced files get their previous content back, new files and folders go), so that
 * the content root is exactly as it was. Temp files left by a process that died (SIGKILL, power
 * loss) are removed by the next write to the same folder. Failures are returned, never thrown.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { constants } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** The file-system operations a write uses: the seam through which tests inject failures. */
export interface WriteFs {
  /** Creates one folder (its parent exists). */
  mkdir(path: string): Promise<void>;
  /** Creates a new file (never an existing one), writes the text, fsyncs and closes it. */
  writeNew(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** A hard link; fails with EEXIST when `to` exists (the no-clobber commit of `exclusive`). */
  link(from: string, to: string): Promise<void>;
  /** Copies a file to a new path (when hard links are not supported), fsynced. */
  copy(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
  /** What is at a path, without following a symbolic link; null when nothing is. */
  kind(path: string): Promise<'file' | 'folder' | 'other' | null>;
  list(dir: string): Promise<string[]>;
  /** Flushes a folder's entries (best effort: not every system can). */
  syncDir(dir: string): Promise<void>;
}

/** The real file system. */
export const nodeFs: WriteFs = {
  mkdir: async (path) => {
    await fsp.mkdir(path);
  },
  writeNew: async (path, text) => {
    const handle = await fsp.open(path, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  link: (from, to) => fsp.link(from, to),
  copy: async (from, to) => {
    await fsp.copyFile(from, to, fsp.constants.COPYFILE_EXCL);
    const handle = await fsp.open(to, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  unlink: (path) => fsp.unlink(path),
  rmdir: (path) => fsp.rmdir(path),
  kind: async (path) => {
    try {
      const s = await fsp.lstat(path);
      return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return null;
      throw error;
    }
  },
  list: (dir) => fsp.readdir(dir),
  syncDir: async (dir) => {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** One file to write (`text`) or remove (`text: null`), by its path under the content root. */
export interface FileChange {
  readonly path: string;
  readonly text: string | null;
  /** Refuse to replace a file that exists (freeze's versions): fails with `reason: 'exists'`. */
  readonly exclusive?: boolean;
}

/** Where a test may pause a write (to signal it there): after staging, and after the first rename. */
export type PausePoint = 'staged' | 'partly-renamed';

/** Test seams: the file system, and a pause that resolves early when the write is interrupted. */
export interface WriteSeam {
  readonly fs?: WriteFs;
  readonly pause?: (point: PausePoint, interrupted: AbortSignal) => Promise<void>;
}

export type WriteOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** `exists`: an exclusive file was written by someone else meanwhile; `interrupted`: a signal. */
      readonly reason: 'failed' | 'exists' | 'interrupted';
      /** The path (under the root) the failure is about. */
      readonly path: string;
      /** `cannot write: permission denied`, and what could not be restored if anything. */
      readonly message: string;
      readonly signal?: NodeJS.Signals;
    };

const TEMP = /^\..+\.(\d+)-[0-9a-f]+\.goalpost-(tmp|bak)$/;
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Whether a file name is one of the temp or backup files a write uses (no loader should read it). */
export function isWriteTemp(name: string): boolean {
  return TEMP.test(name);
}

/** The exit status for an interruption by a signal: 128 + its number (130 for SIGINT). */
export function signalStatus(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 2);
}

class WriteFailure extends Error {
  readonly path: string;
  readonly reason: 'failed' | 'exists' | 'interrupted';
  constructor(path: string, message: string, reason: 'failed' | 'exists' | 'interrupted' = 'failed') {
    super(message);
    this.path = path;
    this.reason = reason;
  }
}

/**
 * Writes and removes files under `root` all together or not at all (see the module comment).
 * Paths use forward slashes, relative to the root.
 */
export async function commitFiles(root: string, changes: readonly FileChange[], seam: WriteSeam = {}): Promise<WriteOutcome> {
  const fs = seam.fs ?? nodeFs;
  const abs = (path: string): string => join(root, ...path.split('/'));
  // Undo steps, run in reverse on failure; `restores` (what is left if it fails) marks those whose failure leaves the root changed.
  const undo: Array<{ path: string; restores: string | false; run: () => Promise<void> }> = [];
  const unrestored = new Set<string>();
  const backups: string[] = [];
  const guard = watchSignals();
  const mine: string[] = [];
  try {
    return await commit();
  } finally {
    guard.dispose();
    for (const path of mine) ours.delete(path);
  }

  async function commit(): Promise<WriteOutcome> {
    const checkpoint = (path: string): void => {
      if (guard.received) throw new WriteFailure(path, `interrupted by ${guard.received}`, 'interrupted');
    };
    let current = changes[0]?.path ?? '.';
    try {
      const folders = [...new Set(changes.map((c) => dirname(c.path)))];
      for (const folder of folders) await removeStaleTemps(fs, abs(folder));

      // 1. Folders: create the missing ones (removed again on rollback); refuse files and links on the way.
      const ensureFolders = async (path: string): Promise<void> => {
        const parts = path.split('/').slice(0, -1);
        for (let i = 1; i <= parts.length; i++) {
          const rel = parts.slice(0, i).join('/');
          const kind = await step(path, 'write', () => fs.kind(abs(rel)));
          if (kind === 'folder') continue;
          if (kind !== null)
            throw new WriteFailure(
              path,
              `cannot write: ${rel} is ${kind === 'file' ? 'a file' : 'not a folder (a link or a special file)'}, not a folder`,
            );
          try {
            await fs.mkdir(abs(rel));
          } catch (error) {
            // Another process made it meanwhile: it is not ours to remove.
            if (codeOf(error) === 'EEXIST' && (await fs.kind(abs(rel))) === 'folder') continue;
            throw new WriteFailure(path, `cannot write: ${reasonOf(error)}`);
          }
          undo.push({ path: rel, restores: false, run: () => fs.rmdir(abs(rel)) });
        }
      };
      for (const change of changes.filter((c) => c.text !== null)) {
        current = change.path;
        await ensureFolders(change.path);
      }

      // 2. Stage every text in a temp file beside its target, fsynced.
      const staged = new Map<string, string>();
      for (const change of changes) {
        current = change.path;
        checkpoint(change.path);
        const kind = await step(change.path, change.text === null ? 'remove' : 'write', () => fs.kind(abs(change.path)));
        if (kind === 'folder' || kind === 'other') {
          throw new WriteFailure(
            change.path,
            `cannot ${change.text === null ? 'remove' : 'write'}: it is ${kind === 'folder' ? 'a folder' : 'not a regular file'}`,
          );
        }
        if (kind === 'file' && change.exclusive) throw new WriteFailure(change.path, 'cannot write: it exists already', 'exists');
        if (change.text === null) continue;
        const temp = tempPath(abs(change.path), 'tmp', mine);
        undo.push({ path: change.path, restores: false, run: () => ignoreMissing(fs.unlink(temp)) });
        await step(change.path, 'write', async () => {
          try {
            await fs.writeNew(temp, change.text!);
          } catch (error) {
            // A concurrent write that rolled back may have removed a folder it had made: make it again, once.
            if (codeOf(error) !== 'ENOENT') throw error;
            await ensureFolders(change.path);
            await fs.writeNew(temp, change.text!);
          }
        });
        staged.set(change.path, temp);
      }
      await pause(seam, 'staged', guard.signal);

      // 3. Keep what is replaced or removed, as a hard link (a copy where links are not supported).
      const kept = new Map<string, string>();
      for (const change of changes) {
        current = change.path;
        checkpoint(change.path);
        const verb = change.text === null ? 'remove' : 'write';
        if (change.exclusive || (await step(change.path, verb, () => fs.kind(abs(change.path)))) !== 'file') continue;
        const backup = tempPath(abs(change.path), 'bak', mine);
        // A backup whose file could not be restored is kept: it is then the only copy.
        undo.push({
          path: change.path,
          restores: false,
          run: () => (unrestored.has(change.path) ? Promise.resolve() : ignoreMissing(fs.unlink(backup))),
        });
        await step(change.path, verb, async () => {
          try {
            await fs.link(abs(change.path), backup);
          } catch {
            await fs.copy(abs(change.path), backup);
          }
        });
        kept.set(change.path, backup);
        backups.push(backup);
      }

      // 4. Commit: rename each staged file into place (exclusive ones by a link that fails if the target exists), then remove.
      let renamed = 0;
      for (const change of changes) {
        current = change.path;
        checkpoint(change.path);
        const target = abs(change.path);
        const backup = kept.get(change.path);
        const restore = backup ? () => fs.rename(backup, target) : () => ignoreMissing(fs.unlink(target));
        if (change.text === null) {
          if (!backup) continue;
          await step(change.path, 'remove', () => ignoreMissing(fs.unlink(target)));
        } else if (change.exclusive) {
          await step(change.path, 'write', () => exclusiveCommit(fs, staged.get(change.path)!, target));
        } else {
          await step(change.path, 'write', () => fs.rename(staged.get(change.path)!, target));
        }
        undo.push({
          path: change.path,
          restores: backup ? 'its previous content is kept beside it in a .goalpost-bak file' : 'the new file is left',
          run: restore,
        });
        if (++renamed === 1 && changes.length > 1) await pause(seam, 'partly-renamed', guard.signal);
      }
      for (const folder of folders) await fs.syncDir(abs(folder)).catch(() => undefined);
      checkpoint(current);
    } catch (error) {
      const failure = error instanceof WriteFailure ? error : new WriteFailure(current, `cannot write: ${reasonOf(error)}`);
      const notes: string[] = [];
      for (const u of undo.reverse()) {
        try {
          await u.run();
        } catch (e) {
          if (!u.restores) continue;
          unrestored.add(u.path);
          notes.push(`${u.path} (${reasonOf(e)}; ${u.restores})`);
        }
      }
      const kept = notes.length > 0 ? `; could not restore ${notes.join(', ')}` : '';
      return {
        ok: false,
        reason: failure.reason,
        path: failure.path,
        message: `${failure.message}${kept}`,
        ...(guard.received ? { signal: guard.received } : {}),
      };
    }
    for (const backup of backups) await ignoreMissing(fs.unlink(backup)).catch(() => undefined);
    return { ok: true };
  }
}

/** Runs one file operation; an error becomes a failure naming the path and what went wrong. */
async function step<T>(path: string, verb: 'write' | 'remove', run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WriteFailure) throw error;
    if (codeOf(error) === 'EEXIST' && verb === 'write') throw new WriteFailure(path, 'cannot write: it exists already', 'exists');
    throw new WriteFailure(path, `cannot ${verb}: ${reasonOf(error)}`);
  }
}

/** Links the staged file to the target, which fails if the target exists; renames where links are not supported. */
async function exclusiveCommit(fs: WriteFs, staged: string, target: string): Promise<void> {
  try {
    await fs.link(staged, target);
  } catch (error) {
    const code = codeOf(error);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if ((await fs.kind(target)) !== null) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await fs.rename(staged, target);
    return;
  }
  await fs.unlink(staged).catch(() => undefined);
}

async function pause(seam: WriteSeam, point: PausePoint, signal: AbortSignal): Promise<void> {
  if (!seam.pause) return;
  await Promise.race([
    seam.pause(point, signal),
    new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
  ]);
}

/** The temp and backup files of the writes running in this process (not stale, whatever the pid says). */
const ours = new Set<string>();

function tempPath(target: string, kind: 'tmp' | 'bak', mine: string[]): string {
  const path = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.goalpost-${kind}`);
  ours.add(path);
  mine.push(path);
  return path;
}

/** Removes temp and backup files of processes that are no longer running (a crash, a SIGKILL). */
async function removeStaleTemps(fs: WriteFs, folder: string): Promise<void> {
  let names: string[];
  try {
    if ((await fs.kind(folder)) !== 'folder') return; // never through a link
    names = await fs.list(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !ours.has(join(folder, name)) && !running(Number(m[1]))) await fs.unlink(join(folder, name)).catch(() => undefined);
  }
}

function running(pid: number): boolean {
  if (pid === process.pid) return false; // ours, from an earlier process with the same pid: not in `ours`
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

/** While a write runs, SIGINT, SIGTERM and SIGHUP are recorded (and abort pauses) instead of killing it midway. */
function watchSignals(): { readonly received: NodeJS.Signals | null; readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  let received: NodeJS.Signals | null = null;
  const on = (s: NodeJS.Signals): void => {
    received ??= s;
    controller.abort();
  };
  for (const s of SIGNALS) process.on(s, on);
  return {
    get received() {
      return received;
    },
    signal: controller.signal,
    dispose: () => {
      for (const s of SIGNALS) process.off(s, on);
    },
  };
}

async function ignoreMissing(p: Promise<void>): Promise<void> {
  try {
    await p;
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error;
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied (operation not permitted)',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a folder on its path is a file',
  ENOENT: 'a folder on its path does not exist',
  EEXIST: 'it exists already',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EIO: 'an input/output error',
  ELOOP: 'too many symbolic links',
  EXDEV: 'it is on another file system',
};

/** A short reason for a file-system error, without the stack. */
function reasonOf(error: unknown): string {
  const code = codeOf(error);
  if (code && REASONS[code]) return REASONS[code]!;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/,\s*\w+\s+'[^']*'(\s*->\s*'[^']*')?$/, '') || 'unknown error';
}
