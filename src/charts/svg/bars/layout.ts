/**
 * Layout as Vega computes it for the bar charts: bounding boxes (vega-scenegraph's Bounds and
 * text bounds), text truncation and baselines, band and linear scales with their ticks, tick
 * labels formatted through the chart's d3 locale (vega-format's `formatSpan`), and label
 * overlap removal (vega-view-transforms' Overlap, parity method). Pure functions.
 */
import { tickIncrement, tickStep, ticks } from 'd3-array';
import {
  type FormatLocaleObject,
  formatLocale,
  formatSpecifier,
  precisionFixed,
  precisionPrefix,
  precisionRound,
} from 'd3-format';
import type { D3NumberLocale } from '../../locale.ts';
import { measureText } from '../../textMetrics.ts';

/** An axis-aligned box (x1 ≤ x2, y1 ≤ y2), empty until something is added. */
export class Box {
  x1 = Number.MAX_VALUE;
  y1 = Number.MAX_VALUE;
  x2 = -Number.MAX_VALUE;
  y2 = -Number.MAX_VALUE;

  /** A box spanning two corners (in any order). */
  static of(x1: number, y1: number, x2: number, y2: number): Box {
    const b = new Box();
    [b.x1, b.x2] = x2 < x1 ? [x2, x1] : [x1, x2];
    [b.y1, b.y2] = y2 < y1 ? [y2, y1] : [y1, y2];
    return b;
  }

  add(x: number, y: number): this {
    if (x < this.x1) this.x1 = x;
    if (y < this.y1) this.y1 = y;
    if (x > this.x2) this.x2 = x;
    if (y > this.y2) this.y2 = y;
    return this;
  }

  union(b: Box): this {
    if (b.x1 < this.x1) this.x1 = b.x1;
    if (b.y1 < this.y1) this.y1 = b.y1;
    if (b.x2 > this.x2) this.x2 = b.x2;
    if (b.y2 > this.y2) this.y2 = b.y2;
    return this;
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

  width(): number {
    return this.x2 - this.x1;
  }

