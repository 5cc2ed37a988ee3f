/**
 * `goalpost build [astro build options]`: the site's build. A rebuild whose launch record
 * (`src/integration/launchRecord.ts`) shows nothing changed ends at once, without starting
 * Astro; any other build is handed to Astro's own `astro build` in this process, with the same
 * options, where the integration validates, builds, checks and publishes.
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import { LAUNCH_KEY_VARIABLE, launchDigest, launchFile, launchKey, readLaunchRecord } from '../integration/launchRecord.ts';
import { keepFileDigests, outputListing } from '../integration/upToDate.ts';
import type { Io } from './io.ts';

/** The output folder of a build that has nothing to do, with the notes to print again; null when the build must run. */
export function upToDateLaunch(
  key: string,
  args: readonly string[],
  io: Pick<Io, 'env' | 'cwd'>,
): { target: string; log: readonly string[] } | null {
  if (args.includes('--force') || io.env['GOALPOST_BUILD_CACHE'] === 'off') return null;
  const launch = readLaunchRecord(launchFile(io.cwd, key));
  // The output folder first: listing it is cheaper than reading every input (and a clean build has none).
  if (launch === null || outputListing(launch.target) !== launch.output) return null;
  return launchDigest(key, launch.root, launch) === launch.inputs ? { target: launch.target, log: launch.log } : null;
}

/** Runs `goalpost build`: ends a build with nothing to do, else hands the process to `astro build`. */
export async function runBuild(args: readonly string[], io: Io): Promise<number> {
  keepFileDigests();
  const key = launchKey(io.cwd, ['build', ...args], io.env);
  const done = upToDateLaunch(key, args, io);
  if (done) {
    for (const line of done.log) io.err(line);
    io.out(`nothing changed since the last build: ${done.target} is up to date (goalpost build --force builds anyway)`);
    return 0;
  }
  // Astro's command ends the process itself, with its own status, once the build is over.
  const bin = fileURLToPath(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')));
  process.argv = [process.argv[0]!, bin, 'build', ...args];
  process.env[LAUNCH_KEY_VARIABLE] = key;
  await import(pathToFileURL(bin).href);
  return 0;
}
