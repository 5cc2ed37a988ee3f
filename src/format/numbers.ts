/**
 * Locale-aware display of KPI values, changes and statuses (Intl only). Numbers in JSON
 * stay unrounded; rounding happens here, for people.
 */
import type { Unit } from '../core/catalogue.ts';
import type { GoalStatus } from '../core/status.ts';
import { dateTimeFormat, numberFormat } from './intl.ts';
import { uiStrings } from '../translations/index.ts';

export interface FormatOptions {
  readonly locale: string;
  readonly currency: string;
  /** The site's `strings:` overrides (the word for a missing value is one of them). */
  readonly strings?: Readonly<Record<string, string>>;
}

/** The word for a value that cannot be computed, in the locale's language: "n/a", "n.d.". */
export function notAvailable(opts: FormatOptions): string {
  return uiStrings(opts.locale, opts.strings).values.notAvailable;
}

/** A KPI value in its unit: "4.4%", "0.45%", "€1,234.50", "12,050", "3.2×", "n/a" for null. */
export function formatKpiValue(value: number | null, unit: Unit, opts: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return notAvailable(opts);
  const { locale, currency } = opts;
  switch (unit) {
    // One decimal everywhere (25.2% beside 28.0%), two below 1% where one would hide the figure (0.45%).
    case 'percent': {
      const digits = Math.abs(value) < 0.01 && value !== 0 ? 2 : 1;
      return numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        value,
      );
    }
    case 'money':
      return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }).format(
        value,
      );
    case 'ratio':
      return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(value)}×`;
    case 'minutes':
      return numberFormat(locale, { style: 'unit', unit: 'minute', maximumFractionDigits: 1 }).format(value);
    case 'score':
    case 'per_post':
      return numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    case 'count':
      return numberFormat(locale, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1 }).format(value);
  }
}

/** A relative change with its sign: "+12.0%", "−3.1%", "n/a". */
export function formatChange(value: number | null, opts: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return notAvailable(opts);
  return numberFormat(opts.locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(value);
}

/** A share such as progress or a score, as a percentage: "79%". */
export function formatShare(value: number | null, opts: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return notAvailable(opts);
  return numberFormat(opts.locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** Plain-language status with a symbol, so status never relies on colour alone. */
export const STATUS_LABELS: Readonly<Record<GoalStatus, { label: string; symbol: string }>> = {
  achieved: { label: 'Achieved', symbol: '✔' },
  on_track: { label: 'On track', symbol: '●' },
  at_risk: { label: 'At risk', symbol: '▲' },
  off_track: { label: 'Off track', symbol: '✖' },
  missed: { label: 'Missed', symbol: '✖' },
  not_started: { label: 'Not started', symbol: '○' },
  no_data: { label: 'No data', symbol: '?' },
};

/** An OKR score on its 0–1 scale with two decimals: "0.55" ("0,55" in French). */
export function formatScore(value: number | null, opts: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return notAvailable(opts);
  return numberFormat(opts.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** An ISO 8601 instant as a date and time in UTC: "July 3, 2026 at 9:30 AM UTC"; the text itself if unparsable. */
export function formatInstant(iso: string, opts: FormatOptions): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  return dateTimeFormat(opts.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(time) + ' UTC';
}
