/**
 * The Goalpost Astro integration: validates the content root before Astro builds
 * anything, so that bad input stops the build with every problem listed and no page
 * written; adds every page itself (injected routes: a team's repo has no `src/pages/`),
 * MDX for narratives, and the build settings the pages rely on. A build writes into a
 * staging folder beside the output folder (Astro empties its
 * outDir first); when every page is written and checked (no script, nothing loaded from
 * another host), the staging folder replaces the output folder. A build that fails at any
 * point leaves the previous output folder whole.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { writeSync } from 'node:fs';
import { collectGarbage } from '../io/memory.ts';
import { goalpostRoutes } from './routes.ts';
import { sharedModules } from './sharedModules.ts';
import { type Problem, problemCount, problemLines } from '../load/problems.ts';
import { contentRoot } from '../load/root.ts';
import { handOver } from '../load/handoff.ts';
import { problemLine } from '../cli/terminal.ts';
import {
  codeInputs,
  inputsDigest,
  outputListing,
  readRecord,
  recordFile,
  siteInputs,
  upToDate,
  writeRecord,
} from './upToDate.ts';
import {
  LAUNCH_KEY_VARIABLE,
  launchDigest,
  launchFile,
  launchInputs,
  type LaunchRecord,
  writeLaunchRecord,
} from './launchRecord.ts';

/** Goalpost's own files (the package root: `src/integration/` or `dist-pkg/integration/` is two folders below). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Whether this process is the `astro build` command (not Astro's API inside another program): only then may the integration end it. */
function isAstroBuild(): boolean {
  const [, script = '', ...args] = process.argv;
  return /[/\\]astro(?:\.m?js)?$/.test(script) && args.includes('build');
}

/**
 * Whether a build that changes nothing may be skipped: only under the `astro build` command (the skip
 * ends the process), and not with GOALPOST_BUILD_CACHE=off nor `astro build --force`.
 */
function buildCacheOn(): boolean {
  return isAstroBuild() && !process.argv.includes('--force') && process.env['GOALPOST_BUILD_CACHE'] !== 'off';
}

/**
 * Stops a build on expected problems (invalid content, a page that would load from another host).
 * Under `astro build` the problems are printed as they are, one `path:line:col: message` per line,
 * and the process exits with 1: thrown, Astro would open them with "An unhandled error occurred",
 * which they are not. Elsewhere (dev, Astro's API) they are thrown, without a stack trace.
 */
function stopBuild(message: string): never {
  if (!isAstroBuild()) throw problemsError(message);
  writeSync(2, `${message}\n`);
  process.exit(1);
}

/** The Astro config as resolved (URLs as addresses, functions left out), or null when it cannot be written out. */
function resolvedConfig(config: unknown): string | null {
  try {
    return JSON.stringify(config, (_, v: unknown) => (v instanceof URL ? v.href : v));
  } catch {
    return null;
  }
}

/** An error that Astro prints as its message alone: problems are positioned, a stack trace would only bury them. */
function problemsError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}

/** How many pages the build renders at once: GOALPOST_BUILD_CONCURRENCY (a whole number ≥ 1), else 4. */
function buildConcurrency(): number {
  const n = Number(process.env['GOALPOST_BUILD_CONCURRENCY'] ?? 4);
  return Number.isInteger(n) && n >= 1 ? n : 4;
}

/**
 * What `goalpost build` is to check next time before Astro starts (launchRecord.ts), for a build it
 * started (its key in GOALPOST_LAUNCH_KEY: Astro changes the environment before this runs); the
 * digest is taken now, before anything is read.
 */
function launchFor(
  root: string,
  target: string,
  cacheDir: string,
): { file: string; record: Omit<LaunchRecord, 'output' | 'log'> } | null {
  const key = process.env[LAUNCH_KEY_VARIABLE];
  if (!key) return null;
  const files = launchInputs(process.cwd(), root, PACKAGE_ROOT, target, cacheDir);
  return { file: launchFile(process.cwd(), key), record: { root, target, ...files, inputs: launchDigest(key, root, files) } };
}

