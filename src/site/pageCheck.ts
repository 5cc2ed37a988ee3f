/**
 * The last line of defence for SPEC "Robustness": a built page contains no script (no
 * `<script>`, event-handler attribute or `javascript:` URL) and loads nothing from another
 * host (`src`, `srcset`, `<link>`, `<iframe>`/`<object>`/`<embed>`, SVG `href`, CSS `url()` and
 * `@import`, `<meta http-equiv=refresh>`). Pure: the page's HTML is passed in. Pages are parsed
 * with satteri's HTML parser (the MDX toolchain's own).
 */
import { htmlToHast } from 'satteri';

/** One thing a page must not contain, with the text to look for in the narrative that may have put it there. */
export interface PageViolation {
  readonly message: string;
  /** The attribute value, tag or CSS that carries it (to find its place in a narrative). */
  readonly evidence: string;
}

interface HastNode {
  readonly type: string;
  readonly tagName?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly children?: readonly HastNode[];
  readonly value?: string;
}

const FORBIDDEN = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'portal',
  'noscript',
  'form',
  'foreignobject',
]);
/** Attributes whose URL the browser fetches when the page is shown. */
const LOADING = new Set([
  'src',
  'srcset',
  'poster',
  'data',
  'background',
  'manifest',
  'ping',
  'lowsrc',
  'dynsrc',
  'codebase',
  'archive',
]);
/** Attributes whose URL is followed when clicked. */
const NAVIGATING = new Set(['href', 'action', 'formaction', 'cite', 'longdesc', 'xlinkhref']);

const scheme = (url: string): string | null =>
  /^([a-z][a-z0-9+.-]*):/.exec(url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase())?.[1] ?? null;

/** Whether fetching a URL would reach another host (a scheme other than data:, or `//host`). */
function elsewhere(url: string): boolean {
  const s = scheme(url);
  const clean = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return (s !== null && s !== 'data') || /^[/\\]{2}/.test(clean);
}

/** A `<link rel="canonical">` names the page's own address for search engines and link previews; nothing fetches it. */
const canonical = (tag: string, node: HastNode): boolean => {
  const rel = node.properties?.['rel'];
  return (
    tag === 'link' &&
    (Array.isArray(rel) ? rel : String(rel ?? '').split(/\s+/)).map((r) => String(r).toLowerCase()).join(' ') === 'canonical'
  );
};

const scripted = (url: string): boolean => ['javascript', 'vbscript', 'livescript'].includes(scheme(url) ?? '');

/** What in a piece of CSS loads from another host (`url()`, `image-set()` strings, `@import`) or runs script (`expression()`). */
export function cssViolations(css: string): PageViolation[] {
  const found: PageViolation[] = [];
  if (/@import/i.test(css)) found.push({ message: 'CSS @import loads another stylesheet', evidence: '@import' });
  if (/expression\s*\(/i.test(css)) found.push({ message: 'CSS expression() runs script', evidence: 'expression' });
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi)) {
    const url = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (elsewhere(url) || scripted(url)) found.push({ message: `CSS url(${url}) loads from another host`, evidence: url });
  }
  for (const m of css.matchAll(/image-set\(([^)]*)\)/gi)) {
    for (const s of m[1]!.matchAll(/"([^"]*)"|'([^']*)'/g)) {
      const url = s[1] ?? s[2] ?? '';
      if (elsewhere(url)) found.push({ message: `CSS image-set ${url} loads from another host`, evidence: url });
    }
  }
  return found;
}

function text(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join('');
}

/** Everything in a built page that runs script or loads from another host; empty for a clean page. */
export function pageViolations(html: string): PageViolation[] {
  const found: PageViolation[] = [];
  const visit = (node: HastNode): void => {
    if (node.type === 'element' && node.tagName) {
      const tag = node.tagName.toLowerCase();
      if (FORBIDDEN.has(tag)) found.push({ message: `a <${tag}> element`, evidence: `<${node.tagName}` });
      if (tag === 'style') found.push(...cssViolations(text(node)));
      for (const [name, raw] of Object.entries(node.properties ?? {})) {
        const key = name.toLowerCase();
        const value = Array.isArray(raw) ? raw.join(' ') : String(raw);
        if (key.startsWith('on')) found.push({ message: `an event handler (${name}) on <${tag}>`, evidence: value });
        else if (key === 'style') found.push(...cssViolations(value));
        else if (key === 'srcset' || key === 'imagesrcset') {
          for (const candidate of value.split(',')) {
            const url = candidate.trim().split(/\s+/)[0] ?? '';
            if (elsewhere(url) || scripted(url)) found.push({ message: `<${tag} srcset> loads ${url}`, evidence: url });
          }
        } else if (LOADING.has(key)) {
          if (elsewhere(value) || scripted(value)) found.push({ message: `<${tag} ${name}> loads ${value}`, evidence: value });
        } else if (NAVIGATING.has(key)) {
          if (scripted(value)) found.push({ message: `a javascript: URL in <${tag} ${name}>`, evidence: value });
          // Outside <a> and <area> an href is fetched (link, SVG image/use/feImage).
          else if (
            !['a', 'area'].includes(tag) &&
            ['href', 'xlinkhref'].includes(key) &&
            elsewhere(value) &&
            !canonical(tag, node)
          ) {
            found.push({ message: `<${tag} ${name}> loads ${value}`, evidence: value });
          }
        } else if (key === 'httpequiv' && value.toLowerCase() === 'refresh') {
          found.push({ message: '<meta http-equiv="refresh">', evidence: 'refresh' });
        } else if (tag === 'animate' || tag === 'set') {
          if (key === 'attributename' && /^(href|xlink:href|on)/i.test(value))
            found.push({ message: `<${tag}> changes ${value}`, evidence: value });
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(htmlToHast(html) as unknown as HastNode);
  return found;
}
