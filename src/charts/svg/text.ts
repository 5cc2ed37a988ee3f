/**
 * Text as Vega lays it out and writes it (vega-scenegraph): baseline offsets, bounds measured
 * in Inter as the build measures them, truncation at a label limit, the `<text>` element, and
 * label overlap removal (vega-view-transforms' Overlap, parity method) and flush alignment.
 */
import { measureText } from '../textMetrics.ts';
import { Bounds } from './bounds.ts';
import { escapeXml, translate } from './markup.ts';

export type Align = 'left' | 'center' | 'right';
export type Baseline = 'top' | 'middle' | 'bottom' | 'alphabetic';

/** A text item as Vega's text mark holds it. */
export interface TextItem {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly fontSize: number;
  readonly fill: string;
  readonly align: Align;
  readonly baseline: Baseline;
  readonly dx?: number;
  /** -90 (a y axis title) or none. */
  readonly angle?: -90;
  readonly limit?: number;
  readonly fontWeight?: string;
  /** 0 for a label hidden by overlap removal (Vega still writes it). */
  opacity?: number;
}

/** Vega's baseline offset of text (vega-scenegraph `offset`): added to its y when drawn. */
export function baselineOffset(baseline: Baseline, fontSize: number): number {
  return Math.round(
    baseline === 'top' ? 0.79 * fontSize : baseline === 'middle' ? 0.3 * fontSize : baseline === 'bottom' ? -0.21 * fontSize : 0,
  );
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

/** The text Vega writes for a text item (vega-scenegraph `textValue`): trimmed, then cut to `limit` px when there is one. */
export function textValue(text: string, fontSize: number, limit = 0): string {
  const trimmed = text.trim();
  return limit > 0 && trimmed.length > 0 ? truncate(trimmed, limit, fontSize) : trimmed;
}

/**
 * The bounds Vega gives a text item: 1 em tall from 4/5 em above the baseline, as wide as the
 * whole text (Vega measures the text before trimming or truncating it), rotated with the item.
 */
export function textBounds(t: TextItem): Bounds {
  const h = t.fontSize;
  const w = measureText(t.text, t.fontSize);
  let dx = t.dx ?? 0;
  const dy = baselineOffset(t.baseline, h) - Math.round(0.8 * h);
  if (t.align === 'center') dx -= w / 2;
  else if (t.align === 'right') dx -= w;
  const b = Bounds.of(t.x + dx, t.y + dy, t.x + dx + w, t.y + dy + h);
  if (t.angle === -90) {
    // (a, b) from the anchor turns to (b, -a).
    const [x1, y1, x2, y2] = [b.x1 - t.x, b.y1 - t.y, b.x2 - t.x, b.y2 - t.y];
    b.set(t.x + y1, t.y - x2, t.x + y2, t.y - x1);
  }
  return b;
}

/** The bounds of an unrotated text at (x, y) (`textBounds` without building an item). */
export function textBox(text: string, x: number, y: number, align: Align, baseline: Baseline, fontSize: number, dx = 0): Bounds {
  return textBounds({ x, y, text, fontSize, fill: '', align, baseline, dx });
}

const ANCHOR = { left: 'start', center: 'middle', right: 'end' } as const;

/** The SVG text-anchor of an alignment. */
export function anchor(align: Align): string {
  return ANCHOR[align];
}

/** A text item as Vega's SVG renderer writes it (trimmed, truncated at its limit). */
export function textElement(t: TextItem): string {
  const dy = baselineOffset(t.baseline, t.fontSize);
  const transform =
    t.angle === -90
      ? `${translate(t.x, t.y)} rotate(-90)${t.dx || dy ? ` ${translate(t.dx ?? 0, dy)}` : ''}`
      : translate(t.x + (t.dx ?? 0), t.y + dy);
  return (
    `<text text-anchor="${ANCHOR[t.align]}" transform="${transform}" font-size="${t.fontSize}px"` +
    `${t.fontWeight !== undefined ? ` font-weight="${escapeXml(t.fontWeight)}"` : ''} fill="${escapeXml(t.fill)}"` +
    `${t.opacity === 0 ? ' opacity="0"' : ''}>${escapeXml(textValue(t.text, t.fontSize, t.limit))}</text>`
  );
}

/** vega-util's `flush`: left, right or center for a position within 1 px of a range's ends. */
export function flush<T>(range: readonly [number, number], value: number, left: T, right: T, center: T): T {
  const [a, b] = range[1] < range[0] ? [range[1], range[0]] : range;
  const l = Math.abs(value - a);
  const r = Math.abs(b - value);
  return l < r && l <= 1 ? left : r <= 1 ? right : center;
}

const sized = (b: Bounds) => b.width() > 1 && b.height() > 1;

/**
 * Which labels Vega's overlap removal (method parity, no separation) keeps visible, given
 * their boxes in label order (every other label hidden until none overlaps, keeping at least
 * the first and last); labels without a size (empty text) are left as they are.
 */
export function visibleLabels(boxes: readonly Bounds[]): boolean[] {
  const visible = boxes.map(() => true);
  const source = boxes.map((b, i) => ({ b, i })).filter(({ b }) => sized(b));
  const intersect = (a: Bounds, b: Bounds) => 0 > Math.max(b.x1 - a.x2, a.x1 - b.x2, b.y1 - a.y2, a.y1 - b.y2);
  const hasOverlap = (items: typeof source) => items.some((item, k) => k > 0 && intersect(items[k - 1]!.b, item.b));
  let items = source;
  if (items.length >= 3 && hasOverlap(items)) {
    do {
      items = items.filter((item, k) => (k % 2 ? ((visible[item.i] = false), false) : true));
    } while (items.length >= 3 && hasOverlap(items));
    const last = source[source.length - 1]!;
    if (items.length < 3 && !visible[last.i]) {
      if (items.length > 1) visible[items[items.length - 1]!.i] = false;
      visible[last.i] = true;
    }
  }
  return visible;
}

/** The bounds of a label mark after overlap removal: its visible labels that have a size (all of them when none has). */
export function labelBounds(boxes: readonly Bounds[], visible: readonly boolean[]): Bounds {
  const any = boxes.some(sized);
  const bounds = new Bounds();
  boxes.forEach((b, i) => {
    if (!any || (visible[i] && sized(b))) bounds.union(b);
  });
  return bounds;
}

/** Hides overlapping labels (sets their opacity to 0) and returns the bounds of the label mark. */
export function removeOverlaps(items: TextItem[], boxes: readonly Bounds[]): Bounds {
  const visible = visibleLabels(boxes);
  items.forEach((item, i) => {
    if (!visible[i]) item.opacity = 0;
  });
  return labelBounds(boxes, visible);
}
