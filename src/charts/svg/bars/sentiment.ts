/**
 * The direct writer of specs.ts's `sentimentChart`: by channel, a bar of mention shares stacked
 * and normalised (Vega's stack transform, "normalize" offset, sorted by an order field) above a
 * bar of share of voice, on one 0–100% axis, with a legend of the series.
 */
import { Bounds } from '../bounds.ts';
import { linearScale } from '../format.ts';
import { coord, element } from '../markup.ts';
import { bandScale, bandSpace } from './band.ts';
import { chartStyle } from './config.ts';
import { BAR_SPEC, barGuides, field, frame, squareLegend, tickCount, X_LABEL_EXPR, xTicks } from './frame.ts';
import { anyString, arrayOf, Check, hexColor, matches, optional, type Pattern, stringOrNull } from './match.ts';

/** Vega-Lite's band padding of a band with nested offsets. */
const NESTED_PADDING = 0.2;

/** A share format of the axis (".0%"). */
const shareFormat = new Check((v) => typeof v === 'string' && /^\.\d%$/.test(v));
const rows = new Check(Array.isArray);

const Y: Pattern = { field, type: 'nominal', title: null };
const Y_OFFSET: Pattern = { field, type: 'nominal', sort: arrayOf(anyString) };
const COLOR: Pattern = {
  field,
  type: 'nominal',
  title: null,
  scale: { domain: arrayOf(anyString), range: arrayOf(hexColor) },
};

/** specs.ts's `sentimentChart`. */
const SENTIMENT: Pattern = {
  ...BAR_SPEC,
  layer: [
    {
      data: { values: rows },
      mark: { type: 'bar' },
      encoding: {
        y: Y,
        yOffset: Y_OFFSET,
        color: COLOR,
        x: {
          field,
          type: 'quantitative',
          stack: 'normalize',
          title: stringOrNull,
          axis: { format: shareFormat, labelExpr: optional(X_LABEL_EXPR), tickCount },
          scale: { domain: [0, 1] },
        },
        order: { field, type: 'quantitative' },
      },
    },
    {
      data: { values: rows },
      mark: { type: 'bar' },
      encoding: { y: Y, yOffset: Y_OFFSET, color: COLOR, x: { field, type: 'quantitative', stack: null } },
    },
  ],
};

interface Encoding {
  y: { field: string };
  yOffset: { field: string; sort: string[] };
  color: { field: string; scale: { domain: string[]; range: string[] } };
  x: { field: string; title?: string | null; axis?: { format: string; labelExpr?: string; tickCount: number } };
  order?: { field: string };
}

interface SentimentSpec {
  config: unknown;
  height: { step: number };
  layer: [{ data: { values: unknown[] }; encoding: Encoding }, { data: { values: unknown[] }; encoding: Encoding }];
}

interface Row {
  band: string;
  offset: string;
  series: string;
  value: number;
  order: number;
}

/** Draws a sentiment chart, or null for any other spec. */
export function sentiment(input: unknown, width: number): string | null {
  if (!(width > 0 && width < 1e5) || !matches(input, SENTIMENT)) return null;
  const spec = input as SentimentSpec;
  const style = chartStyle(spec.config);
  if (style === null) return null;
  const [stacked, single] = spec.layer;
  const enc = stacked.encoding;
  // Both layers share their band, offset and colour (one scale each).
  for (const key of ['y', 'yOffset', 'color'] as const) {
    if (JSON.stringify(enc[key]) !== JSON.stringify(single.encoding[key])) return null;
  }
  const { sort } = enc.yOffset;
  const { domain, range } = enc.color.scale;
  if (new Set(sort).size !== sort.length || new Set(domain).size !== domain.length || domain.length !== range.length) return null;
  const read = (values: unknown[], x: string, order: string | null): Row[] | null => {
    const out: Row[] = [];
    for (const row of values) {
      if (row === null || typeof row !== 'object') return null;
      const r = row as Record<string, unknown>;
      const [band, offset, series, value] = [r[enc.y.field], r[enc.yOffset.field], r[enc.color.field], r[x]];
      const o = order === null ? 0 : r[order];
      if (typeof band !== 'string' || typeof offset !== 'string' || typeof series !== 'string') return null;
      if (typeof value !== 'number' || !Number.isFinite(value) || typeof o !== 'number' || !Number.isFinite(o)) return null;
      if (!sort.includes(offset) || !domain.includes(series)) return null;
      out.push({ band, offset, series, value, order: o });
    }
    return out;
  };
  const mentions = read(stacked.data.values, enc.x.field, enc.order!.field);
  const voices = read(single.data.values, single.encoding.x.field, null);
  if (mentions === null || voices === null || mentions.length + voices.length === 0) return null;
  // Vega's stack, offset "normalize": per band and offset, in order, each a share of the sum.
  const extent = new Map<Row, [number, number]>();
  const groups = new Map<string, Row[]>();
  for (const row of mentions) {
    const key = JSON.stringify([row.band, row.offset]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const sum = group.reduce((s, r) => s + Math.abs(r.value), 0);
    if (!(sum > 0)) return null;
    const scale = 1 / sum;
    if (!Number.isFinite(scale * sum)) return null;
    let last = 0;
    let v = 0;
    for (const row of [...group].sort((a, b) => a.order - b.order)) {
      const start = last;
      last = scale * (v += Math.abs(row.value));
      extent.set(row, [start, last]);
    }
  }
  const all = [...mentions, ...voices];
  const offsets = sort.filter((o) => all.some((r) => r.offset === o));
  const bands = [...new Set(all.map((r) => r.band))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const step = (spec.height.step * bandSpace(offsets.length, 0, 0)) / (1 - NESTED_PADDING);
  const height = bandSpace(bands.length, NESTED_PADDING, NESTED_PADDING) * step;
  const band = bandScale(bands, height, NESTED_PADDING, NESTED_PADDING);
  const inner = bandScale(offsets, spec.height.step * bandSpace(offsets.length, 0, 0), 0, 0);
  const scale = linearScale(0, 1, [0, width], true);
  const axis = enc.x.axis!;
  const ticks = xTicks(scale, axis, style);
  const fill = new Map(domain.map((d, i) => [d, range[i]!]));
  const barHeight = Math.max(0.25, inner.bandwidth);
  const rects = (list: Row[], x: (r: Row) => [number, number], markClass: string) => {
    const bounds = new Bounds();
    const svg = list
      .map((r) => {
        const [a, b] = x(r).map(scale) as [number, number];
        const [x0, w] = [Math.min(a, b), Math.abs(b - a)];
        const y = band.at(r.band) + inner.at(r.offset);
        bounds.union(Bounds.of(x0, y, x0 + w, y + barHeight));
        return element('path', {
          d: `M${coord(x0)},${coord(y)}h${coord(w)}v${coord(barHeight)}h${coord(-w)}Z`,
          fill: fill.get(r.series)!,
        });
      })
      .join('');
    return { svg: `<g class="${markClass}">${svg}</g>`, bounds, kind: 'mark' as const };
  };
  return frame(
    width,
    height,
    [
      ...barGuides(width, ticks, band, enc.x.title ?? null, style),
      rects(mentions, (r) => extent.get(r)!, 'mark-rect role-mark layer_0_marks'),
      rects(voices, (r) => [r.value, 0], 'mark-rect role-mark layer_1_marks'),
    ],
    '',
    squareLegend(
      domain.map((label) => ({ label, color: fill.get(label)! })),
      style,
    ),
  );
}
