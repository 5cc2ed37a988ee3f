/**
 * Hostile conditions for the commands that write (issue "Hardening", "Data loss"): a path that
 * is a file or a link, a read-only folder, a full disk (failures injected through the write
 * seam), a signal mid-write (a child process paused between staging and renaming), concurrent
 * and crashed freezes. Every case must end with a named problem and exit 1 (or 128 + the signal),
 * never a stack trace, and the content root exactly as it was, or complete, with no temp file.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFreeze } from '../../src/cli/freeze.ts';
import { runImport } from '../../src/cli/import.ts';
import { recordingIo } from '../cliRunner.ts';
import { commitFiles, nodeFs, type WriteFs, type WriteSeam } from '../../src/io/atomic.ts';
import { freshRoot } from '../import/helpers.ts';
import { editImpressions, run as runCli, scratch } from '../versions/helpers.ts';

const TIKTOK = resolve('test/fixtures/import/tiktok');
const OUTPUTS = [
  'data/tiktok/tiktok-content-2025-12-30-2026-01-01.json',
  'data/tiktok/tiktok-followers-2025-12-30-2026-01-02.json',
  'data/tiktok/tiktok-overview-2025-12-30-2026-01-02.json',
];
const NOW = '2026-07-03T09:30:00.000Z';

interface Result {
  status: number;
  out: string;
  err: string;
}

/** Runs a command in-process on a root, with a write seam. */
async function cli(command: typeof runImport, root: string, args: string[], seam: WriteSeam = {}, now = NOW): Promise<Result> {
  const { io, printed } = recordingIo(root, { now });
  const status = await command(args, io, seam);
  return { status, ...printed() };
}

const importTiktok = (root: string, seam?: WriteSeam) => cli(runImport, root, [TIKTOK], seam);
const freeze = (root: string, seam?: WriteSeam, now?: string) => cli(runFreeze, root, ['2026-Q2'], seam, now);

/** Every file and folder under a root (hidden ones too), with the content of the files. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = rel ? `${rel}/${name}` : name;
      const s = lstatSync(path);
      if (s.isDirectory()) {
        out[`${key}/`] = '';
        walk(path, key);
      } else out[key] = s.isFile() ? readFileSync(path, 'utf8') : `<${s.isSymbolicLink() ? 'link' : 'special'}>`;
    }
  };
  walk(root, '');
  return out;
}

const temps = (root: string): string[] => Object.keys(tree(root)).filter((p) => /goalpost-(tmp|bak)$/.test(p));

function errno(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failure, ${syscall} '${path}'`), { code, syscall, path });
}

/** The real file system, with `op` failing (code) on paths that match. */
function failing(op: keyof WriteFs, match: RegExp, code: string, extra: Partial<WriteFs> = {}): WriteFs {
  const fs: WriteFs = { ...nodeFs, ...extra };
  const real = fs[op] as (a: string, b: string) => Promise<unknown>;
  return {
    ...fs,
    [op]: async (a: string, b: string) => {
      if (match.test(op === 'rename' || op === 'link' || op === 'copy' ? b : a)) throw errno(code, op, a);
      return real(a, b);
    },
  };
}

/** A write that fills the disk: half the text reaches the file, then ENOSPC. */
function fullDisk(match: RegExp): WriteFs {
  return {
    ...nodeFs,
    writeNew: async (path, text) => {
      if (!match.test(path)) return nodeFs.writeNew(path, text);
      writeFileSync(path, text.slice(0, Math.floor(text.length / 2)), { flag: 'wx' });
      throw errno('ENOSPC', 'write', path);
    },
  };
}

function expectNoStack(r: Result): void {
  expect(`${r.out}${r.err}`).not.toMatch(/\n\s+at |Error:|node:internal/);
}

