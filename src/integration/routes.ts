/**
 * Every page of a Goalpost site, as routes the integration injects: a team's repo has no
 * `src/pages/`. Entry points are files of this package (`src/routes/`), found relative to
 * this module, which sits two folders below the package root both as source
 * (`src/integration/`) and compiled (`dist-pkg/integration/`).
 */
import type { InjectedRoute } from 'astro';

/** Route pattern → entry file under `src/routes/`. */
const ROUTES: ReadonlyArray<readonly [pattern: string, file: string]> = [
  ['/', 'index.astro'],
  ['/404', '404.astro'],
  ['/robots.txt', 'robots.txt.ts'],
  ['/[name].xml', 'sitemap.xml.ts'],
  ['/changes', 'changes/index.astro'],
  ['/goals', 'goals/index.astro'],
  ['/goals/[id]', 'goals/[id]/index.astro'],
  ['/reports', 'reports/index.astro'],
  ['/reports/[quarter]', 'reports/[quarter]/index.astro'],
  ['/reports/[quarter]/goalpost-[slug]-kpis.csv', 'reports/[quarter]/kpis.csv.ts'],
  ['/reports/[quarter]/goalpost-[slug]-scorecard.csv', 'reports/[quarter]/scorecard.csv.ts'],
  ['/reports/[quarter]/preview.png', 'reports/[quarter]/preview.png.ts'],
  ['/reports/[quarter]/[channel]', 'reports/[quarter]/[channel]/index.astro'],
  ['/reports/[quarter]/[channel]/goalpost-[slug]-kpis.csv', 'reports/[quarter]/[channel]/kpis.csv.ts'],
  ['/reports/[quarter]/v[version]', 'reports/[quarter]/v[version]/index.astro'],
  ['/reports/[quarter]/v[version]/goalpost-[slug]-kpis.csv', 'reports/[quarter]/v[version]/kpis.csv.ts'],
];

/** The routes to inject, with entry points resolved against `base` (the package root). */
export function goalpostRoutes(base: URL = new URL('../../', import.meta.url)): InjectedRoute[] {
  return ROUTES.map(([pattern, file]) => ({ pattern, entrypoint: new URL(`src/routes/${file}`, base), prerender: true }));
}
