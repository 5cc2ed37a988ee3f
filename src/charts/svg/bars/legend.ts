/**
 * A bottom symbol legend as Vega lays it out (vega-parser's legend defaults, vega-view-transforms'
 * legend and grid layouts): square swatches, each with its label, in columns, below the x axis.
 */
import { element, escapeXml, translate } from '../markup.ts';
import { Box, textBox, textValue } from './layout.ts';

/** Vega's legend defaults the writers keep (vega-parser config, Vega-Lite's square symbols for bars). */
const SYMBOL_SIZE = 100;
const SYMBOL_STROKE_WIDTH = 1.5;
const LABEL_OFFSET = 4;
const COLUMN_PADDING = 10;
const ROW_PADDING = 2;
const LEGEND_OFFSET = 18;

export interface LegendStyle {
  readonly labelColor: string;
  readonly columns: number;
  readonly labelLimit: number;
  readonly fontSize: number;
}

/**
 * A legend of swatches under a chart whose axes and marks end at `bottom` (Vega's y bounds):
 * its markup and bounds.
 */
export function bottomLegend(
  entries: ReadonlyArray<{ label: string; color: string }>,
  bottom: number,
  style: LegendStyle,
): { svg: string; bounds: Box } {
  const side = Math.sqrt(SYMBOL_SIZE);
  const size = Math.max(Math.ceil(side + SYMBOL_STROKE_WIDTH), style.fontSize);
  const boxes = entries.map((e) =>
    Box.of(size / 2 - side / 2, size / 2 - side / 2, size / 2 + side / 2, size / 2 + side / 2).union(
      textBox(e.label, size + LABEL_OFFSET, size / 2, 'left', 'middle', style.fontSize),
    ),
  );
  // vega-view-transforms' gridLayout, columns aligned "each", rows centred.
  const ncols = style.columns > 0 ? style.columns : entries.length || 1;
  const nrows = Math.ceil(entries.length / ncols);
  const xExtent = Array.from({ length: ncols }, () => 0);
  const yExtent = Array.from({ length: nrows }, () => 0);
  boxes.forEach((b, i) => {
    xExtent[i % ncols] = Math.max(xExtent[i % ncols]!, Math.ceil(b.x2));
    yExtent[Math.floor(i / ncols)] = Math.max(yExtent[Math.floor(i / ncols)]!, Math.ceil(b.y2));
  });
  const offsetValue = (v: number) => (v < 0 ? Math.ceil(-v) : 0);
  const xOffset = boxes.map((b, i) => (i % ncols === 0 ? 0 : COLUMN_PADDING + offsetValue(b.x1)));
  const yOffset = boxes.map((b, i) => (i < ncols ? 0 : ROW_PADDING + offsetValue(b.y1)));
  for (let c = 1; c < ncols; c++) {
    let offset = 0;
    for (let i = c; i < boxes.length; i += ncols) offset = Math.max(offset, xOffset[i]!);
    for (let i = c; i < boxes.length; i += ncols) xOffset[i] = offset + xExtent[c - 1]!;
  }
  for (let r = 1; r < nrows; r++) {
    let offset = 0;
    const end = Math.min(boxes.length, (r + 1) * ncols);
    for (let i = r * ncols; i < end; i++) offset = Math.max(offset, yOffset[i]!);
    for (let i = r * ncols; i < end; i++) yOffset[i] = offset + yExtent[r - 1]!;
  }
  const dx: number[] = [];
  const dy: number[] = [];
  let x = 0;
  boxes.forEach((_, i) => {
    x = xOffset[i]! + (i % ncols ? x : 0);
    dx[i] = x;
  });
  for (let c = 0; c < ncols; c++) {
    let y = 0;
    for (let i = c; i < boxes.length; i += ncols) {
      y += yOffset[i]!;
      dy[i] = y;
    }
  }
  if (ncols !== 1) {
    boxes.forEach((b, i) => {
      const y = yExtent[Math.floor(i / ncols)]! - b.y2 - dy[i]!;
      if (y > 0) dy[i]! += y / 2;
    });
  }
  const all = new Box();
  boxes.forEach((b, i) => all.union(Box.of(b.x1, b.y1, b.x2, b.y2).translate(dx[i]!, dy[i]!)));
  // The legend's box: from its origin to its entries' far corner, rounded up.
  const w = all.x2 === -Number.MAX_VALUE ? 0 : Math.ceil(all.x2);
  const h = all.y2 === -Number.MAX_VALUE ? 0 : Math.ceil(all.y2);
  const top = Math.round(Math.ceil(bottom) + LEGEND_OFFSET);
  const r = side / 2;
  const items = entries
    .map((e, i) => {
      const symbol = element('path', {
        transform: translate(size / 2, size / 2),
        d: `M${-r},${-r}h${side}v${side}h${-side}Z`,
        fill: e.color,
        'stroke-width': String(SYMBOL_STROKE_WIDTH),
      });
      const label = element(
        'text',
        {
          'text-anchor': 'start',
          transform: translate(size + LABEL_OFFSET, size / 2 + Math.round(0.3 * style.fontSize)),
          'font-size': `${style.fontSize}px`,
          fill: style.labelColor,
        },
        escapeXml(textValue(e.label, style.fontSize, style.labelLimit)),
      );
      return `<g transform="${translate(dx[i]!, dy[i]!)}"><g><g class="mark-symbol role-legend-symbol">${symbol}</g><g class="mark-text role-legend-label">${label}</g></g></g>`;
    })
    .join('');
  const svg =
    `<g class="mark-group role-legend"><g transform="${translate(0, top)}"><g><g class="mark-group role-legend-entry">` +
    `<g transform="translate(0,0)"><g><g class="mark-group role-scope">${items}</g></g></g></g></g></g></g>`;
  return { svg, bounds: Box.of(0, top, w, top + h) };
}
