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
    a.file < b.file ? -1 : a.file > b.file ? 1
      : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** Thrown by the site build when the content does not validate; carries every problem. */
export class ValidationError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    super(`${countOf(sorted.length, 'problem')} in the content:\n${sorted.map(formatProblem).join('\n')}`);
    this.name = 'ValidationError';
    this.problems = sorted;
  }
}