export default function goalpost(): AstroIntegration {
  let target: string | null = null;
  let record: {
    file: string;
    inputs: string;
    log: string[];
    code: string;
    known: ReadonlySet<string>;
    launch: { file: string; record: Omit<LaunchRecord, 'output' | 'log'> } | null;
  } | null = null;
  return {
    name: 'goalpost',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig, injectRoute }) => {
        const root = contentRoot();
        if (command === 'build' && buildCacheOn()) {
          const out = fileURLToPath(config.outDir);
          const settings = resolvedConfig(config);
          if (settings !== null) {
            const inputs = inputsDigest(siteInputs(root, PACKAGE_ROOT, config, settings));
            const file = recordFile(fileURLToPath(config.cacheDir), out);
            const last = readRecord(file);
            if (upToDate(last, inputs, out)) {
              for (const line of last!.log) logger.warn(line);
              logger.info(`nothing changed since the last build: ${out} is up to date (astro build --force builds anyway)`);
              // Astro has no way for an integration to end a build early with success; nothing is written yet.
              process.exit(0);
            }
            const code = inputsDigest(codeInputs(PACKAGE_ROOT, fileURLToPath(config.root)));
            const known = new Set(last?.checked?.code === code ? last.checked.pages : []);
            record = { file, inputs, log: [], code, known, launch: launchFor(root, out, fileURLToPath(config.cacheDir)) };
          }
        }
        // Loaded only now: a build skipped above never loads the loader, MDX or the page check (a quicker no-op).
        const [{ loadProject }, { default: mdx }, { stagingFor }, { narrativeModules }] = await Promise.all([
          import('../load/project.ts'),
          import('@astrojs/mdx'),
          import('./output.ts'),
          import('./narrativeModules.ts'),
        ]);
        const result = await loadProject(root);
        if (!result.ok) {
          const out = command === 'build' ? `; ${resolve(fileURLToPath(config.outDir))} is left as it was` : '';
          stopBuild(`${contentProblems(root, result.problems)}\nThe build stopped before writing anything${out}.`);
        }
        const notes = problemLines(result.notes, 'note', problemLine);
        for (const line of notes) logger.warn(line);
        record?.log.push(...notes);
        updateConfig({
          // Astro's content store keeps a narrative whose content is unchanged with its old path: a
          // store per content root, so that building another root (GOALPOST_ROOT) after one was
          // moved or deleted never bundles a file that is gone.
          ...(resolve(root) === resolve(fileURLToPath(config.root))
            ? {}
            : {
                cacheDir: new URL(
                  `./roots/${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16)}/`,
                  config.cacheDir,
                ),
              }),
          base: result.project.site.base,
          integrations: [mdx()],
          // A build with the build cache on skips each page whose cache key (its props, the site
          // context and Goalpost's code: src/site/pageKeys.ts) is the last build's, restoring its file.
          ...(record === null ? {} : { experimental: { incrementalBuild: true } }),
          trailingSlash: 'always',
          // Stylesheets inline: one request less before first paint (pages stay far under 200 KB).
          // Pages rendered at once (GOALPOST_BUILD_CONCURRENCY, default 4): charts render while other pages
          // wait; the output is the same whatever it is (test/e2e/cache.test.ts).
          build: { format: 'directory', inlineStylesheets: 'always', concurrency: buildConcurrency() },
          vite: {
            plugins: [
              sharedModules(PACKAGE_ROOT, /[/\\]dist-pkg[/\\]integration[/\\]/.test(fileURLToPath(import.meta.url))),
              narrativeModules(root),
            ],
            build: {
              rollupOptions: {
                // Astro's MDX asset propagation marks modules with a directive the bundler reports as lost; it is not.
                onwarn(warning: { code?: string; message: string }, warn: (warning: { code?: string; message: string }) => void) {
                  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
                  warn(warning);
                },
              },
            },
          },
        });
        for (const route of goalpostRoutes()) injectRoute(route);
        if (command === 'build') {
          handOver(root, result.project, record?.code ?? null);
          target = fileURLToPath(config.outDir);
          updateConfig({ outDir: pathToFileURL(`${stagingFor(target)}/`) });
        }
        logger.info(`content root ${root}: ${result.project.goals.length} goals, ${result.project.sources.length} metric files`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (target === null) return;
        const staging = fileURLToPath(dir);
        const { checkBuiltPages, publish } = await import('./output.ts');
        const clean = new Set<string>();
        // Rendering's garbage collected first: parsing every page on top of it grew the heap to the build's peak.
        collectGarbage();
        const problems = await checkBuiltPages(staging, contentRoot(), { known: record?.known, clean });
        if (problems.length > 0) {
          await publish(staging, null);
          stopBuild(
            `Goalpost: ${problems.length} page problem(s); ${target} is left as it was:\n${problems.map(problemLine).join('\n')}`,
          );
        }
        await publish(staging, target);
        if (record) {
          const output = outputListing(target) ?? '';
          writeRecord(record.file, {
            inputs: record.inputs,
            output,
            log: record.log,
            checked: { code: record.code, pages: [...clean].sort() },
          });
          if (record.launch)
            writeLaunchRecord(record.launch.file, {
              ...record.launch.record,
              output,
              log: record.log,
            });
        }
        logger.info(`pages checked (no script, nothing from another host) and published to ${target}`);
      },
    },
  };
}

/** What stops a build on invalid content: the problems (at most 200, then a count), one per line. */
function contentProblems(root: string, problems: readonly Problem[]): string {
  const count = problemCount(problems);
  return `Goalpost: the content in ${root} has ${count} problem${count === 1 ? '' : 's'}:\n${problemLines(problems, 'problem', problemLine).join('\n')}`;
}
