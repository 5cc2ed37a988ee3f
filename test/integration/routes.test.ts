import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goalpostRoutes } from '../../src/integration/routes.ts';

describe('injected routes', () => {
  const routes = goalpostRoutes();

  it('point at files of the package, so a team needs no src/pages', () => {
    for (const route of routes) expect(existsSync(fileURLToPath(route.entrypoint)), String(route.entrypoint)).toBe(true);
    expect(existsSync(fileURLToPath(new URL('../../src/pages', import.meta.url)))).toBe(false);
  });

  it('cover every page the spec lists, prerendered', () => {
    expect(routes.map((r) => r.pattern)).toEqual(
      expect.arrayContaining([
        '/',
        '/reports/[quarter]',
        '/reports/[quarter]/[channel]',
        '/goals',
        '/goals/[id]',
        '/reports/[quarter]/v[version]',
      ]),
    );
    expect(routes.every((r) => r.prerender === true)).toBe(true);
    expect(new Set(routes.map((r) => r.pattern)).size).toBe(routes.length);
  });

  it('resolve against another package root (node_modules/goalpost) the same way', () => {
    const base = new URL('file:///team/node_modules/goalpost/');
    expect(String(goalpostRoutes(base)[0]!.entrypoint)).toBe('file:///team/node_modules/goalpost/src/routes/index.astro');
  });
});
