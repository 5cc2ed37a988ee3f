/**
 * Cache keys of the site's pages, for builds that skip a page whose key is unchanged (Astro's
 * incremental build). A page renders its props and the site context, with Goalpost's code (and a
 * quarter's page its narrative's source): its key is a digest of them all, so any change to what
 * the page could show changes it.
 *
 * Values are digested whole, as JSON in the order they were built (the order they render in):
 * numbers by value, maps and sets as their entries, dates as ISO text, and what JSON would blur
 * kept apart (NaN, ±Infinity, -0, `undefined` in an array). A function or symbol fails loudly
 * instead of being left out. (V8's own serialisation writes the same number as an integer or as a
 * double depending on how it was computed, so equal pages got different keys.)
 */
import { createHash } from 'node:crypto';
import type { SiteContext } from './siteContext.ts';

/** Marks text that stands for what JSON cannot say (and escapes text that starts the same way). */
const MARK = '\u0000';

function canonical(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : `${MARK}${Object.is(value, -0) ? '-0' : String(value)}`;
    case 'string':
      return value.startsWith(MARK) ? MARK + value : value;
    case 'undefined':
      return Array.isArray(this) ? `${MARK}undefined` : value;
    case 'function':
    case 'symbol':
      throw new TypeError(`a page's cache key cannot digest a ${typeof value} (at "${key}")`);
    case 'object':
      if (value instanceof Map) return { [`${MARK}Map`]: [...value] };
      if (value instanceof Set) return { [`${MARK}Set`]: [...value] };
      return value;
    default:
      return value;
  }
}

/** Digests of the objects already digested in this process: route lists share views (a quarter's page is in each of its channel pages). */
const digests = new WeakMap<object, string>();

/** The digest of a value's canonical JSON, memoised per object (views are not changed once built). */
export function valueDigest(value: unknown): string {
  const memo = typeof value === 'object' && value !== null;
  let digest = memo ? digests.get(value) : undefined;
  if (digest === undefined) {
    digest = createHash('sha256')
      .update(JSON.stringify(value, canonical) ?? `${MARK}undefined`)
      .digest('hex');
    if (memo) digests.set(value, digest);
  }
  return digest;
}

/**
 * The digest of what every page reads beside its props. Its two functions answer from its data
 * (`channelLabel` from the settings, `goalPage` from `goalPages`), so they are left out.
 */
export function contextDigest(context: SiteContext): string {
  const { channelLabel: _label, goalPage: _page, ...data } = context;
  return valueDigest(data);
}

/**
 * A page's cache key: the code's digest (salt), the context's, the route's, each of its props', and
 * the digest of what else it renders (a narrative's source), if anything.
 */
export function pageKey(
  salt: string,
  context: string,
  route: string,
  props: Readonly<Record<string, unknown>>,
  alsoRenders?: string,
): string {
  const hash = createHash('sha256').update(`${salt}\n${context}\n${route}\n`);
  for (const name of Object.keys(props).sort()) hash.update(`${name} ${valueDigest(props[name])}\n`);
  if (alsoRenders !== undefined) hash.update(`also ${valueDigest(alsoRenders)}\n`);
  return hash.digest('hex');
}
