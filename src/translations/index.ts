/**
 * The words of the pages by language (SPEC "Language"): a typed table per language, chosen
 * by the locale's language subtag, with `site.yaml strings:` overrides by dotted key. Pure.
 */
import { en, type UiStrings } from './en.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { numberFormat } from '../format/intl.ts';

export { en, type UiStrings };

/** A plural entry: one text per Intl.PluralRules category (`one`, `other`). */
export interface Plural {
  readonly one: string;
  readonly other: string;
}

const TABLES: Readonly<Record<string, UiStrings>> = { en, fr, it };

/** The languages with a table of their own. */
export const LANGUAGES: readonly string[] = Object.keys(TABLES);

/** The language subtag of a BCP 47 locale (`fr-CA` → `fr`), lower case. */
function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/** The words for a locale (`fr-CA` → French; a language without a table → English), with overrides applied. */
export function uiStrings(locale: string, overrides: Readonly<Record<string, string>> = {}): UiStrings {
  const table = TABLES[languageOf(locale)] ?? en;
  if (Object.keys(overrides).length === 0) return table;
  const key = `${languageOf(locale)}\u0000${JSON.stringify(overrides)}`;
  const hit = overridden.get(key);
  if (hit) return hit;
  const copy = structuredClone(table) as UiStrings;
  for (const [key, text] of Object.entries(overrides)) {
    const path = key.split('.');
    let node: unknown = copy;
    for (const part of path.slice(0, -1))
      node =
        node !== null && typeof node === 'object' && Object.hasOwn(node, part)
          ? (node as Record<string, unknown>)[part]
          : undefined;
    const last = path[path.length - 1]!;
    // Only existing text keys are overridden (the loader reports the others).
    if (
      node !== null &&
      typeof node === 'object' &&
      typeof (node as Record<string, unknown>)[last] === 'string' &&
      Object.hasOwn(node, last)
    ) {
      (node as Record<string, unknown>)[last] = text;
    }
  }
  overridden.set(key, copy);
  return copy;
}

/** Tables with overrides applied, by language and overrides (a build asks for the same one on every page). */
const overridden = new Map<string, UiStrings>();

/** Every text key of the tables as a dotted name (`status.on_track`, `footer.goals.one`), with its English text. */
export function stringKeys(): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  const walk = (node: object, prefix: string): void => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') keys.set(key, v);
      else if (v !== null && typeof v === 'object') walk(v, key);
    }
  };
  walk(en, '');
  return keys;
}

/** The `{slot}` names of a text. */
export function slotsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]!))];
}

/** A text with its `{slot}`s filled; a slot without a value stays as written. */
export function fill(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  const parts = cutAtSlots(text);
  if (parts.length === 1) return text;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (Object.hasOwn(values, name) ? String(values[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

const slotCache = new Map<string, readonly string[]>();

/** A text cut at its `{slot}`s: text, slot name, text, …, text (cut once per text: the same words are filled on every page). */
function cutAtSlots(text: string): readonly string[] {
  let parts = slotCache.get(text);
  if (!parts) {
    if (slotCache.size >= 10_000) slotCache.clear();
    slotCache.set(text, (parts = text.split(/\{([a-zA-Z]+)\}/)));
  }
  return parts;
}

const rules = new Map<string, Intl.PluralRules>();

/** A plural entry for a count, in the locale's plural rules, with `{count}` and the other slots filled. */
export function plural(
  locale: string,
  entry: Plural,
  count: number,
  values: Readonly<Record<string, string | number>> = {},
): string {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  const text = r.select(count) === 'one' ? entry.one : entry.other;
  return fill(text, { count: numberFormat(locale).format(count), ...values });
}

/**
 * The name of a metric read as a KPI's input: a declared metric's own label (`declared`, from
 * `metrics:` in the site settings), else the KPI's of that id, else the metric's, else its id in words.
 */
export function metricLabel(strings: UiStrings, id: string, declared?: Readonly<Record<string, string>>): string {
  if (declared && Object.hasOwn(declared, id)) return declared[id]!;
  if (Object.hasOwn(strings.kpis, id)) return strings.kpis[id as keyof UiStrings['kpis']];
  if (Object.hasOwn(strings.metrics, id)) return strings.metrics[id as keyof UiStrings['metrics']];
  return id.replaceAll('_', ' ');
}

/** A KPI's label in the page language: a built-in KPI's from the table, a custom KPI's own. */
export function kpiLabel(
  strings: UiStrings,
  kpi: { readonly id: string; readonly label: string; readonly custom?: boolean },
): string {
  if (kpi.custom) return kpi.label;
  return Object.hasOwn(strings.kpis, kpi.id) ? strings.kpis[kpi.id as keyof UiStrings['kpis']] : kpi.label;
}
