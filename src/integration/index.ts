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
import mdx from '@astrojs/mdx';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { goalpostRoutes } from './routes.ts';
import { type Problem, problemCount, problemLines } from '../load/problems.ts';
import { contentRoot, loadProject } from '../load/project.ts';
import { handOver } from '../load/handoff.ts';
import { checkBuiltPages, publish, stagingFor } from './output.ts';
import { problemLine } from '../cli/terminal.ts';

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

export default function goalpost(): AstroIntegration {
  let target: string | null = null;
  return {
    name: 'goalpost',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig, injectRoute }) => {
        const root = contentRoot();
        const result = await loadProject(root);
        if (!result.ok) throw contentError(root, result.problems);
        for (const line of problemLines(result.notes, 'note', problemLine)) logger.warn(line);
        updateConfig({
          base: result.project.site.base,
          integrations: [mdx()],
          trailingSlash: 'always',
          // Stylesheets inline: one request less before first paint (pages stay far under 200 KB).
          // Pages rendered at once (GOALPOST_BUILD_CONCURRENCY, default 4): charts render while other pages
          // wait; the output is the same whatever it is (test/e2e/cache.test.ts).
          build: { format: 'directory', inlineStylesheets: 'always', concurrency: buildConcurrency() },
          vite: {
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
          handOver(root, result.project);
          target = fileURLToPath(config.outDir);
          updateConfig({ outDir: pathToFileURL(`${stagingFor(target)}/`) });
        }
        logger.info(`content root ${root}: ${result.project.goals.length} goals, ${result.project.sources.length} metric files`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (target === null) return;
        const staging = fileURLToPath(dir);
        const problems = await checkBuiltPages(staging, contentRoot());
        if (problems.length > 0) {
          await publish(staging, null);
          throw problemsError(
            `Goalpost: ${problems.length} page problem(s); ${target} is left as it was:\n${problems.map(problemLine).join('\n')}`,
          );
        }
        await publish(staging, target);
        logger.info(`pages checked (no script, nothing from another host) and published to ${target}`);
      },
    },
  };
}

/**
 * The error that stops a build on invalid content: the problems (at most 200, then a count) and
 * no stack trace, which would only point into Goalpost and bury them.
 */
export function contentError(root: string, problems: readonly Problem[]): Error {
  const count = problemCount(problems);
  return problemsError(
    `Goalpost: the content in ${root} has ${count} problem${count === 1 ? '' : 's'}:\n${problemLines(problems, 'problem', problemLine).join('\n')}`,
  );
}
