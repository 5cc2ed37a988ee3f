/**
 * The test oracle of the direct chart writers: an SVG flattened to its marks (each drawn
 * element with its position in the chart's own coordinates, its paint and its text), and a
 * comparison of two such lists that allows coordinates to differ by a tolerance (a pixel).
 * Marks are compared role by role (`role-axis-label`, `role-mark`…, from the classes of the
 * groups around them), in document order within a role.
 */

/** One drawn element of an SVG. */
export interface Mark {
  /** The class of the nearest enclosing group that has a `role-…` class (e.g. "mark-text role-axis-label"). */
  readonly role: string;
  readonly tag: string;
  /** The element's origin: every enclosing and its own leading `translate`, summed. */
  readonly x: number;
  readonly y: number;
  /** What its transform does after the leading translate (e.g. "rotate(-90) translate(0,-3)"), numbers kept. */
  readonly rest: string;
  /** Numbers of its geometry attributes (d, x2, y2, width, height…), in order. */
  readonly geometry: readonly number[];
  /** Its other attributes (paint, font, anchor), sorted by name. */
  readonly paint: Readonly<Record<string, string>>;
  readonly text: string;
}

const GEOMETRY_ATTRS = new Set(['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'points', 'r', 'cx', 'cy']);
const IGNORED_ATTRS = new Set([
  'transform',
  'class',
  'id',
  'clip-path',
  'aria-hidden',
  'role',
  'aria-label',
  'aria-roledescription',
]);
const DRAWN = new Set(['path', 'line', 'rect', 'text', 'circle', 'ellipse', 'polyline', 'polygon', 'image']);
const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;

function leadingTranslate(transform: string | undefined): { dx: number; dy: number; rest: string } {
  const m = /^\s*translate\(\s*(-?[\d.e+-]+)(?:[ ,]\s*(-?[\d.e+-]+))?\s*\)\s*/.exec(transform ?? '');
  if (!m) return { dx: 0, dy: 0, rest: (transform ?? '').trim() };
  return { dx: Number(m[1]), dy: Number(m[2] ?? 0), rest: transform!.slice(m[0].length).trim() };
}

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs.set(m[1]!, m[2]!);
  return attrs;
}

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? "'");
}

/** The marks of an SVG (as Vega or a direct writer writes it: no comments, no CDATA), in document order. */
export function marks(svg: string): Mark[] {
  const out: Mark[] = [];
  const stack: Array<{ x: number; y: number; role: string }> = [{ x: 0, y: 0, role: '' }];
  let open: {
    tag: string;
    x: number;
    y: number;
    rest: string;
    geometry: number[];
    paint: Record<string, string>;
    role: string;
    text: string;
  } | null = null;
  const TOKEN = /<(\/?)([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of svg.matchAll(TOKEN)) {
    const [, closing, tag, attrSource, selfClosing, text] = m;
    if (text !== undefined) {
      if (open) open.text += unescape(text);
      continue;
    }
    if (closing) {
      if (DRAWN.has(tag!)) {
        if (open) out.push(open);
        open = null;
      } else if (tag === 'g' || tag === 'svg') stack.pop();
      continue;
    }
    const attrs = attributes(attrSource!);
    const parent = stack.at(-1)!;
    const { dx, dy, rest } = leadingTranslate(attrs.get('transform'));
    if (tag === 'g' || tag === 'svg') {
      const cls = attrs.get('class') ?? '';
      const entry = { x: parent.x + dx, y: parent.y + dy, role: /\brole-/.test(cls) ? cls : parent.role };
      if (!selfClosing) stack.push(entry);
      continue;
    }
    if (!DRAWN.has(tag!)) continue;
    const geometry: number[] = [];
    const paint: Record<string, string> = {};
    for (const [name, value] of [...attrs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (GEOMETRY_ATTRS.has(name)) geometry.push(...(value.match(NUMBER) ?? []).map(Number));
      else if (!IGNORED_ATTRS.has(name)) paint[name] = value;
    }
    const mark = { tag: tag!, x: parent.x + dx, y: parent.y + dy, rest, geometry, paint, role: parent.role, text: '' };
    if (selfClosing) out.push(mark);
    else open = mark;
  }
  return out;
}

/** The size an SVG declares (its width and height attributes, or its viewBox). */
export function svgSize(svg: string): { width: number; height: number } {
  const attrs = attributes(/^<svg([^>]*)>/.exec(svg)?.[1] ?? '');
  const box = (attrs.get('viewBox') ?? '').split(/[ ,]+/).map(Number);
  return {
    width: Number(attrs.get('data-width') ?? attrs.get('width') ?? box[2]),
    height: Number(attrs.get('data-height') ?? attrs.get('height') ?? box[3]),
  };
}

function describe(mark: Mark): string {
  return `${mark.tag}${mark.text ? ` "${mark.text}"` : ''} at (${mark.x},${mark.y})${mark.rest ? ` ${mark.rest}` : ''} [${mark.geometry.join(' ')}] ${JSON.stringify(mark.paint)}`;
}

function close(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance;
}

/**
 * How `actual` differs from `expected` (Vega's rendering), as readable lines; empty when they
 * draw the same: same size, and role by role the same marks in the same order, with the same
 * tag, text and paint, and every coordinate within `tolerance` px.
 */
export function markDifferences(actual: string, expected: string, tolerance = 1): string[] {
  const problems: string[] = [];
  const [sa, se] = [svgSize(actual), svgSize(expected)];
  if (!close(sa.width, se.width, tolerance) || !close(sa.height, se.height, tolerance))
    problems.push(`size ${sa.width}×${sa.height}, expected ${se.width}×${se.height}`);
  const byRole = (list: Mark[]): Map<string, Mark[]> => {
    const map = new Map<string, Mark[]>();
    for (const mark of list) map.set(mark.role, [...(map.get(mark.role) ?? []), mark]);
    return map;
  };
  const [ra, re] = [byRole(marks(actual)), byRole(marks(expected))];
  for (const role of new Set([...re.keys(), ...ra.keys()])) {
    const [la, le] = [ra.get(role) ?? [], re.get(role) ?? []];
    if (la.length !== le.length) {
      problems.push(`${role || '(no role)'}: ${la.length} marks, expected ${le.length}`);
      continue;
    }
    le.forEach((e, i) => {
      const a = la[i]!;
      const restNumbers = (s: string) => (s.match(NUMBER) ?? []).map(Number);
      const same =
        a.tag === e.tag &&
        a.text === e.text &&
        JSON.stringify(a.paint) === JSON.stringify(e.paint) &&
        a.rest.replace(NUMBER, '#') === e.rest.replace(NUMBER, '#') &&
        restNumbers(a.rest).every((n, j) => close(n, restNumbers(e.rest)[j]!, tolerance)) &&
        close(a.x, e.x, tolerance) &&
        close(a.y, e.y, tolerance) &&
        a.geometry.length === e.geometry.length &&
        a.geometry.every((n, j) => close(n, e.geometry[j]!, tolerance));
      if (!same) problems.push(`${role} #${i}: ${describe(a)}\n    expected ${describe(e)}`);
    });
  }
  return problems;
}