describe('import: a failure midway leaves the content root as it was', () => {
  it('refuses a channel folder that is a file, naming it, with exit 1 and nothing written', async () => {
    const root = freshRoot();
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data/tiktok'), 'this is a file, not a folder');
    const before = tree(root);
    const r = await importTiktok(root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${OUTPUTS[0]}:1:1: cannot write: data/tiktok is a file, not a folder`);
    expect(r.err).toContain('nothing written');
    expectNoStack(r);
    expect(tree(root)).toEqual(before);
  });

  it('refuses to write through a symbolic link out of the root', async () => {
    const root = freshRoot();
    const outside = mkdtempSync(join(tmpdir(), 'goalpost-outside-'));
    mkdirSync(join(root, 'data'));
    symlinkSync(outside, join(root, 'data/tiktok'));
    const before = tree(root);
    const r = await importTiktok(root);
    expect(r.status).toBe(1);
    expect(r.err).toContain('cannot write: data/tiktok is not a folder (a link or a special file), not a folder');
    expect(readdirSync(outside)).toEqual([]);
    expect(tree(root)).toEqual(before);
  });

  it('a full disk on the second output: exit 1, the settings file and the first output rolled back, no temp file', async () => {
    const root = freshRoot();
    const before = tree(root);
    const r = await importTiktok(root, { fs: fullDisk(/tiktok-followers/) });
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${OUTPUTS[1]}:1:1: cannot write: no space left on the device`);
    expectNoStack(r);
    expect(tree(root)).toEqual(before);
  });

  it('a failed rename of the last output restores the files already replaced (settings, earlier imports)', async () => {
    const root = freshRoot();
    expect((await importTiktok(root)).status).toBe(0);
    // Hand-edited since (still valid): the rollback must give back these bytes, not the import's.
    for (const path of [OUTPUTS[0]!, 'content/site.yaml'])
      writeFileSync(join(root, path), `${readFileSync(join(root, path), 'utf8')}\n`);
    const before = tree(root);
    const r = await importTiktok(root, { fs: failing('rename', /tiktok-overview/, 'EIO') });
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${OUTPUTS[2]}:1:1: cannot write: an input/output error`);
    expect(tree(root)).toEqual(before);
  });

  it('a re-import that fails never truncates the earlier good file', async () => {
    const root = freshRoot();
    expect((await importTiktok(root)).status).toBe(0);
    const before = tree(root);
    for (const output of OUTPUTS) {
      const r = await importTiktok(root, { fs: fullDisk(new RegExp(output.split('/').at(-1)!.replace(/\./g, '\\.'))) });
      expect(r.status).toBe(1);
      expect(r.err).toContain('no space left on the device');
      expect(tree(root)).toEqual(before);
    }
  });

  it('a read-only folder: "permission denied" at the file, nothing written', async () => {
    const root = freshRoot();
    const before = tree(root);
    const r = await importTiktok(root, { fs: failing('mkdir', /tiktok$/, 'EACCES') });
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${OUTPUTS[0]}:1:1: cannot write: permission denied`);
    expect(tree(root)).toEqual(before);
  });

  it('removes temp files left by a process that died, and validate never reads them', async () => {
    const root = freshRoot();
    mkdirSync(join(root, 'data/tiktok'), { recursive: true });
    const leftover = join(root, 'data/tiktok/.tiktok-content-2025-12-30-2026-01-01.json.99999999-0a1b2c3d.goalpost-tmp');
    writeFileSync(leftover, '{"channel": "tik');
    const r = await importTiktok(root);
    expect(r.status).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(temps(root)).toEqual([]);
  });
});

