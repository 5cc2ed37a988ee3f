/**
 * The pieces of a line chart that Vega lays out for it, computed as Vega computes them: bounds,
 * text (offsets, truncation, overlap removal), tick values and label formats (d3, through the
 * spec's locale), a left linear axis with its title, a bottom axis, grid rows and a symbol legend.
 * Each piece returns its SVG (groups classed as Vega classes them) and the bounds Vega's layout
 * uses for autosize "pad" and for placing the legend.
 */
import { tickStep, ticks as linearTicks } from 'd3-array';
import {
  formatLocale,
  type FormatLocaleDefinition,
  formatSpecifier,
  precisionFixed,
  precisionPrefix,
  precisionRound,
} from 'd3-format';
import { utcTicks } from 'd3-time';
import { timeFormatLocale, type TimeLocaleDefinition } from 'd3-time-format';
import { measureText } from '../textMetrics.ts';
import { coord, element, escapeXml, translate } from './markup.ts';

/** An axis-aligned box, as vega-scenegraph's Bounds (empty until something is added). */
export class Bounds {
  x1 = Number.MAX_VALUE;
  y1 = Number.MAX_VALUE;
  x2 = -Number.MAX_VALUE;
  y2 = -Number.MAX_VALUE;

  set(x1: number, y1: number, x2: number, y2: number): this {
    this.x1 = Math.min(x1, x2);
    this.y1 = Math.min(y1, y2);
    this.x2 = Math.max(x1, x2);
    this.y2 = Math.max(y1, y2);
    return this;
  }

  add(x: number, y: number): this {
    if (x < this.x1) this.x1 = x;
    if (y < this.y1) this.y1 = y;
    if (x > this.x2) this.x2 = x;
    if (y > this.y2) this.y2 = y;
    return this;
  }

  union(b: Bounds): this {
    if (b.empty()) return this;
    return this.add(b.x1, b.y1).add(b.x2, b.y2);
  }

  expand(d: number): this {
    this.x1 -= d;
    this.y1 -= d;
    this.x2 += d;
    this.y2 += d;
    return this;
  }

  translate(dx: number, dy: number): this {
    this.x1 += dx;
    this.x2 += dx;
    this.y1 += dy;
    this.y2 += dy;
    return this;
  }

  empty(): boolean {
    return this.x1 === Number.MAX_VALUE && this.y1 === Number.MAX_VALUE;
  }

  width(): number {
    return this.empty() ? 0 : this.x2 - this.x1;
  }

  height(): number {
    return this.empty() ? 0 : this.y2 - this.y1;
  }
}

/** The theme's guide paint, read from the spec's config. */
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

/** A text item as Vega's text mark holds it. */
export interface TextItem {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly fontSize: number;
  readonly fill: string;
  readonly align: 'left' | 'center' | 'right';
  readonly baseline: 'top' | 'middle' | 'bottom';
  readonly dx?: number;
  /** -90 (a y axis title) or none. */
  readonly angle?: -90;
  readonly limit?: number;
  readonly fontWeight?: string;
  /** 0 for a label hidden by overlap removal (Vega still writes it). */
  opacity?: number;
}

/** Vega's baseline offset of text (vega-scenegraph `offset`). */
function baselineOffset(baseline: TextItem['baseline'], fontSize: number): number {
  return Math.round(baseline === 'top' ? 0.79 * fontSize : baseline === 'middle' ? 0.3 * fontSize : -0.21 * fontSize);
}

/**
 * Text cut to `limit` pixels with an ellipsis, by Vega's binary search (vega-scenegraph
 * `truncate`), measured in Inter as the build measures it.
 */
export function truncate(text: string, limit: number, fontSize: number): string {
  const width = (s: string) => measureText(s, fontSize);
  if (width(text) < limit) return text;
  const ellipsis = '\u2026';
  const room = limit - width(ellipsis);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}

/**
 * The bounds Vega gives a text item: 1 em tall from 4/5 em above the baseline, as wide as the
 * whole text (Vega measures the text before truncating it), rotated with the item.
 */
