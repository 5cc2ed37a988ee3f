/**
 * Axes and grids as Vega lays them out (vega-view-transforms' axisLayout) for the direct
 * writers: left and bottom axes over linear, time (ticks given) and band scales, with ticks,
 * labels (offsets, truncation at the label limit, flush ends, overlap removal), the domain line
 * and titles, and grid lines. Each returns its SVG (groups classed as Vega classes them) and the
 * bounds Vega's layout gives it (for autosize "pad" and for placing a legend below).
 */
import { Bounds, ruleBounds } from './bounds.ts';
import { element, translate } from './markup.ts';
import { type Align, labelBounds, type TextItem, textBounds, textElement, visibleLabels, flush } from './text.ts';

/** The theme's guide paint and sizes, read from the spec's config. */
export interface GuideStyle {
  readonly fontSize: number;
  readonly labelColor: string;
  readonly titleColor: string;
  readonly tickColor: string;
  readonly domainColor: string;
  readonly gridColor: string;
  readonly titleFontWeight: string;
  readonly labelLimit: number;
}

/** A tick of an axis: its position in pixels (along the axis) and its label. */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

/** A drawn guide: its SVG and the bounds Vega's layout gives it (in the plot's coordinates). */
export interface Guide {
  readonly svg: string;
  readonly bounds: Bounds;
}

/**
 * How an axis's groups are written: `flat` (the line charts' writers) leaves out the plain `<g>`
 * Vega puts around an axis's marks, `nested` (the bar charts') keeps it. The oracle compares
 * marks, not groups; each writer keeps the bytes it has always written.
 */
export type AxisMarkup = 'flat' | 'nested';

/** Vega's axis defaults (vega-parser config) the writers keep. */
const TICK_SIZE = 5;
const LABEL_PADDING = 2;
const TITLE_PADDING = 4;
const MAX_EXTENT = 200;

function rule(x: number, y: number, x2: number, y2: number, stroke: string): string {
  return element('line', { transform: translate(x, y), x2, y2, stroke, 'stroke-width': '1' });
}

function axisGroup(x: number, y: number, content: string, markup: AxisMarkup): string {
  const inner = markup === 'nested' ? `<g>${content}</g>` : content;
  return `<g class="mark-group role-axis"><g transform="${translate(x, y)}">${inner}</g></g>`;
}

/** Places labels and removes overlaps: their SVG and the label mark's bounds. */
function labelMark(labels: TextItem[]): Guide {
  const boxes = labels.map(textBounds);
  const visible = visibleLabels(boxes);
  labels.forEach((l, i) => {
    if (!visible[i]) l.opacity = 0;
  });
  return {
    svg: `<g class="mark-text role-axis-label">${labels.map(textElement).join('')}</g>`,
    bounds: labelBounds(boxes, visible),
  };
}

/** Horizontal grid lines at the ticks of a y axis, across the plot (Vega's grid-only axis). */
export function gridRows(ticks: readonly Tick[], width: number, style: GuideStyle): string {
  const lines = ticks.map((t) => rule(0, Math.round(t.at), width, 0, style.gridColor)).join('');
  return axisGroup(0.5, 0.5, `<g class="mark-rule role-axis-grid">${lines}</g>`, 'flat');
}

/** Vertical grid lines at the ticks of an x axis, up the plot. */
export function gridColumns(ticks: readonly Tick[], width: number, height: number, style: GuideStyle, markup: AxisMarkup): Guide {
  const lines = ticks.map((t) => rule(Math.round(t.at), 0, 0, -height, style.gridColor)).join('');
  const bounds = new Bounds().add(0, height).add(width, height);
  return { svg: axisGroup(0.5, height + 0.5, `<g class="mark-rule role-axis-grid">${lines}</g>`, markup), bounds };
}

/**
 * A left axis: ticks, labels (right-aligned, middle baseline, overlaps removed), the domain line
 * (from the scale's range start to its end: [height, 0] for a linear scale, [0, height] for a band
 * scale) and, unless null, a title turned -90° beside the widest label, as Vega lays them out.
 */
