/**
 * The package as a team gets it (SPEC "Distribution"): `npm pack` here, `goalpost init` from
 * the tarball, `npm install` of the tarball there, then the team's commands: the build (a
 * blank site that says how to add data, and the example), `validate` with the same
 * positioned errors as this repository's CLI, `import`, `freeze` and `diff`.
 * Slow (packs, installs twice, builds twice): run by `npm run test:package`, not `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'goalpost-package-'));
let tarball = '';

/** Runs a command in a folder; returns its exit status and output (never throws). */
function sh(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number; out: string; err: string } {
  const r = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env, GOALPOST_ROOT: env['GOALPOST_ROOT'] ?? '' },
    encoding: 'utf8',
    timeout: 150_000,
  });
  return { status: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** `npx goalpost init <name> …` from the tarball, then `npm install <tarball>` there. */
function team(name: string, ...options: string[]): string {
  const init = sh(work, 'npx', ['--yes', '--package', tarball, 'goalpost', 'init', name, ...options]);
  expect(init.err).toBe('');
  expect(init.status).toBe(0);
  const dir = join(work, name);
  const install = sh(dir, 'npm', ['install', '--no-audit', '--no-fund', tarball]);
  expect(install.status, install.err).toBe(0);
  return dir;
}

const BROKEN_GOAL = `goals:
  - id: ig-er
    title: Engagement
    period: 2026-Q3
    channel: instagram
    kpi: engagment_rate
    target: 0.05
  - id: ig-reach
    period: 2026-Q3
    channel: instagram
    kpi: reach
    target: lots
`;

beforeAll(() => {
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: REPO, encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  tarball = join(work, packed);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed goalpost in a repo made by init', () => {
  it('ships compiled JavaScript for Node, and no tests or dev scripts', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/dist-pkg/cli/main.js');
    expect(files).toContain('package/dist-pkg/integration/index.js');
    expect(files).toContain('package/bin/goalpost.js');
    expect(files).toContain('package/src/routes/index.astro');
    expect(files.filter((f) => f.startsWith('package/test/') || f.startsWith('package/scripts/'))).toEqual([]);
  });

  it('builds a blank site that says how to add data, and runs validate, import, freeze and diff', () => {
    const dir = team('brand');
    for (const path of [
      'package.json',
      'astro.config.mjs',
      'content/site.yaml',
      '.gitignore',
      '.npmrc',
      'README.md',
      '.github/workflows/deploy.yml',
      '.github/workflows/review.yml',
    ]) {
      expect(existsSync(join(dir, path)), path).toBe(true);
    }
    expect(existsSync(join(dir, 'src/pages'))).toBe(false);

    const build = sh(dir, 'npm', ['run', 'build']);
    expect(build.status, build.err).toBe(0);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain('add metric files under data/');

    // validate: the same positioned errors as this repository's CLI on the same content.
    writeFileSync(join(dir, 'goals/q3.yaml'), BROKEN_GOAL);
    const there = sh(dir, 'npx', ['goalpost', 'validate']);
    const here = sh(REPO, process.execPath, ['bin/goalpost.js', 'validate'], { GOALPOST_ROOT: dir });
    expect(there.status).toBe(1);
    expect(there.err).toMatch(/^goals\/q3\.yaml:6:10: unknown KPI 'engagment_rate': did you mean 'engagement_rate'\?$/m);
    expect(there.err).toMatch(/^goals\/q3\.yaml:12:13: target must be a number/m);
    expect(there.err).toBe(here.err);
    rmSync(join(dir, 'goals/q3.yaml'));

    const imported = sh(dir, 'npx', [
      'goalpost',
      'import',
      join(REPO, 'test/fixtures/import/meta/instagram-luglio-2026.csv'),
      '--channel',
      'instagram',
      // The export holds a partner's collab post too: the team's account is named.
      '--account',
      'nordlys.outdoor',
    ]);
    expect(imported.status, imported.err).toBe(0);
    const written = readdirSync(join(dir, 'data/instagram'));
    expect(written.length).toBe(1);
    const schema = JSON.parse(readFileSync(join(dir, 'data/instagram', written[0]!), 'utf8'))['$schema'] as string;
    expect(existsSync(resolve(dir, 'data/instagram', schema)), schema).toBe(true);
    expect(sh(dir, 'npm', ['test']).status).toBe(0);

    const frozen = sh(dir, 'npx', ['goalpost', 'freeze', '2026-Q3']);
    expect(frozen.status, frozen.err).toBe(0);
    expect(existsSync(join(dir, 'reports/2026-q3/v1.json'))).toBe(true);

    sh(dir, 'git', ['init', '-q']);
    sh(dir, 'git', ['add', '-A']);
    expect(sh(dir, 'git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'start']).status).toBe(0);
    writeFileSync(
      join(dir, 'goals/q3.yaml'),
      BROKEN_GOAL.replace('engagment_rate', 'engagement_rate')
        .replace('    target: lots\n', '    target: 1000\n')
        .replace('  - id: ig-reach\n', '  - id: ig-reach\n    title: Reach\n'),
    );
    const diff = sh(dir, 'npx', ['goalpost', 'diff', 'HEAD']);
    expect(diff.status, diff.err).toBe(0);
    expect(diff.out).toMatch(/`ig-er` Engagement \| goal added/);
  });

  it('builds the example with --example, and refuses to overwrite a repo', () => {
    const dir = team('example', '--example', '--locale', 'fr-FR');
    expect(readFileSync(join(dir, 'content/site.yaml'), 'utf8')).toMatch(/^locale: fr-FR$/m);
    expect(readFileSync(join(dir, 'goals/2026.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/node_modules\/goalpost\/schemas\/goals\.schema\.json$/m,
    );
    const build = sh(dir, 'npm', ['run', 'build']);
    expect(build.status, build.err).toBe(0);
    // The narrative (content/reports/2026-q3.mdx) renders through the collection the package defines.
    expect(readFileSync(join(dir, 'dist/reports/2026-q3/index.html'), 'utf8')).toContain('class="narrative"');
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toContain('lang="fr-FR"');

    mkdirSync(join(work, 'again'));
    writeFileSync(join(work, 'again/package.json'), '{}\n');
    const again = sh(work, 'npx', ['--yes', '--package', tarball, 'goalpost', 'init', 'again']);
    expect(again.status).toBe(1);
    expect(again.err).toContain('again/package.json: exists already');
    expect(readFileSync(join(work, 'again/package.json'), 'utf8')).toBe('{}\n');
    expect(existsSync(join(work, 'again/astro.config.mjs'))).toBe(false);
  });
});
