/**
 * Skipping builds that change nothing (issue 15): the digest of a build's inputs changes with
 * any input and with nothing else, reads no file it must not, and the record of the last build
 * is trusted only while the output folder is as that build left it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  type BuildInputs,
  inputsDigest,
  keepFileDigests,
  outputListing,
  outputSettings,
  readRecord,
  recordFile,
  siteInputs,
  upToDate,
  writeRecord,
} from '../../src/integration/upToDate.ts';

const work = mkdtempSync(join(tmpdir(), 'goalpost-uptodate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** A fresh content root with two data files and a goals file. */
function root(): { dir: string; inputs: () => BuildInputs } {
  const dir = join(work, `root-${n++}`);
  mkdirSync(join(dir, 'data', 'instagram'), { recursive: true });
  mkdirSync(join(dir, 'goals'), { recursive: true });
  writeFileSync(join(dir, 'data', 'instagram', '2026.json'), '{"channel":"instagram","rows":[{"date":"2026-04-01","posts":1}]}');
  writeFileSync(join(dir, 'data', 'x.json'), '{"channel":"x","rows":[]}');
  writeFileSync(join(dir, 'goals', 'goals.yaml'), 'goals: []\n');
  return {
    dir,
    inputs: () => ({
      folders: ['goals', 'data', 'content'].map((d) => ({ path: join(dir, d), within: dir })),
      files: [join(dir, 'astro.config.mjs')],
      facts: { git: 'abc' },
    }),
  };
}

describe('the digest of a build’s inputs', () => {
  it('is the same for the same files and facts, and changes with any file’s bytes, name, presence or a fact', () => {
    const { dir, inputs } = root();
    const before = inputsDigest(inputs());
    expect(inputsDigest(inputs())).toBe(before);
    const seen = new Set([before]);
    const changed = (what: string) => {
      const digest = inputsDigest(inputs());
      expect(seen.has(digest), what).toBe(false);
      seen.add(digest);
    };
    writeFileSync(join(dir, 'data', 'x.json'), '{"channel":"x","rows":[ ]}');
    changed('one byte of a data file');
    renameSync(join(dir, 'data', 'x.json'), join(dir, 'data', 'y.json'));
    changed('a renamed file');
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content', 'site.yaml'), 'title: T\n');
    changed('a new settings file');
    writeFileSync(join(dir, 'astro.config.mjs'), 'export default {};\n');
    changed('a config file that was absent');
    rmSync(join(dir, 'goals', 'goals.yaml'));
    changed('a removed goals file');
    expect(inputsDigest({ ...inputs(), facts: { git: 'abd' } })).not.toBe(inputsDigest(inputs()));
  });

  it('follows a link only to a regular file inside the root, never reads a pipe, and still sees both change', () => {
    const { dir, inputs } = root();
    const outside = join(work, `outside-${n++}.json`);
    writeFileSync(outside, '{"a":1}');
    symlinkSync(outside, join(dir, 'data', 'out.json'));
    symlinkSync(join(dir, 'data', 'x.json'), join(dir, 'data', 'in.json'));
    symlinkSync(join(dir, 'data'), join(dir, 'data', 'loop'));
    execFileSync('mkfifo', [join(dir, 'data', 'pipe.json')]);
    const before = inputsDigest(inputs()); // returns: the pipe is not opened, the folder link not followed
    writeFileSync(outside, '{"a":2}');
    expect(inputsDigest(inputs())).toBe(before);
    writeFileSync(join(dir, 'data', 'x.json'), '{"channel":"x","rows":[{"date":"2026-04-01","posts":2}]}');
    const inside = inputsDigest(inputs());
    expect(inside).not.toBe(before);
    rmSync(join(dir, 'data', 'out.json'));
    symlinkSync(`${outside}.other`, join(dir, 'data', 'out.json'));
    expect(inputsDigest(inputs())).not.toBe(inside);
  });

  it('names the content root, its git commit, the packages and the settings that change the output', () => {
    const { dir } = root();
    const config = {
      root: pathToFileURL(`${dir}/`),
      srcDir: pathToFileURL(`${dir}/src/`),
      publicDir: pathToFileURL(`${dir}/public/`),
    };
    const inputs = siteInputs(dir, '/pkg', config, '{"base":"/"}', {
      GOALPOST_BENCH_CHART_STUB: '9',
      GOALPOST_CHART_CACHE: 'off',
    });
    expect(inputs.folders.map((f) => f.path)).toEqual(
      expect.arrayContaining([join(dir, 'goals'), join(dir, 'data'), join(dir, 'content'), join(dir, 'reports'), '/pkg/src']),
    );
    expect(inputs.files).toEqual(
      expect.arrayContaining([
        join(dir, 'node_modules', '.package-lock.json'),
        join(dir, 'pnpm-lock.yaml'),
        join(dir, 'astro.config.mjs'),
      ]),
    );
    expect(inputs.facts).toMatchObject({ root: dir, git: 'none', config: '{"base":"/"}', 'env GOALPOST_BENCH_CHART_STUB': '9' });
    expect(outputSettings({ GOALPOST_BUILD_CONCURRENCY: '1', GOALPOST_CHART_STATS: 'f', GOALPOST_X: 'y', PATH: '/bin' })).toEqual(
      {
        'env GOALPOST_X': 'y',
      },
    );
  });
});

