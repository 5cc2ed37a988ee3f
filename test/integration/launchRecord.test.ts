/**
 * A rebuild that changes nothing, told before Astro starts (issue 15): the launch key is the
 * command's folder, arguments, environment and Node version; the launch inputs are the whole
 * project folder but its packages, git data, Astro's files and the outputs, with a content root
 * outside it; `goalpost build` trusts the record only for the same key, the same files and an
 * output folder as that build left it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  launchDigest,
  launchFile,
  launchInputs,
  launchKey,
  readLaunchRecord,
  writeLaunchRecord,
} from '../../src/integration/launchRecord.ts';
import { launchProject as project } from './launchProject.ts';

describe('the launch key', () => {
  const env = { PATH: '/bin', GOALPOST_ROOT: 'r', npm_lifecycle_event: 'build' };
  const key = launchKey('/p', ['build', '--outDir', 'd'], env, 'v24.0.0');

  it('changes with the folder, any argument, any variable and the Node version', () => {
    expect(launchKey('/p', ['build', '--outDir', 'd'], { ...env }, 'v24.0.0')).toBe(key);
    expect(launchKey('/q', ['build', '--outDir', 'd'], env, 'v24.0.0')).not.toBe(key);
    expect(launchKey('/p', ['build', '--outDir', 'e'], env, 'v24.0.0')).not.toBe(key);
    expect(launchKey('/p', ['build', '--outDir', 'd', '--base', '/x'], env, 'v24.0.0')).not.toBe(key);
    expect(launchKey('/p', ['build', '--outDir', 'd'], { ...env, SITE_URL: 'https://a.example' }, 'v24.0.0')).not.toBe(key);
    expect(launchKey('/p', ['build', '--outDir', 'd'], { ...env, GOALPOST_ROOT: 's' }, 'v24.0.0')).not.toBe(key);
    expect(launchKey('/p', ['build', '--outDir', 'd'], env, 'v24.1.0')).not.toBe(key);
  });

  it('is not changed by what differs between two runs of one command, nor by the key handed to the build', () => {
    expect(launchKey('/p', ['build', '--outDir', 'd'], { ...env, _: '/usr/bin/npm', OLDPWD: '/tmp' }, 'v24.0.0')).toBe(key);
    expect(launchKey('/p', ['build', '--outDir', 'd'], { ...env, GOALPOST_LAUNCH_KEY: 'k' }, 'v24.0.0')).toBe(key);
  });
});

describe('the launch inputs', () => {
  it('are the project folder whole, but its packages, git data, Astro files, outputs and cache; and a content root outside it', () => {
    const p = project();
    const files = launchInputs(p.dir, p.outside, p.dir, p.target, p.cache);
    const digest = () => launchDigest('k', p.outside, files);
    const before = digest();
    const unchanged = (what: string, write: () => void) => {
      write();
      expect(digest(), what).toBe(before);
    };
    unchanged('an installed package', () => writeFileSync(join(p.dir, 'node_modules', 'astro', 'x.js'), '1'));
    unchanged("git's data", () => writeFileSync(join(p.dir, '.git', 'index'), '1'));
    unchanged("Astro's generated types", () => writeFileSync(join(p.dir, '.astro', 'types.d.ts'), '1'));
    unchanged('the output folder', () => writeFileSync(join(p.target, 'index.html'), '<p>other</p>'));
    unchanged('a staging folder', () => {
      mkdirSync(`${p.target}.goalpost-staging`);
      writeFileSync(join(`${p.target}.goalpost-staging`, 'a.html'), '1');
    });
    unchanged("Astro's cache folder", () => {
      mkdirSync(p.cache);
      writeFileSync(join(p.cache, 'data-store.json'), '{}');
    });
    const seen = new Set([before]);
    const changed = (what: string, write: () => void) => {
      write();
      const now = digest();
      expect(seen.has(now), what).toBe(false);
      seen.add(now);
    };
    changed('a module the Astro config imports', () =>
      writeFileSync(join(p.dir, 'config', 'site.mjs'), 'export default { base: "/x" };\n'),
    );
    changed('an .env file', () => writeFileSync(join(p.dir, '.env'), 'SITE=1\n'));
    changed('a goals file in the project', () => writeFileSync(join(p.dir, 'goals', 'goals.yaml'), 'goals: [ ]\n'));
    changed('a data file of the content root outside it', () => writeFileSync(join(p.outside, 'data', 'y.json'), '{"rows":[]}'));
    changed('what npm installed', () =>
      writeFileSync(join(p.dir, 'node_modules', '.package-lock.json'), '{"packages":{"a":{}}}'),
    );
    expect(launchDigest('other', p.outside, files)).not.toBe(digest());
  });

  it('read the content root once when it lies inside the project', () => {
    const p = project();
    const files = launchInputs(p.dir, p.dir, p.dir, p.target, p.cache);
    expect(files.folders.map((f) => f.path)).toEqual([p.dir]);
    expect(launchInputs(p.dir, p.outside, '/pkg', p.target, p.cache).folders.map((f) => f.path)).toEqual([
      p.dir,
      ...['goals', 'data', 'content', 'reports'].map((d) => join(p.outside, d)),
      ...['src', 'dist-pkg', 'public'].map((d) => join('/pkg', d)),
    ]);
  });
});

describe('a launch record', () => {
  it('is read back as written, and no file that is not one is read as one', () => {
    const p = project();
    const file = launchFile(p.dir, 'k'.repeat(64));
    expect(readLaunchRecord(file)).toBeNull();
    mkdirSync(join(file, '..'), { recursive: true });
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      '{"root":"/r"}',
      '{"root":"/r","target":"/t","output":"o","log":[1],"folders":[],"files":[],"inputs":"i"}',
    ]) {
      writeFileSync(file, text);
      expect(readLaunchRecord(file), text).toBeNull();
    }
    const record = {
      root: '/r',
      target: '/t',
      output: 'o',
      log: ['a note'],
      folders: [{ path: '/p', within: '/p', skip: ['/p/x'] }],
      files: ['/p/package.json'],
      inputs: 'i',
    };
    writeLaunchRecord(file, record);
    expect(readLaunchRecord(file)).toEqual(record);
  });
});
