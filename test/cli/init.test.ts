/** `goalpost init`: the files of a team's repo, the example, the locale, and never overwriting. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cliRunner.ts';
import { loadProject } from '../../src/load/project.ts';

const run = (cwd: string, args: string[]) => runCli(args, null, { cwd });

const scratch = () => mkdtempSync(join(tmpdir(), 'goalpost-init-'));

describe('goalpost init', () => {
  it('writes a blank team repo that depends on goalpost, pins Node 24 and validates', async () => {
    const cwd = scratch();
    const r = await run(cwd, ['init', 'Brand Reports']);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain('cd Brand Reports');
    const dir = join(cwd, 'Brand Reports');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const own = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; devDependencies: Record<string, string> };
    expect(pkg['name']).toBe('brand-reports');
    expect(pkg['dependencies']).toMatchObject({ goalpost: `^${own.version}` });
    expect(pkg['devDependencies']).toEqual({ node: own.devDependencies['node'] });
    expect(pkg['scripts']).toMatchObject({ build: 'goalpost build', goalpost: 'goalpost', test: 'goalpost validate' });
    expect(readFileSync(join(dir, 'astro.config.mjs'), 'utf8')).toContain('integrations: [goalpost()]');
    expect(readFileSync(join(dir, 'astro.config.mjs'), 'utf8')).toContain("import goalpost from 'goalpost';");
    expect(readFileSync(join(dir, '.github/workflows/deploy.yml'), 'utf8')).toBe(
      readFileSync('.github/workflows/deploy.yml', 'utf8'),
    );
    expect(readFileSync(join(dir, '.github/workflows/review.yml'), 'utf8')).toBe(
      readFileSync('.github/workflows/review.yml', 'utf8'),
    );
    expect(readFileSync(join(dir, 'content/site.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/node_modules\/goalpost\/schemas\/site\.schema\.json$/m,
    );
    for (const path of ['.gitignore', 'README.md', 'goals/goals.yaml', 'data/.gitkeep', 'reports/.gitkeep'])
      expect(existsSync(join(dir, path)), path).toBe(true);
    // A repo of content only: narratives need no content config (the package compiles them itself).
    expect(existsSync(join(dir, 'src')), 'src/').toBe(false);
    const loaded = await loadProject(dir);
    expect(loaded.ok).toBe(true);
  });

  it("gives the team's npm scripts the same Node options as this repo's (.npmrc), which npm passes to the build", async () => {
    const cwd = scratch();
    expect((await run(cwd, ['init', 'reports'])).status).toBe(0);
    const npmrc = readFileSync(join(cwd, 'reports/.npmrc'), 'utf8');
    // The bundled example is built the way a team's repo is.
    expect(npmrc).toBe(readFileSync('.npmrc', 'utf8'));
    expect(npmrc).toMatch(/^node-options=--max-semi-space-size=4 --import=data:text\/javascript,\S+$/m);
    // The team's README says what it is for, so that nobody deletes it as clutter.
    expect(readFileSync(join(cwd, 'reports/README.md'), 'utf8')).toContain('`.npmrc` gives every `npm run` script Node options');
    // npm hands the option to the scripts it runs (as NODE_OPTIONS), so `npm run build` gets it.
    const probe = join(cwd, 'probe');
    mkdirSync(probe);
    writeFileSync(join(probe, '.npmrc'), npmrc);
    writeFileSync(
      join(probe, 'package.json'),
      JSON.stringify({
        name: 'probe',
        private: true,
        scripts: {
          build:
            'node -e "console.log(process.env.MIMALLOC_ARENA_EAGER_COMMIT, process.execArgv.length, process.env.NODE_OPTIONS)"',
        },
      }),
    );
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    delete env['MIMALLOC_ARENA_EAGER_COMMIT'];
    for (const key of Object.keys(env)) if (/^npm_config_node_options$/i.test(key)) delete env[key];
    const [allocator, , ...options] = execFileSync('npm', ['run', '-s', 'build'], { cwd: probe, env, encoding: 'utf8' })
      .trim()
      .split(' ');
    expect(options.join(' ')).toBe(/^node-options=(.*)$/m.exec(npmrc)![1]);
    // The module the options import set the allocator's setting before the script ran.
    expect(allocator).toBe('0');
    // A setting of the team's own is kept.
    const own = execFileSync('npm', ['run', '-s', 'build'], {
      cwd: probe,
      env: { ...env, MIMALLOC_ARENA_EAGER_COMMIT: '1' },
      encoding: 'utf8',
    });
    expect(own.split(' ')[0]).toBe('1');
  });

  // Depends on the bundled example at the repository root (what --example copies).
  it("with --example and --locale, writes the bundled example (this repository's root) in that locale, and it validates", async () => {
    const cwd = scratch();
    const r = await run(cwd, ['init', 'ex', '--example', '--locale', 'it-IT']);
    expect(r.status).toBe(0);
    const dir = join(cwd, 'ex');
    expect(readFileSync(join(dir, 'content/site.yaml'), 'utf8')).toMatch(/^locale: it-IT$/m);
    expect(readFileSync(join(dir, 'data/instagram/2026-q2.json'), 'utf8')).toContain(
      '"$schema": "../../node_modules/goalpost/schemas/metrics.schema.json"',
    );
    const loaded = await loadProject(dir);
    expect(loaded.ok && loaded.project.goals.length).toBeGreaterThan(10);
  });

  it('refuses to overwrite: lists every existing file, writes nothing, exits 1', async () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'repo/content'), { recursive: true });
    writeFileSync(join(cwd, 'repo/content/site.yaml'), 'title: Ours\n');
    writeFileSync(join(cwd, 'repo/README.md'), '# ours\n');
    const r = await run(cwd, ['init', 'repo']);
    expect(r.status).toBe(1);
    expect(r.err).toContain('repo/content/site.yaml: exists already');
    expect(r.err).toContain('repo/README.md: exists already');
    expect(readFileSync(join(cwd, 'repo/content/site.yaml'), 'utf8')).toBe('title: Ours\n');
    expect(existsSync(join(cwd, 'repo/package.json'))).toBe(false);
  });

  it('refuses a link or a file where it would write a folder or a file, writing nothing, without a stack trace (red-team 8 #1)', async () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'outside'));
    const cases: Array<[string, (repo: string) => void, RegExp]> = [
      [
        'goals links out',
        (repo) => symlinkSync(join(cwd, 'outside'), join(repo, 'goals')),
        /goals: is a link, where init writes a folder/,
      ],
      [
        'dangling link',
        (repo) => symlinkSync(join(cwd, 'nowhere.md'), join(repo, 'README.md')),
        /README\.md: exists already \(a link\)/,
      ],
      [
        'file for a folder',
        (repo) => writeFileSync(join(repo, '.github'), 'x'),
        /\.github: is a file, where init writes a folder/,
      ],
      ['link loop', (repo) => symlinkSync('content', join(repo, 'content')), /content: is a link, where init writes a folder/],
    ];
    for (const [name, make, message] of cases) {
      const repo = join(cwd, name.replaceAll(' ', '-'));
      mkdirSync(repo);
      make(repo);
      const before = readdirSync(repo).sort();
      const r = await run(cwd, ['init', repo]);
      expect(r.status, name).toBe(1);
      expect(r.err, name).toMatch(message);
      expect(r.err, name).not.toMatch(/\n\s+at /);
      expect(readdirSync(repo).sort(), name).toEqual(before);
      expect(readdirSync(join(cwd, 'outside')), name).toEqual([]);
    }
  });

  it('rejects a locale that is not a language tag, or one the site could not be built in (red-team 8 #20)', async () => {
    for (const locale of ['not a locale!', 'zz-ZZ']) {
      const cwd = scratch();
      const r = await run(cwd, ['init', 'x', '--locale', locale]);
      expect(r.status, locale).toBe(1);
      expect(r.err, locale).toContain(`--locale '${locale}' is not a BCP 47 language tag that Node.js formats numbers in`);
      expect(existsSync(join(cwd, 'x')), locale).toBe(false);
    }
  });

  it('gives a blank repo a goals file that names its schema, and it validates (red-team 8 #19)', async () => {
    const cwd = scratch();
    expect((await run(cwd, ['init', 'blank'])).status).toBe(0);
    const goals = readFileSync(join(cwd, 'blank/goals/goals.yaml'), 'utf8');
    expect(goals).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/goalpost\/schemas\/goals\.schema\.json$/m);
    const loaded = await loadProject(join(cwd, 'blank'));
    expect(loaded.ok && loaded.project.goals).toEqual([]);
  });
});
