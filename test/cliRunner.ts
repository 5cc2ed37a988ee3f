/** The CLI run in-process on a content root, for tests: what it printed (a line per call) and its exit status. */
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';

export interface CliRun {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

export interface CliOptions {
  /** The working folder (default: this process's). */
  readonly cwd?: string;
  /** A fixed clock (an ISO date-time). */
  readonly now?: string;
}

/** An Io that records what a command prints, with GOALPOST_ROOT = `root` (none when null). */
export function recordingIo(
  root: string | null,
  options: CliOptions = {},
): { readonly io: Io; readonly printed: () => { out: string; err: string } } {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    env: root === null ? {} : { GOALPOST_ROOT: root },
    cwd: options.cwd ?? process.cwd(),
    ...(options.now ? { now: () => new Date(options.now!) } : {}),
  };
  return { io, printed: () => ({ out, err }) };
}

/** Runs `goalpost <args>` with GOALPOST_ROOT = `root` (none when null); `now` fixes the clock, `cwd` the working folder. */
export async function runCli(args: readonly string[], root: string | null, options: CliOptions = {}): Promise<CliRun> {
  const { io, printed } = recordingIo(root, options);
  const status = await main(args, io);
  return { status, ...printed() };
}
