/** The CLI run in-process on a content root, for tests: what it printed (a line per call) and its exit status. */
import type { Io } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';

export interface CliRun {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `goalpost <args>` with GOALPOST_ROOT = `root`; `now` fixes the clock, `cwd` the working folder. */
export async function runCli(
  args: readonly string[],
  root: string,
  options: { readonly cwd?: string; readonly now?: string } = {},
): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: (t) => {
      err += `${t}\n`;
    },
    env: { GOALPOST_ROOT: root },
    cwd: options.cwd ?? process.cwd(),
    ...(options.now ? { now: () => new Date(options.now!) } : {}),
  };
  const status = await main(args, io);
  return { status, out, err };
}