export function textBounds(t: TextItem): Bounds {
  const h = t.fontSize;
  const w = measureText(t.text, t.fontSize);
  let dx = t.dx ?? 0;
  const dy = baselineOffset(t.baseline, h) - Math.round(0.8 * h);
  if (t.align === 'center') dx -= w / 2;
  else if (t.align === 'right') dx -= w;
  const b = new Bounds().set(t.x + dx, t.y + dy, t.x + dx + w, t.y + dy + h);
  if (t.angle === -90) {
    // (a, b) from the anchor turns to (b, -a).
    const [x1, y1, x2, y2] = [b.x1 - t.x, b.y1 - t.y, b.x2 - t.x, b.y2 - t.y];
    b.set(t.x + y1, t.y - x2, t.x + y2, t.y - x1);
  }
  return b;
}

const ANCHOR = { left: 'start', center: 'middle', right: 'end' } as const;

/** A text item as Vega's SVG renderer writes it (trimmed, truncated at its limit). */
export function textElement(t: TextItem): string {
  const dy = baselineOffset(t.baseline, t.fontSize);
  const transform =
    t.angle === -90
      ? `${translate(t.x, t.y)} rotate(-90)${t.dx || dy ? ` ${translate(t.dx ?? 0, dy)}` : ''}`
      : translate(t.x + (t.dx ?? 0), t.y + dy);
  const trimmed = t.text.trim();
  const shown = t.limit !== undefined && t.limit > 0 && trimmed.length > 0 ? truncate(trimmed, t.limit, t.fontSize) : trimmed;
  return (
    `<text text-anchor="${ANCHOR[t.align]}" transform="${transform}" font-size="${t.fontSize}px"` +
    `${t.fontWeight !== undefined ? ` font-weight="${escapeXml(t.fontWeight)}"` : ''} fill="${escapeXml(t.fill)}"` +
    `${t.opacity === 0 ? ' opacity="0"' : ''}>${escapeXml(shown)}</text>`
  );
}

/**
 * Hides overlapping labels as Vega's "parity" overlap removal does (every other label until none
 * overlaps, keeping at least the first and last), and returns the bounds of those left shown.
 */
export function removeOverlaps(items: TextItem[], boxes: Bounds[]): Bounds {
  const all = items.map((item, i) => ({ item, b: boxes[i]! })).filter(({ b }) => b.width() > 1 && b.height() > 1);
  const overlaps = (list: typeof all) =>
    list.some((e, i) => {
      if (i === 0) return false;
      const a = list[i - 1]!.b;
      const b = e.b;
      return 0 > Math.max(b.x1 - a.x2, a.x1 - b.x2, b.y1 - a.y2, a.y1 - b.y2);
    });
  let shown = all;
  if (shown.length >= 3 && overlaps(shown)) {
    do {
      shown = shown.filter((e, i) => {
        if (i % 2) e.item.opacity = 0;
        return !(i % 2);
      });
    } while (shown.length >= 3 && overlaps(shown));
    const last = all[all.length - 1]!;
    if (shown.length < 3 && last.item.opacity === 0) {
      if (shown.length > 1) shown[shown.length - 1]!.item.opacity = 0;
      last.item.opacity = 1;
    }
  }
  const bounds = new Bounds();
  for (const e of all) if (e.item.opacity !== 0) bounds.union(e.b);
  return bounds;
}

/** A d3 number locale definition, as a Vega-Lite config's `locale.number`. */
export type NumberLocale = FormatLocaleDefinition;
/** A d3 time locale definition, as a Vega-Lite config's `locale.time`. */
export type TimeLocale = TimeLocaleDefinition;

const numberLocales = new Map<string, ReturnType<typeof formatLocale>>();
const timeLocales = new Map<string, ReturnType<typeof timeFormatLocale>>();

function numberLocaleOf(def: NumberLocale): ReturnType<typeof formatLocale> {
  const key = JSON.stringify(def);
  let locale = numberLocales.get(key);
  if (!locale) numberLocales.set(key, (locale = formatLocale(def)));
  return locale;
}

/**
 * The label format of a linear axis over [lo, hi] with about `count` ticks: Vega's
 * `formatSpan`, which gives a specifier without a precision the tick step's precision.
 */
