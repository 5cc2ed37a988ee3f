/**
 * The direct writer of the bar charts of specs.ts: the funnel (`funnelChart`), spend and
 * revenue (`spendRevenueChart`: bars grouped by channel, with a legend), the channel mix
 * (`channelMixChart`) and sentiment (`sentimentChart`, bars/sentiment.ts): horizontal bars by
 * band, drawn from the Vega-Lite spec as Vega draws them (test/charts/svg/bars*.test.ts hold
 * them to Vega's rendering). Any spec that is not exactly of a shape implemented here gives
 * null and goes through Vega.
 */
import { bandScale, bandSpace } from './bars/band.ts';
import { chartStyle, type ChartStyle } from './bars/config.ts';
import {
  BAR_SPEC,
  barGuides,
  field,
  frame,
  INLINE_DATA,
  squareLegend,
  type Part,
  radius,
  valueScale,
  X_AXIS,
  xTicks,
} from './bars/frame.ts';
import { anyNumber, anyString, arrayOf, Check, hexColor, matches, type Pattern, stringOrNull } from './bars/match.ts';
import { sentiment } from './bars/sentiment.ts';
import { Bounds } from './bounds.ts';
import { numberFormat } from './format.ts';
import { coord, element, translate } from './markup.ts';
import { textBox, textElement } from './text.ts';
import type { DirectWriter } from './index.ts';

/** Vega-Lite's band padding of bars (config.bar is unset: its scale defaults). */
const PADDING_INNER = 0.1;
const PADDING_OUTER = 0.05;

/** specs.ts's `funnelChart`. */
const FUNNEL: Pattern = {
  ...BAR_SPEC,
  data: INLINE_DATA,
  encoding: {
    y: { field, type: 'nominal', title: null, sort: null },
    x: { field, type: 'quantitative', title: stringOrNull, scale: { type: 'linear' }, axis: X_AXIS },
  },
  layer: [
    { mark: { type: 'bar', color: hexColor, cornerRadiusEnd: radius } },
    { mark: { type: 'text', align: 'left', dx: anyNumber }, encoding: { text: { field, type: 'nominal' } } },
  ],
};

/** What the funnel and the channel mix share: one row of bars per category, the value along x. */
interface BarRowsSpec {
  config: unknown;
  data: { values: unknown[] };
  height: { step: number };
  encoding: {
    y: { field: string };
    x: { field: string; title: string | null; axis: { format: string; labelExpr?: string; tickCount: number } };
  };
}

interface FunnelSpec extends BarRowsSpec {
  layer: [{ mark: { color: string; cornerRadiusEnd: number } }, { mark: { dx: number }; encoding: { text: { field: string } } }];
}

/** Bézier handle of vega-scenegraph's rounded rectangle. */
const C = 0.448084975506;

/** vega-scenegraph's rectangle path of a box with its right corners rounded by `r` (clamped to half its size). */
function roundedRight(w: number, h: number, r: number): string {
  const s = Math.min(w, h) / 2;
  const tr = Math.max(0, Math.min(r, s));
  if (tr <= 0) return `M0,0h${coord(w)}v${coord(h)}h${coord(-w)}Z`;
  const n = (...values: number[]) => values.map(coord).join(',');
  return (
    `M${n(0, 0)}L${n(w - tr, 0)}C${n(w - C * tr, 0, w, C * tr, w, tr)}L${n(w, h - tr)}` +
    `C${n(w, h - C * tr, w - C * tr, h, w - tr, h)}L${n(0, h)}C${n(0, h, 0, h, 0, h)}L${n(0, 0)}C${n(0, 0, 0, 0, 0, 0)}Z`
  );
}

/** One horizontal bar from `x0` to `x1` (either order) at `y`: a group clipped to a box with rounded right corners, around the rect. */
interface Bar {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly height: number;
  readonly fill: string;
}

/**
 * Vega-Lite's bars with `cornerRadiusEnd`: one clipped group per bar (the bar's extent, right
 * corners rounded) holding the rect, in a `role-scope` group; the clip paths for the defs.
 */
