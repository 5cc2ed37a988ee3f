/**
 * Direct chart writers: for the chart kinds the site draws most, SVG written straight from
 * the Vega-Lite spec (the contract) without running Vega. Each writer recognises the specs it
 * can draw and returns null for any other, which then go through Vega (render.ts). Tests hold
 * every writer to Vega's own rendering of the same spec (test/charts/svg/oracle.ts): the same
 * marks, in the same groups, within a pixel.
 *
 * A writer returns what Vega's `toSVG` gives before render.ts post-processes it: an `<svg>` with
 * `width`, `height` and `viewBox`, whose marks sit in groups classed as Vega classes them
 * (`mark-line role-mark`, `role-axis-label`…), which the site's CSS styles. Its output is
 * already compact (coordinates rounded to 0.1 px, no defaults: markup.ts), so render.ts skips
 * that pass; only a writer that declares ids (the bars' clip paths) goes through `scopeIds`.
 */
import type { TopLevelSpec } from 'vega-lite';
import { drawBars } from './bars.ts';
import { drawProgress } from './progress.ts';
import { drawSparkline } from './sparkline.ts';
import { drawTrend } from './trend.ts';

/** Draws a spec at a width, or null when the spec is not one this writer draws. */
export type DirectWriter = (spec: TopLevelSpec, width: number) => string | null;

/** The writers, tried in order, each with whether its SVG can hold ids (clip paths) to scope. */
const WRITERS: ReadonlyArray<{ readonly write: DirectWriter; readonly ids: boolean }> = [
  { write: drawTrend, ids: false },
  { write: drawProgress, ids: false },
  { write: drawBars, ids: true },
  { write: drawSparkline, ids: false },
];

/** A chart drawn directly: its SVG and whether it may hold ids (to rename per chart, see render.ts `scopeIds`). */
export interface DirectChart {
  readonly svg: string;
  readonly ids: boolean;
}

/** A spec drawn by the first writer that draws it, or null to render it with Vega. */
export function drawDirectChart(spec: TopLevelSpec, width: number): DirectChart | null {
  for (const { write, ids } of WRITERS) {
    const svg = write(spec, width);
    if (svg !== null) return { svg, ids };
  }
  return null;
}

/** The SVG of a spec drawn by the first writer that draws it, or null to render it with Vega. */
export function drawDirect(spec: TopLevelSpec, width: number): string | null {
  return drawDirectChart(spec, width)?.svg ?? null;
}
