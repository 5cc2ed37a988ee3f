import { parseArgs, type ParseArgsConfig } from 'node:util';
import { countOf } from '../format/text.ts';
import { type Problem, problemCount, problemLines } from '../load/problems.ts';
import { hint } from '../load/suggest.ts';
import { problemLine } from './terminal.ts';
import { contentRoot } from '../load/root.ts';

/** Where a command writes, and the environment it reads (injectable for tests). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The clock (`freeze` stamps its snapshots with it); the system clock when absent. */
  now?(): Date;
}

/** A CLI command: arguments after its name, returns the exit status. */
export type Command = (args: readonly string[], io: Io) => Promise<number>;

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/** Prints a usage problem to stderr and returns exit status 1. */
export function usageError(io: Io, message: string): number {
  io.err(`goalpost: ${message}`);
  return 1;
}

/** Parses a command's options; unknown options are usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  io: Io,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } | number {
  try {
    const { values, positionals, tokens } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
    // An option given twice would silently keep the last one: which did the user mean?
    const seen = new Set<string>();
    for (const token of tokens) {
      if (token.kind !== 'option' || options[token.name]?.multiple) continue;
      if (seen.has(token.name)) return usageError(io, `--${token.name} is given twice: give it once (see --help)`);
      seen.add(token.name);
    }
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec((error as Error).message)?.[1];
    if (unknown !== undefined) {
      const known = Object.keys(options).map((name) => `--${name}`);
      return usageError(io, `unknown option '${unknown}'${hint(unknown, known, 'options')} (see --help)`);
    }
    return usageError(io, `${(error as Error).message} (see --help)`);
  }
}

/** The content root for a command. */
export function rootOf(io: Io): string {
  return contentRoot(io.env, io.cwd);
}

/**
 * Prints the problems (sorted, `path:line:col: message`), with the notes among them
 * (`path:line:col: note: message`), at most 200 then `… and N more problems`, and the count
 * of problems to stderr; returns exit status 1.
 */
export function printProblems(io: Io, problems: readonly Problem[], outcome?: string, notes: readonly Problem[] = []): number {
  io.err(problemLines([...problems, ...notes], 'problem', problemLine).join('\n'));
  io.err(`${countOf(problemCount(problems), 'problem')} found${outcome ? `: ${outcome}` : ''}.`);
  return 1;
}

/** Prints notes (`path:line:col: note: message`, sorted) to stderr, if there are any. */
export function printNotes(io: Io, notes: readonly Problem[]): void {
  if (notes.length > 0) io.err(problemLines(notes, 'note', problemLine).join('\n'));
}
