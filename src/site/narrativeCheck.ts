/**
 * What a narrative (`content/reports/<yyyy-qn>.mdx`) may say; pure, the text is passed in.
 * A narrative is parsed with the MDX parser the build uses (satteri) and checked before
 * anything is built: markdown, a short list of plain HTML elements and attributes, links to
 * http(s)/mailto or within the site, images from the site itself, and the three components
 * with props that name a goal, a KPI, channels and a quarter that exist. No script, event
 * handler, inline style, embedded object, JavaScript expression or import: whatever it says,
 * a page built from it runs nothing and loads nothing from another host.
 */
import { mdxToMdast } from 'satteri';
import { parseDocument } from 'yaml';
import { parseQuarter } from '../core/periods.ts';
import type { SourceFile } from '../load/files.ts';
import { KPI_CATALOGUE } from '../core/catalogue.ts';
import type { Project } from '../core/project.ts';
import { isNote, type Problem, sortProblems } from '../load/problems.ts';
import type { Loaded } from '../load/project.ts';
import { hint } from '../load/suggest.ts';
import { reportQuarters } from './quarters.ts';

export const NARRATIVES_DIR = 'content/reports';

/** What a narrative's components may name; null when the rest of the content does not validate (props are then not checked). */
export interface NarrativeContext {
  readonly goals: readonly string[];
  readonly kpis: readonly string[];
  readonly channels: readonly string[];
}

/** Plain HTML a narrative may use, with the attributes each may carry (besides GLOBAL_ATTRIBUTES). */
const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang', 'rel', 'target'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  p: [],
  br: [],
  hr: [],
  span: [],
  div: [],
  section: [],
  aside: [],
  figure: [],
  figcaption: [],
  em: [],
  strong: [],
  b: [],
  i: [],
  u: [],
  s: [],
  small: [],
  sub: [],
  sup: [],
  mark: [],
  kbd: [],
  code: [],
  pre: [],
  abbr: [],
  cite: [],
  dfn: [],
  q: ['cite'],
  blockquote: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  ul: [],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  dl: [],
  dt: [],
  dd: [],
  details: ['open'],
  summary: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope', 'align'],
  td: ['colspan', 'rowspan', 'align'],
};
const GLOBAL_ATTRIBUTES = ['id', 'class', 'className', 'title', 'lang', 'dir', 'role', 'hidden'];
/** Attributes holding a URL: `href`/`cite` may leave the site (a link), `src` may not (it loads). */
const LINK_ATTRIBUTES = new Set(['href', 'cite']);

interface PropRule {
  readonly required?: true;
  readonly kind: 'goal' | 'kpi' | 'channel' | 'channels' | 'period' | 'text' | 'boolean';
}
const COMPONENTS: Readonly<Record<string, Readonly<Record<string, PropRule>>>> = {
  GoalCard: { id: { required: true, kind: 'goal' }, period: { kind: 'period' } },
  KpiValue: {
    kpi: { required: true, kind: 'kpi' },
    channel: { kind: 'channel' },
    period: { kind: 'period' },
    change: { kind: 'boolean' },
  },
  KpiChart: {
    kpi: { required: true, kind: 'kpi' },
    channels: { kind: 'channels' },
    period: { kind: 'period' },
    title: { kind: 'text' },
  },
};

interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset?: number;
}
interface Node {
  readonly type: string;
  readonly position?: { readonly start: Point; readonly end: Point };
  readonly children?: readonly Node[];
  readonly name?: string | null;
  readonly attributes?: readonly Attribute[];
  readonly url?: string;
  readonly identifier?: string;
  readonly value?: string;
}
interface Attribute {
  readonly type: string;
  readonly name?: string;
  readonly value?: string | null | { readonly type: string; readonly value: string };
}

/** The scheme of a URL as a browser reads it (blanks and controls dropped, lower case), or null for a path. */
function schemeOf(url: string): string | null {
  const clean = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(clean)?.[1] ?? null;
}

/** Why a link target is refused, or null: http(s), mailto, or a path. */
export function linkProblem(url: string): string | null {
  const scheme = schemeOf(url);
  if (scheme === null || scheme === 'http' || scheme === 'https' || scheme === 'mailto') return null;
  return `a link to '${scheme}:' is not allowed: link to http(s), mailto or a page of the site`;
}

/**
 * Why an image source is refused, or null: only a path from the site's root (`/images/chart.png`,
 * a file of public/), since it loads when the page is shown. A relative path is refused too: the
 * build would look for it beside the narrative and fail after it began.
 */