export function leftAxis(
  ticks: readonly Tick[],
  range: readonly [number, number],
  title: string | null,
  style: GuideStyle,
  markup: AxisMarkup,
): Guide {
  const height = Math.abs(range[1] - range[0]);
  const fs = style.fontSize;
  const labels = labelMark(
    ticks.map((t) => ({
      x: -(TICK_SIZE + LABEL_PADDING),
      y: t.at,
      text: t.label,
      fontSize: fs,
      fill: style.labelColor,
      align: 'right',
      baseline: 'middle',
      limit: style.labelLimit,
    })),
  );
  const bounds = new Bounds();
  for (const t of ticks) bounds.union(ruleBounds(0, Math.round(t.at), -TICK_SIZE, 0));
  bounds.union(labels.bounds);
  const s = Math.max(0, Math.min(MAX_EXTENT, -bounds.x1));
  bounds.add(-s, 0).add(0, height);
  const titleItem: TextItem = {
    x: -(s + TITLE_PADDING),
    y: height / 2,
    text: title ?? '',
    fontSize: fs,
    fill: style.titleColor,
    align: 'center',
    baseline: 'bottom',
    angle: -90,
    fontWeight: style.titleFontWeight,
  };
  const titled = title !== null && title !== '';
  if (titled) bounds.union(textBounds(titleItem));
  const tickLines = ticks.map((t) => rule(0, Math.round(t.at), -TICK_SIZE, 0, style.tickColor)).join('');
  const domain = rule(0, range[0], 0, range[1] - range[0], style.domainColor);
  const svg =
    `<g class="mark-rule role-axis-tick">${tickLines}</g>` +
    labels.svg +
    `<g class="mark-rule role-axis-domain">${domain}</g>` +
    (titled ? `<g class="mark-text role-axis-title">${textElement(titleItem)}</g>` : '');
  return { svg: axisGroup(0.5, 0.5, svg, markup), bounds };
}

/**
 * A bottom axis: ticks, labels (top baseline; flush with the ends of the axis when within a
 * pixel of them, as `labelFlush: true` does; overlaps removed), the domain line and, unless
 * null, a title centred under the labels.
 */
export function bottomAxis(
  ticks: readonly Tick[],
  width: number,
  height: number,
  title: string | null,
  style: GuideStyle,
  markup: AxisMarkup,
): Guide {
  const fs = style.fontSize;
  const labels = labelMark(
    ticks.map((t) => ({
      x: t.at,
      y: TICK_SIZE + LABEL_PADDING,
      text: t.label,
      fontSize: fs,
      fill: style.labelColor,
      align: flush<Align>([0, width], t.at, 'left', 'right', 'center'),
      baseline: 'top',
      limit: style.labelLimit,
    })),
  );
  const bounds = new Bounds();
  for (const t of ticks) bounds.union(ruleBounds(Math.round(t.at), 0, 0, TICK_SIZE));
  bounds.union(labels.bounds);
  const s = Math.max(0, Math.min(MAX_EXTENT, bounds.y2));
  bounds.add(0, 0).add(width, s);
  const tickLines = ticks.map((t) => rule(Math.round(t.at), 0, 0, TICK_SIZE, style.tickColor)).join('');
  let svg =
    `<g class="mark-rule role-axis-tick">${tickLines}</g>` +
    labels.svg +
    `<g class="mark-rule role-axis-domain">${rule(0, 0, width, 0, style.domainColor)}</g>`;
  if (title !== null) {
    const item: TextItem = {
      x: width / 2,
      y: s + TITLE_PADDING,
      text: title,
      fontSize: fs,
      fill: style.titleColor,
      align: 'center',
      baseline: 'top',
      fontWeight: style.titleFontWeight,
    };
    bounds.union(textBounds(item));
    svg += `<g class="mark-text role-axis-title">${textElement(item)}</g>`;
  }
  return { svg: axisGroup(0.5, height + 0.5, svg, markup), bounds: bounds.translate(0, height) };
}
