/**
 * The last line of defence for SPEC "Robustness": a built page contains no script (no
 * `<script>`, event-handler attribute or `javascript:` URL) and loads nothing from another
 * host (`src`, `srcset`, `<link>`, `<iframe>`/`<object>`/`<embed>`, SVG `href`, CSS `url()` and
 * `@import`, `<meta http-equiv=refresh>`). Pure: the page's HTML is passed in.
 *
 * The verdict is the one of the page parsed into a tree by satteri's HTML parser (the MDX
 * toolchain's own, an HTML5 tree builder). Parsing every page that way is most of the check's
 * cost, so a page first goes through a cheaper scan of its tags (regular expressions, no tree)
 * that applies the same rules to every start tag as written, and gives up on anything where the
 * tags as written and the tree could differ (comments, CDATA, tags written other than plainly,
 * end tags with attributes, markup inside raw text, character references in a value the rules
 * read, NUL). A page that scan finds clean is clean; any other page is parsed and judged as before.
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

/**
 * Everything in a built page that runs script or loads from another host, as satteri's parse of
 * it shows; empty for a clean page. `pageViolations` gives the same answer, mostly without the parse.
 */
export function parsedPageViolations(html: string): PageViolation[] {
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

/** Elements whose content the tokenizer reads as text up to their end tag (HTML's raw text, RCDATA and plaintext). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** What would start a tag, comment or declaration if raw text were read as markup (inside SVG a `<style>` is). */
const TAG_LIKE = /<[a-z!/?]/i;

/**
 * The name an attribute is checked under: lower case without punctuation. It is the lower-cased
 * hast property name wherever that name is one the rules look at (`http-equiv` → httpequiv,
 * `xlink:href` → xlinkhref, `onclick` → onclick), and otherwise at most a name that is checked more.
 */
const attributeKey = (name: string): string => (/^[a-z]*$/.test(name) ? name : name.toLowerCase().replace(/[^a-z0-9]/g, ''));

/** Whether an attribute's value can matter to the rules (its key is one they look at); others are not read. */
const keyed = (key: string): boolean =>
  key.startsWith('on') ||
  LOADING.has(key) ||
  NAVIGATING.has(key) ||
  ['style', 'srcset', 'imagesrcset', 'httpequiv', 'attributename', 'rel'].includes(key);

/** A canonical link as written: `rel` exactly "canonical" on every spelling of rel, so that any parse agrees. */
const plainlyCanonical = (tag: string, attributes: readonly (readonly [string, string])[]): boolean => {
  const rels = attributes.filter(([name]) => attributeKey(name) === 'rel');
  return (
    tag === 'link' &&
    rels.length > 0 &&
    rels.every(([name, value]) => name.toLowerCase() === 'rel' && value.toLowerCase() === 'canonical')
  );
};

/** Whether a start tag, as written (every attribute, duplicates included), might break a rule. */
function startTagSuspect(tag: string, attributes: readonly (readonly [string, string])[]): boolean {
  if (FORBIDDEN.has(tag) || tag === 'isindex') return true;
  for (const [name, value] of attributes) {
    const key = attributeKey(name);
    if (key.startsWith('on')) return true;
    if (key === 'style') {
      if (cssViolations(value).length > 0) return true;
    } else if (key === 'srcset' || key === 'imagesrcset') {
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0] ?? '';
        if (elsewhere(url) || scripted(url)) return true;
      }
    } else if (LOADING.has(key)) {
      if (elsewhere(value) || scripted(value)) return true;
    } else if (NAVIGATING.has(key)) {
      if (scripted(value)) return true;
      if (
        !['a', 'area'].includes(tag) &&
        ['href', 'xlinkhref'].includes(key) &&
        elsewhere(value) &&
        !plainlyCanonical(tag, attributes)
      )
        return true;
    } else if (key === 'httpequiv') {
      // hast splits http-equiv into words: any spelling that holds "refresh" may be one.
      if (value.toLowerCase().includes('refresh')) return true;
    } else if ((tag === 'animate' || tag === 'set') && key === 'attributename') {
      if (/^(href|xlink:href|on)/i.test(value)) return true;
    }
  }
  return false;
}

/**
 * Whether the content of a raw-text element reads the same as raw text and as markup (no tag,
 * comment or character reference in it) and, for a `<style>`, holds no CSS the rules forbid.
 */
function plainRawText(tag: string, text: string): boolean {
  if (TAG_LIKE.test(text)) return false;
  return tag !== 'style' || (!text.includes('&') && cssViolations(text).length === 0);
}

