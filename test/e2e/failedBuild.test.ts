/**
 * A build on invalid content: the problems alone, positioned, the exit code 1, and the last site
 * left whole. Astro would open a thrown problem with "An unhandled error occurred", which invalid
 * content is not.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, listFiles, withBuildLock } from './harness.ts';

describe('a build on invalid content', () => {
  it('lists the problems as path:line:col lines, exits 1, and leaves the last site as it was', () => {
    const root = mkdtempSync(join(tmpdir(), 'goalpost-failed-'));
    cpSync('test/fixtures/basic', root, { recursive: true });
    const out = buildSite(root);
    const before = listFiles(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]);
    expect(before.map(([f]) => f)).toContain('index.html');

    const goals = join(root, 'goals/goals.yaml');
    writeFileSync(goals, readFileSync(goals, 'utf8').replace('baseline: 1000', 'baseline: [1000'));
    const run = withBuildLock(() =>
      spawnSync('npm', ['run', '-s', 'build', '--', '--outDir', out], {
        env: { ...process.env, GOALPOST_ROOT: root },
        encoding: 'utf8',
      }),
    );
    expect(run.status).toBe(1);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).not.toMatch(/unhandled error/i);
    expect(output).not.toMatch(/^\s+at /m);
    expect(run.stderr).toMatch(/^Goalpost: the content in .* has 1 problem:$/m);
    expect(run.stderr).toMatch(/^goals\/goals\.yaml:\d+:\d+: YAML syntax error: /m);
    expect(run.stderr).toContain(`The build stopped before writing anything; ${out} is left as it was.`);
    expect(listFiles(out).map((f) => [f, readFileSync(join(out, f), 'utf8')])).toEqual(before);
  }, 300_000);
});
