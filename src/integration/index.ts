/**
 * The Goalpost Astro integration: validates the content root before Astro builds
 * anything, so that bad input stops the build with every problem listed and no page
 * written.
 */
import type { AstroIntegration } from 'astro';
import { formatProblem } from '../load/problems.ts';
import { contentRoot, loadProject } from '../load/project.ts';

export default function goalpost(): AstroIntegration {
  return {
    name: 'goalpost',
    hooks: {
      'astro:config:setup': async ({ logger, updateConfig }) => {
        const root = contentRoot();
        const result = await loadProject(root);
        if (!result.ok) {
          const lines = result.problems.map(formatProblem).join('\n');
          throw new Error(`Goalpost: the content in ${root} has ${result.problems.length} problem(s):\n${lines}`);
        }
        for (const note of result.notes) logger.warn(formatProblem(note));
        updateConfig({ base: result.project.site.base });
        logger.info(`content root ${root}: ${result.project.goals.length} goals, ${result.project.sources.length} metric files`);
      },
    },
  };
}