export function spanFormat(def: NumberLocale, specifier: string, lo: number, hi: number, count: number): (n: number) => string {
  const locale = numberLocaleOf(def);
  const spec = formatSpecifier(specifier);
  const step = tickStep(lo, hi, count);
  const value = Math.max(Math.abs(lo), Math.abs(hi));
  if (spec.precision === undefined) {
    switch (spec.type) {
      case 's': {
        const precision = precisionPrefix(step, value);
        if (!Number.isNaN(precision)) spec.precision = precision;
        return locale.formatPrefix(String(spec), value);
      }
      case '':
      case 'e':
      case 'g':
      case 'p':
      case 'r': {
        const precision = precisionRound(step, value);
        if (!Number.isNaN(precision)) spec.precision = precision - (spec.type === 'e' ? 1 : 0);
        break;
      }
      case 'f':
      case '%': {
        const precision = precisionFixed(step);
        if (!Number.isNaN(precision)) spec.precision = precision - (spec.type === '%' ? 2 : 0);
        break;
      }
    }
  }
  return locale.format(String(spec));
}

/** A UTC date format in a time locale (what Vega formats a utc scale's labels with). */
export function utcFormat(def: TimeLocale, specifier: string): (date: Date) => string {
  const key = JSON.stringify(def);
  let locale = timeLocales.get(key);
  if (!locale) timeLocales.set(key, (locale = timeFormatLocale(def)));
  return locale.utcFormat(specifier);
}

/** About `count` round tick values of a linear scale over [lo, hi] (d3's, as Vega's axes use). */
export function linearTickValues(lo: number, hi: number, count: number): number[] {
  return linearTicks(lo, hi, count);
}

/** About `count` tick values (ms) of a utc scale over [lo, hi] ms (d3's calendar intervals). */
export function utcTickValues(lo: number, hi: number, count: number): number[] {
  return utcTicks(new Date(lo), new Date(hi), count).map((d) => d.getTime());
}

/**
 * Explicit tick values on a scale (Vega's `validTicks`): those whose position falls in the
 * range [0, size] (widened to whole pixels), in range order.
 */