export function sourceProblem(url: string): string | null {
  const clean = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (schemeOf(url) !== null || /^[/\\]{2}/.test(clean)) {
    return `'${url}' loads from another host (or runs): pages load nothing from elsewhere; put the image under public/ and give its path (/images/chart.png)`;
  }
  if (!clean.startsWith('/'))
    return `'${url}' is a relative image path: put the image under public/ and give its path from the site's root (/images/chart.png)`;
  return null;
}

/** Line and column (1-based) of an offset in a text. */
function pointAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** The problems of one narrative: syntax, elements, attributes, URLs, components and (with a context) their props. */
export function checkNarrative(file: SourceFile, context: NarrativeContext | null): Problem[] {
  const problems: Problem[] = [];
  const at = (point: { line: number; column: number }, message: string): void => {
    problems.push({ file: file.path, line: point.line, column: point.column, message });
  };
  const name = /([^/]+)\.mdx$/i.exec(file.path)?.[1] ?? '';
  const note = (message: string): void => {
    problems.push({ file: file.path, line: 1, column: 1, severity: 'note', message });
  };
  if (!/^\d{4}-q[1-4]$/i.test(name) || !parseQuarter(name.toUpperCase()).ok) {
    note(
      `a narrative is shown on the page of the quarter it is named after (content/reports/2026-q2.mdx): '${name}.mdx' names no quarter, so no page shows it`,
    );
  } else if (name !== name.toLowerCase() || !file.path.endsWith('.mdx')) {
    note(
      `the page of ${name.toUpperCase()} shows ${NARRATIVES_DIR}/${name.toLowerCase()}.mdx, so no page shows this file: name it in lower case`,
    );
  }
  let tree: Node;
  try {
    tree = mdxToMdast(file.text, { position: true }) as unknown as Node;
  } catch (error) {
    const text = (error as Error).message ?? String(error);
    const m = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*)$/.exec(text);
    at(
      m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 1, column: 1 },
      `MDX syntax error: ${(m?.[3] ?? text).split('\n')[0]}`,
    );
    return problems;
  }
  // Where an attribute is: searched for in its element's source, else the element's start.
  const attributeAt = (node: Node, attr: string): { line: number; column: number } => {
    const start = node.position?.start;
    if (!start) return { line: 1, column: 1 };
    if (start.offset !== undefined && node.position?.end.offset !== undefined) {
      const source = file.text.slice(start.offset, node.position.end.offset);
      const i = source.search(new RegExp(`\\s${attr.replace(/[^\w-]/g, '')}(?=[\\s=/>]|$)`));
      if (i >= 0) return pointAt(file.text, start.offset + i + 1);
    }
    return start;
  };
  const definitions = new Map<string, Node>();
  const visit = (node: Node, fn: (n: Node) => void): void => {
    fn(node);
    for (const child of node.children ?? []) visit(child, fn);
  };
  visit(tree, (n) => {
    if (n.type === 'definition' && n.identifier) definitions.set(n.identifier, n);
  });
  visit(tree, (node) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    switch (node.type) {
      case 'yaml':
      case 'toml': {
        // Frontmatter: the build's content collection parses it as YAML.
        if (node.type === 'toml') {
          at(start, 'write the frontmatter as YAML (--- … ---)');
          break;
        }
        const doc = parseDocument(node.value ?? '', { uniqueKeys: true });
        const error = doc.errors[0];
        if (error) {
          const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
          at({ line: start.line + line, column }, `frontmatter: ${error.message.split('\n')[0]}`);
        }
        break;
      }
      case 'mdxjsEsm':
        at(
          start,
          'import and export are not allowed in a narrative: the components GoalCard, KpiValue and KpiChart are there without an import',
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!/^\s*(\/\*[\s\S]*?\*\/\s*)*$/.test(node.value ?? ''))
          at(
            start,
            'JavaScript expressions ({…}) are not allowed in a narrative: write the text, or use a component; a comment is {/* … */}',
          );
        break;
      case 'link':
      case 'definition': {
        const problem = linkProblem(node.url ?? '');
        if (problem) at(start, problem);
        break;
      }
      case 'image': {
        const problem = sourceProblem(node.url ?? '');
        if (problem) at(start, problem);
        break;
      }
      case 'imageReference': {
        const def = definitions.get(node.identifier ?? '');
        const problem = def ? sourceProblem(def.url ?? '') : null;
        if (problem) at(start, problem);
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, start, context, at, attributeAt);
        break;
      default:
    }
  });
  return problems;
}

type At = (point: { line: number; column: number }, message: string) => void;

