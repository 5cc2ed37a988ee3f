/**
 * `goalpost init [dir] [--example] [--locale fr-FR]`: writes a team's reporting repo. Thin:
 * the file texts come from src/init/templates.ts, the workflows and the example are copied
 * from this package. It never overwrites: existing files are listed and nothing is written.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  astroConfig,
  gitignore,
  goalsYaml,
  npmrc,
  packageJson,
  packageName,
  readme,
  schemaPath,
  siteYaml,
  type TeamRepo,
} from '../init/templates.ts';
import { commitFiles } from '../io/atomic.ts';
import { supportedLocale } from '../load/schemas.ts';
import { type Io, parseOptions, usageError } from './io.ts';

const HELP = `Usage: npx goalpost init [dir] [--example] [--locale <bcp47>]

Writes a reporting repo into dir (default: the current folder): package.json,
astro.config.mjs, content/site.yaml, goals/, data/, reports/,
.gitignore, .npmrc, the GitHub workflows (.github/workflows/deploy.yml, review.yml) and a README.
--example fills it with the bundled example (Nordlys Outdoor) instead of blank content.
Existing files are never overwritten: init lists them and exits 1.`;

/** The package's own folder (two levels above this module, as source and compiled). */
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));

/** The example's files in the package, as a team's repo gets them (schema references into node_modules). */
function exampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    const full = join(PACKAGE, dir);
    if (!existsSync(full)) return;
    for (const name of readdirSync(full).sort()) {
      const path = `${dir}/${name}`;
      if (statSync(join(PACKAGE, path)).isDirectory()) walk(path);
      else files.set(path, readFileSync(join(PACKAGE, path), 'utf8'));
    }
  };
  for (const dir of ['content', 'goals', 'data', 'reports']) walk(dir);
  for (const [path, text] of files) {
    files.set(
      path,
      text
        .replace(
          /^(# yaml-language-server: \$schema=)(?:\.\.\/)*schemas\/(\w+)\.schema\.json$/m,
          (_m, head: string, schema: 'goals' | 'metrics' | 'site') => head + schemaPath(path, schema),
        )
        .replace(
          /^(\{\s*"\$schema": ")(?:\.\.\/)*schemas\/(\w+)\.schema\.json"/,
          (_m, head: string, schema: 'goals' | 'metrics' | 'site') => `${head}${schemaPath(path, schema)}"`,
        ),
    );
  }
  return files;
}

/** Every file of the new repo, by path relative to it. */
function teamFiles(repo: TeamRepo, example: boolean): Map<string, string> {
  const files = new Map<string, string>([
    ['package.json', packageJson(repo)],
    ['astro.config.mjs', astroConfig()],
    ['.gitignore', gitignore()],
    ['.npmrc', npmrc()],
    ['README.md', readme(repo)],
    ['public/favicon.svg', readFileSync(join(PACKAGE, 'public/favicon.svg'), 'utf8')],
  ]);
  for (const workflow of ['deploy.yml', 'review.yml']) {
    files.set(`.github/workflows/${workflow}`, readFileSync(join(PACKAGE, '.github/workflows', workflow), 'utf8'));
  }
  if (example) {
    for (const [path, text] of exampleFiles()) files.set(path, text);
    if (repo.locale !== 'en-US') {
      const site = files.get('content/site.yaml') ?? '';
      files.set(
        'content/site.yaml',
        /^locale:.*$/m.test(site) ? site.replace(/^locale:.*$/m, `locale: ${repo.locale}`) : `${site}locale: ${repo.locale}\n`,
      );
    }
  } else {
    files.set('content/site.yaml', siteYaml(repo));
    files.set('goals/goals.yaml', goalsYaml());
    for (const dir of ['data', 'reports']) files.set(`${dir}/.gitkeep`, '');
  }
  return files;
}

/** The version ranges a new repo depends on: this package's version, its Astro and its Node. */
function versions(): TeamRepo['versions'] {
  const own = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
    version: string;
    peerDependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return {
    goalpost: `^${own.version}`,
    astro: own.peerDependencies?.['astro'] ?? '^7.3.5',
    node: own.devDependencies?.['node'] ?? '^24.21.0',
  };
}

/** What is at a path, without following a link: null when nothing is. */
function kindAt(path: string): 'file' | 'folder' | 'link' | 'other' | null {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : stat.isSymbolicLink() ? 'link' : 'other';
  } catch {
    return null;
  }
}

/**
 * Why init cannot write each of its files into `dir`: a file, link or anything else there
 * already, or a file or link (even a dangling one, or a loop) where it writes a folder. Links
 * are never followed, so that init never writes outside the folder it is given.
 */
export function obstacles(dir: string, paths: readonly string[]): Array<{ path: string; why: string }> {
  const found = new Map<string, string>();
  const describe: Record<'file' | 'folder' | 'link' | 'other', string> = {
    file: 'a file',
    folder: 'a folder',
    link: 'a link',
    other: 'a special file',
  };
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const kind = kindAt(join(dir, folder));
      if (kind !== null && kind !== 'folder') found.set(folder, `is ${describe[kind]}, where init writes a folder`);
    }
    const kind = kindAt(join(dir, path));
    if (kind === 'file') found.set(path, 'exists already: init never overwrites a file');
    else if (kind !== null) found.set(path, `exists already (${describe[kind]}): init never overwrites anything`);
  }
  return [...found].map(([path, why]) => ({ path, why })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `goalpost init`: writes the repo, or lists the files that exist already and exits 1. */
export async function runInit(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(
    args,
    {
      help: { type: 'boolean', short: 'h' },
      example: { type: 'boolean' },
      locale: { type: 'string' },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.values['help']) {
    io.out(HELP);
    return 0;
  }
  if (parsed.positionals.length > 1)
    return usageError(io, `init takes one folder, got ${parsed.positionals.length} (see --help)`);
  const locale = (parsed.values['locale'] as string | undefined) ?? 'en-US';
  if (!supportedLocale(locale)) {
    return usageError(
      io,
      `--locale '${locale}' is not a BCP 47 language tag that Node.js formats numbers in (e.g. en-US, fr-FR, it-IT)`,
    );
  }
  const dir = resolve(io.cwd, parsed.positionals[0] ?? '.');
  if (existsSync(dir) && !statSync(dir).isDirectory()) return usageError(io, `${dir} exists and is not a folder`);
  const folder = basename(dir);
  const repo: TeamRepo = { name: packageName(folder), title: `${folder} social media reports`, locale, versions: versions() };
  const files = teamFiles(repo, parsed.values['example'] === true);
  const near = (path: string) => {
    const rel = relative(io.cwd, path);
    return rel.startsWith('..') ? path : rel;
  };
  const shown = (path: string) => near(join(dir, path));
  const blocked = obstacles(dir, [...files.keys()]);
  if (blocked.length > 0) {
    io.err(blocked.map(({ path, why }) => `${shown(path)}: ${why}`).join('\n'));
    io.err(
      `Nothing written: move or delete ${blocked.length === 1 ? 'this one' : `these ${blocked.length}`}, or init another folder.`,
    );
    return 1;
  }
  const made = !existsSync(dir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    return usageError(io, `${dir}: cannot make the folder: ${(error as Error).message}`);
  }
  // All the files or none: staged, then renamed into place, never over a file or through a link.
  const outcome = await commitFiles(
    dir,
    [...files].map(([path, text]) => ({ path, text, exclusive: true })),
  );
  if (!outcome.ok) {
    if (made) {
      try {
        rmdirSync(dir);
      } catch {
        // Left as an empty folder: nothing of init's is in it.
      }
    }
    io.err(`${shown(outcome.path)}: ${outcome.message}`);
    io.err('Nothing written.');
    return 1;
  }
  const cd = near(dir);
  io.out(
    `Wrote a Goalpost repo in ${cd || '.'} (${files.size} files${parsed.values['example'] ? ', with the example' : ''}). Next:\n` +
      `${cd ? `  cd ${cd}\n` : ''}  npm install\n  npm run build`,
  );
  return 0;
}
