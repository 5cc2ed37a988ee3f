/**
 * What the bar writers read from a spec's config (theme.ts's `chartConfig`, checked by the
 * writers' shared `themeConfig`): the paint, label limits, legend columns and number locale.
 */
import type { GuideStyle } from '../axes.ts';
import { checkedThemeConfig, guideStyle, legendStyle } from '../config.ts';
import type { LegendStyle } from '../legend.ts';
import type { NumberLocale } from '../format.ts';
import { oneOf } from './match.ts';

/** The fonts are left to the page's CSS and measured as Inter whatever they say. */
const FONT_SIZE = 12;

/** What the writers read from a config that `themeConfig` accepts. */
export interface ChartStyle {
  readonly axis: GuideStyle;
  readonly textColor: string;
  readonly fontSize: number;
  readonly number: NumberLocale;
  readonly legend: LegendStyle;
}

/** The style of a config, or null when the config is not the one the writers draw. */
export function chartStyle(config: unknown): ChartStyle | null {
  const parsed = checkedThemeConfig.safeParse(config);
  if (!parsed.success) return null;
  const c = parsed.data;
  return {
    axis: guideStyle(c),
    textColor: c.text.color,
    fontSize: FONT_SIZE,
    number: c.locale.number,
    legend: legendStyle(c),
  };
}

/** The axis label formats the writers implement (theme.ts's `axisFormat`). */
export const AXIS_FORMAT = oneOf('%', '$,f', ',f', ',s');
