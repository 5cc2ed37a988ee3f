/**
 * Where the content root is, and what it takes to know it: the narratives' content collection
 * (src/content.config.ts), which Astro's type generation loads through Vite before every build,
 * needs only the content root, so it imports nothing else of Goalpost (the loader, zod schemas,
 * YAML and the MDX parser: about 0.6 s of the 1.2 s type generation on the L benchmark root).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it("is all the narratives' collection loads of Goalpost", () => {
    const modules = [...localImports('src/content.config.ts')].map((p) => relative(process.cwd(), p).split('\\').join('/'));
    expect(modules.sort()).toEqual(['src/content.config.ts', 'src/load/root.ts']);
  });
});
