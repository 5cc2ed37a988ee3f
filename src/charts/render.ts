/**
 * Renders Vega-Lite specs to SVG at build time (no JavaScript in the pages). The pipeline:
 * spec → a direct writer (svg/index.ts) when one draws it, else Vega (loaded on first use)
 * through one View per chart shape (the spec without its data) → ids scoped to the chart →
 * an SVG that scales with its container. A direct writer's chart is drawn each time it is asked
 * for (cheaper than a key for it) and its ids scoped by a hash of its SVG; Vega renders identical
 * specs once per build (an in-memory cache keyed by a hash of the spec and width), and once per
 * renderer version across builds (the disk cache of chartCache.ts).
 * With GOALPOST_CHART_STATS=<file>, the counts are written there when the build ends; with
 * GOALPOST_CHART_DUMP=<file>, every chart drawn or rendered (spec and width: one per count of
 * `direct` and `rendered`), for tests and profiling.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Vega from 'vega';
import type { compile as Compile, TopLevelSpec } from 'vega-lite';
import { AXIS_LABEL_CODE, AXIS_LABEL_FUNCTION, axisTickLabel } from './axisNumbers.ts';
import { type ChartCache, chartCache, chartCacheDir } from './chartCache.ts';
import { type DirectChart, drawDirectChart } from './svg/index.ts';
import { compactNumbers } from './svg/markup.ts';
import { measureText, vegaTextWidth } from './textMetrics.ts';
import { guardNames, unguardNames, unmarked } from './vegaNames.ts';

/** Vega and Vega-Lite, loaded on first use. */
interface VegaModules {
  readonly vega: typeof Vega;
  readonly compile: typeof Compile;
}

let vegaModules: Promise<VegaModules> | undefined;

/**
 * Loads Vega and Vega-Lite once, when a chart first falls back to them: a build whose charts
 * are all drawn directly never loads them (less startup time and memory).
 */
function loadVega(): Promise<VegaModules> {
  return (vegaModules ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    // vega re-exports vega-scenegraph's text measure at runtime; its typings omit it.
    // (Markers of vegaNames.ts measure as nothing.)
    (vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics.width = (item, text) =>
      vegaTextWidth(item, Array.isArray(text) ? text.map((t) => unmarked(String(t))) : unmarked(String(text ?? '')));
    // Number axes are labelled as the site's locale writes numbers (theme.ts's axisLabels).
    vega.expressionFunction(AXIS_LABEL_FUNCTION, axisTickLabel);
    return { vega, compile: vegaLite.compile };
  }));
}

/** Whether this process has loaded Vega (only a chart that no direct writer draws loads it). */
export function vegaLoaded(): boolean {
  return vegaModules !== undefined;
}

