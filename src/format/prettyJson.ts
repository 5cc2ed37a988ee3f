/**
 * JSON for files people diff and review: two-space indentation, but an object or list of
 * plain values stays on one line when it fits, so that one figure is one line in a diff.
 * Keys keep the order they were built in (callers build them in a stable order).
 */

const INDENT = '  ';

/** `value` as pretty, diff-friendly JSON text ending with a newline. */
export function prettyJson(value: unknown, width = 120): string {
  return `${render(value, '', width)}\n`;
}

function isLeaf(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function render(value: unknown, indent: string, width: number): string {
  if (isLeaf(value)) return JSON.stringify(value) ?? 'null';
  const entries: Array<[string | null, unknown]> = Array.isArray(value)
    ? value.map((v) => [null, v])
    : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const key = (k: string | null) => (k === null ? '' : `${JSON.stringify(k)}: `);
  if (entries.every(([, v]) => isLeaf(v))) {
    const inline = `${open}${Array.isArray(value) ? '' : ' '}${entries.map(([k, v]) => `${key(k)}${JSON.stringify(v)}`).join(', ')}${Array.isArray(value) ? '' : ' '}${close}`;
    if (indent.length + inline.length <= width) return inline;
  }
  const inner = indent + INDENT;
  return `${open}\n${entries.map(([k, v]) => `${inner}${key(k)}${render(v, inner, width)}`).join(',\n')}\n${indent}${close}`;
}