function roundedBars(bars: readonly Bar[], r: number, markClass: string, firstClip: number): { part: Part; defs: string } {
  let svg = '';
  let defs = '';
  const bounds = new Bounds();
  bars.forEach((bar, i) => {
    const gx = Math.min(bar.x0, bar.x1);
    const gw = Math.max(bar.x0, bar.x1) - gx;
    const id = `clip${firstClip + i}`;
    const rect = element('path', { d: `M${coord(gx)},0h${coord(gw)}v${coord(bar.height)}h${coord(-gw)}Z`, fill: bar.fill });
    svg +=
      `<g transform="${translate(gx, bar.y)}"><g clip-path="url(#${id})"><g class="mark-group role-scope">` +
      `<g transform="${translate(-gx, 0)}"><g><g class="${markClass}">${rect}</g></g></g></g></g></g>`;
    defs += `<clipPath id="${id}">${element('path', { d: roundedRight(gw, bar.height, r) })}</clipPath>`;
    bounds.union(Bounds.of(gx, bar.y, gx + gw, bar.y + bar.height));
  });
  return { part: { svg: `<g class="mark-group role-scope">${svg}</g>`, bounds, kind: 'scope' }, defs };
}

/** A text mark: left-aligned texts, vertically centred, with their bounds. */
function texts(
  items: ReadonlyArray<{ x: number; y: number; text: string }>,
  dx: number,
  style: ChartStyle,
  markClass: string,
): Part {
  const bounds = new Bounds();
  const svg = items
    .map((t) => {
      bounds.union(textBox(t.text, t.x, t.y, 'left', 'middle', style.fontSize, dx));
      return textElement({
        x: t.x,
        y: t.y,
        dx,
        text: t.text,
        fontSize: style.fontSize,
        fill: style.textColor,
        align: 'left',
        baseline: 'middle',
      });
    })
    .join('');
  return { svg: `<g class="${markClass}">${svg}</g>`, bounds, kind: 'mark' };
}

/** The rows of a bar chart's data: each an object with a string band, a finite number and a string text. */
function rows(values: unknown[], band: string, value: string, text: string) {
  const out: Array<{ band: string; value: number; text: string }> = [];
  for (const row of values) {
    if (row === null || typeof row !== 'object') return null;
    const r = row as Record<string, unknown>;
    const [b, v, t] = [r[band], r[value], r[text]];
    if (typeof b !== 'string' || typeof v !== 'number' || !Number.isFinite(v) || typeof t !== 'string') return null;
    out.push({ band: b, value: v, text: t });
  }
  return out;
}

/** A bar of a labelled bar chart: its band, value, fill and the text beside it. */
interface LabelledRow {
  readonly band: string;
  readonly value: number;
  readonly fill: string;
  readonly text: string;
}

/**
 * Horizontal bars, one per band in data order, each with a text beside its end (Vega-Lite's
 * layered bar and text marks): the funnel and the channel mix.
 */
function labelledBars(
  width: number,
  data: readonly LabelledRow[],
  opts: {
    step: number;
    axis: { format: string; labelExpr?: string; tickCount: number };
    title: string | null;
    radius: number;
    dx: number;
  },
  style: ChartStyle,
): string | null {
  if (data.length === 0) return null;
  const domain = data.map((d) => d.band);
  if (new Set(domain).size !== domain.length) return null;
  const height = bandSpace(domain.length, PADDING_INNER, PADDING_OUTER) * opts.step;
  const band = bandScale(domain, height, PADDING_INNER, PADDING_OUTER);
  const scale = valueScale(
    data.map((d) => d.value),
    width,
  );
  const ticks = xTicks(scale, opts.axis, style);
  const barHeight = Math.max(0.25, band.bandwidth);
  const bars = roundedBars(
    data.map((d) => ({ x0: scale(0), x1: scale(d.value), y: band.at(d.band), height: barHeight, fill: d.fill })),
    opts.radius,
    'mark-rect role-mark layer_0_marks',
    1,
  );
  const labels = texts(
    data.map((d) => ({ x: scale(d.value), y: band.at(d.band) + band.bandwidth / 2, text: d.text })),
    opts.dx,
    style,
    'mark-text role-mark layer_1_marks',
  );
  return frame(width, height, [...barGuides(width, ticks, band, opts.title, style), bars.part, labels], bars.defs);
}

