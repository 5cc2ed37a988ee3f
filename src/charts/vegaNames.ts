/**
 * User text kept out of the names Vega looks up. Vega's parser resolves some text of a spec
 * (an axis title, a label in a scale's domain) as a name in plain objects, so a text named like
 * an Object.prototype member ("constructor", "toString", "valueOf"…) finds that member and Vega
 * throws "Operator not defined". Before Vega sees a spec, each string that is such a name gets
 * an invisible marker after it (NUL, measured as nothing by the build's text measure, so the
 * layout is the same); the marker is taken out of the SVG Vega writes.
 */

/**
 * The marker: NUL, which no text of a chart carries (control characters are loaded as spaces).
 * As the lowest character it keeps a marked name where the name sorts among other texts:
 * "__proto__" before "__proto__ " (a private-use character sorted it after, and Vega's sorted
 * axis put the two channels' bars the other way round).
 */
const MARKER = '\u0000';

/** The names Vega would find on Object.prototype. */
const NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const MARKED = new RegExp(`(${[...NAMES].join('|')})${MARKER}`, 'g');

/** A copy of a spec with every string value named like an Object.prototype member marked (keys left as they are). */
export function guardNames<T>(spec: T): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return NAMES.has(node) ? node + MARKER : node;
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      // (Defined, never assigned: a "__proto__" key stays a key.)
      Object.defineProperty(out, k, { value: walk(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(spec) as T;
}

/** An SVG written by Vega from a guarded spec, its markers taken out (of whole names and cut texts alike). */
export function unguardNames(svg: string): string {
  return svg.includes(MARKER) ? svg.replace(MARKED, '$1').replaceAll(MARKER, '') : svg;
}

/** A text as the build measures it: without markers. */
export function unmarked(text: string): string {
  return text.includes(MARKER) ? text.replaceAll(MARKER, '') : text;
}
