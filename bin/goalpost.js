#!/usr/bin/env node
// The `goalpost` command. Installed (under node_modules), it runs the JavaScript compiled at
// `npm pack` (dist-pkg/): Node refuses to strip TypeScript types from files under node_modules.
// In a checkout of Goalpost itself it runs the TypeScript source (Node 24 strips its types).
import module from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiled code (and, in a checkout, the TypeScript stripped of its types) is kept between runs, as
// Astro's own command does: a build with nothing to do ends in a fraction of the time. Not in CI,
// where the cache would never be read again.
if (!process.env.CI) module.enableCompileCache?.();

const installed = fileURLToPath(import.meta.url)
  .split(sep)
  .includes('node_modules');
const entry = new URL(installed ? '../dist-pkg/cli/main.js' : '../src/cli/main.ts', import.meta.url);
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