/** Draws a funnel (specs.ts's `funnelChart`), or null for any other spec. */
function funnel(input: unknown, width: number): string | null {
  if (!(width > 0 && width < 1e5) || !matches(input, FUNNEL)) return null;
  const spec = input as FunnelSpec;
  const style = chartStyle(spec.config);
  if (style === null) return null;
  const { x, y } = spec.encoding;
  const data = rows(spec.data.values, y.field, x.field, spec.layer[1].encoding.text.field);
  if (data === null) return null;
  const [bar, text] = spec.layer;
  return labelledBars(
    width,
    data.map((d) => ({ ...d, fill: bar.mark.color })),
    { step: spec.height.step, axis: x.axis, title: x.title, radius: bar.mark.cornerRadiusEnd, dx: text.mark.dx },
    style,
  );
}

/** A number format of a text (a share: ".0%"). */
const textFormat = new Check((v) => typeof v === 'string' && /^,?\.\d{1,2}[%f]$/.test(v));

/** specs.ts's `channelMixChart`. */
const MIX: Pattern = {
  ...BAR_SPEC,
  data: INLINE_DATA,
  encoding: {
    y: { field, type: 'nominal', title: null, sort: null },
    x: { field, type: 'quantitative', title: stringOrNull, axis: X_AXIS },
  },
  layer: [
    {
      mark: { type: 'bar', cornerRadiusEnd: radius },
      encoding: {
        color: { field, type: 'nominal', legend: null, scale: { domain: arrayOf(anyString), range: arrayOf(hexColor) } },
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: anyNumber },
      encoding: { text: { field, type: 'quantitative', format: textFormat } },
    },
  ],
};

interface MixSpec extends BarRowsSpec {
  layer: [
    { mark: { cornerRadiusEnd: number }; encoding: { color: { field: string; scale: { domain: string[]; range: string[] } } } },
    { mark: { dx: number }; encoding: { text: { field: string; format: string } } },
  ];
}

/** Draws a channel mix (specs.ts's `channelMixChart`: bars coloured by band, each with its share), or null. */
function channelMix(input: unknown, width: number): string | null {
  if (!(width > 0 && width < 1e5) || !matches(input, MIX)) return null;
  const spec = input as MixSpec;
  const style = chartStyle(spec.config);
  if (style === null) return null;
  const { x, y } = spec.encoding;
  const [bar, text] = spec.layer;
  const { domain, range } = bar.encoding.color.scale;
  // Coloured by the band itself.
  if (bar.encoding.color.field !== y.field || range.length === 0) return null;
  // d3's ordinal scale: the domain without repeats, the range taken in its order.
  const fill = new Map<string, string>();
  for (const d of domain) if (!fill.has(d)) fill.set(d, range[fill.size % range.length]!);
  const format = numberFormat(style.number, text.encoding.text.format);
  const data: LabelledRow[] = [];
  for (const row of spec.data.values) {
    if (row === null || typeof row !== 'object') return null;
    const r = row as Record<string, unknown>;
    const [b, v, t] = [r[y.field], r[x.field], r[text.encoding.text.field]];
    if (typeof b !== 'string' || typeof v !== 'number' || !Number.isFinite(v) || typeof t !== 'number' || !Number.isFinite(t))
      return null;
    if (!fill.has(b)) return null;
    data.push({ band: b, value: v, fill: fill.get(b)!, text: format(t) });
  }
  return labelledBars(
    width,
    data,
    { step: spec.height.step, axis: x.axis, title: x.title, radius: bar.mark.cornerRadiusEnd, dx: text.mark.dx },
    style,
  );
}

/** Vega-Lite's band padding of a band with nested offsets (bars grouped by yOffset). */
const NESTED_PADDING = 0.2;

