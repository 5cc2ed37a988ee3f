/**
 * The Vega-Lite config the bar writers draw with (theme.ts's `chartConfig`): its pattern, and
 * the paint, label limit and number locale read from a matching config.
 */
import type { D3NumberLocale } from '../../locale.ts';
import type { GuideStyle } from '../axes.ts';
import { anyNumber, anyString, arrayOf, hexColor, matches, oneOf, type Pattern } from './match.ts';

const NUMBER_LOCALE: Pattern = {
  decimal: anyString,
  thousands: anyString,
  grouping: arrayOf(anyNumber),
  currency: [anyString, anyString],
  percent: anyString,
  minus: anyString,
};

const TIME_LOCALE: Pattern = {
  dateTime: anyString,
  date: anyString,
  time: anyString,
  periods: [anyString, anyString],
  days: arrayOf(anyString),
  shortDays: arrayOf(anyString),
  months: arrayOf(anyString),
  shortMonths: arrayOf(anyString),
};

/** The fonts are left to the page's CSS and measured as Inter whatever they say. */
const FONT_SIZE = 12;

/** The config of every chart the bar writers draw. */
export const CONFIG: Pattern = {
  aria: false,
  background: 'transparent',
  font: anyString,
  locale: { number: NUMBER_LOCALE, time: TIME_LOCALE },
  view: { stroke: null },
  axis: {
    labelFont: anyString,
    titleFont: anyString,
    labelFontSize: FONT_SIZE,
    titleFontSize: FONT_SIZE,
    titleFontWeight: 'normal',
    labelColor: hexColor,
    titleColor: hexColor,
    domainColor: hexColor,
    tickColor: hexColor,
    gridColor: hexColor,
    labelOverlap: true,
    labelLimit: anyNumber,
  },
  legend: {
    labelFont: anyString,
    titleFont: anyString,
    labelFontSize: FONT_SIZE,
    titleFontSize: FONT_SIZE,
    labelColor: hexColor,
    titleColor: hexColor,
    orient: 'bottom',
    direction: 'horizontal',
    columns: anyNumber,
    labelLimit: anyNumber,
  },
  text: { font: anyString, fontSize: FONT_SIZE, color: hexColor },
};

/** What the writers read from a config that matches `CONFIG`. */
export interface ChartStyle {
  readonly axis: GuideStyle;
  readonly textColor: string;
  readonly fontSize: number;
  readonly number: D3NumberLocale;
  readonly legend: { readonly labelColor: string; readonly columns: number; readonly labelLimit: number };
}

interface Config {
  locale: { number: D3NumberLocale };
  axis: Record<'labelColor' | 'titleColor' | 'domainColor' | 'tickColor' | 'gridColor', string> & { labelLimit: number };
  legend: { labelColor: string; columns: number; labelLimit: number };
  text: { color: string };
}

/** The style of a config, or null when the config is not the one the writers draw. */
export function chartStyle(config: unknown): ChartStyle | null {
  if (!matches(config, CONFIG)) return null;
  const c = config as Config;
  return {
    axis: {
      labelColor: c.axis.labelColor,
      titleColor: c.axis.titleColor,
      tickColor: c.axis.tickColor,
      domainColor: c.axis.domainColor,
      gridColor: c.axis.gridColor,
      labelLimit: c.axis.labelLimit,
      titleFontWeight: 'normal',
      fontSize: FONT_SIZE,
    },
    textColor: c.text.color,
    fontSize: FONT_SIZE,
    number: c.locale.number,
    legend: { labelColor: c.legend.labelColor, columns: c.legend.columns, labelLimit: c.legend.labelLimit },
  };
}

/** The axis label formats the writers implement (theme.ts's `axisFormat`). */
export const AXIS_FORMAT = oneOf('%', '$,f', ',f', ',s');
