/**
 * Source positions for values in parsed YAML and JSON, looked up by path
 * (`['goals', 3, 'kpi']`). JSON is parsed for positions only when a problem needs one,
 * so that large valid files load at JSON.parse speed.
 */
import { parse as parseJsonAst } from '@humanwhocodes/momoa';
import { duplicateKeys, positionAt } from './duplicateKeys.ts';
import { jsonLocator } from './jsonPositions.ts';
import { GENERAL_HINT, jsonSyntaxProblem } from './jsonSyntax.ts';
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node as YamlNode, parseDocument } from 'yaml';
import { PROBLEMS_PER_FILE } from './problems.ts';

export type PathKey = string | number;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Finds the position of the key or the value at a path; the nearest existing ancestor if it is absent. */
export interface Locator {
  locate(path: readonly PathKey[], part?: 'key' | 'value'): Position;
  /** The source style of the scalar at a path (quoted scalars start one column before their text). */
  quoted(path: readonly PathKey[]): boolean;
  /** The text of the number at a path as the file writes it (JSON only), or null. */
  numberText?(path: readonly PathKey[]): string | null;
}

const START: Position = { line: 1, column: 1 };

/** The deepest nesting of lists and mappings read (content needs at most a handful of levels). */
export const MAX_DEPTH = 64;
/** The most uses of one YAML alias (the `yaml` library's guard against alias bombs). */
export const MAX_ALIAS_USES = 100;

export interface ParsedYaml {
  readonly value: unknown;
  readonly locator: Locator;
  readonly syntax: Array<{ position: Position; message: string }>;
}

/**
 * Parses YAML with positions. Syntax errors (and duplicate keys) are returned, not thrown;
 * so are nesting deeper than `MAX_DEPTH`, an alias used more than `MAX_ALIAS_USES` times or
 * inside the value it names, and explicit tags (`!!float 1000`, `!foo`), which are refused
 * rather than half-honoured.
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // Merge keys (`<<: *defaults`) as YAML 1.1 defines them: teams share a period or a channel between goals so.
  const doc: Document.Parsed = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // The parser turns its own stack overflow into an error: report that one only, plainly.
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  const syntax: YamlProblem[] = (overflow ? [overflow] : doc.errors.slice(0, PROBLEMS_PER_FILE)).map((e) => ({
    position: e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : START,
    message:
      e === overflow
        ? tooDeep('YAML')
        : e.code === 'MULTIPLE_DOCS'
          ? 'a file holds one YAML document, and this one starts a second (`---`): put it in a file of its own'
          : `YAML syntax error: ${e.message.split(' at line ')[0]!.split('\n')[0]!}`,
  }));
  if (syntax.length === 0) syntax.push(...checkYamlNodes(doc, text, at));
  let value: unknown;
  if (syntax.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_USES });
    } catch (error) {
      const firstAlias = findFirstAlias(doc);
      syntax.push({
        position: firstAlias === null ? START : at(firstAlias),
        message:
          error instanceof RangeError
            ? tooDeep('YAML')
            : `the aliases expand to too many values (each alias may be used at most ${MAX_ALIAS_USES} times, nested ones counted): write the values out`,
      });
    }
  }
  const walk = (path: readonly PathKey[]): { node: unknown; key: unknown; depth: number } => {
    let node: unknown = doc.contents;
    let key: unknown = null;
    let depth = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        key = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        key = node.items[segment];
        node = node.items[segment];
      } else break;
      depth++;
    }
    return { node, key, depth };
  };
  const rangeStart = (n: unknown): number | null => {
    const range = (n as YamlNode | null)?.range;
    return range ? range[0] : null;
  };
  return {
    value: syntax.length > 0 ? undefined : value,
    syntax,
    locator: {
      locate(path, part = 'value') {
        const { node, key, depth } = walk(path);
        const target = part === 'key' && depth === path.length ? key : node;
        const offset = rangeStart(target) ?? rangeStart(node);
        return offset === null ? START : at(offset);
      },
      quoted(path) {
        const { node, depth } = walk(path);
        return depth === path.length && isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      },
    },
  };
}

function tooDeep(kind: string): string {
  return `the ${kind} is nested more than ${MAX_DEPTH} levels deep: content needs only a few levels (check for a run of brackets or indentation)`;
}

type YamlProblem = { position: Position; message: string };

/**
 * Depth, aliases and tags of a parsed YAML document, walked without recursion: the first
 * list or mapping nested past `MAX_DEPTH`, the use of an alias past `MAX_ALIAS_USES`, an
 * alias inside the value it names, and each explicit tag (up to the per-file cap).
 */
