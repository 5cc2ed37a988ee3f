/**
 * Strict recognition of a Vega-Lite spec: a pattern is the spec's shape, with literal values
 * where the writer draws only that value and checks where it reads the value from the spec.
 * An object matches only with exactly the pattern's keys, so any property a writer does not
 * implement sends the spec to Vega.
 */

/** A check of a value the writer reads from the spec. */
export class Check {
  readonly test: (value: unknown) => boolean;
  constructor(test: (value: unknown) => boolean) {
    this.test = test;
  }
}

/** What a value must be: a literal, an array or object of patterns, or a check. */
export type Pattern = string | number | boolean | null | readonly Pattern[] | { readonly [key: string]: Pattern } | Check;

/** Any string. */
export const anyString = new Check((v) => typeof v === 'string');
/** Any finite number. */
export const anyNumber = new Check((v) => typeof v === 'number' && Number.isFinite(v));
/** A colour as #rgb or #rrggbb (what the writers copy into fill and stroke attributes). */
export const hexColor = new Check((v) => typeof v === 'string' && /^#(?:[0-9a-fA-F]{3}){1,2}$/.test(v));
/** A string or null (an axis title). */
export const stringOrNull = new Check((v) => v === null || typeof v === 'string');
/** One of the given literals. */
export const oneOf = (...values: readonly unknown[]) => new Check((v) => values.includes(v));
/** An array whose every element matches `item`. */
export const arrayOf = (item: Pattern) => new Check((v) => Array.isArray(v) && v.every((x) => matches(x, item)));
/** A pattern or, when the key is absent, nothing (for optional keys: see `optional`). */
export const OPTIONAL = Symbol('optional');
/** A key that may be left out, or must match `pattern` when present. */
export const optional = (pattern: Pattern) =>
  Object.assign(new Check((v) => v === undefined || matches(v, pattern)), { [OPTIONAL]: true });

function isOptional(pattern: Pattern): boolean {
  return pattern instanceof Check && OPTIONAL in pattern;
}

/** Whether a value has exactly the shape of a pattern. */
export function matches(value: unknown, pattern: Pattern): boolean {
  if (pattern instanceof Check) return pattern.test(value);
  if (pattern === null || typeof pattern !== 'object') return value === pattern;
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && value.length === pattern.length && pattern.every((p, i) => matches(value[i], p));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const object = value as Record<string, unknown>;
  const shape = pattern as { readonly [key: string]: Pattern };
  for (const key of Object.keys(object)) if (!(key in shape)) return false;
  for (const [key, p] of Object.entries(shape)) {
    if (!(key in object)) {
      if (!isOptional(p)) return false;
      continue;
    }
    if (!matches(object[key], p)) return false;
  }
  return true;
}
