/**
 * Where the content root is; and the content config (src/content.config.ts), which Astro's type
 * generation loads through Vite before every build: it declares no collection (narratives are
 * modules: src/integration/narrativeModules.ts) and imports nothing, so that step stays cheap
 * (~0.1 s on the L benchmark root, against ~0.6 s with the narratives' collection).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collections } from '../../src/content.config.ts';
import { contentRoot } from '../../src/load/root.ts';

/** The modules of this package a module imports, itself included, following relative imports. */
function localImports(file: string, seen = new Set<string>()): Set<string> {
  const path = resolve(file);
  if (seen.has(path)) return seen;
  seen.add(path);
  for (const m of readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm))
    localImports(join(dirname(path), m[1]!), seen);
  return seen;
}

describe('the content root', () => {
  it('is GOALPOST_ROOT, relative to the working directory, or the working directory', () => {
    expect(contentRoot({ GOALPOST_ROOT: 'site' }, '/repo')).toBe(resolve('/repo/site'));
    expect(contentRoot({ GOALPOST_ROOT: '/elsewhere' }, '/repo')).toBe(resolve('/elsewhere'));
    expect(contentRoot({}, '/repo')).toBe(resolve('/repo'));
  });

  it('is not what the content config needs: it declares no collection and imports nothing of Goalpost', () => {
    const modules = [...localImports('src/content.config.ts')].map((p) => relative(process.cwd(), p).split('\\').join('/'));
    expect(modules).toEqual(['src/content.config.ts']);
    expect(collections).toEqual({});
  });
});
