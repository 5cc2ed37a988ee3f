/**
 * The axes of the bar charts as Vega draws them: a bottom axis over a linear scale (grid,
 * ticks, flush labels with overlap removal, domain, title) and a left axis over a band scale
 * (ticks, labels cut at the label limit, domain). Each returns its markup and the bounds
 * Vega's view layout gives it (vega-view-transforms' axisLayout).
 */
import { element, escapeXml, translate } from '../markup.ts';
import {
  type Align,
  anchor,
  type Band,
  baselineOffset,
  Box,
  flush,
  type Linear,
  ruleBox,
  textBox,
  textValue,
  visibleLabels,
} from './layout.ts';

/** Axis paint and sizes, read from the chart's config. */
export interface AxisStyle {
  readonly labelColor: string;
  readonly titleColor: string;
  readonly tickColor: string;
  readonly domainColor: string;
  readonly gridColor: string;
  readonly labelLimit: number;
  readonly fontSize: number;
}

/** Vega's axis defaults (vega-parser config) that the writers keep. */
const TICK_SIZE = 5;
const LABEL_PADDING = 2;
const TITLE_PADDING = 4;
const MAX_EXTENT = 200;

/** Markup of a drawn axis (or grid) and the bounds it adds to the view. */
export interface DrawnAxis {
  readonly svg: string;
  readonly bounds: Box;
}

function axisGroup(x: number, y: number, content: string): string {
  return `<g class="mark-group role-axis"><g transform="${translate(x, y)}"><g>${content}</g></g></g>`;
}

function line(x: number, y: number, x2: number, y2: number, stroke: string): string {
  return element('line', { transform: translate(x, y), x2, y2, stroke, 'stroke-width': '1' });
}

function label(text: string, x: number, y: number, align: Align, style: AxisStyle, visible: boolean, limit = 0): string {
  return element(
    'text',
    {
      'text-anchor': anchor(align),
      transform: translate(x, y),
      'font-size': `${style.fontSize}px`,
      fill: style.labelColor,
      opacity: visible ? undefined : '0',
    },
    escapeXml(textValue(text, style.fontSize, limit)),
  );
}

/** The bounds of a label mark after overlap removal: its visible labels that have a size (all of them when none has). */
function labelBounds(boxes: readonly Box[], visible: readonly boolean[]): Box {
  const sized = (b: Box) => b.width() > 1 && b.height() > 1;
  const any = boxes.some(sized);
  const bounds = new Box();
  boxes.forEach((b, i) => {
    if (!any || (visible[i] && sized(b))) bounds.union(b);
  });
  return bounds;
}

/** The grid of a bottom linear axis: a line up the chart at each tick. */
export function bottomGrid(scale: Linear, values: readonly number[], height: number, style: AxisStyle): DrawnAxis {
  const lines = values.map((v) => line(Math.round(scale(v)), 0, 0, -height, style.gridColor)).join('');
  const bounds = new Box().add(0, 0).add(scale.width, 0).translate(0, height);
  return { svg: axisGroup(0.5, height + 0.5, `<g class="mark-rule role-axis-grid">${lines}</g>`), bounds };
}

/**
 * A bottom axis over a linear scale: ticks, labels (flush at the ends, every other one hidden
 * while they overlap), the domain line and an optional title centred under the chart.
 */
export function bottomAxis(
  scale: Linear,
  ticks: ReadonlyArray<{ value: number; label: string }>,
  title: string | null,
  height: number,
  style: AxisStyle,
): DrawnAxis {
  const range: [number, number] = [0, scale.width];
  const labelY = TICK_SIZE + LABEL_PADDING;
  const placed = ticks.map((t) => {
    const x = scale(t.value);
    const align = flush<Align>(range, x, 'left', 'right', 'center');
    return { ...t, x, align, box: textBox(t.label, x, labelY, align, 'top', style.fontSize) };
  });
  const visible = visibleLabels(placed.map((p) => p.box));
  const bounds = new Box();
  for (const t of placed) bounds.union(ruleBox(Math.round(t.x), 0, Math.round(t.x), TICK_SIZE));
  bounds.union(
    labelBounds(
      placed.map((p) => p.box),
      visible,
    ),
  );
  const extent = Math.max(0, Math.min(MAX_EXTENT, bounds.y2));
  bounds.add(0, 0).add(scale.width, extent);
  const dy = baselineOffset('top', style.fontSize);
  let svg = `<g class="mark-rule role-axis-tick">${placed.map((p) => line(Math.round(p.x), 0, 0, TICK_SIZE, style.tickColor)).join('')}</g>`;
  svg += `<g class="mark-text role-axis-label">${placed.map((p, i) => label(p.label, p.x, labelY + dy, p.align, style, visible[i]!, style.labelLimit)).join('')}</g>`;
  svg += `<g class="mark-rule role-axis-domain">${line(0, 0, scale.width, 0, style.domainColor)}</g>`;
  if (title !== null) {
    const y = extent + TITLE_PADDING;
    bounds.union(textBox(title, scale.width / 2, y, 'center', 'top', style.fontSize));
    svg += `<g class="mark-text role-axis-title">${element(
      'text',
      {
        'text-anchor': 'middle',
        transform: translate(scale.width / 2, y + dy),
        'font-size': `${style.fontSize}px`,
        'font-weight': 'normal',
        fill: style.titleColor,
      },
      escapeXml(textValue(title, style.fontSize)),
    )}</g>`;
  }
  bounds.translate(0, height);
  return { svg: axisGroup(0.5, height + 0.5, svg), bounds };
}

/** A left axis over a band scale: a tick and a label (cut at the label limit) at each band's centre, and the domain line. */
export function leftBandAxis(band: Band, style: AxisStyle): DrawnAxis {
  const labelX = -(TICK_SIZE + LABEL_PADDING);
  const placed = band.domain.map((value) => {
    const centre = band.at(value) + band.bandwidth / 2 - 0.5;
    return { value, tick: Math.round(centre), y: centre, box: textBox(value, labelX, centre, 'right', 'middle', style.fontSize) };
  });
  const visible = visibleLabels(placed.map((p) => p.box));
  const bounds = new Box();
  for (const p of placed) bounds.union(ruleBox(0, p.tick, -TICK_SIZE, p.tick));
  bounds.union(
    labelBounds(
      placed.map((p) => p.box),
      visible,
    ),
  );
  const extent = Math.max(0, Math.min(MAX_EXTENT, -bounds.x1));
  bounds.add(-extent, 0).add(0, band.extent);
  const dy = baselineOffset('middle', style.fontSize);
  let svg = `<g class="mark-rule role-axis-tick">${placed.map((p) => line(0, p.tick, -TICK_SIZE, 0, style.tickColor)).join('')}</g>`;
  svg += `<g class="mark-text role-axis-label">${placed
    .map((p, i) => label(p.value, labelX, p.y + dy, 'right', style, visible[i]!, style.labelLimit))
    .join('')}</g>`;
  svg += `<g class="mark-rule role-axis-domain">${line(0, 0, 0, band.extent, style.domainColor)}</g>`;
  return { svg: axisGroup(0.5, 0.5, svg), bounds };
}
