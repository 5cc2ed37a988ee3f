/**
 * Positions in valid JSON text without a syntax tree: a tree of a 64 MB file would take
 * gigabytes, while a problem needs only the offsets along its path. Each object or list on
 * a located path is scanned once (its members' offsets kept), without recursion.
 */
import type { Locator, PathKey, Position } from './locate.ts';

const QUOTE = 34;
const BACKSLASH = 92;

interface Entries {
  /** Members by key (the last one written wins, as in JSON.parse): offsets of the key and of the value. */
  readonly keys: Map<string, { key: number; value: number }> | null;
  /** Offsets of the elements of a list. */
  readonly elements: number[] | null;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A locator over valid JSON `text` (without a BOM). */
export function jsonLocator(text: string): Locator {
  const n = text.length;
  const skipSpace = (i: number): number => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  /** From an opening quote to just after the closing one. */
  const skipString = (i: number): number => {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) return i + 1;
    }
    return n;
  };
  /** From the start of a value to just after it. */
  const skipValue = (i: number): number => {
    const first = text.charCodeAt(i);
    if (first === QUOTE) return skipString(i);
    if (first === 123 || first === 91) {
      let depth = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          i = skipString(i);
          continue;
        }
        if (c === 123 || c === 91) depth++;
        else if ((c === 125 || c === 93) && --depth === 0) return i + 1;
        i++;
      }
      return n;
    }
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 125 || c === 93 || isSpace(c)) return i;
      i++;
    }
    return n;
  };
  const cache = new Map<number, Entries>();
  const entriesOf = (start: number): Entries => {
    const cached = cache.get(start);
    if (cached) return cached;
    const isObject = text.charCodeAt(start) === 123;
    const keys = isObject ? new Map<string, { key: number; value: number }>() : null;
    const elements = isObject ? null : ([] as number[]);
    let i = skipSpace(start + 1);
    const close = isObject ? 125 : 93;
    while (i < n && text.charCodeAt(i) !== close) {
      if (keys) {
        const keyEnd = skipString(i);
        const raw = text.slice(i + 1, keyEnd - 1);
        const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const value = skipSpace(skipSpace(keyEnd) + 1); // past the colon
        keys.set(name, { key: i, value });
        i = value;
      } else elements!.push(i);
      i = skipSpace(skipValue(i));
      if (text.charCodeAt(i) === 44) i = skipSpace(i + 1);
    }
    const entries = { keys, elements };
    cache.set(start, entries);
    return entries;
  };
  const root = skipSpace(0);
  const walk = (path: readonly PathKey[]): { node: number; key: number | null; depth: number } => {
    let node = root;
    let key: number | null = null;
    let depth = 0;
    for (const segment of path) {
      const c = text.charCodeAt(node);
      if (c === 123) {
        const member = entriesOf(node).keys!.get(String(segment));
        if (!member) break;
        key = member.key;
        node = member.value;
      } else if (c === 91 && typeof segment === 'number') {
        const element = entriesOf(node).elements![segment];
        if (element === undefined) break;
        node = element;
        key = element;
      } else break;
      depth++;
    }
    return { node, key, depth };
  };
  let lineStarts: number[] | null = null;
  const positionOf = (offset: number): Position => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  return {
    locate(path, part = 'value') {
      const { node, key, depth } = walk(path);
      return positionOf(part === 'key' && depth === path.length && key !== null ? key : node);
    },
    quoted(path) {
      const { node, depth } = walk(path);
      return depth === path.length && text.charCodeAt(node) === QUOTE;
    },
    numberText(path) {
      const { node, depth } = walk(path);
      const c = text.charCodeAt(node);
      return depth === path.length && (c === 45 || (c >= 48 && c <= 57)) ? text.slice(node, skipValue(node)) : null;
    },
  };
}
