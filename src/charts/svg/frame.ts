/**
 * The root of a directly written chart: Vega's autosize "pad" (the view grows by the bounds of
 * its axes, marks and legends beyond the plot, rounded up, plus Vega-Lite's padding of 5 px)
 * and the groups Vega's SVG renderer writes around the scene.
 */
import type { Bounds } from './bounds.ts';
import { compactNumbers, translate } from './markup.ts';

/** Vega's padding around a chart, in pixels (Vega-Lite's default). */
export const PADDING = 5;

/**
 * The root `<svg>` of a chart whose plot is `width` × `height`, laid out within `bounds`
 * (autosize "pad"), with `padding` around it and the `defs` (clip paths) after the scene. Its
 * size is written as render.ts's `compact` leaves it (a band chart's height can be 486.00000000000006),
 * its viewBox exact, as Vega's.
 */
export function svgRoot(bounds: Bounds, width: number, height: number, content: string, defs = '', padding = PADDING): string {
  const left = Math.max(0, Math.ceil(-bounds.x1));
  const top = Math.max(0, Math.ceil(-bounds.y1));
  const right = Math.max(0, Math.ceil(bounds.x2 - width));
  const bottom = Math.max(0, Math.ceil(bounds.y2 - height));
  const w = left + width + right + 2 * padding;
  const h = top + height + bottom + 2 * padding;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="${compactNumbers(String(w))}" height="${compactNumbers(String(h))}" viewBox="0 0 ${w} ${h}">` +
    `<g fill="none" stroke-miterlimit="4" transform="${translate(left + padding, top + padding)}">` +
    `<g class="mark-group role-frame root">${content}</g></g>` +
    (defs ? `<defs>${defs}</defs>` : '') +
    '</svg>'
  );
}
