/**
 * Templates render props only (issue 13, "Route data built once"): no component or layout
 * loads the project, the view models or the history, and none imports the engine, a view-model
 * builder or a chart spec builder; they get what they render from their route (props, or the
 * quarter page's route data on `Astro.locals` for a narrative's components). Route pages get
 * their data from the memoised `siteViews()` and the route lists, never by loading it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The modules a file imports values from (not `import type`), as paths inside src/ (`core/kpis.ts`), or package names. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((m) => {
    const spec = m[1]!;
    return spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec;
  });
}

/** What a template may import values from inside src/: words, paths, formatters, translations, the chart renderer, other templates. */
const ALLOWED = [
  /^site\/(words|paths|share|narrativeKeys)\.ts$/,
  /^format\//,
  /^translations\//,
  /^charts\/render\.ts$/,
  /^(components|layouts)\/.*\.astro$/,
  /^styles\//,
];
/** Folders of the engine, the loaders and the view-model builders. */
const ENGINE = /^(core|load|site|charts|review|git|io|import|cli|integration)\//;

const LOADS = /\b(siteModel|siteViews|siteHistory|loadProject|createEngine)\(/;

const templates = [...files(join(SRC, 'components'), /\.astro$/), ...files(join(SRC, 'layouts'), /\.astro$/)];

describe('templates (src/components, src/layouts)', () => {
  it('are found', () => {
    expect(templates.length).toBeGreaterThanOrEqual(19);
  });

  it.each(templates.map((f) => [relative(SRC, f), f]))('%s loads nothing itself', (_, file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(LOADS);
  });

  it.each(templates.map((f) => [relative(SRC, f), f]))('%s imports no engine or view-model builder', (_, file) => {
    const engine = valueImports(file).filter((m) => ENGINE.test(m) && !ALLOWED.some((a) => a.test(m)));
    expect(engine).toEqual([]);
  });
});

describe('route pages (src/routes)', () => {
  const routes = files(join(SRC, 'routes'), /\.(astro|ts)$/);

  it.each(routes.map((f) => [relative(SRC, f), f]))('%s takes its data from the site views or its route list', (_, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/\b(siteModel|siteHistory|loadProject|createEngine)\(/);
    const engine = valueImports(file).filter((m) => /^(core|load|review|git)\//.test(m));
    expect(engine).toEqual([]);
  });
});