function checkElement(
  node: Node,
  start: Point,
  context: NarrativeContext | null,
  at: At,
  attributeAt: (n: Node, a: string) => { line: number; column: number },
): void {
  const tag = node.name;
  if (tag === null || tag === undefined) return; // a fragment <>…</>
  const component = COMPONENTS[tag];
  const element = ELEMENTS[tag];
  if (!component && !element) {
    const known = /^[A-Z]/.test(tag) ? Object.keys(COMPONENTS) : Object.keys(ELEMENTS);
    const what = /^[A-Z]/.test(tag) ? 'components' : 'HTML elements';
    const why =
      /^(script|style|iframe|frame|object|embed|link|meta|base|form|svg|math|template|video|audio|source|portal)$/i.test(tag)
        ? `<${tag}> is not allowed in a narrative: pages run no script and load nothing from another host`
        : `<${tag}> is not allowed in a narrative${hint(tag, known, what)}`;
    at(start, why);
    return;
  }
  const seen = new Set<string>();
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
      at(start, `<${tag}>: spread attributes ({...props}) are not allowed in a narrative`);
      continue;
    }
    const where = attributeAt(node, attr.name);
    seen.add(attr.name);
    if (component) {
      checkProp(tag, attr, component, where, context, at);
      continue;
    }
    const allowed = [...GLOBAL_ATTRIBUTES, ...element!];
    const attrName = attr.name;
    if (!allowed.includes(attrName) && !/^(aria|data)-[a-z0-9-]+$/.test(attrName)) {
      const why = /^on/i.test(attrName)
        ? 'event handlers run script: pages run none'
        : /^style$/i.test(attrName)
          ? "inline styles can load from other hosts: use the site's styles"
          : `it is not among the attributes allowed on <${tag}>${hint(attrName, allowed, 'attributes')}`;
      at(where, `<${tag} ${attrName}>: ${why}`);
      continue;
    }
    if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
      at(where, `<${tag} ${attrName}>: JavaScript expressions are not allowed in a narrative: give the value in quotes`);
      continue;
    }
    const value = attr.value ?? '';
    const problem = attrName === 'src' ? sourceProblem(value) : LINK_ATTRIBUTES.has(attrName) ? linkProblem(value) : null;
    if (problem) at(where, `<${tag} ${attrName}>: ${problem}`);
  }
  if (component) {
    for (const [prop, rule] of Object.entries(component)) {
      if (rule.required && !seen.has(prop)) at(start, `<${tag}> needs ${prop}="…"`);
    }
  }
}

/** The string array of an expression such as `["instagram", 'tiktok']`, or null when it is anything else. */
function stringList(expression: string): string[] | null {
  const m = /^\s*\[([\s\S]*)\]\s*$/.exec(expression);
  if (!m) return null;
  const items = m[1]!.split(',').map((s) => s.trim());
  if (items.at(-1) === '') items.pop();
  const out: string[] = [];
  for (const item of items) {
    const s = /^"([^"\\]*)"$|^'([^'\\]*)'$/.exec(item);
    if (!s) return null;
    out.push(s[1] ?? s[2]!);
  }
  return out;
}

function checkProp(
  tag: string,
  attr: Attribute,
  props: Readonly<Record<string, PropRule>>,
  where: { line: number; column: number },
  context: NarrativeContext | null,
  at: At,
): void {
  const prop = attr.name!;
  const rule = props[prop];
  if (!rule) {
    at(where, `<${tag}> has no prop '${prop}'${hint(prop, Object.keys(props), 'props')}`);
    return;
  }
  const raw = attr.value;
  const expression = raw !== null && typeof raw === 'object' ? raw.value : null;
  if (rule.kind === 'boolean') {
    if (!(expression !== null && /^\s*(true|false)\s*$/.test(expression)) && raw !== null)
      at(where, `<${tag} ${prop}>: write ${prop}={true} or ${prop}={false}`);
    return;
  }
  if (rule.kind === 'channels') {
    const list = expression === null ? null : stringList(expression);
    if (list === null) {
      at(where, `<${tag} ${prop}>: give a list of channel ids, e.g. ${prop}={["instagram", "tiktok"]}`);
      return;
    }
    if (context)
      for (const c of list)
        if (!context.channels.includes(c))
          at(where, `<${tag} ${prop}>: unknown channel '${c}'${hint(c, context.channels, 'channels')}`);
    return;
  }
  if (typeof raw !== 'string') {
    at(where, `<${tag} ${prop}>: give the value in quotes (${prop}="…")`);
    return;
  }
  if (rule.kind === 'period') {
    if (!/^\d{4}-q[1-4]$/i.test(raw) || !parseQuarter(raw.toUpperCase()).ok)
      at(where, `<${tag} ${prop}>: '${raw}' is not a quarter (write period="2026-Q2")`);
    return;
  }
  if (!context || rule.kind === 'text') return;
  const [known, what] =
    rule.kind === 'goal'
      ? [context.goals, 'goals']
      : rule.kind === 'kpi'
        ? [context.kpis, 'KPIs']
        : [['all', ...context.channels], 'channels'];
  if (!known.includes(raw))
    at(where, `<${tag} ${prop}>: no ${rule.kind === 'kpi' ? 'KPI' : rule.kind} has the id '${raw}'${hint(raw, known, what)}`);
}

