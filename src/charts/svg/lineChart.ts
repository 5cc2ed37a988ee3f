/**
 * What the direct line-chart writers share: the parts of a spec they accept (zod: the theme
 * config of theme.ts `chartConfig`, with the values they lay out with fixed and colours and
 * locale read), Vega's constants they lay out with, and line paths.
 */
import { coord } from './markup.ts';

/** Vega's legend symbols: this area, this stroke width; the most entries a legend lists. */
export const LEGEND_SYMBOL_SIZE = 100;
export const LEGEND_SYMBOL_STROKE = 1.5;
export const LEGEND_LIMIT = 30;
/** Vega's "point" style: the stroke width of point symbols (written even when they have no stroke). */
export const POINT_STROKE_WIDTH = 2;

/** A line's SVG path through points, as d3-shape's linear line writes it (one point: "Mx,yZ"). */
export function linePath(points: ReadonlyArray<readonly [number, number]>): string {
  const [first, ...rest] = points;
  if (!first) return '';
  return `M${coord(first[0])},${coord(first[1])}${rest.length === 0 ? 'Z' : rest.map(([x, y]) => `L${coord(x)},${coord(y)}`).join('')}`;
}