  height(): number {
    return this.y2 - this.y1;
  }
}

/** The bounds of a rule (a line) of stroke width 1. */
export function ruleBox(x1: number, y1: number, x2: number, y2: number): Box {
  return Box.of(x1, y1, x2, y2).expand(0.5);
}

export type Align = 'left' | 'center' | 'right';
export type Baseline = 'top' | 'middle' | 'alphabetic';

/** Vega's baseline offset of a text (vega-scenegraph `offset`): added to its y when drawn. */
export function baselineOffset(baseline: Baseline, fontSize: number): number {
  return Math.round(baseline === 'top' ? 0.79 * fontSize : baseline === 'middle' ? 0.3 * fontSize : 0);
}

/** The SVG text-anchor of an alignment. */
export function anchor(align: Align): string {
  return align === 'center' ? 'middle' : align === 'right' ? 'end' : 'start';
}

/**
 * The bounds Vega gives a text at (x, y) (vega-scenegraph's text `bound`), its width measured
 * on the whole text as render.ts's measure does (before trimming or truncation).
 */
export function textBox(text: string, x: number, y: number, align: Align, baseline: Baseline, fontSize: number, dx = 0): Box {
  const w = measureText(text, fontSize);
  let left = dx;
  if (align === 'center') left -= w / 2;
  else if (align === 'right') left -= w;
  const top = baselineOffset(baseline, fontSize) - Math.round(0.8 * fontSize);
  const b = new Box();
  b.x1 = left + x;
  b.y1 = top + y;
  b.x2 = b.x1 + w;
  b.y2 = b.y1 + fontSize;
  return b;
}

/** The text Vega writes for a text item (vega-scenegraph `textValue`): trimmed, then cut to `limit` px with an ellipsis. */
export function textValue(text: string, fontSize: number, limit = 0): string {
  const trimmed = text.trim();
  if (!(limit > 0) || trimmed.length === 0) return trimmed;
  const width = (s: string) => measureText(s, fontSize);
  if (width(trimmed) < limit) return trimmed;
  const ellipsis = '\u2026';
  const room = limit - width(ellipsis);
  let lo = 0;
  let hi = trimmed.length;
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(trimmed.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return trimmed.slice(0, lo) + ellipsis;
}

/** A d3 band scale laid out by step (Vega's `rangeStep`), align 0.5. */
export interface Band {
  readonly domain: readonly string[];
  /** The range's extent: the chart's height. */
  readonly extent: number;
  readonly bandwidth: number;
  /** The start of a value's band. */
  at(value: string): number;
}

/** Vega's `bandspace`: the steps taken by `count` bands with their padding. */
export function bandSpace(count: number, paddingInner: number, paddingOuter: number): number {
  const space = count - paddingInner + paddingOuter * 2;
  return count ? (space > 0 ? space : 1) : 0;
}

/** A band scale over a range of `extent` px (d3-scale's band with align 0.5, unrounded). */
export function bandScale(domain: readonly string[], extent: number, paddingInner: number, paddingOuter: number): Band {
  const n = domain.length;
  const step = extent / Math.max(1, n - paddingInner + paddingOuter * 2);
  const start = (extent - step * (n - paddingInner)) * 0.5;
  const bandwidth = step * (1 - paddingInner);
  const index = new Map(domain.map((d, i) => [d, i]));
  return { domain, extent, bandwidth, at: (value) => start + step * index.get(value)! };
}

/** A linear scale from a domain to [0, width] (d3-scale's `scaleLinear`, Vega's interpolation). */
export interface Linear {
  readonly domain: readonly [number, number];
  readonly width: number;
  (value: number): number;
}

/** A linear scale over the extent of `values` with zero, niced (d3's `nice`, 10 ticks), to [0, width]. */
export function linearScale(values: readonly number[], width: number): Linear {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const domain = niceLinear(lo, hi, 10);
  const [d0, d1] = domain;
  const span = d1 - d0;
  const scale = (value: number) => {
    const t = span ? (value - d0) / span : 0.5;
    return 0 * (1 - t) + width * t;
  };
  return Object.assign(scale, { domain, width });
}

/**
 * d3-scale's linear `nice` (what Vega's scales use; d3-array's `nice` rounds differently near
 * zero): the domain widened to steps of its ticks, left as it was when no step settles.
 */
export function niceLinear(lo: number, hi: number, count: number): [number, number] {
  let [start, stop] = [lo, hi];
  let prestep: number | undefined;
  for (let iter = 0; iter < 10; iter++) {
    const step = tickIncrement(start, stop, count);
    if (step === prestep) return [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else break;
    prestep = step;
  }
  return [lo, hi];
}

/** The tick values of a linear scale for a tick count (Vega's `tickValues`). */
export function linearTicks(scale: Linear, count: number): number[] {
  return ticks(scale.domain[0], scale.domain[1], count);
}

/** The d3 locale of a chart's Vega-Lite `config.locale.number`. */
export function numberLocale(definition: D3NumberLocale): FormatLocaleObject {
  return formatLocale(definition);
}

/** The tick label format of a linear scale (vega-format's `formatSpan`: precision from the tick step). */
export function tickFormat(
  locale: FormatLocaleObject,
  scale: Linear,
  count: number,
  specifier: string,
): (value: number) => string {
  const [start, stop] = scale.domain;
  const s = formatSpecifier(specifier);
  const step = tickStep(start, stop, count);
  const value = Math.max(Math.abs(start), Math.abs(stop));
  if (s.precision === undefined) {
    let p: number;
    switch (s.type) {
      case 's':
        p = precisionPrefix(step, value);
        if (!Number.isNaN(p)) s.precision = p;
        return locale.formatPrefix(String(s), value);
      case '':
      case 'e':
      case 'g':
      case 'p':
      case 'r':
        p = precisionRound(step, value);
        if (!Number.isNaN(p)) s.precision = p - (s.type === 'e' ? 1 : 0);
        break;
      case 'f':
      case '%':
        p = precisionFixed(step);
        if (!Number.isNaN(p)) s.precision = p - (s.type === '%' ? 2 : 0);
        break;
    }
  }
  return locale.format(String(s));
}

/** vega-util's `flush`: left, right or center for a position within 1 px of a range's ends. */
export function flush<T>(range: readonly [number, number], value: number, left: T, right: T, center: T): T {
  const [a, b] = range[1] < range[0] ? [range[1], range[0]] : range;
  const l = Math.abs(value - a);
  const r = Math.abs(b - value);
  return l < r && l <= 1 ? left : r <= 1 ? right : center;
}

/**
 * Which labels Vega's overlap removal (method parity, no separation) keeps visible, given
 * their boxes in label order; labels without a box (empty text) are left as they are.
 */
export function visibleLabels(boxes: readonly Box[]): boolean[] {
  const visible = boxes.map(() => true);
  const source = boxes.map((b, i) => ({ b, i })).filter(({ b }) => b.width() > 1 && b.height() > 1);
  const intersect = (a: Box, b: Box) => 0 > Math.max(b.x1 - a.x2, a.x1 - b.x2, b.y1 - a.y2, a.y1 - b.y2);
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
