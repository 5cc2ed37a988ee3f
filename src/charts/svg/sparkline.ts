/**
 * The direct writer of the sparkline (specs.ts `sparklineSpec`: a KPI over recent quarters on
 * the home page, no axes): one line over a point scale of the periods (in data order) and a
 * linear y scale of the values' extent, made nice. It recognises that spec strictly (zod strict
 * objects): anything else gives null, and Vega draws the chart.
 */
import * as z from 'zod';
import type { TopLevelSpec } from 'vega-lite';
import { scalePoint } from 'd3-scale';
import { Bounds } from './bounds.ts';
import { linearScale } from './format.ts';
import { svgRoot } from './frame.ts';
import { checkedOnce, dataRows, finite, positive, themeConfig } from './config.ts';
import { linePath } from './lineChart.ts';
import { element } from './markup.ts';

const SparklineSpec = z.strictObject({
  $schema: z.literal('https://vega.github.io/schema/vega-lite/v6.json'),
  config: checkedOnce(themeConfig.extend({ axis: z.strictObject({ disable: z.literal(true) }) })),
  height: positive,
  padding: finite.refine((n) => n >= 0),
  data: z.strictObject({ values: dataRows({ period: 'string', value: 'finite' }) }),
  mark: z.strictObject({ type: z.literal('line'), strokeWidth: positive, color: z.string(), point: z.literal(false) }),
  encoding: z.strictObject({
    x: z.strictObject({ field: z.literal('period'), type: z.literal('ordinal'), axis: z.null(), sort: z.null() }),
    y: z.strictObject({
      field: z.literal('value'),
      type: z.literal('quantitative'),
      axis: z.null(),
      scale: z.strictObject({ zero: z.literal(false) }),
    }),
  }),
});

/** Vega-Lite's padding of a point scale (config.scale.pointPadding). */
const POINT_PADDING = 0.5;

/** A sparkline's SVG at a width, or null when the spec is not a sparkline this writer draws. */
export function drawSparkline(spec: TopLevelSpec, width: number): string | null {
  // (A quick look first: only the sparkline has a top-level padding.)
  if (!('padding' in spec)) return null;
  const parsed = SparklineSpec.safeParse(spec);
  if (!parsed.success || !(width > 0 && width < 1e5)) return null;
  const { height, padding, mark } = parsed.data;
  const rows = parsed.data.data.values;
  const periods = rows.map((r) => r.period);
  // (A period given twice would be one point of the scale with two values: Vega decides.)
  if (new Set(periods).size !== periods.length) return null;
  const x = scalePoint<string>().domain(periods).range([0, width]).padding(POINT_PADDING);
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (r.value < lo) lo = r.value;
    if (r.value > hi) hi = r.value;
  }
  // One value (or all equal): d3's scale puts it in the middle, as Vega draws it.
  const y = lo < hi ? linearScale(lo, hi, [height, 0], true) : () => height / 2;
  const points = rows.map((r): [number, number] => [x(r.period)!, y(r.value)]).sort((a, b) => a[0] - b[0]);
  const bounds = Bounds.of(0, 0, width, height);
  const line = new Bounds();
  for (const [px, py] of points) line.add(px, py);
  // Miter joins reach out 4 stroke widths / 2 (vega-scenegraph boundStroke).
  if (!line.empty()) bounds.union(line.expand(Math.max(mark.strokeWidth / 2, 2 * mark.strokeWidth)));
  const path =
    points.length === 0
      ? '<g class="mark-line role-mark marks"/>'
      : `<g class="mark-line role-mark marks">${element('path', { d: linePath(points), stroke: mark.color, 'stroke-width': String(mark.strokeWidth) })}</g>`;
  return svgRoot(bounds, width, height, `<g transform="translate(0,0)"><g>${path}</g></g>`, '', padding);
}
