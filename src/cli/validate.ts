import { loadProject } from '../load/project.ts';
import { type Io, parseOptions, printNotes, printProblems, rootOf, usageError } from './io.ts';
import { declaredMetricIds } from '../core/metrics.ts';
import { countOf } from '../format/text.ts';

const HELP = `Usage: npm run goalpost -- validate

Checks content/site.yaml, goals/**/*.yaml, data/**/*.json and the frozen reports in
reports/**/*.json under the content root.
Prints every problem as path:line:col: message (to stderr) and exits 1, or prints a
summary and exits 0. Notes (path:line:col: note: message, also to stderr) point at
things worth a look that are not wrong; they never fail the command.`;

/** `goalpost validate`: every problem at once, or a one-line summary. */
export async function runValidate(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.values['help']) {
    io.out(HELP);
    return 0;
  }
  if (parsed.positionals.length > 0) return usageError(io, `unexpected argument '${parsed.positionals[0]}' (see --help)`);
  const result = await loadProject(rootOf(io));
  if (!result.ok) return printProblems(io, result.problems, undefined, result.notes);
  printNotes(io, result.notes);
  const { project } = result;
  const rows = project.sources.reduce((n, s) => n + s.rows, 0);
  const krs = project.goals.reduce((n, g) => n + (g.type === 'okr' ? g.keyResults.length : 0), 0);
  const declared = declaredMetricIds(project.index.metrics).length;
  io.out(
    `OK: ${countOf(project.goals.length, 'goal')} (${countOf(krs, 'key result')}), ${countOf(project.objectives.length, 'objective')}, ` +
      `${countOf(project.customKpis.length - declared, 'custom KPI')}, ${declared > 0 ? `${countOf(declared, 'declared metric')}, ` : ''}${countOf(rows, 'metric row')} in ${countOf(project.sources.length, 'file')}, ` +
      `${countOf(project.index.channels.length, 'channel')}, ${countOf(project.reports.length, 'frozen report version')}.`,
  );
  return 0;
}
