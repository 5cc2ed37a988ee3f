/**
 * The direct writer of the trend chart (specs.ts `trendChart`): one line per channel (with
 * points when the spec asks for them), each named at its end, over a utc x axis (month ticks
 * from a parameter, or about n calendar ticks) and a linear y axis whose domain is a parameter,
 * with a legend of the channels below. It recognises that spec strictly (zod strict objects:
 * any other property, mark, encoding or config gives null, and Vega draws the chart).
 */
import * as z from 'zod';
import type { TopLevelSpec } from 'vega-lite';
import { bottomAxis, gridRows, leftAxis, type Tick } from './axes.ts';
import { Bounds } from './bounds.ts';
import { linearAxisTicks, type TimeLocale, utcFormat, utcTickValues, validTickValues } from './format.ts';
import { svgRoot } from './frame.ts';
import { circlePath, legendBelow } from './legend.ts';
import { checkedThemeConfig, colour, count, dataRows, finite, guideStyle, legendStyle, positive, yNumberAxis } from './config.ts';
import { LEGEND_LIMIT, LEGEND_SYMBOL_SIZE, LEGEND_SYMBOL_STROKE, linePath, POINT_STROKE_WIDTH } from './lineChart.ts';
import { type TextItem, textBounds, textElement } from './text.ts';
import { element, translate } from './markup.ts';

const yEncoding = <F extends string>(field: F) =>
  z.strictObject({
    field: z.literal(field),
    type: z.literal('quantitative'),
    title: z.string().min(1),
    axis: yNumberAxis,
    scale: z.strictObject({ domain: z.strictObject({ expr: z.literal('y_domain') }), nice: z.literal(false) }),
  });

const TrendSpec = z.strictObject({
  $schema: z.literal('https://vega.github.io/schema/vega-lite/v6.json'),
  config: checkedThemeConfig,
  params: z.union([
    z.tuple([z.strictObject({ name: z.literal('y_domain'), value: z.tuple([finite, finite]) })]),
    z.tuple([
      z.strictObject({ name: z.literal('y_domain'), value: z.tuple([finite, finite]) }),
      z.strictObject({ name: z.literal('month_ticks'), value: z.array(finite) }),
    ]),
  ]),
  height: positive,
  encoding: z.strictObject({
    x: z.strictObject({
      field: z.literal('date'),
      type: z.literal('temporal'),
      scale: z.strictObject({ type: z.literal('utc') }),
      title: z.null(),
      axis: z.union([
        z.strictObject({
          format: z.string(),
          values: z.strictObject({ expr: z.literal('month_ticks') }),
          grid: z.literal(false),
        }),
        z.strictObject({ format: z.string(), tickCount: count, grid: z.literal(false) }),
      ]),
    }),
    y: yEncoding('value'),
    color: z.strictObject({
      field: z.literal('channel'),
      type: z.literal('nominal'),
      title: z.null(),
      scale: z.strictObject({ domain: z.array(z.string()).min(1), range: z.array(colour).min(1) }),
    }),
  }),
  layer: z.tuple([
    z.strictObject({
      data: z.strictObject({ values: dataRows({ date: 'day', channel: 'string', value: 'finite' }) }),
      mark: z.strictObject({
        type: z.literal('line'),
        point: z.union([z.literal(false), z.strictObject({ size: positive })]),
        strokeWidth: positive,
      }),
    }),
    z.strictObject({
      data: z.strictObject({
        values: dataRows({ date: 'day', channel: 'string', value: 'finite', labelAt: 'finite' }),
      }),
      mark: z.strictObject({
        type: z.literal('text'),
        align: z.literal('left'),
        baseline: z.literal('middle'),
        dx: finite,
        fontSize: positive,
      }),
      encoding: z.strictObject({
        y: yEncoding('labelAt'),
        text: z.strictObject({ field: z.literal('channel'), type: z.literal('nominal') }),
      }),
    }),
  ]),
});

type Trend = z.infer<typeof TrendSpec>;

/** A trend chart's SVG at a width, or null when the spec is not a trend chart this writer draws. */
export function drawTrend(spec: TopLevelSpec, width: number): string | null {
  // (A quick look first: most other specs have no parameters, and are spared the full check.)
  if (!('params' in spec)) return null;
  const parsed = TrendSpec.safeParse(spec);
  if (!parsed.success || !(width > 0)) return null;
  try {
    return layout(parsed.data, width);
  } catch {
    // A format specifier d3 refuses, say: Vega decides.
    return null;
  }
}