describe('file digests kept for a build handed over to Astro', () => {
  const kept = Symbol.for('goalpost.fileDigests');
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[kept];
  });

  it('give the digests taken without them, are taken once per file, and are taken again for a file changed since', () => {
    const { dir, inputs } = root();
    const without = inputsDigest(inputs());
    keepFileDigests();
    const map = (globalThis as Record<symbol, Map<string, string>>)[kept]!;
    expect(inputsDigest(inputs())).toBe(without);
    const taken = map.size;
    expect(taken).toBeGreaterThan(0);
    expect(inputsDigest(inputs())).toBe(without);
    expect(map.size).toBe(taken);
    // Same size, new bytes, another time: a new digest, as without kept digests.
    const file = join(dir, 'goals', 'goals.yaml');
    writeFileSync(file, 'goals: {}\n');
    utimesSync(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const changed = inputsDigest(inputs());
    expect(changed).not.toBe(without);
    delete (globalThis as Record<symbol, unknown>)[kept];
    expect(inputsDigest(inputs())).toBe(changed);
  });
});

describe('the record of the last build', () => {
  it('is trusted only for the same inputs and an output folder left as that build left it', () => {
    const out = join(work, 'dist');
    expect(outputListing(out)).toBeNull();
    mkdirSync(join(out, 'reports'), { recursive: true });
    writeFileSync(join(out, 'index.html'), '<p>a</p>');
    writeFileSync(join(out, 'reports', 'index.html'), '<p>b</p>');
    const file = recordFile(join(work, 'cache'), out);
    expect(readRecord(file)).toBeNull();
    writeRecord(file, { inputs: 'i1', output: outputListing(out)!, log: ['a note'] });
    const record = readRecord(file);
    expect(record).toMatchObject({ inputs: 'i1', log: ['a note'] });
    expect(upToDate(record, 'i1', out)).toBe(true);
    expect(upToDate(record, 'i2', out)).toBe(false);
    expect(upToDate(null, 'i1', out)).toBe(false);
    writeFileSync(join(out, 'reports', 'index.html'), '<p>c</p>');
    utimesSync(join(out, 'reports', 'index.html'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(upToDate(record, 'i1', out)).toBe(false);
    writeRecord(file, { inputs: 'i1', output: outputListing(out)!, log: [] });
    expect(upToDate(readRecord(file), 'i1', out)).toBe(true);
    rmSync(join(out, 'index.html'));
    expect(upToDate(readRecord(file), 'i1', out)).toBe(false);
    writeRecord(file, { inputs: 'i1', output: 'o', log: [], checked: { code: 'c1', pages: ['p1', 'p2'] } });
    expect(readRecord(file)?.checked).toEqual({ code: 'c1', pages: ['p1', 'p2'] });
    writeFileSync(file, JSON.stringify({ inputs: 'i1', output: 'o', log: [], checked: { code: 'c1', pages: 'p1' } }));
    expect(readRecord(file)).toEqual({ inputs: 'i1', output: 'o', log: [] });
    writeFileSync(file, '{"inputs":');
    expect(readRecord(file)).toBeNull();
    expect(recordFile(join(work, 'cache'), `${out}2`)).not.toBe(file);
  });
});
