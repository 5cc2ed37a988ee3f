import { buildSnapshot, nextVersion } from '../core/freeze.ts';
import { overlaps, parseQuarter, type Period } from '../core/periods.ts';
import { createEngine } from '../core/project.ts';
import { restatements, sameFrozenContent, snapshotCurrency } from '../core/snapshot.ts';
import { contentChanged, headCommit } from '../git/files.ts';
import { commitFiles, signalStatus, type WriteSeam } from '../io/atomic.ts';
import { loadProject } from '../load/project.ts';
import { snapshotFile } from '../load/reports.ts';
import { goalpostBuild } from '../load/goalpostBuild.ts';
import { type Io, parseOptions, printProblems, rootOf, usageError } from './io.ts';
import { countOf } from '../format/text.ts';

const HELP = `Usage: npm run goalpost -- freeze <quarter>

Writes the quarter's computed report (goal definitions, KPI values and goal evaluations
for all channels and each channel, the fingerprint of the input files, the time and the
git commit, and a digest of the snapshot's own content) to reports/<yyyy-qn>/v<k>.json,
as pretty JSON to commit. Freezing a quarter again adds the next version and keeps the
older ones; when its figures and inputs equal the newest version's, nothing is written.
The write is atomic: a failure or an interruption leaves reports/ as it was, and a
freeze running at the same time makes this one take the next version.
The site then renders the quarter from its newest snapshot and says when today's goals
or data give other numbers.

Example: npm run goalpost -- freeze 2026-Q2`;

/** Attempts before giving up when other freezes keep taking the next version. */
const ATTEMPTS = 3;

/**
 * `goalpost freeze <quarter>`: writes the next frozen version of a quarter's report, atomically
 * (`seam`: tests inject write failures and pauses). When another freeze writes that version
 * meanwhile, it loads the content again and freezes the version after (or nothing, when the
 * other froze the same figures).
 */
export async function runFreeze(args: readonly string[], io: Io, seam: WriteSeam = {}): Promise<number> {
  const parsed = parseOptions(args, { help: { type: 'boolean', short: 'h' } }, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.values['help']) {
    io.out(HELP);
    return 0;
  }
  const [text, extra] = parsed.positionals;
  if (!text || extra) return usageError(io, 'freeze takes one quarter, e.g. 2026-Q2 (see --help)');
  const quarterResult = parseQuarter(text.toUpperCase());
  if (!quarterResult.ok) return usageError(io, `'${text}' is not a quarter: ${quarterResult.reason}`);
  const quarter = quarterResult.period;

  const root = rootOf(io);
  for (let attempt = 1; ; attempt++) {
    const status = await freezeOnce(root, quarter, io, seam, attempt === ATTEMPTS);
    if (status !== 'retry') return status;
  }
}

async function freezeOnce(root: string, quarter: Period, io: Io, seam: WriteSeam, last: boolean): Promise<number | 'retry'> {
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
    goalpost: goalpostBuild(),
  });
  const previous = project.reports.filter((r) => r.snapshot.quarter === quarter.label).at(-1);
  if (previous && sameFrozenContent(previous.snapshot, snapshot)) {
    io.out(
      `${quarter.label} is already frozen as version ${previous.snapshot.version} with the same figures and inputs: nothing written (${previous.file}).`,
    );
    return 0;
  }
  const { path, text: snapshotText } = snapshotFile(snapshot);
  const outcome = await commitFiles(root, [{ path, text: snapshotText, exclusive: true }], seam);
  if (!outcome.ok) {
    if (outcome.signal) {
      io.err(`goalpost: interrupted by ${outcome.signal}: nothing frozen (the content root is as it was).`);
      return signalStatus(outcome.signal);
    }
    if (outcome.reason === 'exists') {
      if (!last) return 'retry';
      return printProblems(
        io,
        [
          {
            file: path,
            line: 1,
            column: 1,
            message: 'another freeze is running and wrote this version meanwhile: run freeze again once it has finished',
          },
        ],
        'nothing frozen',
      );
    }
    return printProblems(
      io,
      [{ file: outcome.path, line: 1, column: 1, message: outcome.message }],
      'nothing frozen (the content root is as it was)',
    );
  }

  const all = snapshot.figures['all']!;
  const lines = [
    `Froze ${quarter.label} as version ${snapshot.version}: ${path}`,
    `  as of ${all.report.as_of}, ${all.report.goals.length} goals, ${Object.keys(snapshot.figures).length - 1} channels`,
    `  inputs ${snapshot.inputs.fingerprint.slice(0, 19)}… (${Object.keys(snapshot.inputs.files).length} files), ` +
      (commit
        ? `commit ${commit.slice(0, 12)}${snapshot.uncommitted_changes ? ' with uncommitted changes to the content' : ''}`
        : 'not in a git repository'),
  ];
  if (previous) {
    // Amounts of money frozen in another currency differ whatever their numbers (rt15 #11).
    const currencies = {
      frozen: snapshotCurrency(previous.snapshot, project.site),
      now: snapshotCurrency(snapshot, project.site),
    };
    const differences = restatements(previous.snapshot.figures['all']!, all, snapshot.kpis, currencies);
    const currencyChange =
      currencies.frozen === currencies.now ? '' : `: the currency changed from ${currencies.frozen} to ${currencies.now}`;
    lines.push(
      differences.length === 0
        ? `  same figures as version ${previous.snapshot.version}${currencyChange}`
        : `  ${countOf(differences.length, 'figure')} differ from version ${previous.snapshot.version} (kept at ${previous.file})${currencyChange}`,
    );
  }
  lines.push('Commit the file so that the site publishes this version.');
  io.out(lines.join('\n'));
  return 0;
}