function layout(spec: Trend, width: number): string | null {
  const { config, encoding, height } = spec;
  const [lineLayer, textLayer] = spec.layer;
  const [lo, hi] = spec.params[0].value;
  const monthTicks = spec.params[1]?.value;
  const xAxis = encoding.x.axis;
  // The month ticks parameter is there exactly when the x axis reads it.
  if ('values' in xAxis !== (monthTicks !== undefined)) return null;
  // The labels' y encoding is the lines' own, on another field.
  if (JSON.stringify({ ...textLayer.encoding.y, field: 'value' }) !== JSON.stringify(encoding.y)) return null;
  if (!(lo < hi)) return null;

  const { domain, range } = encoding.color.scale;
  if (new Set(domain).size !== domain.length || domain.length > LEGEND_LIMIT) return null;
  const colourOf = new Map(domain.map((d, i) => [d, range[i % range.length]!]));
  const lines = lineLayer.data.values;
  const labels = textLayer.data.values;
  if (lines.length + labels.length === 0) return null;
  if ([...lines, ...labels].some((v) => !colourOf.has(v.channel))) return null;

  const time = (iso: string) => Date.parse(iso);
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const v of [...lines, ...labels]) {
    const t = time(v.date);
    if (t < t0) t0 = t;
    if (t > t1) t1 = t;
  }
  const x = (t: number) => (t1 === t0 ? width / 2 : ((t - t0) / (t1 - t0)) * width);
  const y = (v: number) => height - ((v - lo) / (hi - lo)) * height;

  const style = guideStyle(config);
  const yAxisDef = encoding.y.axis;
  const yTicks = linearAxisTicks(config.locale.number, yAxisDef, lo, hi, y);
  // (Day and month name lists checked for length by the schema.)
  const xFormat = utcFormat(config.locale.time as TimeLocale, xAxis.format);
  const xValues = 'values' in xAxis ? validTickValues(monthTicks!, x, width) : utcTickValues(t0, t1, xAxis.tickCount);
  const xTicks: Tick[] = xValues.map((t) => ({ at: x(t), label: xFormat(new Date(t)) }));

  const grid = gridRows(yTicks, width, style);
  const bottom = bottomAxis(xTicks, width, height, null, style, 'flat');
  const left = leftAxis(yTicks, [height, 0], encoding.y.title, style, 'flat');

  // Lines: one per channel in order of first appearance, each sorted by x.
  const { strokeWidth, point } = lineLayer.mark;
  const series = new Map<string, Array<[number, number]>>();
  for (const v of lines) {
    const list = series.get(v.channel) ?? [];
    list.push([x(time(v.date)), y(v.value)]);
    series.set(v.channel, list);
  }
  const lineBounds = new Bounds();
  const paths = [...series].map(([channel, pts]) => {
    pts.sort((a, b) => a[0] - b[0]);
    for (const [px, py] of pts) lineBounds.add(px, py);
    return element('path', { d: linePath(pts), stroke: colourOf.get(channel), 'stroke-width': String(strokeWidth) });
  });
  // Miter joins reach out 4 stroke widths / 2 (vega-scenegraph boundStroke).
  if (!lineBounds.empty()) lineBounds.expand(Math.max(strokeWidth / 2, 2 * strokeWidth));
  const lineName = point === false ? 'layer_0' : 'layer_0_layer_0';
  const frame = new Bounds().set(0, 0, width, height);
  const pathGroup = new Bounds().union(frame).union(lineBounds);

  const marks = new Bounds();
  let symbols = '';
  if (point !== false) {
    const r = Math.sqrt(point.size) / 2;
    const d = circlePath(r);
    for (const v of lines) {
      const [px, py] = [x(time(v.date)), y(v.value)];
      marks.union(new Bounds().set(px - r, py - r, px + r, py + r));
      symbols += element('path', {
        transform: translate(px, py),
        d,
        fill: colourOf.get(v.channel),
        'stroke-width': String(POINT_STROKE_WIDTH),
      });
    }
  }
  const { dx, fontSize } = textLayer.mark;
  const texts = labels.map((v) => {
    const item: TextItem = {
      x: x(time(v.date)),
      y: y(v.labelAt),
      dx,
      text: v.channel,
      fontSize,
      fill: colourOf.get(v.channel)!,
      align: 'left',
      baseline: 'middle',
    };
    marks.union(textBounds(item));
    return textElement(item);
  });

  const xBounds = new Bounds().union(frame).union(left.bounds).union(pathGroup);
  const yBounds = new Bounds().union(frame).union(bottom.bounds).union(pathGroup);
  const legend = legendBelow(
    domain.map((label) => ({ label, color: colourOf.get(label)! })),
    yBounds.y2,
    legendStyle(config),
    { shape: 'circle', size: LEGEND_SYMBOL_SIZE, strokeWidth: LEGEND_SYMBOL_STROKE, filled: true, opacity: 1 },
    'flat',
  );
  const view = new Bounds().union(frame).union(marks).union(legend.bounds).union(xBounds).union(yBounds);

  const content =
    grid +
    bottom.svg +
    left.svg +
    `<g class="mark-group role-scope ${lineName}_pathgroup"><g class="mark-line role-mark ${lineName}_marks">${paths.join('')}</g></g>` +
    (point !== false ? `<g class="mark-symbol role-mark layer_0_layer_1_marks">${symbols}</g>` : '') +
    `<g class="mark-text role-mark layer_1_marks">${texts.join('')}</g>` +
    legend.svg;
  return svgRoot(view, width, height, content);
}