/** What the narratives of a valid project may name: its goals, every KPI (built-in, declared, custom) and its channels. */
export function narrativeContext(project: Project): NarrativeContext {
  return {
    goals: project.goals.map((g) => g.id),
    kpis: [...new Set([...KPI_CATALOGUE.map((k) => k.id), ...project.customKpis.map((k) => k.id)])],
    channels: [...new Set([...Object.keys(project.site.channels), ...project.index.channels])].sort(),
  };
}

/**
 * A load with its narratives checked: their problems join the others (a valid load with a bad
 * narrative is no longer valid); props are checked against the project only when it loaded.
 */
export function withNarratives(loaded: Loaded, files: readonly SourceFile[]): Loaded {
  const found = files.flatMap((f) => checkNarrative(f, loaded.ok ? narrativeContext(loaded.project) : null));
  if (loaded.ok) found.push(...pagelessNarratives(loaded.project, files));
  if (found.length === 0) return loaded;
  const notes = sortProblems([...loaded.notes, ...found.filter(isNote)]);
  const errors = found.filter((p) => !isNote(p));
  if (errors.length === 0) return { ...loaded, notes };
  return { ok: false, problems: sortProblems([...(loaded.ok ? [] : loaded.problems), ...errors]), notes };
}

/** Notes on narratives named after a quarter the site has no page for (no data, no goal, no frozen version). */
function pagelessNarratives(project: Project, files: readonly SourceFile[]): Problem[] {
  const quarters = reportQuarters(project).map((q) => q.label);
  const shown = new Set(quarters.map((label) => `${NARRATIVES_DIR}/${label.toLowerCase()}.mdx`));
  const span = quarters.length === 0 ? 'none' : quarters.length === 1 ? quarters[0]! : `${quarters[0]} to ${quarters.at(-1)}`;
  return files
    .filter((f) => /^\d{4}-q[1-4]\.mdx$/.test(f.path.slice(NARRATIVES_DIR.length + 1)) && !shown.has(f.path))
    .filter((f) => parseQuarter(f.path.slice(NARRATIVES_DIR.length + 1, -4).toUpperCase()).ok)
    .map((f) => ({
      file: f.path,
      line: 1,
      column: 1,
      severity: 'note' as const,
      message: `the site has no page for ${f.path.slice(NARRATIVES_DIR.length + 1, -4).toUpperCase()} (a quarter has a page when it has data, a goal or a frozen version; here: ${span}), so no page shows this narrative yet`,
    }));
}

/** A component as a narrative uses it, with its props as the page receives them. */
export interface NarrativeUse {
  readonly component: 'GoalCard' | 'KpiValue' | 'KpiChart';
  readonly props: Readonly<Record<string, string | boolean | readonly string[]>>;
}

/**
 * The components a (valid) narrative uses, in order, with their props: what its page must
 * have computed before rendering it. Empty when the text does not parse.
 */
export function narrativeUses(text: string): NarrativeUse[] {
  let tree: Node;
  try {
    tree = mdxToMdast(text, { position: true }) as unknown as Node;
  } catch {
    return [];
  }
  const uses: NarrativeUse[] = [];
  const visit = (node: Node): void => {
    const tag = node.name;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && tag && Object.hasOwn(COMPONENTS, tag)) {
      const props: Record<string, string | boolean | readonly string[]> = {};
      for (const attr of node.attributes ?? []) {
        if (attr.type !== 'mdxJsxAttribute' || !attr.name) continue;
        const raw = attr.value;
        if (raw === null || raw === undefined) props[attr.name] = true;
        else if (typeof raw === 'string') props[attr.name] = raw;
        else {
          const list = stringList(raw.value);
          const bool = /^\s*(true|false)\s*$/.exec(raw.value)?.[1];
          if (list) props[attr.name] = list;
          else if (bool) props[attr.name] = bool === 'true';
        }
      }
      uses.push({ component: tag as NarrativeUse['component'], props });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return uses;
}
