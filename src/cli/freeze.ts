import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildSnapshot, nextVersion } from '../core/freeze.ts';
import { overlaps, parseQuarter } from '../core/periods.ts';
import { createEngine } from '../core/project.ts';
import { restatements, sameFrozenContent } from '../core/snapshot.ts';
import { contentChanged, headCommit } from '../git/files.ts';
import { loadProject } from '../load/project.ts';
import { snapshotFile } from '../load/reports.ts';
import { type Io, parseOptions, printProblems, rootOf, usageError } from './io.ts';
import { countOf } from '../format/text.ts';

const HELP = `Usage: npm run goalpost -- freeze <quarter>

Writes the quarter's computed report (goal definitions, KPI values and goal evaluations
for all channels and each channel, the fingerprint of the input files, the time and the
git commit, and a digest of the snapshot's own content) to reports/<yyyy-qn>/v<k>.json,
as pretty JSON to commit. Freezing a quarter again adds the next version and keeps the
older ones; when its figures and inputs equal the newest version's, nothing is written.
The site then renders the quarter from its newest snapshot and says when today's goals
or data give other numbers.

Example: npm run goalpost -- freeze 2026-Q2`;

/** `goalpost freeze <quarter>`: writes the next frozen version of a quarter's report. */
export async function runFreeze(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.values['help']) { io.out(HELP); return 0; }
  const [text, extra] = parsed.positionals;
  if (!text || extra) return usageError(io, 'freeze takes one quarter, e.g. 2026-Q2 (see --help)');
  const quarterResult = parseQuarter(text.toUpperCase());
  if (!quarterResult.ok) return usageError(io, `'${text}' is not a quarter: ${quarterResult.reason}`);
  const quarter = quarterResult.period;

  const root = rootOf(io);
  const loaded = await loadProject(root);
  if (!loaded.ok) return printProblems(io, loaded.problems, 'nothing frozen');
  const { project } = loaded;
  const range = project.index.dataRange();
  if (!range || !overlaps({ start: range.first, end: range.last }, quarter)) {
    return usageError(io, `no data falls in ${quarter.label}: there is nothing to freeze`);
  }
  const engine = createEngine(project);
  const commit = headCommit(root);
  const snapshot = buildSnapshot(project, engine, quarter, {
    version: nextVersion(project, quarter),
    frozenAt: (io.now?.() ?? new Date()).toISOString(),
    commit,
    uncommittedChanges: commit !== null && contentChanged(root),
  });
  const previous = project.reports.filter((r) => r.snapshot.quarter === quarter.label).at(-1);
  if (previous && sameFrozenContent(previous.snapshot, snapshot)) {
    io.out(`${quarter.label} is already frozen as version ${previous.snapshot.version} with the same figures and inputs: nothing written (${previous.file}).`);
    return 0;
  }
  const { path, text: snapshotText } = snapshotFile(snapshot);
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), snapshotText, { flag: 'wx' });

  const all = snapshot.figures['all']!;
  const lines = [
    `Froze ${quarter.label} as version ${snapshot.version}: ${path}`,
    `  as of ${all.report.as_of}, ${all.report.goals.length} goals, ${Object.keys(snapshot.figures).length - 1} channels`,
    `  inputs ${snapshot.inputs.fingerprint.slice(0, 19)}… (${Object.keys(snapshot.inputs.files).length} files), `
      + (commit ? `commit ${commit.slice(0, 12)}${snapshot.uncommitted_changes ? ' with uncommitted changes to the content' : ''}` : 'not in a git repository'),
  ];
  if (previous) {
    const differences = restatements(previous.snapshot.figures['all']!, all, snapshot.kpis);
    lines.push(differences.length === 0
      ? `  same figures as version ${previous.snapshot.version}`
      : `  ${countOf(differences.length, 'figure')} differ from version ${previous.snapshot.version} (kept at ${previous.file})`);
  }
  lines.push('Commit the file so that the site publishes this version.');
  io.out(lines.join('\n'));
  return 0;
}
