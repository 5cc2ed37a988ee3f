/**
 * `goalpost build` before Astro starts (issue 15): a build is ended at once only for the same
 * launch key, the same files and an output folder as the last build left it, with that build's
 * notes printed again; --force, GOALPOST_BUILD_CACHE=off, another key, a changed file or a touched
 * output folder start Astro.
 */
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { upToDateLaunch } from '../../src/cli/build.ts';
import { launchDigest, launchFile, launchInputs, launchKey, writeLaunchRecord } from '../../src/integration/launchRecord.ts';
import { outputListing } from '../../src/integration/upToDate.ts';
import { launchProject as project } from '../integration/launchProject.ts';

describe('goalpost build before Astro starts', () => {
  const io = (dir: string, env: NodeJS.ProcessEnv = { PATH: '/bin' }) => ({ cwd: dir, env });

  /** Records a build of `p` as the integration does at its end. */
  function record(p: ReturnType<typeof project>, args: readonly string[], env: NodeJS.ProcessEnv = { PATH: '/bin' }): string {
    const key = launchKey(p.dir, ['build', ...args], env);
    const files = launchInputs(p.dir, p.outside, p.dir, p.target, p.cache);
    writeLaunchRecord(launchFile(p.dir, key), {
      root: p.outside,
      target: p.target,
      ...files,
      inputs: launchDigest(key, p.outside, files),
      output: outputListing(p.target)!,
      log: ['goals/goals.yaml:1:1: note: a note'],
    });
    return key;
  }

  it('ends a build whose key, files and output folder are as the last build left them, with its notes', () => {
    const p = project();
    const key = record(p, ['--outDir', p.target]);
    expect(upToDateLaunch(key, ['--outDir', p.target], io(p.dir))).toEqual({
      target: p.target,
      log: ['goals/goals.yaml:1:1: note: a note'],
    });
  });

  it('starts Astro with --force, with GOALPOST_BUILD_CACHE=off, for another key, after a change, or when the output was touched', () => {
    const p = project();
    const args = ['--outDir', p.target];
    const key = record(p, args);
    expect(upToDateLaunch(key, [...args, '--force'], io(p.dir))).toBeNull();
    expect(upToDateLaunch(key, args, io(p.dir, { PATH: '/bin', GOALPOST_BUILD_CACHE: 'off' }))).toBeNull();
    expect(upToDateLaunch(launchKey(p.dir, ['build', ...args], { PATH: '/usr/bin' }), args, io(p.dir))).toBeNull();

    writeFileSync(join(p.outside, 'data', 'y.json'), '{"channel":"y","rows":[ ]}');
    expect(upToDateLaunch(key, args, io(p.dir))).toBeNull();
    record(p, args);
    expect(upToDateLaunch(key, args, io(p.dir))).not.toBeNull();

    // Another build into the same folder (another environment) since: its listing differs.
    writeFileSync(join(p.target, 'index.html'), '<p>built by another</p>');
    utimesSync(join(p.target, 'index.html'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(upToDateLaunch(key, args, io(p.dir))).toBeNull();
    record(p, args);
    rmSync(p.target, { recursive: true });
    expect(upToDateLaunch(key, args, io(p.dir))).toBeNull();
  });
});
