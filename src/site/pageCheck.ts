/**
 * The last line of defence for SPEC "Robustness": a built page contains no script (no
 * `<script>`, event-handler attribute or `javascript:` URL) and loads nothing from another
 * host (`src`, `srcset`, `<link>`, `<iframe>`/`<object>`/`<embed>`, SVG `href`, CSS `url()` and
 * `@import`, `<meta http-equiv=refresh>`). Pure: the page's HTML is passed in.
 *
 * The verdict is the one of the page parsed into a tree by satteri's HTML parser (the MDX
 * toolchain's own, an HTML5 tree builder). Parsing every page that way is most of the check's
 * cost, so a page first goes through a cheaper scan of its tokens (htmlparser2's tokenizer, no
 * tree) that applies the same rules to every start tag as written, and gives up on anything where
 * tokens and tree could differ (comments, CDATA, end tags with attributes, markup inside raw text,
 * NUL). A page that scan finds clean is clean; any other page is parsed and judged as before.
 */
import { Tokenizer } from 'htmlparser2';
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

/**
 * Whether a page is certainly clean, by a scan of its tokens without building a tree: true only
 * when no start tag might break a rule and nothing in the page could make the HTML5 tree hold
 * what the tokens do not show. False means "parse it", not "it breaks a rule".
 */
export function quicklyClean(html: string): boolean {
  // The HTML5 parser turns NUL into U+FFFD, the tokenizer keeps it.
  if (html.includes('\0')) return false;
  let suspect = false;
  let tag = '';
  let attributes: [string, string][] = [];
  let name = '';
  let value = '';
  let reading = false;
  /** Where the content of the raw-text element being read starts, or -1. */
  let rawFrom = -1;
  let rawTag = '';
  const giveUp = (): void => {
    suspect = true;
    tokenizer.pause();
  };
  const openTagEnd = (endIndex: number): void => {
    if (startTagSuspect(tag, attributes)) return giveUp();
    if (RAW_TEXT.has(tag)) {
      rawFrom = endIndex + 1;
      rawTag = tag;
    }
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        attributes = [];
      },
      onattribname(start, end) {
        name = html.slice(start, end);
        value = '';
        reading = keyed(attributeKey(name));
      },
      onattribdata(start, end) {
        if (reading) value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (reading) value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (reading) attributes.push([name, value]);
      },
      onopentagend: openTagEnd,
      onselfclosingtag: openTagEnd,
      onclosetag(start, end) {
        // An end tag's attributes are skipped to the first `>` here, to the first unquoted one by HTML5.
        if (html.charCodeAt(end) !== 0x3e) return giveUp();
        if (rawFrom >= 0) {
          if (!plainRawText(rawTag, html.slice(rawFrom, start - 2))) return giveUp();
          rawFrom = -1;
        }
      },
      // Where comments, CDATA and bogus comments end differs between tokenizers and contexts: parse.
      oncomment: giveUp,
      oncdata: giveUp,
      onprocessinginstruction: giveUp,
      ondeclaration() {},
      ontext() {},
      ontextentity() {},
      onend() {
        if (rawFrom >= 0 && !plainRawText(rawTag, html.slice(rawFrom))) suspect = true;
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return !suspect;
}

/** Everything in a built page that runs script or loads from another host; empty for a clean page. */
export function pageViolations(html: string): PageViolation[] {
  return quicklyClean(html) ? [] : parsedPageViolations(html);
}
