/**
 * The files `goalpost init` writes for a team's reporting repo, as text: package.json,
 * astro.config.mjs, content/site.yaml, .gitignore, .npmrc and the team's
 * README (the workflows and the example are copied from the package). Pure.
 */

export interface TeamRepo {
  /** The repo's package name (its folder's name, made npm-safe). */
  readonly name: string;
  /** The site's title. */
  readonly title: string;
  /** BCP 47 locale of the site (`en-US` unless `--locale`). */
  readonly locale: string;
  /** Version ranges of the packages the repo depends on, as this package has them. */
  readonly versions: { readonly goalpost: string; readonly astro: string; readonly node: string };
}

/** Where a team's repo finds the published JSON Schemas: the installed package. */
export const TEAM_SCHEMAS = 'node_modules/goalpost/schemas';

/**
 * The reference to a published JSON Schema from a file at `path` (relative to the repo), the
 * schemas being in `folder` (relative to the repo): a team's installed package by default.
 */
export function schemaPath(path: string, schema: 'goals' | 'metrics' | 'site', folder = TEAM_SCHEMAS): string {
  return `${'../'.repeat(path.split('/').length - 1)}${folder}/${schema}.schema.json`;
}

/** An npm package name from a folder name: lower case, letters, digits and dashes. */
export function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return name === '' ? 'goalpost-reports' : name.slice(0, 214);
}

/** package.json: depends on goalpost; `build`, `goalpost`, and `test` (= validate). */
export function packageJson(repo: TeamRepo): string {
  return `${JSON.stringify(
    {
      name: repo.name,
      private: true,
      type: 'module',
      scripts: {
        // Astro's build, ended before Astro starts when nothing changed since the last one.
        build: 'goalpost build',
        preview: 'astro preview',
        goalpost: 'goalpost',
        test: 'goalpost validate',
      },
      dependencies: { goalpost: repo.versions.goalpost, astro: repo.versions.astro },
      // Node 24 for every `npm run`, whatever the machine's own Node (as in Goalpost's own repo).
      devDependencies: { node: repo.versions.node },
      // npm's install-script allow list: Node's own binary and esbuild (used by Astro) need theirs.
      allowScripts: { node: true, esbuild: true },
    },
    null,
    2,
  )}\n`;
}

/** astro.config.mjs: the integration brings every page, MDX and the build settings. */
export function astroConfig(): string {
  return `// @ts-check
import { defineConfig } from 'astro/config';
import goalpost from 'goalpost';

export default defineConfig({
  integrations: [goalpost()],
});
`;
}

/** content/site.yaml for a blank repo. */
export function siteYaml(repo: TeamRepo): string {
  return `# yaml-language-server: $schema=${schemaPath('content/site.yaml', 'site')}
# Site settings: see node_modules/goalpost/docs/site.md
title: ${JSON.stringify(repo.title)}
locale: ${repo.locale}
currency: EUR
`;
}

/**
 * goals/goals.yaml of a blank repo: no goal yet, the schema comment (editors then complete and
 * check the goals written here) and an example in comments.
 */
export function goalsYaml(): string {
  return `# yaml-language-server: $schema=${schemaPath('goals/goals.yaml', 'goals')}
# Goals and OKRs: see node_modules/goalpost/docs/goals.md. For example:
#
# goals:
#   - id: ig-followers-q3
#     title: Grow Instagram followers
#     period: 2026-Q3
#     channel: instagram
#     kpi: follower_count
#     target: { change: "+10%" }
goals: []
`;
}

/** .gitignore: build output and installed packages. */
export function gitignore(): string {
  return `node_modules/
dist/
.astro/
*.log
`;
}

/**
 * .npmrc: the Node options every `npm run` script gets (npm sets NODE_OPTIONS from it), chosen for
 * the build's peak memory at the same speed (the benchmark's L root: ~780 → ~500 MB):
 * - `--max-semi-space-size=4`: V8's young generation stays at 4 MB semi-spaces instead of being sized
 *   from the machine's memory; a build makes much short-lived garbage, less of it is resident at once.
 * - `MIMALLOC_ARENA_EAGER_COMMIT=0` (unless already set), by a one-line module imported before the
 *   script starts: Rolldown's allocator (mimalloc) otherwise commits its arenas eagerly, and the
 *   memory Vite's bundling used stays resident for the rest of the build. A `data:` module, so that
 *   it works before any package is installed (npm's own install scripts get these options too).
 */
export function npmrc(): string {
  return `# Node options for every \`npm run\` script (npm passes them as NODE_OPTIONS; add your own here),
# chosen for the build's peak memory: a 4 MB young generation for V8, and arenas committed on demand
# for Rolldown's allocator (mimalloc), unless MIMALLOC_ARENA_EAGER_COMMIT is set already.
node-options=--max-semi-space-size=4 --import=data:text/javascript,process.env.MIMALLOC_ARENA_EAGER_COMMIT??=0
`;
}

/** The team's README: the commands they need. */
export function readme(repo: TeamRepo): string {
  return `# ${repo.title}

Social-media goals and KPIs, reported with [Goalpost](https://www.npmjs.com/package/goalpost).

\`\`\`sh
npm install                       # once (Node 24 comes with it: \`npm run\` uses it)
npm test                          # checks goals, data and settings: problems as file:line:col
npm run build                     # builds the site into dist/
npm run goalpost -- report --period 2026-Q2
npm run goalpost -- import <export.csv> --channel instagram   # platform exports to data/
npm run goalpost -- freeze 2026-Q2                            # a frozen report version in reports/
npm update goalpost               # upgrades never touch your content
\`\`\`

| folder | what goes in |
|---|---|
| \`goals/\` | goal and objective YAML, any file names and nesting |
| \`data/\` | metric JSON, any file names and nesting (\`goalpost import\` writes it) |
| \`content/\` | \`site.yaml\` (site settings) and optional narratives \`reports/<yyyy-qn>.mdx\` |
| \`reports/\` | frozen report versions written by \`goalpost freeze\` (commit them) |

The formats, the KPI catalogue and the import formats are documented in
\`node_modules/goalpost/docs/\`. Editors with the YAML language server complete and check
goals and settings (the schema comment at the top of each file).

\`.github/workflows/deploy.yml\` publishes the site on GitHub Pages on every push to main;
\`review.yml\` comments a pull request's goal changes (a moved goalpost fails it).

\`.npmrc\` gives every \`npm run\` script Node options that keep the build's memory low; npm uses
them instead of a \`NODE_OPTIONS\` set in your shell, so add your own options there.
`;
}
