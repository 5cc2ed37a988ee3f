/**
 * Symbol legends below a chart as Vega lays them out (vega-parser's legend defaults,
 * vega-view-transforms' legend and grid layouts): entries of a symbol and its label, in rows of
 * `columns` entries, each column as wide as its widest entry, 10 px apart, rows 2 px apart.
 */
import { Bounds } from './bounds.ts';
import type { Guide } from './axes.ts';
import { compactNumbers, coord, element, translate } from './markup.ts';
import { type TextItem, textBounds, textElement } from './text.ts';

/** A legend entry: its label and colour. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
}

/** A legend's symbol: its shape and paint (the same for every entry but the colour). */
export type LegendSymbol =
  /** A circle or a horizontal stroke (the line charts), stroked with the entry's colour. */
  | {
      readonly shape: 'circle' | 'stroke';
      readonly size: number;
      readonly strokeWidth: number;
      readonly filled: boolean;
      readonly opacity: number;
    }
  /** A filled square without a stroke (the bar charts). */
  | { readonly shape: 'square'; readonly size: number; readonly strokeWidth: number };

/** The legend config a legend is drawn with. */
export interface LegendStyle {
  readonly fontSize: number;
  readonly labelColor: string;
  readonly labelLimit: number;
  readonly columns: number;
}

/**
 * How a legend's groups are written: `flat` (the line charts' writers) or `nested` with the
 * plain groups Vega puts around the entries (the bar charts'); each keeps its bytes.
 */
export type LegendMarkup = 'flat' | 'nested';

/** The legend's distance below what is above it (Vega's legend offset). */
export const LEGEND_OFFSET = 18;

const COLUMN_PADDING = 10;
const ROW_PADDING = 2;
const LABEL_OFFSET = 4;

/** A circle path of radius r centred on the origin, as Vega's symbol "circle" (to 0.001 px), compacted. */
export function circlePath(r: number): string {
  const c = (n: number) => String(Math.round(n * 1000) / 1000);
  return compactNumbers(`M${c(r)},0A${c(r)},${c(r)},0,1,1,${c(-r)},0A${c(r)},${c(r)},0,1,1,${c(r)},0`);
}

/**
 * The offsets of boxes laid out in a grid of `ncols` columns (vega-view-transforms'
 * gridLayout, columns aligned "each", rows centred).
 */
export function gridLayout(boxes: readonly Bounds[], ncols: number): Array<[number, number]> {
  const nrows = Math.ceil(boxes.length / ncols);
  const xExtent = Array.from({ length: ncols }, () => 0);
  const yExtent = Array.from({ length: nrows }, () => 0);
  boxes.forEach((b, i) => {
    xExtent[i % ncols] = Math.max(xExtent[i % ncols]!, Math.ceil(b.x2));
    yExtent[Math.floor(i / ncols)] = Math.max(yExtent[Math.floor(i / ncols)]!, Math.ceil(b.y2));
  });
  const offsetValue = (v: number) => (v < 0 ? Math.ceil(-v) : 0);
  const colOffset = xExtent.map((_, c) => {
    if (c === 0) return 0;
    let m = 0;
    for (let i = c; i < boxes.length; i += ncols) m = Math.max(m, COLUMN_PADDING + offsetValue(boxes[i]!.x1));
    return m + xExtent[c - 1]!;
  });
  const rowOffset = yExtent.map((_, r) => {
    if (r === 0) return 0;
    let m = 0;
    for (let i = r * ncols; i < Math.min(boxes.length, (r + 1) * ncols); i++)
      m = Math.max(m, ROW_PADDING + offsetValue(boxes[i]!.y1));
    return m + yExtent[r - 1]!;
  });
  let x = 0;
  const ys = Array.from({ length: ncols }, () => 0);
  return boxes.map((box, i) => {
    const c = i % ncols;
    const row = Math.floor(i / ncols);
    x = colOffset[c]! + (c ? x : 0);
    ys[c] = ys[c]! + rowOffset[row]!;
    let y = ys[c]!;
    // (Vega's centring compares each row's extent with the entry's absolute offset: only the first row can move.)
    const centre = yExtent[row]! - box.y2 - y;
    if (ncols !== 1 && centre > 0) y += centre / 2;
    return [x, y];
  });
}

