/**
 * Goalpost's own TypeScript modules (everything under `src/` but the routes) stay out of the pages'
 * bundle: the built pages import them as they are, from the files the integration itself runs
 * (`src/*.ts` through Node's type stripping in this repository, `dist-pkg/*.js` in the package).
 * Vite then bundles only the templates, and the build holds one copy of each module, shared by the
 * integration and the pages. Modules that import Astro's virtual modules live under `src/routes/`
 * and stay bundled.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The part of a Vite plugin this needs (Vite's types are not a dependency of the package). */
export interface SharedModulesPlugin {
  name: string;
  apply: 'build';
  enforce: 'pre';
  resolveId(source: string, importer: string | undefined): { id: string; external: true } | null;
}

/**
 * The address a page imports `file` (a source module) from, or null when it is bundled: outside `src/`,
 * under `src/routes/`, or not a `.ts` module. `compiled` maps it to its `dist-pkg/` twin.
 */
export function sharedModuleUrl(packageRoot: string, file: string, compiled: boolean): string | null {
  const src = join(packageRoot, 'src') + sep;
  if (!file.startsWith(src) || !file.endsWith('.ts') || file.endsWith('.d.ts')) return null;
  const inside = relative(src, file);
  if (inside.startsWith(`routes${sep}`) || inside === 'content.config.ts') return null;
  const target = compiled ? join(packageRoot, 'dist-pkg', inside.replace(/\.ts$/, '.js')) : file;
  return pathToFileURL(target).href;
}

/** The Vite plugin that marks Goalpost's own modules external in a build. */
export function sharedModules(packageRoot: string, compiled: boolean): SharedModulesPlugin {
  return {
    name: 'goalpost:shared-modules',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const from = resolve(importer.replace(/[?#].*$/, ''));
      if (!from.startsWith(packageRoot)) return null;
      const id = sharedModuleUrl(packageRoot, resolve(dirname(from), source), compiled);
      return id === null ? null : { id, external: true };
    },
  };
}