function checkYamlNodes(doc: Document.Parsed, text: string, at: (offset: number) => Position): YamlProblem[] {
  const out: YamlProblem[] = [];
  const uses = new Map<string, number>();
  const open = new Set<unknown>();
  // Each entry: a node to enter at a depth, or the node to leave (its ancestors are `open`).
  const stack: Array<{ node: unknown; depth: number; leave?: true }> = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0 && out.length < PROBLEMS_PER_FILE) {
    const { node, depth, leave } = stack.pop()!;
    if (leave) {
      open.delete(node);
      continue;
    }
    if (node === null || node === undefined) continue;
    const start = (node as YamlNode).range?.[0] ?? 0;
    if (isAlias(node)) {
      const count = (uses.get(node.source) ?? 0) + 1;
      uses.set(node.source, count);
      if (count === MAX_ALIAS_USES + 1) {
        out.push({
          position: at(start),
          message: `the alias *${node.source} is used more than ${MAX_ALIAS_USES} times: write the values out or use fewer aliases`,
        });
      }
      const target = node.resolve(doc);
      if (target === undefined) {
        out.push({
          position: at(start),
          message: `unknown alias *${node.source}: an alias repeats a value marked &${node.source} before it; mark the value, or write it out`,
        });
      } else if (open.has(target)) {
        out.push({
          position: at(start),
          message: `the alias *${node.source} is inside the value it names (a loop): write the value out`,
        });
      }
      continue;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag) {
      let bang = text.lastIndexOf('!', start);
      while (bang > 0 && text[bang - 1] === '!') bang--;
      const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
      out.push({
        position: at(bang >= 0 && !text.slice(bang, start).includes('\n') ? bang : start),
        message: `YAML tag ${shown} is not supported: remove it (write numbers plainly, and text in quotes, e.g. '12')`,
      });
    }
    if (isMap(node) || isSeq(node)) {
      if (depth >= MAX_DEPTH) {
        out.push({ position: at(start), message: tooDeep('YAML') });
        break;
      }
      open.add(node);
      stack.push({ node, depth, leave: true });
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) {
          stack.push({ node: item.value, depth: depth + 1 });
          if (isMap(item.key) || isSeq(item.key)) {
            out.push({
              position: at((item.key as YamlNode).range?.[0] ?? start),
              message: `a key is plain text, not a ${isMap(item.key) ? 'mapping' : 'list'} (\`? [a, b]\`): write the key as text`,
            });
          } else if (!isScalar(item.key) || item.key.tag) stack.push({ node: item.key, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return out;
}

/** The offset of the first alias in a document (where an alias bomb is reported), or null. */
function findFirstAlias(doc: Document.Parsed): number | null {
  let first: number | null = null;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      if (first === null || offset < first) first = offset;
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    }
  }
  return first;
}

/**
 * Files up to this size get the syntax error of `@humanwhocodes/momoa` (clearer, with the token);
 * its tree takes over a hundred times the text, so bigger ones get V8's own.
 */
const MOMOA_LIMIT = 1024 * 1024;

function v8SyntaxError(source: string, error: Error): ParsedJson {
  const at = /\s*(?:in|after) JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(error.message);
  // V8 quotes the text around the error when it has no position (clipped with "..."): never print the file's own bytes.
  const message = (
    at ? error.message.replace(at[0], at[0].trimStart().startsWith('after') ? ' after the JSON' : '') : error.message
  ).replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '');
  const offset = at ? Number(at[1]) : null;
  return syntaxError(source, message, offset, offset === null ? START : positionAt(source, offset));
}

