/**
 * Goalpost's own modules stay out of the pages' bundle (issue 15: Vite transformed them a second
 * time, and the build held two copies): a page imports them from the files the integration runs,
 * `src/*.ts` in this repository and their compiled twins in `dist-pkg/` in the package; the
 * routes, which import Astro's virtual modules, and everything outside `src/` stay bundled.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedModules, sharedModuleUrl } from '../../src/integration/sharedModules.ts';

const root = '/pkg/';
const url = (path: string) => pathToFileURL(path).href;

describe('sharedModuleUrl', () => {
  it('keeps a source module where it is, or maps it to its compiled twin', () => {
    expect(sharedModuleUrl(root, '/pkg/src/core/kpi.ts', false)).toBe(url('/pkg/src/core/kpi.ts'));
    expect(sharedModuleUrl(root, '/pkg/src/core/kpi.ts', true)).toBe(url('/pkg/dist-pkg/core/kpi.js'));
    expect(sharedModuleUrl(root, '/pkg/src/site/words.ts', true)).toBe(url('/pkg/dist-pkg/site/words.js'));
  });

  it('bundles the routes, the content config, templates, declarations and anything outside src/', () => {
    expect(sharedModuleUrl(root, '/pkg/src/routes/robots.txt.ts', false)).toBeNull();
    expect(sharedModuleUrl(root, '/pkg/src/routes/reports/[quarter]/kpis.csv.ts', true)).toBeNull();
    expect(sharedModuleUrl(root, '/pkg/src/content.config.ts', false)).toBeNull();
    expect(sharedModuleUrl(root, '/pkg/src/components/Status.astro', false)).toBeNull();
    expect(sharedModuleUrl(root, '/pkg/src/locals.d.ts', false)).toBeNull();
    expect(sharedModuleUrl(root, '/pkg/srcs/core/kpi.ts', false)).toBeNull();
    expect(sharedModuleUrl(root, '/elsewhere/src/core/kpi.ts', false)).toBeNull();
  });
});

describe('the Vite plugin', () => {
  const plugin = sharedModules(root, false);

  it('runs in builds only, before Vite resolves the module itself', () => {
    expect(plugin.apply).toBe('build');
    expect(plugin.enforce).toBe('pre');
  });

  it('marks a relative import of a source module from a template or a module external', () => {
    expect(plugin.resolveId('../site/words.ts', '/pkg/src/components/Status.astro')).toEqual({
      id: url('/pkg/src/site/words.ts'),
      external: true,
    });
    expect(plugin.resolveId('../../format/intl.ts', '/pkg/src/routes/goals/index.astro?astro&type=script')).toEqual({
      id: url('/pkg/src/format/intl.ts'),
      external: true,
    });
    expect(plugin.resolveId('./goalView.ts', '/pkg/src/site/model.ts')).toEqual({
      id: url('/pkg/src/site/goalView.ts'),
      external: true,
    });
  });

  it('leaves packages, templates, routes, the entry point and the team’s own files to Vite', () => {
    expect(plugin.resolveId('yaml', '/pkg/src/site/model.ts')).toBeNull();
    expect(plugin.resolveId('astro:content', '/pkg/src/routes/index.astro')).toBeNull();
    expect(plugin.resolveId('./TableScroll.astro', '/pkg/src/components/Status.astro')).toBeNull();
    expect(plugin.resolveId('./robots.txt.ts', '/pkg/src/routes/index.astro')).toBeNull();
    expect(plugin.resolveId('/pkg/src/routes/index.astro', undefined)).toBeNull();
    expect(plugin.resolveId('./lib.ts', '/team/src/pages/x.astro')).toBeNull();
  });

  it('resolves every source module the templates import to a file that is there', () => {
    const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
    const plugin = sharedModules(packageRoot, false);
    const templates = readdirSync(join(packageRoot, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.astro'))
      .map((f) => join(packageRoot, 'src', f));
    const external = templates.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+\.ts)'/g)].map((m) => plugin.resolveId(m[1]!, file)),
    );
    expect(external.length).toBeGreaterThan(50);
    for (const resolved of external) if (resolved) expect(existsSync(fileURLToPath(resolved.id)), resolved.id).toBe(true);
  });
});
