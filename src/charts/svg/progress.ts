/**
 * The direct writer of the goal progress chart (specs.ts `goalProgressChart`): the expected pace
 * and the projection as dashed lines, the actual line (with points when the spec asks for them),
 * the target as a rule across the plot, milestones as diamonds, over a utc x axis with an
 * explicit domain and a niced linear y axis, with a legend of the series below. It recognises
 * that spec strictly (zod strict objects, and the layers in the builder's order): anything
 * else gives null, and Vega draws the chart.
 */
import * as z from 'zod';
import type { TopLevelSpec } from 'vega-lite';
import { bottomAxis, gridRows, leftAxis, type Tick } from './axes.ts';
import { Bounds } from './bounds.ts';
import { linearAxisTicks, linearScale, type TimeLocale, utcFormat, utcTickValues } from './format.ts';
import { svgRoot } from './frame.ts';
import { circlePath, legendBelow } from './legend.ts';
import {
  checkedThemeConfig,
  colour,
  count,
  dataRows,
  finite,
  guideStyle,
  isoDay,
  legendStyle,
  positive,
  yNumberAxis,
} from './config.ts';
import { LEGEND_LIMIT, LEGEND_SYMBOL_SIZE, LEGEND_SYMBOL_STROKE, linePath, POINT_STROKE_WIDTH } from './lineChart.ts';
import { coord, element, translate } from './markup.ts';

const x = z.strictObject({
  field: z.literal('date'),
  type: z.literal('temporal'),
  scale: z.strictObject({ type: z.literal('utc'), domain: z.tuple([isoDay, isoDay]) }),
  title: z.null(),
  axis: z.strictObject({ format: z.string(), tickCount: count, grid: z.literal(false) }),
});
const y = z.strictObject({
  field: z.literal('value'),
  type: z.literal('quantitative'),
  title: z.string().min(1),
  axis: yNumberAxis,
  scale: z.strictObject({ zero: z.literal(false) }),
});
const color = z.strictObject({
  field: z.literal('series'),
  type: z.literal('nominal'),
  title: z.null(),
  scale: z.strictObject({ domain: z.array(z.string()).min(1), range: z.array(colour).min(1) }),
});
const points = z.strictObject({ values: dataRows({ date: 'day', value: 'finite', series: 'string' }) });
const encoding = z.strictObject({ x, y, color });

const dashedLine = z.strictObject({
  data: points,
  mark: z.strictObject({ type: z.literal('line'), strokeWidth: positive, strokeDash: z.array(finite.refine((n) => n >= 0)) }),
  encoding,
});
const actualLine = z.strictObject({
  data: points,
  mark: z.strictObject({ type: z.literal('line'), strokeWidth: positive, point: z.boolean() }),
  encoding,
});
const targetRule = z.strictObject({
  data: z.strictObject({ values: dataRows({ value: 'finite', series: 'string' }) }),
  mark: z.strictObject({ type: z.literal('rule'), strokeWidth: positive }),
  encoding: z.strictObject({ y: z.strictObject({ field: z.literal('value'), type: z.literal('quantitative') }), color }),
});
const milestones = z.strictObject({
  data: points,
  mark: z.strictObject({ type: z.literal('point'), shape: z.literal('diamond'), filled: z.literal(true), size: positive }),
  encoding,
});

const ProgressSpec = z.strictObject({
  $schema: z.literal('https://vega.github.io/schema/vega-lite/v6.json'),
  config: checkedThemeConfig,
  height: positive,
  layer: z
    .array(z.union([dashedLine, actualLine, targetRule, milestones]))
    .min(2)
    .max(5),
});

type Layer = z.infer<typeof ProgressSpec>['layer'][number];
type Kind = 'dashed' | 'actual' | 'rule' | 'milestones';

function kindOf(layer: Layer): Kind {
  const mark = layer.mark;
  return mark.type === 'rule' ? 'rule' : mark.type === 'point' ? 'milestones' : 'strokeDash' in mark ? 'dashed' : 'actual';
}

/**
 * The builder's layer order: the target (optional; first, so that an actual on the target is drawn
 * over it, or, as built before, after the actual), expected pace, projection (optional), actual,
 * milestones (optional).
 */
