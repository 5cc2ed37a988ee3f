#!/usr/bin/env node
/**
 * The goalpost command line: `validate`, `report`, `diff`, `freeze` and `import`. Thin: it
 * parses arguments, loads or reads the files, calls the core and prints.
 */
import { runDiff } from './diff.ts';
import { runFreeze } from './freeze.ts';
import { runImport } from './import.ts';
import { runInit } from './init.ts';
import { runReport } from './report.ts';
import { runValidate } from './validate.ts';
import { type Command, type Io, processIo, usageError } from './io.ts';
import { escapeControl, terminalText } from './terminal.ts';

const COMMANDS: Record<string, Command> = {
  init: runInit,
  validate: runValidate,
  report: runReport,
  diff: runDiff,
  freeze: runFreeze,
  import: runImport,
};

const HELP = `goalpost: social-media goals and KPIs, from YAML and JSON to reports

Usage: npm run goalpost -- <command> [options]   (npx goalpost <command> anywhere else)

Commands:
  init        write a new reporting repo (package.json, config, content, workflows)
  validate    check every goals, data and settings file; print problems as path:line:col
  report      compute a quarter's KPIs and evaluate its goals
  diff        the semantic changes to goals between two git refs, with moved goalposts
  freeze      write the next frozen version of a quarter's report to reports/
  import      turn platform exports (Meta, LinkedIn, X, TikTok, YouTube, GA4) into metric JSON

Run 'npm run goalpost -- <command> --help' for a command's options.
The content root is the current directory, or GOALPOST_ROOT if set.
`;

/** Runs the CLI with arguments (without node and script) and returns the exit status. */
export async function main(args: readonly string[], given: Io = processIo()): Promise<number> {
  // Everything printed passes through terminalText: no escape sequence or workflow command gets out.
  const io: Io = { ...given, out: (text) => given.out(terminalText(text)), err: (text) => given.err(terminalText(text)) };
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (!command) return usageError(io, `unknown command '${escapeControl(name)}'. ${HELP}`);
  return command(rest, io);
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
