/**
 * Narratives as modules: `virtual:goalpost/narratives` maps each quarter's slug to an import of
 * its MDX file (`content/reports/<yyyy-qn>.mdx` under the content root), which the MDX
 * integration compiles to a component. A quarter's page renders it from there. (Through Astro's
 * content layer instead, every build paid ~0.5 s for its sync: a Vite server to load the
 * collection's config, the glob loader and the data store, for at most one file per quarter.)
 * Only the files a page would show are listed: named after a quarter in lower case, and read by
 * the loader's rules (inside the content root), as `narrativeText` reads them for validation.
 * The module is marked as content data for Astro's incremental build, as its own content modules
 * are: the quarter page's template code does not change with a narrative's prose, which is in the
 * key of the one page that shows it (`src/site/pageKeys.ts`), so editing a narrative renders that
 * page again, not every quarter's.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { narrativeText } from '../site/narrative.ts';
import { NARRATIVES_DIR } from '../site/narrativeCheck.ts';

export const NARRATIVES_MODULE = 'virtual:goalpost/narratives';
const RESOLVED = `\0${NARRATIVES_MODULE}`;
/** What Astro's incremental build leaves out of a route's code digest (`astro/dist/core/build/incremental-metadata.js`). */
const CONTENT_DATA = { astroIncremental: { kind: 'content-data' } } as const;

/** The part of a Vite plugin this needs (Vite's types are not a dependency of the package). */
export interface NarrativeModulesPlugin {
  name: string;
  resolveId(id: string): { id: string; meta: typeof CONTENT_DATA } | null;
  load(id: string): Promise<string | null>;
  configureServer(server: NarrativeDevServer): void;
}

/** The part of Vite's dev server the plugin uses: its file watcher and its environments' module graphs. */
export interface NarrativeDevServer {
  watcher: { add(path: string): unknown; on(event: 'add' | 'unlink', listener: (path: string) => void): unknown };
  environments: Record<string, { moduleGraph: { getModuleById(id: string): unknown; invalidateModule(module: never): void } }>;
}

/** The slugs (`2026-q3`) of the narratives in a content root that a page shows, sorted. */
export async function shownNarratives(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(join(root, NARRATIVES_DIR));
  } catch {
    return [];
  }
  const slugs = names.filter((name) => /^\d{4}-q[1-4]\.mdx$/.test(name)).map((name) => name.slice(0, -4));
  const shown = await Promise.all(slugs.map(async (slug) => ((await narrativeText(slug, root)) === null ? null : slug)));
  return shown.filter((slug): slug is string => slug !== null).sort();
}

/** The module's code: each shown narrative imported on demand, by its slug (its path with forward slashes, as Vite takes it). */
export function narrativesModule(root: string, slugs: readonly string[]): string {
  const entries = slugs.map((slug) => {
    const file = join(root, NARRATIVES_DIR, `${slug}.mdx`).split(sep).join('/');
    return `  ${JSON.stringify(slug)}: () => import(${JSON.stringify(file)}),`;
  });
  return `export default {\n${entries.join('\n')}\n};\n`;
}

/** The Vite plugin serving `virtual:goalpost/narratives` for a content root (listed again when a narrative is added or removed in dev). */
export function narrativeModules(root: string): NarrativeModulesPlugin {
  return {
    name: 'goalpost:narratives',
    resolveId: (id) => (id === NARRATIVES_MODULE ? { id: RESOLVED, meta: CONTENT_DATA } : null),
    load: async (id) => (id === RESOLVED ? narrativesModule(root, await shownNarratives(root)) : null),
    configureServer(server) {
      const dir = join(root, NARRATIVES_DIR);
      server.watcher.add(dir);
      const relist = (path: string): void => {
        if (!path.startsWith(dir + sep)) return;
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(RESOLVED);
          if (module) environment.moduleGraph.invalidateModule(module as never);
        }
      };
      server.watcher.on('add', relist);
      server.watcher.on('unlink', relist);
    },
  };
}