/**
 * `JSON syntax error: <words>; <what to do>` at the first error of the text, found by one scan of it
 * (`jsonSyntaxProblem`): the parser's words where it names the same place and the scan has none
 * of its own, else the scan's. Where the scan finds nothing, the parser's words, place and the rules.
 */
function syntaxError(source: string, parserWords: string, parserOffset: number | null, parserPosition: Position): ParsedJson {
  const words = parserWords.replace(/\.$/, '');
  const found = jsonSyntaxProblem(source);
  if (found === null) return { ok: false, position: parserPosition, message: `JSON syntax error: ${words}; ${GENERAL_HINT}` };
  const own =
    found.words ??
    (parserOffset === found.offset && namesCharAt(words, source, found.offset) ? words : unexpected(source, found.offset));
  return { ok: false, position: positionAt(source, found.offset), message: `JSON syntax error: ${own}; ${found.hint}` };
}

/** Whether a parser's words name no character, or the one at `offset` (`Unexpected character '}'`). */
function namesCharAt(words: string, source: string, offset: number): boolean {
  const named = /Unexpected (?:character|token) '(.)'/u.exec(words)?.[1];
  return named === undefined || named === String.fromCodePoint(source.codePointAt(offset) ?? 0);
}

/** `Unexpected character 'x'` for the character at `offset` (its code for a control character), or the end. */
function unexpected(source: string, offset: number): string {
  const code = source.codePointAt(offset);
  if (code === undefined) return 'Unexpected end of input';
  if (code !== 32 && /[\p{C}\p{Z}]/u.test(String.fromCodePoint(code)))
    return `Unexpected character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `Unexpected character '${String.fromCodePoint(code)}'`;
}

/**
 * The offset of the first `[` or `{` nested deeper than `MAX_DEPTH` in a JSON text
 * (brackets inside strings skipped), or -1: one pass, no recursion.
 */
export function tooDeepAt(text: string): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string: skip to its closing quote
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

export type ParsedJson =
  | { ok: true; value: unknown; locator: Locator; duplicates: DuplicateKeyProblem[]; moreDuplicates: number }
  | { ok: false; position: Position; message: string };

/** A key written twice in one object, at the second place, naming the first. */
export interface DuplicateKeyProblem {
  readonly position: Position;
  readonly message: string;
}

/** Parses JSON (a leading BOM is ignored); positions are computed lazily on first use. Repeated keys are found, not collapsed. */
export function parseJson(text: string): ParsedJson {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source); // iterative in V8: any depth parses
  } catch (error) {
    // Before the position parser, which recurses once per level.
    const deep = tooDeepAt(source);
    if (deep >= 0) return { ok: false, position: positionAt(source, deep), message: tooDeep('JSON') };
    if (source.length > MOMOA_LIMIT) return v8SyntaxError(source, error as Error);
    try {
      parseJsonAst(source, { mode: 'json' });
    } catch (astError) {
      const e = astError as { message: string; line?: number; column?: number; offset?: number };
      const message = e.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
      return syntaxError(source, message, e.offset ?? null, { line: e.line ?? 1, column: e.column ?? 1 });
    }
    return v8SyntaxError(source, error as Error);
  }
  // The scan for repeated keys also finds nesting past MAX_DEPTH (before anything walks the tree).
  const tally: { more: number; deepAt?: number } = { more: 0 };
  const duplicates = duplicateKeys(source, PROBLEMS_PER_FILE, tally, MAX_DEPTH);
  if (tally.deepAt !== undefined) return { ok: false, position: positionAt(source, tally.deepAt), message: tooDeep('JSON') };
  return {
    ok: true,
    value,
    moreDuplicates: tally.more,
    duplicates: duplicates.map((d) => {
      const first = positionAt(source, d.firstOffset);
      return {
        position: positionAt(source, d.offset),
        message: `key '${d.key}' is written twice in this object (also at line ${first.line}, column ${first.column}); JSON keeps only the last: remove one`,
      };
    }),
    locator: jsonLocator(source),
  };
}
