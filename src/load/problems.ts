/**
 * Validation problems: every problem names a file, a 1-based line and column, and says
 * what is wrong and, where it helps, what to do. They are collected, never thrown one
 * at a time, so that one run reports everything.
 */
import { countOf } from '../format/text.ts';

export interface Problem {
  /** Path relative to the content root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /**
   * `note`: worth knowing but not wrong (a warning); it never fails a command or the build.
   * Absent: an error.
   */
  readonly severity?: 'note';
  /**
   * Set only on the entry that stands for the problems of its file left out past
   * `PROBLEMS_PER_FILE`: how many there are. Such an entry is counted, never listed.
   */
  readonly more?: number;
}

/** Problems (and, separately, notes) kept per file; the rest are only counted. */
export const PROBLEMS_PER_FILE = 200;
/** Problems printed by a command or the build before "… and N more problems" (SPEC "Robustness"). */
export const PROBLEMS_LISTED = 200;

/** The entry counting a file's left-out problems of one severity. */
class MoreProblems implements Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity?: 'note';
  more = 0;
  constructor(first: Problem) {
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    if (first.severity) this.severity = first.severity;
  }
  get message(): string {
    return `… and ${this.more} more ${this.severity === 'note' ? 'note' : 'problem'}${this.more === 1 ? '' : 's'} in this file (not listed)`;
  }
}

interface FileTally {
  kept: number;
  more: MoreProblems | null;
}
type Tallies = { error: FileTally; note: FileTally };
const tallies = new WeakMap<Problem[], Map<string, Tallies>>();
// The last lookup: problems come in runs from one file, so this answers most calls at once.
let last: { problems: Problem[]; file: string; tallies: Tallies } | null = null;

function tallyOf(problems: Problem[], file: string, severity: 'note' | undefined): FileTally {
  if (last === null || last.problems !== problems || last.file !== file) {
    let byFile = tallies.get(problems);
    if (!byFile) {
      byFile = new Map();
      tallies.set(problems, byFile);
    }
    let found = byFile.get(file);
    if (!found) {
      found = { error: { kept: 0, more: null }, note: { kept: 0, more: null } };
      byFile.set(file, found);
    }
    last = { problems, file, tallies: found };
  }
  return severity === 'note' ? last.tallies.note : last.tallies.error;
}

/** Whether another problem of this file and severity would still be kept (not only counted). */
export function hasRoom(problems: Problem[], file: string, severity?: 'note'): boolean {
  return tallyOf(problems, file, severity).kept < PROBLEMS_PER_FILE;
}

/**
 * Appends a problem or, once its file has `PROBLEMS_PER_FILE` of that severity, only counts
 * it in the file's one "more problems" entry: a file of millions of errors costs a few
 * hundred objects.
 */
export function addProblem(problems: Problem[], problem: Problem): void {
  const tally = tallyOf(problems, problem.file, problem.severity);
  if (tally.kept < PROBLEMS_PER_FILE) {
    problems.push(problem);
    tally.kept++;
  } else countMore(problems, problem, 1);
}

/** Counts `count` problems like `problem` that were found but not built (the file is past its cap). */
export function countMore(problems: Problem[], problem: Problem, count: number): void {
  if (count <= 0) return;
  const tally = tallyOf(problems, problem.file, problem.severity);
  if (!tally.more) {
    tally.more = new MoreProblems(problem);
    problems.push(tally.more);
  }
  tally.more.more += count;
}

/** How many problems a list stands for (an entry for left-out problems counts as many as it stands for). */
export function problemCount(problems: readonly Problem[]): number {
  let n = 0;
  for (const p of problems) n += p.more ?? 1;
  return n;
}

/**
 * The lines to print for problems and notes: the first `PROBLEMS_LISTED` in order as
 * `path:line:col: message` (through `format`: the terminal escapes control characters), then
 * `… and N more problems` when there are more.
 */
export function problemLines(
  problems: readonly Problem[],
  noun = 'problem',
  format: (p: Problem) => string = formatProblem,
): string[] {
  const listed = sortProblems(problems.filter((p) => p.more === undefined)).slice(0, PROBLEMS_LISTED);
  const lines = listed.map(format);
  const rest = problemCount(problems) - listed.length;
  if (rest > 0) lines.push(`… and ${rest} more ${noun}${rest === 1 ? '' : 's'}`);
  return lines;
}

/** `path:line:col: message` (`path:line:col: note: message` for a note), the format editors and CI annotations understand. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity === 'note' ? 'note: ' : ''}${p.message}`;
}

/** Whether a problem is a note rather than an error. */
export function isNote(p: Problem): boolean {
  return p.severity === 'note';
}

/** Problems in a stable order: by file, line, column, then message. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Thrown by the site build when the content does not validate; carries every problem. */
export class ValidationError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super(`${countOf(problemCount(sorted), 'problem')} in the content:\n${problemLines(sorted).join('\n')}`);
    this.name = 'ValidationError';
    this.problems = sorted;
  }
}