export function validTickValues(values: readonly number[], scale: (v: number) => number, size: number): number[] {
  const hi = Math.ceil(size);
  return values
    .map((v) => [v, scale(v)] as const)
    .filter(([, p]) => 0 <= p && p <= hi)
    .sort((a, b) => a[1] - b[1])
    .map(([v]) => v);
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

const TICK_SIZE = 5;
const LABEL_PADDING = 2;
const TITLE_PADDING = 4;
const MAX_EXTENT = 200;

function rule(x: number, y: number, x2: number, y2: number, stroke: string): string {
  return element('line', { transform: translate(x, y), x2, y2, stroke, 'stroke-width': '1' });
}

function ruleBounds(x: number, y: number, x2: number, y2: number): Bounds {
  return new Bounds().set(x, y, x + x2, y + y2).expand(0.5);
}

/** Horizontal grid lines at the ticks of a y axis, across the plot (Vega's grid-only axis). */
export function gridRows(ticks: readonly Tick[], width: number, style: GuideStyle): string {
  const lines = ticks.map((t) => rule(0, Math.round(t.at), width, 0, style.gridColor)).join('');
  return `<g class="mark-group role-axis"><g transform="translate(0.5,0.5)"><g class="mark-rule role-axis-grid">${lines}</g></g></g>`;
}

/**
 * A left axis: ticks, labels (right-aligned, middle baseline, overlaps removed), the domain line
 * and a title turned -90° beside the widest label, as Vega lays them out.
 */
export function leftAxis(ticks: readonly Tick[], height: number, title: string, style: GuideStyle): Guide {
  const fs = style.fontSize;
  const offset = -(TICK_SIZE + LABEL_PADDING);
  const labels: TextItem[] = ticks.map((t) => ({
    x: offset,
    y: t.at,
    text: t.label,
    fontSize: fs,
    fill: style.labelColor,
    align: 'right',
    baseline: 'middle',
    limit: style.labelLimit,
  }));
  const bounds = new Bounds();
  for (const t of ticks) bounds.union(ruleBounds(0, Math.round(t.at), -TICK_SIZE, 0));
  bounds.union(removeOverlaps(labels, labels.map(textBounds)));
  const s = Math.max(0, Math.min(MAX_EXTENT, -bounds.x1));
  bounds.add(-s, 0).add(0, height);
  const titleItem: TextItem = {
    x: -(s + TITLE_PADDING),
    y: height / 2,
    text: title,
    fontSize: fs,
    fill: style.titleColor,
    align: 'center',
    baseline: 'bottom',
    angle: -90,
    fontWeight: style.titleFontWeight,
  };
  if (title !== '') bounds.union(textBounds(titleItem));
  const tickLines = ticks.map((t) => rule(0, Math.round(t.at), -TICK_SIZE, 0, style.tickColor)).join('');
  const svg =
    `<g class="mark-group role-axis"><g transform="translate(0.5,0.5)">` +
    `<g class="mark-rule role-axis-tick">${tickLines}</g>` +
    `<g class="mark-text role-axis-label">${labels.map(textElement).join('')}</g>` +
    `<g class="mark-rule role-axis-domain">${rule(0, height, 0, -height, style.domainColor)}</g>` +
    (title !== '' ? `<g class="mark-text role-axis-title">${textElement(titleItem)}</g>` : '') +
    `</g></g>`;
  return { svg, bounds };
}

/**
 * A bottom axis without a title: ticks, labels (top baseline; flush with the ends of the axis
 * when within a pixel of them, as `labelFlush: true` does; overlaps removed) and the domain line.
 */
export function bottomAxis(ticks: readonly Tick[], width: number, height: number, style: GuideStyle): Guide {
  const fs = style.fontSize;
  const labels: TextItem[] = ticks.map((t) => {
    const l = Math.abs(t.at);
    const r = Math.abs(width - t.at);
    return {
      x: t.at,
      y: TICK_SIZE + LABEL_PADDING,
      text: t.label,
      fontSize: fs,
      fill: style.labelColor,
      align: l < r && l <= 1 ? 'left' : r <= 1 ? 'right' : 'center',
      baseline: 'top',
      limit: style.labelLimit,
    };
  });
  const bounds = new Bounds();
  for (const t of ticks) bounds.union(ruleBounds(Math.round(t.at), 0, 0, TICK_SIZE));
  bounds.union(removeOverlaps(labels, labels.map(textBounds)));
  const s = Math.max(0, Math.min(MAX_EXTENT, bounds.y2));
  bounds.add(0, 0).add(width, s);
  const tickLines = ticks.map((t) => rule(Math.round(t.at), 0, 0, TICK_SIZE, style.tickColor)).join('');
  const svg =
    `<g class="mark-group role-axis"><g transform="translate(0.5,${height + 0.5})">` +
    `<g class="mark-rule role-axis-tick">${tickLines}</g>` +
    `<g class="mark-text role-axis-label">${labels.map(textElement).join('')}</g>` +
    `<g class="mark-rule role-axis-domain">${rule(0, 0, width, 0, style.domainColor)}</g>` +
    `</g></g>`;
  return { svg, bounds: bounds.translate(0, height) };
}

/** A legend entry: its label and colour (symbol fill and stroke). */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
}

/** The legend config a symbol legend is drawn with. */
export interface LegendStyle {
  readonly fontSize: number;
  readonly labelColor: string;
  readonly labelLimit: number;
  readonly columns: number;
  /** Symbol shape (a circle, or a horizontal stroke), area in px² and stroke width. */
  readonly symbolShape: 'circle' | 'stroke';
  readonly symbolSize: number;
  readonly symbolStrokeWidth: number;
  /** Whether symbols are filled with their colour, and their opacity. */
  readonly symbolFilled: boolean;
  readonly symbolOpacity: number;
}

const COLUMN_PADDING = 10;
const ROW_PADDING = 2;
const LABEL_OFFSET = 4;

/** A circle path of radius r centred on the origin, as Vega's symbol "circle". */
export function circlePath(r: number): string {
  const c = (n: number) => String(Math.round(n * 1000) / 1000);
  return `M${c(r)},0A${c(r)},${c(r)},0,1,1,${c(-r)},0A${c(r)},${c(r)},0,1,1,${c(r)},0`;
}

