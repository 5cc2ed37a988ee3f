/**
 * Builds that change nothing are skipped: after each successful build the integration records a
 * digest of everything the output depends on (the content root's files, the git commit its goal
 * history is read at, Goalpost's own code, the project's Astro config, source and public files,
 * the installed packages, the Astro config as resolved, the Node version and the GOALPOST_*
 * settings that change the output) with a listing of the output folder (paths, sizes, times).
 * A build whose inputs have that digest and whose output folder still has that listing has
 * nothing to do. The record lives in Astro's cache folder (`node_modules/.astro`), so deleting
 * it, `astro build --force` or GOALPOST_BUILD_CACHE=off builds in full.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** GOALPOST_* settings that never change a byte of the output (tests compare dist/ across them). */
const NEUTRAL_SETTINGS = new Set([
  'GOALPOST_BUILD_CONCURRENCY',
  'GOALPOST_CHART_CACHE',
  'GOALPOST_CHART_STATS',
  'GOALPOST_CHART_DUMP',
  'GOALPOST_BUILD_CACHE',
  'GOALPOST_LAUNCH_KEY',
]);

/** What a build reads: folders (every file under each, links followed only to regular files inside `within`), single files, other facts. */
export interface BuildInputs {
  /** Folders read whole, but the paths in `skip` (outputs and caches inside them). */
  readonly folders: ReadonlyArray<{ readonly path: string; readonly within: string; readonly skip?: readonly string[] }>;
  readonly files: readonly string[];
  readonly facts: Readonly<Record<string, string>>;
}

/** Files larger than this are known by their size and time, not read (the loader refuses them anyway). */
const MAX_READ = 128 * 1024 * 1024;

/**
 * What stands for one path in the digest: a regular file's bytes (hashed); a link's target, and
 * its file's bytes when that is a regular file inside `within`; anything else (a pipe, a device,
 * a link out of the folder) by its kind only, never read. Folders are walked, folder links not followed.
 */
function entryDigests(
  dir: string,
  within: string,
  out: string[],
  skip: ReadonlySet<string> = new Set(),
  top: string = dir,
): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const abs = join(dir, name);
    if (skip.has(abs)) continue;
    const rel = relative(top, abs).split(sep).join('/');
    const info = lstatSync(abs, { throwIfNoEntry: false });
    if (!info) continue;
    if (info.isDirectory()) {
      out.push(`${rel}/`);
      entryDigests(abs, within, out, skip, top);
    } else if (info.isFile()) {
      out.push(`${rel} ${fileDigest(abs, info)}`);
    } else if (info.isSymbolicLink()) {
      let target = '';
      let real = '';
      try {
        target = readlinkSync(abs);
        real = realpathSync(abs);
      } catch {
        // a dangling link: its target text stands for it
      }
      const inside = real !== '' && !relative(within, real).startsWith('..') && !isAbsolute(relative(within, real));
      const targetInfo = inside ? statSync(real, { throwIfNoEntry: false }) : undefined;
      out.push(`${rel} -> ${target} ${targetInfo?.isFile() ? fileDigest(real, targetInfo) : 'not read'}`);
    } else {
      out.push(`${rel} special`);
    }
  }
}

/** Where a process that checks its launch record keeps the file digests it took (see `keepFileDigests`). */
const KEPT = Symbol.for('goalpost.fileDigests');

/**
 * Keeps, for the rest of this process, each file digest taken, by path, size, times and inode:
 * `goalpost build` digests the build's files before Astro starts, and the integration it hands
 * the process to (another instance of this module, loaded by Astro) digests them again at once.
 * A file changed in between shows new times; a digest kept from before the build read it can
 * only make the next build run, never skip one.
 */
export function keepFileDigests(): void {
  (globalThis as Record<symbol, unknown>)[KEPT] ??= new Map<string, string>();
}

/** A regular file's digest: its bytes' SHA-256, or its size and time past MAX_READ. */
function fileDigest(path: string, info: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  if (info.size > MAX_READ) return `large ${info.size} ${info.mtimeMs}`;
  const kept = (globalThis as Record<symbol, Map<string, string> | undefined>)[KEPT];
  const key = kept && `${path}\0${info.size}\0${info.mtimeMs}\0${info.ctimeMs}\0${info.ino}`;
  const known = key && kept.get(key);
  if (known) return known;
  let digest: string;
  try {
    digest = createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'unreadable';
  }
  if (key) kept.set(key, digest);
  return digest;
}

/** The digest of a build's inputs: every file's path and bytes, and the facts. */
export function inputsDigest(inputs: BuildInputs): string {
  const hash = createHash('sha256');
  for (const folder of inputs.folders) {
    const entries: string[] = [];
    entryDigests(folder.path, folder.within, entries, new Set(folder.skip));
    hash.update(`folder ${folder.path}\n${entries.join('\n')}\n`);
  }
  for (const file of inputs.files) {
    const info = statSync(file, { throwIfNoEntry: false });
    hash.update(`file ${file} ${info?.isFile() ? fileDigest(file, info) : 'absent'}\n`);
  }
  for (const [key, value] of Object.entries(inputs.facts).sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(`fact ${key}=${JSON.stringify(value)}\n`);
  return hash.digest('hex');
}

/** Each content root's commit, as first read in this process (a build's checks ask up to three times). */
const heads = new Map<string, string>();

/**
 * The commit a content root's git history is read at ("none" outside a repository), read once per
 * process: a commit made during a build makes the next build run (its digest differs), never skip.
 */
export function gitHead(root: string): string {
  let head = heads.get(root);
  if (head === undefined) {
    try {
      head = execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      head = 'none';
    }
    heads.set(root, head);
  }
  return head;
}

/** The GOALPOST_* settings that may change the output, as facts. */
export function outputSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([k, v]) => k.startsWith('GOALPOST_') && !NEUTRAL_SETTINGS.has(k) && v !== undefined)
      .map(([k, v]) => [`env ${k}`, v!]),
  );
}

