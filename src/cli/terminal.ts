/**
 * Text for terminals and CI logs. User text (titles, ids, file names, messages) can hold
 * escape sequences, newlines that would forge a `path:line:col:` line, bidirectional
 * overrides, or GitHub workflow commands (`::error::`, `::stop-commands::`) at a line's start:
 * control characters are shown as `\u001b` and the like, and a line starting with `::` gets
 * its first colon shown as `\u003a`, so the runner reads no command.
 */
import { formatProblem, type Problem } from '../load/problems.ts';

/** C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** The same without newline and tab: what a whole output may keep. */
const CONTROL_IN_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const shown = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One piece of user text on one line: every control character (newlines too) shown escaped. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, shown);
}

/**
 * A whole output (lines the CLI built): control characters other than newline and tab shown
 * escaped, and no line starting (after blanks) with `::`, which a GitHub runner would read as a command.
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL_IN_OUTPUT, shown).replace(/^([ \t]*):(?=:)/gm, '$1\\u003a');
}

/** A problem as `path:line:col: message` on exactly one line, whatever its file name and message hold. */
export function problemLine(p: Problem): string {
  return formatProblem({ ...p, file: escapeControl(p.file), message: escapeControl(p.message) });
}