/** The version of an installed package, from its package.json (found above its entry point: no import). */
function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json here: look further up.
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json for ${name}`);
    dir = up;
  }
}

/** The width charts are laid out at: natural size in the desktop grid, ~0.9× on a 390 px phone. */
export const CHART_WIDTH = 400;

/** Bump when the SVG a spec gives changes for a reason the version below cannot see. */
const RENDER_FORMAT = 2;

const cache = new Map<string, Promise<string>>();
/**
 * Charts drawn by a direct writer (svg/index.ts), rendered by Vega, reused within the build, read
 * from the disk cache; shapes compiled (Vega-Lite compile, Vega parse, View).
 */
const stats = { direct: 0, rendered: 0, reused: 0, cached: 0, shapes: 0 };

/** GOALPOST_CHART_DIRECT=off renders every chart with Vega (benchmarks, comparisons). */
const directOff = process.env['GOALPOST_CHART_DIRECT'] === 'off';

const statsFile = process.env['GOALPOST_CHART_STATS'];
if (statsFile) {
  process.on('exit', () => writeFileSync(statsFile, JSON.stringify(stats)));
}
const dumpFile = process.env['GOALPOST_CHART_DUMP'];
const dumped: Array<{ spec: TopLevelSpec; width: number }> = [];
if (dumpFile) {
  process.on('exit', () => writeFileSync(dumpFile, JSON.stringify(dumped)));
}

/**
 * What a rendered chart depends on besides its spec: the versions of Vega, Vega-Lite and the
 * font measured, and this renderer's own code (its source text, so an edit invalidates).
 */
export function rendererVersion(): string {
  const font = packageVersion('@fontsource/inter');
  const code = createHash('sha256')
    .update(
      [
        renderFresh,
        renderReused,
        renderShared,
        chartShape,
        render,
        loadVega,
        guardNames,
        unguardNames,
        unmarked,
        scopeIds,
        compact,
        responsive,
        finishDirect,
        sized,
        compactNumbers,
        vegaTextWidth,
        measureText,
        ...AXIS_LABEL_CODE,
      ]
        .map(String)
        .join('\n'),
    )
    .digest('hex');
  return `format ${RENDER_FORMAT}; vega ${packageVersion('vega')}; vega-lite ${packageVersion('vega-lite')}; inter ${font}; code ${code.slice(0, 16)}`;
}

let disk: ChartCache | undefined;

/** The disk cache this process uses (set up on first use from the environment). */
function diskCache(): ChartCache {
  return (disk ??= chartCache(chartCacheDir(), rendererVersion()));
}

/** Uses another disk cache (a folder, or null for none) from now on; the in-memory cache is emptied. */
export function useChartCache(dir: string | null, version = rendererVersion()): void {
  disk = chartCache(dir, version);
  cache.clear();
}

/** How many charts were rendered, reused within this build, and read from the disk cache. */
export function renderStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** The cache key of a spec at a width. */
export function chartKey(spec: TopLevelSpec, width: number): string {
  return createHash('sha256').update(JSON.stringify(spec)).update(`|${width}`).digest('hex');
}

/**
 * For the floor benchmark only (scripts/bench-floor.ts): GOALPOST_BENCH_CHART_STUB=<bytes> makes every
 * chart a blank placeholder of that many bytes, so that a build measures everything but the charts.
 */
const stubBytes = Number(process.env['GOALPOST_BENCH_CHART_STUB'] ?? 0);

/** A blank SVG of about `bytes` bytes at a width, shaped as `responsive` shapes a chart. */
export function placeholderSvg(width: number, bytes: number): string {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 240" width="100%" style="max-width:${width}px;height:auto" preserveAspectRatio="xMinYMin meet" data-width="${width}" data-height="240"><rect width="${width}" height="240" fill="none"/>`;
  const tail = '</svg>';
  return `${head}<!--${'x'.repeat(Math.max(0, bytes - head.length - tail.length - 7))}-->${tail}`;
}

/** Renders a spec at a pixel width to an SVG string that scales with its container. */
export function renderSvg(spec: TopLevelSpec, width: number): Promise<string> {
  if (stubBytes > 0) return Promise.resolve(placeholderSvg(width, stubBytes));
  // Drawn directly: cheaper than serialising the spec for a cache key, so neither kept nor looked up.
  const direct = directOff ? null : drawDirectChart(spec, width);
  if (direct !== null) {
    stats.direct++;
    if (dumpFile) dumped.push({ spec, width });
    return Promise.resolve(finishDirect(direct));
  }
  const key = chartKey(spec, width);
  const hit = cache.get(key);
  if (hit) {
    stats.reused++;
    return hit;
  }
  if (dumpFile) dumped.push({ spec, width });
  const stored = diskCache().get(key);
  if (stored !== null) {
    stats.cached++;
    const result = Promise.resolve(stored);
    cache.set(key, result);
    return result;
  }
  stats.rendered++;
  const result = renderReused(spec, width, key).then((svg) => {
    diskCache().set(key, svg);
    return svg;
  });
  cache.set(key, result);
  return result;
}

/** Vega-Lite warnings are defects of a spec builder: they fail the build instead of scrolling by. */
const logger = {
  level: () => logger,
  error: (...m: unknown[]) => {
    throw new Error(`Vega-Lite: ${m.join(' ')}`);
  },
  warn: (...m: unknown[]) => {
    throw new Error(`Vega-Lite warning: ${m.join(' ')}`);
  },
  info: () => logger,
  debug: () => logger,
};