/**
 * A symbol legend whose top-left corner is at (0, y), one entry per colour: its SVG and box.
 * A legend with `columns` 0 puts every entry in one row.
 */
export function symbolLegend(
  entries: readonly LegendEntry[],
  y: number,
  style: LegendStyle,
  symbol: LegendSymbol,
  markup: LegendMarkup,
): Guide {
  const fs = style.fontSize;
  const side = Math.sqrt(symbol.size);
  const size = Math.max(Math.ceil(side + symbol.strokeWidth), fs);
  const r = side / 2;
  const stroked = symbol.shape !== 'square';
  const items = entries.map((e) => {
    const label: TextItem = {
      x: size + LABEL_OFFSET,
      y: size / 2,
      text: e.label,
      fontSize: fs,
      fill: style.labelColor,
      align: 'left',
      baseline: 'middle',
      limit: style.labelLimit,
    };
    const ry = symbol.shape === 'stroke' ? 0 : r;
    const box = Bounds.of(size / 2 - r, size / 2 - ry, size / 2 + r, size / 2 + ry);
    // (Vega bounds a stroked symbol as if it had miter joins: 4 stroke widths / 2.)
    if (stroked) box.expand(2 * symbol.strokeWidth);
    return { e, label, box: box.union(textBounds(label)) };
  });
  const ncols = style.columns > 0 ? style.columns : items.length || 1;
  const at = gridLayout(
    items.map((i) => i.box),
    ncols,
  );
  const bounds = new Bounds();
  const d =
    symbol.shape === 'circle'
      ? circlePath(r)
      : symbol.shape === 'stroke'
        ? `M${coord(-r)},0L${coord(r)},0`
        : `M${-r},${-r}h${side}v${side}h${-side}Z`;
  let svg = '';
  items.forEach(({ e, label, box }, i) => {
    const [x, ey] = at[i]!;
    bounds.union(Bounds.of(box.x1, box.y1, box.x2, box.y2).translate(x, ey));
    const path = element('path', {
      transform: translate(size / 2, size / 2),
      d,
      fill: symbol.shape === 'square' || symbol.filled ? e.color : undefined,
      stroke: stroked ? e.color : undefined,
      'stroke-width': String(symbol.strokeWidth),
      opacity: symbol.shape === 'square' || symbol.opacity === 1 ? undefined : String(symbol.opacity),
    });
    const parts = `<g class="mark-symbol role-legend-symbol">${path}</g><g class="mark-text role-legend-label">${textElement(label)}</g>`;
    svg += `<g transform="${translate(x, ey)}">${markup === 'nested' ? `<g>${parts}</g>` : parts}</g>`;
  });
  const w = bounds.empty() ? 0 : Math.ceil(bounds.x2);
  const h = bounds.empty() ? 0 : Math.ceil(bounds.y2);
  const body =
    markup === 'nested'
      ? `<g><g class="mark-group role-legend-entry"><g transform="translate(0,0)"><g><g class="mark-group role-scope">${svg}</g></g></g></g></g>`
      : `<g class="mark-group role-legend-entry">${svg}</g>`;
  return {
    svg: `<g class="mark-group role-legend"><g transform="${translate(0, y)}">${body}</g></g>`,
    bounds: Bounds.of(0, y, w, y + h),
  };
}

/** A legend below a chart whose plot and axes end at `bottom`: Vega-Lite's bottom legend, one entry per colour. */
export function legendBelow(
  entries: readonly LegendEntry[],
  bottom: number,
  style: LegendStyle,
  symbol: LegendSymbol,
  markup: LegendMarkup,
): Guide {
  return symbolLegend(entries, Math.ceil(bottom) + LEGEND_OFFSET, style, symbol, markup);
}
