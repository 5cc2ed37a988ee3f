/**
 * What every chart shares: the Vega-Lite config (font, locale, neutral colours that the
 * page's CSS restyles for dark mode), channel colours and axis formats per KPI unit.
 */
import type { Config } from 'vega-lite';
import type { Unit } from '../core/catalogue.ts';
import type { SiteSettings } from '../core/project.ts';
import { tooClose } from './colors.ts';
import { numberLocale, timeLocale } from './locale.ts';
import { CHART_FONT } from './textMetrics.ts';

/** Colour-blind-safe default palette (Okabe–Ito), for channels without a colour setting. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/**
 * Colours of channels: the site setting, else the palette in channel order, skipping palette
 * colours too close to a configured one (colors.ts). Same in every chart.
 */
export function channelColors(site: SiteSettings, channels: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const configured = Object.values(site.channels).flatMap((c) => (c.color ? [c.color] : []));
  const free = PALETTE.filter((p) => !configured.some((c) => tooClose(p, c)));
  const pool = free.length > 0 ? free : PALETTE;
  let next = 0;
  for (const c of [...channels].sort()) {
    colors.set(c, site.channels[c]?.color ?? pool[next++ % pool.length]!);
  }
  return colors;
}

/**
 * The d3 format string of an axis for a KPI unit (the locale supplies separators and currency).
 * None sets a precision: Vega then derives the decimals from the axis's tick step (d3's
 * `precisionFixed`, `precisionPrefix`), so that no two ticks read the same after rounding
 * ("1.50%, 1.52%", "€0.45, €0.50", "12.00k, 12.02k") and every tick of an axis has as many decimals.
 */
export function axisFormat(unit: Unit): string {
  switch (unit) {
    case 'percent':
      return '%';
    case 'money':
      return '$,f';
    case 'ratio':
    case 'minutes':
    case 'score':
    case 'per_post':
      return ',f';
    case 'count':
      return ',s';
  }
}

/**
 * The axis of a KPI unit: its format and, for counts, zero written "0" (the step's SI prefix
 * would make it "0.0k"). The same for every chart of a kind: the data only moves the ticks.
 */
export function axisLabels(unit: Unit): { format: string; labelExpr?: string } {
  const format = axisFormat(unit);
  return unit === 'count' ? { format, labelExpr: "datum.value === 0 ? '0' : datum.label" } : { format };
}

/** The size of the text marks of charts (bar values, direct labels), in pixels. */
export const TEXT_FONT_SIZE = 12;

/** The Vega-Lite config for a site: font, locale, quiet axes, transparent background. */
export function chartConfig(site: SiteSettings): Config {
  return {
    aria: false,
    // 'transparent' (a colour the schema accepts): Vega then draws no background rectangle.
    background: 'transparent',
    font: CHART_FONT,
    locale: { number: numberLocale(site.locale, site.currency), time: timeLocale(site.locale) } as Config['locale'],
    view: { stroke: null },
    axis: {
      labelFont: CHART_FONT,
      titleFont: CHART_FONT,
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      labelColor: '#333333',
      titleColor: '#333333',
      domainColor: '#888888',
      tickColor: '#888888',
      gridColor: '#dddddd',
      labelOverlap: true,
      labelLimit: 160,
    },
    legend: {
      labelFont: CHART_FONT,
      titleFont: CHART_FONT,
      labelFontSize: 12,
      titleFontSize: 12,
      labelColor: '#333333',
      titleColor: '#333333',
      orient: 'bottom',
      direction: 'horizontal',
      columns: 3,
      labelLimit: 140,
    },
    text: { font: CHART_FONT, fontSize: TEXT_FONT_SIZE, color: '#333333' },
  };
}

/** Relative luminance of a #rrggbb colour (WCAG). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** A colour mixed with white (amount 0–1), as #rrggbb. */
function lighten(hex: string, amount: number): string {
  return `#${[1, 3, 5]
    .map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16);
      return Math.round(c + (255 - c) * amount)
        .toString(16)
        .padStart(2, '0');
    })
    .join('')}`;
}

/**
 * Dark-mode CSS for charts: channel colours too dark to read on the dark background
 * (luminance under 0.12, e.g. a black brand colour) are lightened where the SVG uses them.
 */
export function darkModeChartCss(colors: Iterable<string>): string {
  const rules = [...new Set(colors)]
    .filter((c) => /^#[0-9a-f]{6}$/i.test(c) && luminance(c) < 0.12)
    .map((c) => {
      const light = lighten(c, luminance(c) < 0.02 ? 0.85 : 0.55);
      return `.chart svg [stroke="${c}" i]{stroke:${light}}.chart svg [fill="${c}" i]{fill:${light}}`;
    });
  return rules.length === 0 ? '' : `@media (prefers-color-scheme: dark){${rules.join('')}}`;
}