/** Renders a spec without any cache or shared View (the oracle of tests). */
export function renderFresh(spec: TopLevelSpec, width: number): Promise<string> {
  return render(spec, width).then((svg) => responsive(scopeIds(svg, chartKey(spec, width))));
}

/** Renders a spec through its shape's shared View (what the caches store); `key` is its `chartKey`. */
export function renderReused(spec: TopLevelSpec, width: number, key = chartKey(spec, width)): Promise<string> {
  return renderShared(spec, width).then((svg) => responsive(scopeIds(svg, key)));
}

async function render(spec: TopLevelSpec, width: number): Promise<string> {
  const { vega, compile } = await loadVega();
  const vg = compile(guardNames({ ...spec, width } as TopLevelSpec), { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return unguardNames(svg);
}

const DATA_PREFIX = 'goalpost_data_';

/**
 * A chart's shape: its spec without its data (each inline `data: { values }` replaced by a
 * named data set, and each top-level parameter that only holds a value, e.g. a trend's y
 * domain, left with a null value), and the data and parameter values taken out, in order.
 */
export function chartShape(spec: TopLevelSpec): { shape: TopLevelSpec; data: unknown[][]; params: Array<[string, unknown]> } {
  const params: Array<[string, unknown]> = [];
  const top = spec as { params?: unknown };
  if (Array.isArray(top.params)) {
    spec = {
      ...spec,
      params: top.params.map((p: Record<string, unknown>) => {
        if (!('value' in p) || 'select' in p || 'bind' in p || 'expr' in p) return p;
        params.push([p['name'] as string, p['value']]);
        return { ...p, value: null };
      }),
    } as unknown as TopLevelSpec;
  }
  const data: unknown[][] = [];
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      const values =
        k === 'data' && v !== null && typeof v === 'object' && Object.keys(v).length === 1
          ? (v as { values?: unknown }).values
          : undefined;
      if (Array.isArray(values)) {
        out[k] = { name: `${DATA_PREFIX}${data.length}` };
        data.push(values);
      } else {
        out[k] = strip(v);
      }
    }
    return out;
  };
  return { shape: strip(spec) as TopLevelSpec, data, params };
}

/** A shape's compiled, parsed and instantiated View, used by one chart at a time. */
interface Shape {
  readonly view: Vega.View;
  queue: Promise<unknown>;
}

/** Views by shape, the least recently used finalized past MAX_SHAPES (memory stays bounded). */
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 200;

/**
 * Renders a spec through the View of its shape with the chart's data swapped in: Vega-Lite
 * compiles, Vega parses and a View is built once per shape. Renders of one shape run one
 * after the other. Before the data goes in, the View runs once with no data, so that every
 * data-keyed item (axis ticks, grid lines, legend entries) leaves the scenegraph and comes
 * back in the order a fresh View gives (kept items would otherwise stay first); then
 * autosize is flagged to run again (Vega only re-measures when asked). Same SVG as `render`:
 * tests compare them over every chart of the example.
 */
export async function renderShared(spec: TopLevelSpec, width: number): Promise<string> {
  const { vega, compile } = await loadVega();
  const { shape, data, params } = chartShape(guardNames({ ...spec, width } as TopLevelSpec));
  const shapeKey = JSON.stringify(shape);
  let entry = shapes.get(shapeKey);
  if (entry) {
    shapes.delete(shapeKey);
  } else {
    stats.shapes++;
    entry = {
      view: new vega.View(vega.parse(compile(shape, { logger: logger as never }).spec), { renderer: 'none' }),
      queue: Promise.resolve(),
    };
  }
  shapes.set(shapeKey, entry);
  if (shapes.size > MAX_SHAPES) {
    const [oldestKey, oldest] = shapes.entries().next().value!;
    shapes.delete(oldestKey);
    void oldest.queue.then(() => oldest.view.finalize());
  }
  const { view } = entry;
  const run = entry.queue.then(async () => {
    data.forEach((_, i) => view.data(`${DATA_PREFIX}${i}`, []));
    // Empty parameters too (an empty domain or tick list draws no tick, as no data does).
    for (const [name, value] of params) view.signal(name, Array.isArray(value) ? [] : null);
    await view.runAsync();
    for (const [name, value] of params) view.signal(name, structuredClone(value));
    // Copies: Vega adds its tuple ids to the objects it ingests.
    data.forEach((values, i) =>
      view.data(
        `${DATA_PREFIX}${i}`,
        values.map((v) => (v !== null && typeof v === 'object' ? { ...v } : v)),
      ),
    );
    view.resize();
    return unguardNames(await view.toSVG());
  });
  entry.queue = run.catch(() => undefined);
  return run;
}

