/**
 * Renders Vega-Lite specs to SVG at build time (no JavaScript in the pages). Identical
 * specs render once per build: results are cached by a hash of the spec and width.
 * With GOALPOST_CHART_STATS=<file>, the counts are written there when the build ends.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { vegaTextWidth } from './textMetrics.ts';

/** vega re-exports vega-scenegraph's text measure at runtime; its typings omit it. */
(vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics.width = vegaTextWidth;

/** The width charts are laid out at: natural size in the desktop grid, ~0.9× on a 390 px phone. */
export const CHART_WIDTH = 400;

const cache = new Map<string, Promise<string>>();
const stats = { rendered: 0, cached: 0 };

const statsFile = process.env['GOALPOST_CHART_STATS'];
if (statsFile) {
  process.on('exit', () => writeFileSync(statsFile, JSON.stringify(stats)));
}

/** How many charts were rendered and how many came from the cache, this build. */
export function renderStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** Renders a spec at a pixel width to an SVG string that scales with its container. */
export function renderSvg(spec: TopLevelSpec, width: number): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify(spec)).update(`|${width}`).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    stats.cached++;
    return hit;
  }
  stats.rendered++;
  const result = render(spec, width);
  cache.set(key, result);
  return result;
}

/** Vega-Lite warnings are defects of a spec builder: they fail the build instead of scrolling by. */
const logger = {
  level: () => logger,
  error: (...m: unknown[]) => { throw new Error(`Vega-Lite: ${m.join(' ')}`); },
  warn: (...m: unknown[]) => { throw new Error(`Vega-Lite warning: ${m.join(' ')}`); },
  info: () => logger,
  debug: () => logger,
};

async function render(spec: TopLevelSpec, width: number): Promise<string> {
  const vg = compile({ ...spec, width } as TopLevelSpec, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return responsive(svg);
}

const GEOMETRY = /\b(d|transform|x|y|x1|x2|y1|y2|width|height|points|r|cx|cy)="([^"]*)"/g;

/**
 * Shrinks Vega's SVG without changing what it draws: coordinates rounded to 0.1 px (in
 * geometry attributes only, never in text), defaults and empty paths dropped, the font
 * family left to the page's CSS, and Vega's per-mark ARIA dropped (each chart is hidden
 * from assistive technology and described by its figure's label and data table).
 */
function compact(svg: string): string {
  return svg
    .replace(GEOMETRY, (_, name: string, value: string) => `${name}="${value.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`)
    .replace(/ opacity="1"| pointer-events="none"| font-family="[^"]*"| role="[^"]*"| aria-roledescription="[^"]*"| aria-label="[^"]*"/g, '')
    .replace(/<path class="(?:background|foreground)" aria-hidden="true" d="[^"]*"(?: display="none")?\/>/g, '');
}

/** Makes an SVG scale to its container: keeps the viewBox, drops the fixed size. */
function responsive(svg: string): string {
  return compact(svg).replace(/^<svg([^>]*?) width="([\d.]+)" height="([\d.]+)"/, (_, attrs: string, w: string, h: string) =>
    `<svg${attrs} width="100%" style="max-width:${w}px;height:auto" preserveAspectRatio="xMinYMin meet" data-width="${w}" data-height="${h}"`);
}
