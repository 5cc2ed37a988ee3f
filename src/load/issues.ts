/**
 * Turns zod issues into positioned problems with messages a marketer can act on:
 * the key at fault, what was expected, and a "did you mean" for unknown keys.
 */
import type * as z from 'zod';
import type { Locator, PathKey } from './locate.ts';
import type { Problem } from './problems.ts';
import { allowedKeysAt } from './schemas.ts';
import { hint } from './suggest.ts';

/** A human description of a value's type, for "expected X, got Y" (an object in JSON is YAML's mapping). */
export function describeValue(value: unknown, json = false): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return json ? 'an object' : 'a mapping';
  if (typeof value === 'string') return `the text '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** Positioned problems for every zod issue of one file. */
export function issuesToProblems(
  file: string,
  locator: Locator,
  schema: z.ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  /** Path of `data` inside the file, when a part of it was validated on its own. */
  prefix: readonly PathKey[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const json = file.endsWith('.json');
  const at = (path: readonly PathKey[], message: string, part: 'key' | 'value' = 'value'): void => {
    const { line, column } = locator.locate([...prefix, ...path], part);
    problems.push({ file, line, column, message });
  };
  for (const issue of issues) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    const key = path.length > 0 ? String(path[path.length - 1]) : null;
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(schema, path);
      for (const k of issue.keys) at([...path, k], `unknown key '${k}'${hint(k, allowed, 'keys')}`, 'key');
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A record's key (a channel id): say what is wrong with it, at the key.
      const inner = issue.issues[0]?.message ?? issue.message;
      const shown = key !== null && key.length > 40 ? `${key.slice(0, 40)}…` : key;
      at(path, `the key '${shown}' ${inner}`, 'key');
      continue;
    }
    const value = valueAt(data, path);
    if (value === undefined && key !== null && typeof path[path.length - 1] === 'string') {
      at(path.slice(0, -1), `missing required key '${key}'`, 'value');
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && message.startsWith('Invalid input')) {
      const expected = json && issue.expected === 'object' ? 'an object' : (EXPECTED[issue.expected] ?? issue.expected);
      message = `expected ${expected}, got ${describeValue(value, json)}`;
    }
    const name = key !== null && typeof path[path.length - 1] === 'string' ? key : null;
    if (name && !message.startsWith(name)) message = message.startsWith('must') ? `${name} ${message}` : `${name}: ${message}`;
    at(path, message);
  }
  return problems;
}
