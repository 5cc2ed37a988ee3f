#!/usr/bin/env node
/**
 * The goalpost command line: `init`, `validate`, `report`, `diff`, `freeze`, `import` and `build`. Thin: it
 * parses arguments, loads or reads the files, calls the core and prints.
 */
import { type Command, type Io, processIo, usageError } from './io.ts';
import { escapeControl, terminalText } from './terminal.ts';

/** The commands, each loaded when it runs: `build` must not wait for the others' modules. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./init.ts')).runInit,
  validate: async () => (await import('./validate.ts')).runValidate,
  report: async () => (await import('./report.ts')).runReport,
  diff: async () => (await import('./diff.ts')).runDiff,
  freeze: async () => (await import('./freeze.ts')).runFreeze,
  import: async () => (await import('./import.ts')).runImport,
  build: async () => (await import('./build.ts')).runBuild,
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
  build       build the site (astro build), ending at once when nothing changed since the last build

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
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return usageError(io, `unknown command '${escapeControl(name)}'. ${HELP}`);
  return (await command())(rest, io);
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