/**
 * Everything a Goalpost site's build reads: the content root's four folders, Goalpost's code, the
 * project's source and public folders, Astro config files, package manifests and the installed
 * packages' lockfile; the content root, its git commit, the Node version, the resolved Astro
 * config (`settings`) and the GOALPOST_* settings that change the output.
 */
export function siteInputs(
  root: string,
  packageRoot: string,
  config: { readonly root: URL; readonly srcDir: URL; readonly publicDir: URL },
  settings: string,
  env: NodeJS.ProcessEnv = process.env,
): BuildInputs {
  const project = fileURLToPath(config.root);
  return {
    folders: [
      ...['goals', 'data', 'content', 'reports'].map((d) => ({ path: join(root, d), within: root })),
      ...['src', 'dist-pkg', 'public'].map((d) => ({ path: join(packageRoot, d), within: packageRoot })),
      { path: fileURLToPath(config.srcDir), within: project },
      { path: fileURLToPath(config.publicDir), within: project },
    ],
    files: [
      join(packageRoot, 'package.json'),
      ...[
        'astro.config.mjs',
        'astro.config.js',
        'astro.config.ts',
        'astro.config.mts',
        'package.json',
        // The installed packages, as npm, pnpm, Yarn and Bun record them.
        'package-lock.json',
        'pnpm-lock.yaml',
        'yarn.lock',
        'bun.lock',
        'bun.lockb',
        'node_modules/.package-lock.json',
        'node_modules/.pnpm/lock.yaml',
        'node_modules/.yarn-state.yml',
      ].map((f) => join(project, f)),
    ],
    facts: { root, git: gitHead(root), node: process.version, config: settings, ...outputSettings(env) },
  };
}

/** Goalpost's code and the installed packages: what the check of a page's bytes depends on. */
export function codeInputs(packageRoot: string, projectRoot: string): BuildInputs {
  return {
    folders: ['src', 'dist-pkg'].map((d) => ({ path: join(packageRoot, d), within: packageRoot })),
    files: [join(packageRoot, 'package.json'), join(projectRoot, 'node_modules', '.package-lock.json')],
    facts: { node: process.version },
  };
}

/** A listing of an output folder (relative paths, sizes, modification times), or null when it is absent. */
export function outputListing(dir: string): string | null {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return null;
  const hash = createHash('sha256');
  const visit = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = join(abs, entry.name);
      const s = lstatSync(child);
      hash.update(`${relative(dir, child).split(sep).join('/')} ${s.isDirectory() ? 'dir' : `${s.size} ${s.mtimeMs}`}\n`);
      if (entry.isDirectory()) visit(child);
    }
  };
  visit(dir);
  return hash.digest('hex');
}

/** What the last successful build into an output folder recorded. */
export interface BuildRecord {
  readonly inputs: string;
  readonly output: string;
  /** The lines the build logged about the content (notes), shown again when a build is skipped. */
  readonly log: readonly string[];
  /** The digests of the pages found clean (no script, nothing from another host), and the code that checked them. */
  readonly checked?: { readonly code: string; readonly pages: readonly string[] };
}

/** The record file of an output folder, in a cache folder. */
export function recordFile(cacheDir: string, target: string): string {
  return join(cacheDir, 'goalpost-builds', `${createHash('sha256').update(target).digest('hex').slice(0, 32)}.json`);
}

/** The record of the last build, or null (absent or unreadable). */
export function readRecord(file: string): BuildRecord | null {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildRecord>;
    if (typeof r.inputs !== 'string' || typeof r.output !== 'string' || !Array.isArray(r.log)) return null;
    const checked =
      typeof r.checked?.code === 'string' && Array.isArray(r.checked.pages) && r.checked.pages.every((p) => typeof p === 'string')
        ? { checked: r.checked }
        : {};
    return { inputs: r.inputs, output: r.output, log: r.log.filter((l) => typeof l === 'string'), ...checked };
  } catch {
    return null;
  }
}

/** Writes a record atomically; a failure only loses the record (the next build is a full one). */
export function writeRecord(file: string, record: BuildRecord): void {
  writeCacheJson(file, record);
}

/** Writes a cache file's JSON atomically (a temporary file renamed into place); a failure only loses it. */
export function writeCacheJson(file: string, value: unknown): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, file);
  } catch {
    // An unwritable cache folder: nothing is remembered.
  }
}

/** Whether a build with these inputs into `target` has nothing to do. */
export function upToDate(record: BuildRecord | null, inputs: string, target: string): boolean {
  return record !== null && record.inputs === inputs && outputListing(target) === record.output;
}
