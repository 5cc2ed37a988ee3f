/**
 * SVG text for the direct chart writers: escaping and coordinates written the way the Vega
 * renderer's output reads after `compact` (render.ts), so that both paths give the same bytes
 * for the same drawing where they can.
 */

/** Escapes text for an SVG text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  // Most attributes (paths, colours, ids) have nothing to escape: given back as they are.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c]!) : text;
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A coordinate rounded to 0.1 px, written without a trailing zero or a negative zero ("12.3", "4", "0"). */
export function coord(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** `translate(x,y)` with both coordinates rounded. */
export function translate(x: number, y: number): string {
  return `translate(${coord(x)},${coord(y)})`;
}

/** An element with attributes in the given order (undefined values left out) and optional content. */
export function element(tag: string, attrs: Readonly<Record<string, string | number | undefined>>, content?: string): string {
  let out = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? coord(value) : escapeXml(value)}"`;
  }
  return content === undefined ? `${out}/>` : `${out}>${content}</${tag}>`;
}

/**
 * Numbers of a geometry attribute as render.ts's `compact` leaves them: any written with two
 * or more decimals rounded to 0.1 (for a value first written at another precision, such as a
 * symbol's path, so that the direct writer's output needs no compact pass).
 */
export function compactNumbers(geometry: string): string {
  return geometry.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10));
}