const ORDER = /^(rule )?dashed (dashed )?actual( rule)?( milestones)?$/;

/** Vega's opacity of filled point marks (Vega-Lite's default for a filled point). */
const FILLED_POINT_OPACITY = 0.7;

/** A goal progress chart's SVG at a width, or null when the spec is not one this writer draws. */
export function drawProgress(spec: TopLevelSpec, width: number): string | null {
  // (A quick look first: other specs with a top-level encoding or parameters are spared the full check.)
  if ('encoding' in spec || 'params' in spec || !('layer' in spec)) return null;
  const parsed = ProgressSpec.safeParse(spec);
  if (!parsed.success || !(width > 0)) return null;
  try {
    return layout(parsed.data, width);
  } catch {
    // A format specifier d3 refuses, say: Vega decides.
    return null;
  }
}

function layout(spec: z.infer<typeof ProgressSpec>, width: number): string | null {
  const { config, height, layer } = spec;
  const kinds = layer.map(kindOf);
  if (!ORDER.test(kinds.join(' ')) || kinds.filter((k) => k === 'rule').length > 1) return null;
  // Every layer shares the first line's encodings (one x, y and colour scale, one axis each).
  const first = layer[kinds.indexOf('dashed')]!.encoding as z.infer<typeof encoding>;
  const shared = JSON.stringify(first);
  for (const l of layer) {
    const same =
      'x' in l.encoding
        ? JSON.stringify(l.encoding) === shared
        : JSON.stringify(l.encoding.color) === JSON.stringify(first.color);
    if (!same) return null;
  }
  const { domain: names, range } = first.color.scale;
  if (new Set(names).size !== names.length || names.length > LEGEND_LIMIT) return null;
  const colourOf = new Map(names.map((d, i) => [d, range[i % range.length]!]));
  const rows = layer.flatMap((l) => l.data.values as ReadonlyArray<{ value: number; series: string }>);
  if (rows.length === 0 || rows.some((r) => !colourOf.has(r.series))) return null;

  const [t0, t1] = first.x.scale.domain.map((d) => Date.parse(d)) as [number, number];
  if (!(t0 <= t1)) return null;
  const xOf = (t: number) => (t1 === t0 ? width / 2 : ((t - t0) / (t1 - t0)) * width);
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (r.value < lo) lo = r.value;
    if (r.value > hi) hi = r.value;
  }
  // Vega: the data's extent (zero: false), made nice (d3's default of 10 ticks).
  const yOf = linearScale(lo, hi, [height, 0], true);
  const [d0, d1] = yOf.domain;

  const style = guideStyle(config);
  const yAxisDef = first.y.axis;
  const yTicks = linearAxisTicks(config.locale.number, yAxisDef, d0, d1, yOf);
  const xAxisDef = first.x.axis;
  // (Day and month name lists checked for length by the schema.)
  const xFormat = utcFormat(config.locale.time as TimeLocale, xAxisDef.format);
  const xTicks: Tick[] = utcTickValues(t0, t1, xAxisDef.tickCount).map((t) => ({ at: xOf(t), label: xFormat(new Date(t)) }));

  const frame = new Bounds().set(0, 0, width, height);
  const groups = new Bounds().union(frame);
  const marks = new Bounds();
  let body = '';
  layer.forEach((l, i) => {
    const kind = kinds[i]!;
    const name = `layer_${i}`;
    if (kind === 'rule') {
      const { strokeWidth } = l.mark as { strokeWidth: number };
      for (const r of l.data.values) marks.union(new Bounds().set(width, yOf(r.value), 0, yOf(r.value)).expand(strokeWidth / 2));
      const lines = l.data.values.map((r) =>
        element('line', {
          transform: translate(width, yOf(r.value)),
          x2: -width,
          y2: 0,
          stroke: colourOf.get(r.series),
          'stroke-width': String(strokeWidth),
        }),
      );
      body += `<g class="mark-rule role-mark ${name}_marks">${lines.join('')}</g>`;
      return;
    }
    const values = (l as { data: z.infer<typeof points> }).data.values;
    const at = (p: { date: string; value: number }) => [xOf(Date.parse(p.date)), yOf(p.value)] as const;
    if (kind === 'milestones') {
      const r = Math.sqrt((l.mark as { size: number }).size) / 2;
      const d = `M${coord(-r)},0L0,${coord(-r)}L${coord(r)},0L0,${coord(r)}Z`;
      const symbols = values.map((p) => {
        const [px, py] = at(p);
        marks.union(new Bounds().set(px - r, py - r, px + r, py + r));
        return element('path', {
          transform: translate(px, py),
          d,
          fill: colourOf.get(p.series),
          'stroke-width': String(POINT_STROKE_WIDTH),
          opacity: String(FILLED_POINT_OPACITY),
        });
      });
      body += `<g class="mark-symbol role-mark ${name}_marks">${symbols.join('')}</g>`;
      return;
    }
    // A line per series (in order of first appearance), its points sorted by x.
    const mark = l.mark as { strokeWidth: number; strokeDash?: number[]; point?: boolean };
    const withPoints = mark.point === true;
    const lineName = withPoints ? `${name}_layer_0` : name;
    const series = new Map<string, Array<[number, number]>>();
    for (const p of values) {
      const list = series.get(p.series) ?? [];
      list.push([...at(p)]);
      series.set(p.series, list);
    }
    const lineBounds = new Bounds();
    const paths = [...series].map(([s, pts]) => {
      pts.sort((a, b) => a[0] - b[0]);
      for (const [px, py] of pts) lineBounds.add(px, py);
      return element('path', {
        d: linePath(pts),
        stroke: colourOf.get(s),
        'stroke-width': String(mark.strokeWidth),
        'stroke-dasharray': mark.strokeDash && mark.strokeDash.length > 0 ? mark.strokeDash.join(',') : undefined,
      });
    });
    // Miter joins reach out 4 stroke widths / 2 (vega-scenegraph boundStroke).
    if (!lineBounds.empty()) groups.union(lineBounds.expand(Math.max(mark.strokeWidth / 2, 2 * mark.strokeWidth)));
    body += `<g class="mark-group role-scope ${lineName}_pathgroup"><g class="mark-line role-mark ${lineName}_marks">${paths.join('')}</g></g>`;
    if (withPoints) {
      const r = Math.sqrt(30) / 2;
      const circle = circlePath(r);
      const symbols = values.map((p) => {
        const [px, py] = at(p);
        marks.union(new Bounds().set(px - r, py - r, px + r, py + r));
        return element('path', {
          transform: translate(px, py),
          d: circle,
          fill: colourOf.get(p.series),
          'stroke-width': String(POINT_STROKE_WIDTH),
        });
      });
      body += `<g class="mark-symbol role-mark ${name}_layer_1_marks">${symbols.join('')}</g>`;
    }
  });

  const grid = gridRows(yTicks, width, style);
  const bottom = bottomAxis(xTicks, width, height, null, style, 'flat');
  const left = leftAxis(yTicks, [height, 0], first.y.title, style, 'flat');
  const xBounds = new Bounds().union(frame).union(left.bounds).union(groups);
  const yBounds = new Bounds().union(frame).union(bottom.bounds).union(groups);
  // Vega-Lite's legend symbol: a circle when the actual line has points; else a stroke, filled
  // (at the points' opacity) when there are milestones.
  const pointed = layer.some((l) => (l.mark as { point?: boolean }).point === true);
  const hasMilestones = kinds.includes('milestones');
  const legend = legendBelow(
    names.map((label) => ({ label, color: colourOf.get(label)! })),
    yBounds.y2,
    legendStyle(config),
    {
      shape: pointed ? 'circle' : 'stroke',
      size: LEGEND_SYMBOL_SIZE,
      strokeWidth: LEGEND_SYMBOL_STROKE,
      filled: pointed || hasMilestones,
      opacity: !pointed && hasMilestones ? FILLED_POINT_OPACITY : 1,
    },
    'flat',
  );
  const view = new Bounds().union(frame).union(marks).union(legend.bounds).union(xBounds).union(yBounds);
  return svgRoot(view, width, height, grid + bottom.svg + left.svg + body + legend.svg);
}