/** The real file system, counting calls; the `failAt`-th call fails with EIO. */
function faultAt(failAt: number): { fs: WriteFs; calls: () => number } {
  let calls = 0;
  const fs = Object.fromEntries(
    Object.entries(nodeFs).map(([name, fn]) => [
      name,
      async (...args: string[]) => {
        if (++calls === failAt) throw errno('EIO', name, args[0]!);
        return (fn as (...a: string[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as WriteFs;
  return { fs, calls: () => calls };
}

describe('bounded fuzz: one failure at every file operation of a re-import', () => {
  it('leaves the root as it was (exit 1) or complete (exit 0), never partly written', async () => {
    const seed = freshRoot();
    expect((await importTiktok(seed)).status).toBe(0);
    writeFileSync(join(seed, OUTPUTS[1]!), `${readFileSync(join(seed, OUTPUTS[1]!), 'utf8')}\n`);
    const before = tree(seed);
    const counting = faultAt(0);
    expect((await importTiktok(seed, { fs: counting.fs })).status).toBe(0);
    const after = tree(seed);
    expect(after).not.toEqual(before);
    const visible = (t: Record<string, string>) =>
      Object.fromEntries(Object.entries(t).filter(([p]) => !/goalpost-(tmp|bak)$/.test(p)));
    const total = counting.calls();
    expect(total).toBeGreaterThan(20);
    const outcomes = new Set<number>();
    for (let n = 1; n <= total; n++) {
      const root = freshRoot();
      expect((await importTiktok(root)).status).toBe(0);
      writeFileSync(join(root, OUTPUTS[1]!), `${readFileSync(join(root, OUTPUTS[1]!), 'utf8')}\n`);
      const r = await importTiktok(root, { fs: faultAt(n).fs });
      outcomes.add(r.status);
      expectNoStack(r);
      if (r.status === 1) {
        expect(r.err).toContain('input/output error');
        expect(tree(root), `failure at call ${n}`).toEqual(before);
      } else {
        expect(r.status).toBe(0);
        expect(visible(tree(root)), `failure at call ${n}`).toEqual(after);
      }
    }
    expect([...outcomes].sort()).toEqual([0, 1]);
  });
});

describe('commitFiles: writes, replacements and removals together', () => {
  const changes = [
    { path: 'data/x/b.json', text: '{"b": 2}\n' },
    { path: 'data/x/a.json', text: null },
    { path: 'data/y/c.json', text: '{"c": 3}\n' },
  ];
  const root = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-commit-'));
    mkdirSync(join(dir, 'data/x'), { recursive: true });
    writeFileSync(join(dir, 'data/x/a.json'), '{"a": 1}\n');
    writeFileSync(join(dir, 'data/x/b.json'), '{"b": 1}\n');
    return dir;
  };

  it('all done, no temp or backup left', async () => {
    const dir = root();
    expect(await commitFiles(dir, changes)).toEqual({ ok: true });
    expect(tree(dir)).toEqual({
      'data/': '',
      'data/x/': '',
      'data/x/b.json': '{"b": 2}\n',
      'data/y/': '',
      'data/y/c.json': '{"c": 3}\n',
    });
  });

  it('the last rename failing brings back the removed file and the replaced one, and removes the new folder', async () => {
    const dir = root();
    const before = tree(dir);
    const outcome = await commitFiles(dir, changes, { fs: failing('rename', /c\.json$/, 'EDQUOT') });
    expect(outcome).toEqual({
      ok: false,
      reason: 'failed',
      path: 'data/y/c.json',
      message: 'cannot write: the disk quota is exceeded',
    });
    expect(tree(dir)).toEqual(before);
  });

  it('a file that cannot be restored is named, and its previous content kept in a backup', async () => {
    const dir = root();
    const fs: WriteFs = {
      ...nodeFs,
      rename: async (from, to) => {
        if (to.endsWith('c.json')) throw errno('EIO', 'rename', from);
        if (from.endsWith('.goalpost-bak') && to.endsWith('b.json')) throw errno('EACCES', 'rename', from);
        return nodeFs.rename(from, to);
      },
    };
    const outcome = await commitFiles(dir, changes, { fs });
    expect(outcome).toMatchObject({ ok: false, path: 'data/y/c.json' });
    if (outcome.ok) return;
    expect(outcome.message).toBe(
      'cannot write: an input/output error; could not restore data/x/b.json (permission denied; its previous content is kept beside it in a .goalpost-bak file)',
    );
    const backup = readdirSync(join(dir, 'data/x')).find((n) => n.endsWith('.goalpost-bak'));
    expect(readFileSync(join(dir, 'data/x', backup!), 'utf8')).toBe('{"b": 1}\n');
    expect(readFileSync(join(dir, 'data/x/a.json'), 'utf8')).toBe('{"a": 1}\n');
  });
});

describe('freeze: no stack trace, never a truncated snapshot', () => {
  it('a quarter folder that is a file: a named problem, exit 1', async () => {
    const root = scratch();
    mkdirSync(join(root, 'reports'));
    writeFileSync(join(root, 'reports/2026-q2'), 'not a folder');
    const before = tree(root);
    const r = await freeze(root);
    expect(r.status).toBe(1);
    expect(r.err).toContain('reports/2026-q2/v1.json:1:1: cannot write: reports/2026-q2 is a file, not a folder');
    expectNoStack(r);
    expect(tree(root)).toEqual(before);
  });

  it('a read-only reports/: permission denied, nothing written, and the next freeze works', async () => {
    const root = scratch();
    const before = tree(root);
    const r = await freeze(root, { fs: failing('mkdir', /reports$/, 'EACCES') });
    expect(r.status).toBe(1);
    expect(r.err).toContain('reports/2026-q2/v1.json:1:1: cannot write: permission denied');
    expect(tree(root)).toEqual(before);
    expect((await freeze(root)).status).toBe(0);
  });

  it('a full disk: no v1.json and no partial file; a later freeze writes v1 and it validates', async () => {
    const root = scratch();
    const before = tree(root);
    const r = await freeze(root, { fs: fullDisk(/v1\.json/) });
    expect(r.status).toBe(1);
    expect(r.err).toContain('reports/2026-q2/v1.json:1:1: cannot write: no space left on the device');
    expectNoStack(r);
    expect(tree(root)).toEqual(before);
    const again = await freeze(root);
    expect(again.status).toBe(0);
    expect(again.out).toContain('Froze 2026-Q2 as version 1');
    expect(JSON.parse(readFileSync(join(root, 'reports/2026-q2/v1.json'), 'utf8'))).toMatchObject({
      quarter: '2026-Q2',
      version: 1,
    });
  });

  it('a partial temp file from an older crash blocks nothing and is cleaned up', async () => {
    const root = scratch();
    mkdirSync(join(root, 'reports/2026-q2'), { recursive: true });
    const leftover = join(root, 'reports/2026-q2/.v1.json.99999999-deadbeef.goalpost-tmp');
    writeFileSync(leftover, '{\n  "format": 2,\n  "quar');
    expect((await runCli(root, ['validate'])).status).toBe(0); // the loader never reads temp files
    const r = await freeze(root);
    expect(r.status).toBe(0);
    expect(r.out).toContain('Froze 2026-Q2 as version 1');
    expect(existsSync(leftover)).toBe(false);
    expect(temps(root)).toEqual([]);
  });

  it('two freezes at once: one writes v1, the other sees it and writes nothing; no temp file', async () => {
    const root = scratch();
    const [a, b] = await Promise.all([freeze(root), freeze(root)]);
    expect([a.status, b.status]).toEqual([0, 0]);
    expectNoStack(a);
    expectNoStack(b);
    const outs = [a.out, b.out].sort();
    expect(outs[0]).toContain('already frozen as version 1');
    expect(outs[1]).toContain('Froze 2026-Q2 as version 1');
    expect(readdirSync(join(root, 'reports/2026-q2'))).toEqual(['v1.json']);
  });

  it('two freeze processes at once: one whole version, both exit 0, no temp file', async () => {
    const root = scratch();
    const start = () =>
      new Promise<{ code: number | null; out: string; err: string }>((done) => {
        const child = spawn(process.execPath, ['src/cli/main.ts', 'freeze', '2026-Q2'], {
          env: { ...process.env, GOALPOST_ROOT: root },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          done({ code, out, err });
        });
      });
    const [a, b] = await Promise.all([start(), start()]);
    expect([a.code, b.code, a.err, b.err]).toEqual([0, 0, '', '']);
    expect(`${a.out}${b.out}`).toContain('Froze 2026-Q2 as version 1');
    expect(readdirSync(join(root, 'reports/2026-q2'))).toEqual(['v1.json']);
    expect((await runCli(root, ['validate'])).status).toBe(0);
  });

  it('a freeze overtaken by another that froze other figures takes the next version', async () => {
    const root = scratch();
    let release!: () => void;
    let staged!: () => void;
    const isStaged = new Promise<void>((r) => {
      staged = r;
    });
    let pauses = 0;
    // Pauses once, after staging v1 (its retry, for v2, goes straight through).
    const slow = freeze(root, {
      pause: (point) =>
        point !== 'staged' || pauses++ > 0
          ? Promise.resolve()
          : new Promise<void>((r) => {
              release = r;
              staged();
            }),
    });
    const bounded = await Promise.race([
      isStaged.then(() => 'staged'),
      new Promise<string>((r) => setTimeout(() => r('never paused'), 10_000).unref()),
    ]);
    expect(bounded).toBe('staged');
    const fast = await freeze(root, {}, '2026-07-04T09:30:00.000Z');
    expect(fast.out).toContain('Froze 2026-Q2 as version 1');
    editImpressions(root, 2000);
    release();
    const r = await slow;
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain('Froze 2026-Q2 as version 2');
    expect(readdirSync(join(root, 'reports/2026-q2'))).toEqual(['v1.json', 'v2.json']);
    expect(JSON.parse(readFileSync(join(root, 'reports/2026-q2/v1.json'), 'utf8'))).toMatchObject({
      version: 1,
      frozen_at: '2026-07-04T09:30:00.000Z',
    });
  });

  it('says "another freeze is running" when the next version keeps being taken', async () => {
    const root = scratch();
    const r = await freeze(root, { fs: failing('link', /v1\.json$/, 'EEXIST') });
    expect(r.status).toBe(1);
    expect(r.err).toContain('reports/2026-q2/v1.json:1:1: another freeze is running');
    expect(temps(root)).toEqual([]);
    expect(existsSync(join(root, 'reports/2026-q2/v1.json'))).toBe(false);
  });
});

/** Starts the child, signals it once it has paused at `point`, and returns its exit. */
async function interrupt(
  args: string[],
  root: string,
  point: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['test/hostile/writeChild.ts', args[0]!, point, ...args.slice(1)], {
    env: { ...process.env, GOALPOST_ROOT: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes(`paused at ${point}`)) child.kill(signal);
  });
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 25_000).unref());
  const code = await Promise.race([exited, timeout]);
  if (code === 'timeout') {
    child.kill('SIGKILL');
    throw new Error(`the child did not exit: ${stdout} ${stderr}`);
  }
  return { code, stdout, stderr };
}

describe('a signal mid-write leaves no partial or empty file', () => {
  it('SIGINT between staging and renaming: exit 130, the root as it was, no temp file', async () => {
    const root = freshRoot();
    const before = tree(root);
    const r = await interrupt(['import', TIKTOK], root, 'staged', 'SIGINT');
    expect(r.stdout).toContain('paused at staged');
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted by SIGINT: nothing written');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(tree(root)).toEqual(before);
  });

  it('SIGTERM after the first rename of a re-import: exit 143, every replaced file restored', async () => {
    const root = freshRoot();
    expect((await importTiktok(root)).status).toBe(0);
    writeFileSync(join(root, OUTPUTS[0]!), `${readFileSync(join(root, OUTPUTS[0]!), 'utf8')}\n`);
    const before = tree(root);
    const r = await interrupt(['import', TIKTOK], root, 'partly-renamed', 'SIGTERM');
    expect(r.code).toBe(143);
    expect(tree(root)).toEqual(before);
  });

  it('SIGINT during a freeze: no reports/ folder left behind', async () => {
    const root = scratch();
    const before = tree(root);
    const r = await interrupt(['freeze', '2026-Q2'], root, 'staged', 'SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted by SIGINT: nothing frozen');
    expect(tree(root)).toEqual(before);
  });
});