/** specs.ts's `spendRevenueChart`. */
const GROUPED: Pattern = {
  ...BAR_SPEC,
  data: INLINE_DATA,
  mark: { type: 'bar', cornerRadiusEnd: radius },
  encoding: {
    y: { field, type: 'nominal', title: null },
    yOffset: { field, type: 'nominal', sort: arrayOf(anyString) },
    x: { field, type: 'quantitative', title: null, axis: X_AXIS },
    color: { field, type: 'nominal', title: null, scale: { domain: arrayOf(anyString), range: arrayOf(hexColor) } },
  },
};

interface GroupedSpec {
  config: unknown;
  data: { values: unknown[] };
  mark: { cornerRadiusEnd: number };
  height: { step: number };
  encoding: {
    y: { field: string };
    yOffset: { field: string; sort: string[] };
    x: { field: string; axis: { format: string; labelExpr?: string; tickCount: number } };
    color: { field: string; scale: { domain: string[]; range: string[] } };
  };
}

/** Draws bars grouped by band and offset, coloured by offset, with a legend (specs.ts's `spendRevenueChart`), or null. */
function grouped(input: unknown, width: number): string | null {
  if (!(width > 0 && width < 1e5) || !matches(input, GROUPED)) return null;
  const spec = input as GroupedSpec;
  const style = chartStyle(spec.config);
  if (style === null) return null;
  const { x, y, yOffset, color } = spec.encoding;
  // The offset and the colour are the same field, every value sorted, named and coloured once.
  if (color.field !== yOffset.field || new Set(yOffset.sort).size !== yOffset.sort.length) return null;
  if (color.scale.domain.length !== color.scale.range.length || new Set(color.scale.domain).size !== color.scale.domain.length)
    return null;
  const data: Array<{ band: string; offset: string; value: number }> = [];
  for (const row of spec.data.values) {
    if (row === null || typeof row !== 'object') return null;
    const r = row as Record<string, unknown>;
    const [b, o, v] = [r[y.field], r[yOffset.field], r[x.field]];
    if (typeof b !== 'string' || typeof o !== 'string' || typeof v !== 'number' || !Number.isFinite(v)) return null;
    if (!yOffset.sort.includes(o) || !color.scale.domain.includes(o)) return null;
    data.push({ band: b, offset: o, value: v });
  }
  if (data.length === 0) return null;
  if (new Set(data.map((d) => JSON.stringify([d.band, d.offset]))).size !== data.length) return null;
  const offsets = yOffset.sort.filter((o) => data.some((d) => d.offset === o));
  const domain = [...new Set(data.map((d) => d.band))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const step = (spec.height.step * bandSpace(offsets.length, 0, 0)) / (1 - NESTED_PADDING);
  const height = bandSpace(domain.length, NESTED_PADDING, NESTED_PADDING) * step;
  const band = bandScale(domain, height, NESTED_PADDING, NESTED_PADDING);
  const inner = bandScale(offsets, spec.height.step * bandSpace(offsets.length, 0, 0), 0, 0);
  const scale = valueScale(
    data.map((d) => d.value),
    width,
  );
  const ticks = xTicks(scale, x.axis, style);
  const fill = new Map(color.scale.domain.map((d, i) => [d, color.scale.range[i]!]));
  const bars = roundedBars(
    data.map((d) => ({
      x0: scale(0),
      x1: scale(d.value),
      y: band.at(d.band) + inner.at(d.offset),
      height: Math.max(0.25, inner.bandwidth),
      fill: fill.get(d.offset)!,
    })),
    spec.mark.cornerRadiusEnd,
    'mark-rect role-mark marks',
    1,
  );
  return frame(
    width,
    height,
    [...barGuides(width, ticks, band, null, style), bars.part],
    bars.defs,
    squareLegend(
      color.scale.domain.map((label) => ({ label, color: fill.get(label)! })),
      style,
    ),
  );
}

/** The bar charts' writer: funnels, grouped bars, channel mixes and sentiment; null for any other spec. */
export const drawBars: DirectWriter = (spec, width) =>
  funnel(spec, width) ?? grouped(spec, width) ?? channelMix(spec, width) ?? sentiment(spec, width);