/**
 * A symbol legend of circles or strokes in rows of `columns` entries (Vega's legend grid: each column as
 * wide as its widest entry, 10 px apart; rows 2 px apart), its top-left corner at (0, y).
 * Returns the SVG and the legend's box.
 */
export function symbolLegend(entries: readonly LegendEntry[], y: number, style: LegendStyle): Guide {
  const fs = style.fontSize;
  const size = Math.max(Math.ceil(Math.sqrt(style.symbolSize) + style.symbolStrokeWidth), fs);
  const r = Math.sqrt(style.symbolSize) / 2;
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
    const ry = style.symbolShape === 'circle' ? r : 0;
    const box = new Bounds()
      .set(size / 2 - r, size / 2 - ry, size / 2 + r, size / 2 + ry)
      // (Vega bounds a stroked symbol as if it had miter joins: 4 stroke widths / 2.)
      .expand(2 * style.symbolStrokeWidth)
      .union(textBounds(label));
    return { e, label, box };
  });
  const ncols = style.columns;
  const nrows = Math.ceil(items.length / ncols);
  const xExtent = Array.from({ length: ncols }, () => 0);
  const yExtent = Array.from({ length: nrows }, () => 0);
  items.forEach(({ box }, i) => {
    xExtent[i % ncols] = Math.max(xExtent[i % ncols]!, Math.ceil(box.x2));
    yExtent[Math.floor(i / ncols)] = Math.max(yExtent[Math.floor(i / ncols)]!, Math.ceil(box.y2));
  });
  const offsetValue = (v: number) => (v < 0 ? Math.ceil(-v) : 0);
  // Column offsets ("each" alignment) and row offsets, as vega-view-transforms' gridLayout.
  const colOffset = xExtent.map((_, c) => {
    if (c === 0) return 0;
    let m = 0;
    for (let i = c; i < items.length; i += ncols) m = Math.max(m, COLUMN_PADDING + offsetValue(items[i]!.box.x1));
    return m + xExtent[c - 1]!;
  });
  const rowOffset = yExtent.map((_, r) => {
    if (r === 0) return 0;
    let m = 0;
    for (let i = r * ncols; i < Math.min(items.length, (r + 1) * ncols); i++)
      m = Math.max(m, ROW_PADDING + offsetValue(items[i]!.box.y1));
    return m + yExtent[r - 1]!;
  });
  const bounds = new Bounds();
  let svg = '';
  let x = 0;
  const ys = Array.from({ length: ncols }, () => 0);
  items.forEach(({ e, label, box }, i) => {
    const c = i % ncols;
    const row = Math.floor(i / ncols);
    x = colOffset[c]! + (c ? x : 0);
    ys[c] = ys[c]! + rowOffset[row]!;
    let ey = ys[c]!;
    // (Vega's centring compares each row's extent with the entry's absolute offset: only the first row can move.)
    const centre = yExtent[row]! - box.y2 - ey;
    if (ncols !== 1 && centre > 0) ey += centre / 2;
    bounds.union(new Bounds().set(box.x1, box.y1, box.x2, box.y2).translate(x, ey));
    const symbol = element('path', {
      transform: translate(size / 2, size / 2),
      d: style.symbolShape === 'circle' ? circlePath(r) : `M${coord(-r)},0L${coord(r)},0`,
      fill: style.symbolFilled ? e.color : undefined,
      stroke: e.color,
      'stroke-width': String(style.symbolStrokeWidth),
      opacity: style.symbolOpacity === 1 ? undefined : String(style.symbolOpacity),
    });
    svg +=
      `<g transform="${translate(x, ey)}"><g class="mark-symbol role-legend-symbol">${symbol}</g>` +
      `<g class="mark-text role-legend-label">${textElement(label)}</g></g>`;
  });
  const w = Math.ceil(bounds.x2);
  const h = Math.ceil(bounds.y2);
  return {
    svg: `<g class="mark-group role-legend"><g transform="${translate(0, y)}"><g class="mark-group role-legend-entry">${svg}</g></g></g>`,
    bounds: new Bounds().set(0, y, w, y + h),
  };
}
