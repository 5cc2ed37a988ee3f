/**
 * The Goalpost Astro integration: validates the content root before Astro builds
 * anything, so that bad input stops the build with every problem listed and no page
 * written.
 */
import type { AstroIntegration } from 'astro';
import { type Problem, problemCount, problemLines } from '../load/problems.ts';
import { contentRoot, loadProject } from '../load/project.ts';

export default function goalpost(): AstroIntegration {
  return {
    name: 'goalpost',
    hooks: {
      'astro:config:setup': async ({ logger, updateConfig }) => {
        const root = contentRoot();
        const result = await loadProject(root);
        if (!result.ok) throw contentError(root, result.problems);
        for (const line of problemLines(result.notes, 'note')) logger.warn(line);
        updateConfig({ base: result.project.site.base });
        logger.info(`content root ${root}: ${result.project.goals.length} goals, ${result.project.sources.length} metric files`);
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
  const error = new Error(`Goalpost: the content in ${root} has ${count} problem${count === 1 ? '' : 's'}:\n${problemLines(problems).join('\n')}`);
  error.stack = '';
  return error;
}
