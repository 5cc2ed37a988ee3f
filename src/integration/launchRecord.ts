/**
 * A rebuild that changes nothing, told before Astro starts. The integration's own check
 * (`upToDate.ts`) runs once Astro has started and resolved its config, ~0.4 s in. So after each
 * successful build the integration also writes a launch record, filed under a key of what the
 * command was given (its folder, arguments, environment and Node version, handed to the build in
 * GOALPOST_LAUNCH_KEY, since Astro sets variables of its own before the integration runs): the output folder
 * as that build left it, the notes it printed, and what the build could have read, found without Astro — the whole
 * project folder (but installed packages, git's data, Astro's generated files and the outputs),
 * the content root's folders and Goalpost's own files, with the commit the goal history is read
 * at. `goalpost build` given the same key, whose files digest alike and whose output folder is as
 * that build left it, has nothing to do; anything else goes to `astro build`, whose check stands.
 * The key is stricter than the resolved config: an environment variable that changes, even one
 * the config never reads, only means the usual check runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { type BuildInputs, gitHead, inputsDigest, writeCacheJson } from './upToDate.ts';

/** Where `goalpost build` hands its launch key to the build it starts. */
export const LAUNCH_KEY_VARIABLE = 'GOALPOST_LAUNCH_KEY';

/** Environment variables that differ between two runs of one command without changing what it means. */
const VOLATILE = new Set(['_', 'OLDPWD', LAUNCH_KEY_VARIABLE]);

/** What was last built under a launch key. */
export interface LaunchRecord {
  /** The content root. */
  readonly root: string;
  /** The output folder. */
  readonly target: string;
  /** The output folder's listing when that build published it (`outputListing`): another build into it since changes it. */
  readonly output: string;
  /** The notes that build printed about the content, printed again when a build is skipped. */
  readonly log: readonly string[];
  /** The folders and files digested, as resolved by that build. */
  readonly folders: BuildInputs['folders'];
  readonly files: BuildInputs['files'];
  /** Their digest, with the launch key, the content root's commit and the Node version. */
  readonly inputs: string;
}

/** The key of a command: its folder, arguments (after the script), environment (but VOLATILE) and Node version. */
export function launchKey(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv, node: string = process.version): string {
  const vars = Object.entries(env)
    .filter(([k, v]) => v !== undefined && !VOLATILE.has(k))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify({ cwd, args, env: vars, node }))
    .digest('hex');
}

/** The launch record file of a key, under the project's `node_modules/.cache/goalpost/`. */
export function launchFile(project: string, key: string): string {
  return join(project, 'node_modules', '.cache', 'goalpost', 'launches', `${key.slice(0, 32)}.json`);
}

/**
 * What a build in `project` into `target` with the content root `root` could read, found without
 * Astro: the project folder whole (but `node_modules`, `.git`, `.astro`, the output folder and its
 * staging and previous folders, and the cache folder), the content root's folders when they lie
 * outside it, Goalpost's own files.
 */
export function launchInputs(
  project: string,
  root: string,
  packageRoot: string,
  target: string,
  cacheDir: string,
): Pick<BuildInputs, 'folders' | 'files'> {
  const inside = (path: string, dir: string): boolean => {
    const rel = relative(dir, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  const skip = [
    ...['node_modules', '.git', '.astro'].map((d) => join(project, d)),
    target,
    `${target}.goalpost-staging`,
    `${target}.goalpost-previous`,
    cacheDir,
  ];
  return {
    folders: [
      { path: project, within: project, skip },
      ...(inside(root, project)
        ? []
        : ['goals', 'data', 'content', 'reports'].map((d) => ({ path: join(root, d), within: root }))),
      ...(inside(packageRoot, project)
        ? []
        : ['src', 'dist-pkg', 'public'].map((d) => ({ path: join(packageRoot, d), within: packageRoot }))),
    ],
    files: [
      join(packageRoot, 'package.json'),
      // The installed packages, as npm, pnpm and Yarn record them.
      ...['node_modules/.package-lock.json', 'node_modules/.pnpm/lock.yaml', 'node_modules/.yarn-state.yml'].map((f) =>
        join(project, f),
      ),
    ],
  };
}

/** The digest of a launch's inputs: their files, the key, the content root's commit and the Node version. */
export function launchDigest(key: string, root: string, inputs: Pick<BuildInputs, 'folders' | 'files'>): string {
  return inputsDigest({ ...inputs, facts: { launch: key, root, git: gitHead(root), node: process.version } });
}

/** The launch record of a key, or null (absent, unreadable or not a record). */
export function readLaunchRecord(file: string): LaunchRecord | null {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<LaunchRecord>;
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
    if (
      typeof r.root !== 'string' ||
      typeof r.target !== 'string' ||
      typeof r.output !== 'string' ||
      !strings(r.log) ||
      typeof r.inputs !== 'string' ||
      !strings(r.files) ||
      !Array.isArray(r.folders) ||
      !r.folders.every(
        (f) => typeof f?.path === 'string' && typeof f.within === 'string' && (f.skip === undefined || strings(f.skip)),
      )
    )
      return null;
    const { root, target, output, log, folders, files, inputs } = r;
    return { root, target, output, log, folders, files, inputs };
  } catch {
    return null;
  }
}

/** Writes a launch record atomically; a failure only loses it (the next build starts Astro to find out). */
export function writeLaunchRecord(file: string, record: LaunchRecord): void {
  writeCacheJson(file, record);
}
