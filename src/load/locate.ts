/**
 * Source positions for values in parsed YAML and JSON, looked up by path
 * (`['goals', 3, 'kpi']`). JSON is parsed for positions only when a problem needs one,
 * so that large valid files load at JSON.parse speed.
 */
import { parse as parseJsonAst } from '@humanwhocodes/momoa';
import { duplicateKeys, positionAt } from './duplicateKeys.ts';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node as YamlNode, parseDocument } from 'yaml';

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
}

const START: Position = { line: 1, column: 1 };

export interface ParsedYaml {
  readonly value: unknown;
  readonly locator: Locator;
  readonly syntax: Array<{ position: Position; message: string }>;
}

/** Parses YAML with positions. Syntax errors (and duplicate keys) are returned, not thrown. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document.Parsed = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax = doc.errors.map((e) => ({
    position: e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : START,
    message: `YAML syntax error: ${e.message.split(' at line ')[0]!.split('\n')[0]!}`,
  }));
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
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
    value: doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }),
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

interface JsonNode {
  type: string;
  loc: { start: { line: number; column: number } };
  members?: Array<{ name: JsonNode & { value: string }; value: JsonNode }>;
  elements?: Array<{ value: JsonNode }>;
}

export type ParsedJson =
  | { ok: true; value: unknown; locator: Locator; duplicates: DuplicateKeyProblem[] }
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
    value = JSON.parse(source);
  } catch (error) {
    try {
      parseJsonAst(source, { mode: 'json' });
    } catch (astError) {
      const e = astError as { message: string; line?: number; column?: number };
      const message = e.message.replace(/\s*\(\d+:\d+\)\s*$/, '');
      return { ok: false, position: { line: e.line ?? 1, column: e.column ?? 1 }, message: `JSON syntax error: ${message}` };
    }
    return { ok: false, position: START, message: `JSON syntax error: ${(error as Error).message}` };
  }
  let root: JsonNode | null = null;
  const walk = (path: readonly PathKey[]): { node: JsonNode; key: JsonNode | null; depth: number } => {
    root ??= (parseJsonAst(source, { mode: 'json' }) as unknown as { body: JsonNode }).body;
    let node: JsonNode = root;
    let key: JsonNode | null = null;
    let depth = 0;
    for (const segment of path) {
      if (node.type === 'Object') {
        const member = node.members!.findLast((m) => m.name.value === String(segment));
        if (!member) break;
        key = member.name;
        node = member.value;
      } else if (node.type === 'Array' && typeof segment === 'number' && node.elements![segment]) {
        node = node.elements![segment]!.value;
        key = node;
      } else break;
      depth++;
    }
    return { node, key, depth };
  };
  return {
    ok: true,
    value,
    duplicates: duplicateKeys(source).map((d) => {
      const first = positionAt(source, d.firstOffset);
      return { position: positionAt(source, d.offset), message: `key '${d.key}' is written twice in this object (also at line ${first.line}, column ${first.column}); JSON keeps only the last: remove one` };
    }),
    locator: {
      locate(path, part = 'value') {
        const { node, key, depth } = walk(path);
        const target = part === 'key' && depth === path.length && key ? key : node;
        return { line: target.loc.start.line, column: target.loc.start.column };
      },
      quoted(path) {
        const { node, depth } = walk(path);
        return depth === path.length && node.type === 'String';
      },
    },
  };
}