/** HTML's white space (not JavaScript's `\\s`, which has more). */
const SPACE = '[\\t\\n\\f\\r ]';
/** An attribute name as the scan accepts it: none of the characters HTML5 would read otherwise or report as errors. */
const NAME = `[^\\t\\n\\f\\r />="'<\`]+`;
/** A quoted value, or an unquoted one that ends where HTML5 ends it (white space or `>`) with no character it flags. */
const VALUE = `"[^"]*"|'[^']*'|[^\\t\\n\\f\\r >"'<=\`]+`;
/** A start tag written plainly: name, attributes each after white space, then `>` or `/>`. */
const START_TAG = new RegExp(
  `<([a-zA-Z][^\\t\\n\\f\\r />]*)((?:${SPACE}+${NAME}(?:${SPACE}*=${SPACE}*(?:${VALUE}))?)*)${SPACE}*/?>`,
  'y',
);
const ATTRIBUTE = new RegExp(`${SPACE}+(${NAME})(?:${SPACE}*=${SPACE}*(${VALUE}))?`, 'g');
/** An end tag written plainly (`</name>`); one with attributes or space before `>` reads differently in tokenizers and HTML5. */
const END_TAG = /<\/[a-zA-Z][^\t\n\f\r />]*>/y;
const DOCTYPE = /<!doctype html>/iy;
/** Where each raw-text element's content ends: its end tag's name followed by white space, `/` or `>`, in any case. */
const RAW_END = new Map([...RAW_TEXT].map((tag) => [tag, new RegExp(`</${tag}[\\t\\n\\f\\r />]`, 'gi')]));
/** Whether an attribute name's value matters to the rules, by name (names repeat across a site's pages). */
const keyedNames = new Map<string, boolean>();
const keyedName = (name: string): boolean => {
  let known = keyedNames.get(name);
  if (known === undefined) keyedNames.set(name, (known = keyed(attributeKey(name))));
  return known;
};

/**
 * Whether a page is certainly clean, by a scan of its tags without building a tree: true only
 * when every tag is written plainly (see START_TAG and END_TAG), no start tag might break a rule,
 * and nothing in the page could make the HTML5 tree hold what the tags do not show (comments,
 * CDATA, processing instructions, character references in a value the rules read, markup in raw
 * text, NUL). False means "parse it", not "it breaks a rule".
 */
export function quicklyClean(html: string): boolean {
  // The HTML5 parser turns NUL into U+FFFD.
  if (html.includes('\0')) return false;
  let at = 0;
  for (;;) {
    const lt = html.indexOf('<', at);
    if (lt < 0) return true;
    const next = html.charCodeAt(lt + 1);
    const lower = next | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) {
      START_TAG.lastIndex = lt;
      const tag = START_TAG.exec(html);
      if (!tag) return false;
      at = START_TAG.lastIndex;
      const name = tag[1]!.toLowerCase();
      const attributes: [string, string][] = [];
      if (tag[2]) {
        ATTRIBUTE.lastIndex = 0;
        for (let a = ATTRIBUTE.exec(tag[2]); a; a = ATTRIBUTE.exec(tag[2])) {
          if (!keyedName(a[1]!)) continue;
          const raw = a[2] ?? '';
          // A character reference could spell what the rules look for; the parse decodes it.
          if (raw.includes('&')) return false;
          attributes.push([a[1]!, raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw]);
        }
      }
      if (startTagSuspect(name, attributes)) return false;
      const rawEnd = RAW_END.get(name);
      if (rawEnd) {
        // <plaintext> has no end.
        if (name === 'plaintext') return false;
        rawEnd.lastIndex = at;
        const end = rawEnd.exec(html);
        const stop = end ? end.index : html.length;
        if (!plainRawText(name, html.slice(at, stop))) return false;
        at = stop;
      }
    } else if (next === 0x2f /* / */) {
      END_TAG.lastIndex = lt;
      if (!END_TAG.test(html)) return false;
      at = END_TAG.lastIndex;
    } else if (next === 0x21 /* ! */) {
      DOCTYPE.lastIndex = lt;
      if (!DOCTYPE.test(html)) return false;
      at = DOCTYPE.lastIndex;
    } else if (next === 0x3f /* ? */) {
      return false;
    } else {
      // `<` before anything else is text.
      at = lt + 1;
    }
  }
}

/** Everything in a built page that runs script or loads from another host; empty for a clean page. */
export function pageViolations(html: string): PageViolation[] {
  return quicklyClean(html) ? [] : parsedPageViolations(html);
}
