import { loadProject } from '../load/project.ts';
import { formatProblem } from '../load/problems.ts';
import { type Io, parseOptions, rootOf } from './io.ts';

const HELP = `Usage: npm run goalpost -- validate

Checks content/site.yaml, goals/**/*.yaml, data/**/*.json and the frozen reports in
reports/**/*.json under the content root.
Prints every problem as path:line:col: message (to stderr) and exits 1, or prints a
summary and exits 0.`;

/** `goalpost validate`: every problem at once, or a one-line summary. */
export async function runValidate(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.values['help']) { io.out(HELP); return 0; }
  const result = await loadProject(rootOf(io));
  if (!result.ok) {
    io.err(result.problems.map(formatProblem).join('\n'));
    io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} found.`);
    return 1;
  }
  const { project } = result;
  const rows = project.sources.reduce((n, s) => n + s.rows, 0);
  const krs = project.goals.reduce((n, g) => n + (g.type === 'okr' ? g.keyResults.length : 0), 0);
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  io.out(`OK: ${n(project.goals.length, 'goal')} (${n(krs, 'key result')}), ${n(project.objectives.length, 'objective')}, `
    + `${n(project.customKpis.length, 'custom KPI')}, ${n(rows, 'metric row')} in ${n(project.sources.length, 'file')}, `
    + `${n(project.index.channels.length, 'channel')}, ${n(project.reports.length, 'frozen report version')}.`);
  return 0;
}
