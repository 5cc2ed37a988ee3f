/**
 * Loads the frozen report versions under `reports/` (written by `goalpost freeze`) and
 * checks them like any input: the file name, the JSON, the schema, that the quarter and
 * version inside agree with the file's place, that the digest matches the content, and that
 * its figures agree with one another (`snapshotInconsistencies`): a hand-edited snapshot is an
 * error, never the frozen truth.
 */
import { type FrozenReport, type Snapshot, snapshotDigest } from '../core/snapshot.ts';
import { parseQuarter } from '../core/periods.ts';
import { prettyJson } from '../format/prettyJson.ts';
import type { SourceFile } from './files.ts';
import { issuesToProblems } from './issues.ts';
import { parseJson } from './locate.ts';
import { addProblem, countMore, formatProblem, type Problem } from './problems.ts';
import { snapshotSchema } from './snapshotSchema.ts';
import { snapshotInconsistencies } from '../core/snapshotChecks.ts';

export const REPORTS_DIR = 'reports';
const NAME = /^reports\/(\d{4})-q([1-4])\/v([1-9]\d*)\.json$/;

/** The path of a quarter's version: `reports/2026-q2/v3.json`. */
export function snapshotPath(quarter: string, version: number): string {
  return `${REPORTS_DIR}/${quarter.toLowerCase()}/v${version}.json`;
}

/** A snapshot as the file `freeze` writes (its path and pretty JSON), checked to read back. */
export function snapshotFile(snapshot: Snapshot): SourceFile {
  const file = { path: snapshotPath(snapshot.quarter, snapshot.version), text: prettyJson(snapshot) };
  const problems: Problem[] = [];
  loadReports([file], problems);
  if (problems.length > 0) throw new Error(`the snapshot does not read back:\n${problems.map(formatProblem).join('\n')}`);
  return file;
}

/** Every valid snapshot, oldest version first per quarter; problems for the others. */
export function loadReports(files: readonly SourceFile[], problems: Problem[]): FrozenReport[] {
  const out: FrozenReport[] = [];
  for (const file of files) {
    const name = NAME.exec(file.path);
    if (!name) {
      addProblem(problems, {
        file: file.path,
        line: 1,
        column: 1,
        message:
          'a frozen report must be named reports/<yyyy-qn>/v<k>.json (e.g. reports/2026-q2/v1.json); write it with goalpost freeze',
      });
      continue;
    }
    const parsed = parseJson(file.text);
    if (!parsed.ok) {
      addProblem(problems, {
        file: file.path,
        ...parsed.position,
        message: `${parsed.message}; restore the file from git or freeze the quarter again`,
      });
      continue;
    }
    for (const d of parsed.duplicates) addProblem(problems, { file: file.path, ...d.position, message: d.message });
    if (parsed.duplicates.length > 0)
      countMore(problems, { file: file.path, ...parsed.duplicates[0]!.position, message: '' }, parsed.moreDuplicates);
    const result = snapshotSchema.safeParse(parsed.value);
    if (!result.success) {
      for (const p of issuesToProblems(file.path, parsed.locator, snapshotSchema, parsed.value, result.error.issues))
        addProblem(problems, p);
      continue;
    }
    const snapshot = result.data as unknown as Snapshot;
    const quarter = `${name[1]}-Q${name[2]}`;
    const version = Number(name[3]);
    let found = 0;
    const at = (path: Array<string | number>, message: string) => {
      found++;
      addProblem(problems, { file: file.path, ...parsed.locator.locate(path), message });
    };
    if (snapshot.quarter !== quarter || !parseQuarter(snapshot.quarter).ok)
      at(['quarter'], `quarter must be '${quarter}', the quarter of the folder it is in`);
    if (snapshot.version !== version) at(['version'], `version must be ${version}, the number in the file name`);
    if (snapshot.digest !== snapshotDigest(snapshot)) {
      at(['digest'], "the digest does not match the snapshot's content: the snapshot was edited by hand; freeze again instead");
    }
    if (!snapshot.figures['all']) at(['figures'], "figures must include 'all' (the report for all channels)");
    for (const [scope, f] of Object.entries(snapshot.figures)) {
      if (f.report.period !== quarter) at(['figures', scope, 'report', 'period'], `period must be '${quarter}'`);
    }
    if (found === 0) for (const i of snapshotInconsistencies(snapshot)) at([...i.path], i.message);
    if (found === 0) out.push({ file: file.path, snapshot });
  }
  return out.sort((a, b) =>
    a.snapshot.quarter < b.snapshot.quarter
      ? -1
      : a.snapshot.quarter > b.snapshot.quarter
        ? 1
        : a.snapshot.version - b.snapshot.version,
  );
}
