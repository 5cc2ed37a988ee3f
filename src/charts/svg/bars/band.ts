/**
 * Band scales as Vega lays them out for the bar charts (d3-scale's band, align 0.5,
 * unrounded, its range from Vega's `bandspace` steps).
 */
import { scaleBand } from 'd3-scale';

/** A band scale laid out by step (Vega's `rangeStep`), align 0.5. */
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
  const scale = scaleBand<string>().domain(domain).range([0, extent]).paddingInner(paddingInner).paddingOuter(paddingOuter);
  return { domain, extent, bandwidth: scale.bandwidth(), at: (value) => scale(value)! };
}
