/**
 * What every chart shares: the Vega-Lite config (font, locale, neutral colours that the
 * page's CSS restyles for dark mode), channel colours and axis formats per KPI unit.
 */
import type { Config } from 'vega-lite';
import type { Unit } from '../core/catalogue.ts';
import type { SiteSettings } from '../core/project.ts';
import { type AxisNumberKind, axisLabelExpr } from './axisNumbers.ts';
import { tooClose } from './colors.ts';
import { numberLocale, timeLocale } from './locale.ts';
import { CHART_FONT } from './textMetrics.ts';

/**
 * Default colours of the channels Goalpost imports, recognisably theirs (Instagram magenta,
 * Facebook blue, LinkedIn steel blue, TikTok teal, X grey, YouTube red), and of other channels
 * (`PALETTE`). Chosen together (test/charts/colors.test.ts): no two closer than ΔE OK 0.12 (the
 * note of validate) nor than 0.07 under protanopia, deuteranopia or tritanopia, each with 3:1
 * contrast or more against the light and the dark page background. Facebook's #1877f2 and
 * LinkedIn's #0a66c2, 0.08 apart, were two blues nobody could tell apart in a chart.
 */
export const CHANNEL_COLORS: ReadonlyMap<string, string> = new Map([
  ['instagram', '#ba17a0'],
  ['facebook', '#376dfd'],
  ['linkedin', '#0269ab'],
  ['tiktok', '#05a4a2'],
  ['x', '#6e6e6e'],
  ['youtube', '#c41f16'],
]);

/** Default colours of other channels (coral, green, purple), in channel order. */
export const PALETTE = ['#ee6956', '#5d981a', '#976ecf'];

/** Every default colour: the brand channels', then the palette. */
export const DEFAULT_COLORS: readonly string[] = [...CHANNEL_COLORS.values(), ...PALETTE];

/**
 * Colours of channels: the site setting; else, for a channel Goalpost knows, its default colour;
 * else the palette in channel order, then the default colours of brand channels the site lacks.
 * A default too close to a configured colour (colors.ts) is skipped. Same in every chart.
 */
export function channelColors(site: SiteSettings, channels: readonly string[]): Map<string, string> {
  // Every chart of a build asks with the same site and channels: the colours are picked once.
  let bySite = colorMemo.get(site);
  if (!bySite) colorMemo.set(site, (bySite = new Map()));
  const key = channels.join('\u0000');
  let colors = bySite.get(key);
  if (!colors) bySite.set(key, (colors = pickColors(site, channels)));
  return colors;
}

const colorMemo = new WeakMap<SiteSettings, Map<string, Map<string, string>>>();

function pickColors(site: SiteSettings, channels: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const sorted = [...channels].sort();
  const configured = Object.values(site.channels).flatMap((c) => (c.color ? [c.color] : []));
  const taken = [...configured];
  for (const c of sorted) {
    const own = site.channels[c]?.color;
    const brand = CHANNEL_COLORS.get(c);
    if (own) colors.set(c, own);
    else if (brand !== undefined && !configured.some((x) => tooClose(brand, x))) {
      colors.set(c, brand);
      taken.push(brand);
    }
  }
  const free = [...PALETTE, ...CHANNEL_COLORS.values()].filter((p) => !taken.some((c) => tooClose(p, c)));
  const pool = free.length > 0 ? free : DEFAULT_COLORS;
  let next = 0;
  for (const c of sorted) if (!colors.has(c)) colors.set(c, pool[next++ % pool.length]!);
  return colors;
}

/**
 * The d3 format string of an axis for a KPI unit (the locale supplies separators and currency).
 * None sets a precision: Vega then derives the decimals from the axis's tick step (d3's
 * `precisionFixed`, `precisionPrefix`), so that no two ticks read the same after rounding
 * ("1.50%, 1.52%", "€0.45, €0.50", "12.00k, 12.02k") and every tick of an axis has as many decimals.
 */
export function axisFormat(unit: Unit): string {
  return AXIS_NUMBERS[unit].format;
}

/** How the axis of a KPI unit writes its numbers (axisNumbers.ts): counts compact, money in the site's currency. */
export function axisNumberKind(unit: Unit): AxisNumberKind {
  return AXIS_NUMBERS[unit].kind;
}

/** Each KPI unit's axis: its d3 format and how axisNumbers.ts writes its labels. */
const AXIS_NUMBERS: Readonly<Record<Unit, { readonly format: string; readonly kind: AxisNumberKind }>> = {
  percent: { format: '%', kind: 'percent' },
  money: { format: '$,f', kind: 'currency' },
  ratio: { format: ',f', kind: 'decimal' },
  minutes: { format: ',f', kind: 'decimal' },
  score: { format: ',f', kind: 'decimal' },
  per_post: { format: ',f', kind: 'decimal' },
  count: { format: ',s', kind: 'compact' },
};

/**
 * The quantitative axis of a KPI unit on scale `x` or `y` with `tickCount` ticks: its labels
 * written as the site's locale writes numbers (Intl, through axisNumbers.ts's `labelExpr`; a
 * count's zero "0"), with the decimals of the tick step. `format` is the d3 format Vega would
 * otherwise use (the label expression does not read it). The same for every chart of a kind on a
 * site: the data only moves the ticks.
 */
export function axisLabels(
  unit: Unit,
  site: Pick<SiteSettings, 'locale' | 'currency'>,
  scale: 'x' | 'y',
  tickCount: number,
): { format: string; labelExpr: string; tickCount: number } {
  const labelExpr = axisLabelExpr({ scale, tickCount, locale: site.locale, kind: axisNumberKind(unit), currency: site.currency });
  return { format: axisFormat(unit), labelExpr, tickCount };
}

/** The size of the text marks of charts (bar values, direct labels), in pixels. */
export const TEXT_FONT_SIZE = 12;

/**
 * The colour of the charts' neutral text (axes, legends, bar values). The dark-mode CSS
 * (src/styles/global.css) recolours text of this colour only: direct labels keep their line's.
 */
export const TEXT_COLOR = '#333333';

const configs = new WeakMap<SiteSettings, Config>();

/**
 * The Vega-Lite config for a site: font, locale, quiet axes, transparent background. One frozen
 * object per site, shared by its charts: the direct writers check a config they have seen once.
 */
export function chartConfig(site: SiteSettings): Config {
  let config = configs.get(site);
  if (!config) configs.set(site, (config = deepFreeze(siteChartConfig(site))));
  return config;
}

/** A value frozen through its objects and arrays. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function siteChartConfig(site: SiteSettings): Config {
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
      labelColor: TEXT_COLOR,
      titleColor: TEXT_COLOR,
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
      labelColor: TEXT_COLOR,
      titleColor: TEXT_COLOR,
      orient: 'bottom',
      direction: 'horizontal',
      columns: 3,
      labelLimit: 140,
    },
    text: { font: CHART_FONT, fontSize: TEXT_FONT_SIZE, color: TEXT_COLOR },
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

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
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