const DEF_ID = /^<(?:clipPath|linearGradient|radialGradient|pattern)\b[^>]*?\sid="([^"]+)"/;
const TAG = /<[^<>]*>/g;

/**
 * Gives a chart's clip paths and gradients ids of its own: Vega numbers them from a counter
 * shared by the whole process, so the same chart would get other ids in another render
 * order (and a reused chart could point at another's clip path). They become
 * `c<key>-<n>`, numbered in order of appearance, the key being the chart's hash. Only
 * tags are rewritten, never text.
 */
export function scopeIds(svg: string, key: string): string {
  const ids = new Map<string, string>();
  for (const [tag] of svg.matchAll(TAG)) {
    const id = DEF_ID.exec(tag)?.[1];
    if (id !== undefined && !ids.has(id)) ids.set(id, `c${key.slice(0, 12)}-${ids.size + 1}`);
  }
  if (ids.size === 0) return svg;
  return svg.replace(TAG, (tag) =>
    tag.replace(
      /(\sid=")([^"]+)"|(="url\(#)([^)]+)\)"/g,
      (whole, idAttr: string | undefined, id: string | undefined, urlAttr: string | undefined, ref: string | undefined) => {
        const renamed = ids.get(id ?? ref!);
        if (renamed === undefined) return whole;
        return idAttr !== undefined ? `${idAttr}${renamed}"` : `${urlAttr}${renamed})"`;
      },
    ),
  );
}

const GEOMETRY = /\b(d|transform|x|y|x1|x2|y1|y2|width|height|points|r|cx|cy)="([^"]*)"/g;

/**
 * Shrinks Vega's SVG without changing what it draws: coordinates rounded to 0.1 px (in
 * geometry attributes only, never in text), defaults and empty paths dropped, the font
 * family left to the page's CSS, and Vega's per-mark ARIA dropped (each chart is hidden
 * from assistive technology and described by its figure's label and data table).
 */
export function compact(svg: string): string {
  return svg
    .replace(GEOMETRY, (_, name: string, value: string) => `${name}="${compactNumbers(value)}"`)
    .replace(
      / opacity="1"| pointer-events="none"| font-family="[^"]*"| role="[^"]*"| aria-roledescription="[^"]*"| aria-label="[^"]*"/g,
      '',
    )
    .replace(/<path class="(?:background|foreground)" aria-hidden="true" d="[^"]*"(?: display="none")?\/>/g, '');
}

/**
 * A directly drawn chart as `responsive(scopeIds(svg, svgKey(svg)))` gives it, without the passes that
 * would not change it: a writer's SVG is already compact, and has ids only where it says so
 * (test/charts/svg/finish.test.ts checks both over every writer's fixtures).
 */
export function finishDirect(chart: DirectChart): string {
  return sized(chart.ids ? scopeIds(chart.svg, svgKey(chart.svg)) : chart.svg);
}

/** The key a drawn chart's ids are scoped by: the SHA-256 of its SVG (the same chart, the same ids, whatever the order). */
export function svgKey(svg: string): string {
  return createHash('sha256').update(svg).digest('hex');
}

/** Makes an SVG scale to its container: keeps the viewBox, drops the fixed size. */
export function responsive(svg: string): string {
  return sized(compact(svg));
}

/** The root of an SVG with its viewBox kept and its fixed size turned into a maximum width. */
function sized(svg: string): string {
  return svg.replace(
    /^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"/,
    (_, attrs: string, w: string, h: string) =>
      `<svg${attrs} width="100%" style="max-width:${w}px;height:auto" preserveAspectRatio="xMinYMin meet" data-width="${w}" data-height="${h}"`,
  );
}
