/**
 * Custom metrics written by an import are declared in content/site.yaml (`metrics:`), so
 * that the data validates and each shows on the pages with its label. The settings file is
 * edited in place: the new entries are inserted into its text where the YAML document places
 * them (after the last metric, or as a new `metrics:` at the end), so that every other byte
 * (comments, layout, flow mappings, CRLF line ends, a BOM) stays as it was; it is part of the
 * import's all-or-nothing plan.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, parseDocument, YAMLMap } from 'yaml';
import { BUILT_IN_METRICS } from '../core/metrics.ts';
import type { SourceFile } from '../load/files.ts';
import { SITE_FILE } from '../load/site.ts';
import { CUSTOM_METRICS } from './catalogue.ts';

export interface Declaration {
  /** The settings file as it will be written, or null when it needs no change. */
  readonly site: SourceFile | null;
  /** The metrics newly declared, sorted. */
  readonly declared: readonly string[];
}

const BUILT_IN = new Set(BUILT_IN_METRICS.map((m) => m.id));

/**
 * Declares every custom metric in `metrics` that the settings do not declare yet. A
 * settings file that does not parse, or whose `metrics` is not a mapping, is left alone
 * (validation reports it).
 */
export function declareMetrics(site: SourceFile | null, metrics: Iterable<string>): Declaration {
  const wanted = [...new Set(metrics)].filter((m) => !BUILT_IN.has(m) && Object.hasOwn(CUSTOM_METRICS, m)).sort();
  const parsed = parseDocument(site?.text ?? '');
  if (parsed.errors.length > 0) return { site: null, declared: [] };
  const doc = parsed as Document;
  if (doc.contents === null) doc.contents = new YAMLMap();
  if (!isMap(doc.contents)) return { site: null, declared: [] };
  const existing = doc.get('metrics');
  if (existing !== undefined && existing !== null && !isMap(existing)) return { site: null, declared: [] };
  const declared = wanted.filter((m) => !(isMap(existing) && existing.has(m)));
  if (declared.length === 0) return { site: null, declared: [] };
  const text = site?.text ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The text edit is worked out on the document as read (the document is changed next).
  const edited = inserted(text, parsed, existing, declared, eol);
  if (!isMap(existing)) doc.set('metrics', new YAMLMap());
  const map = doc.get('metrics') as YAMLMap;
  for (const m of declared) {
    const node = doc.createNode({ ...CUSTOM_METRICS[m] });
    node.flow = true;
    map.set(m, node);
  }
  // The edit in place must mean what the document edit means; else the document is written whole.
  // (mapAsMap: no warning for complex keys; a document too costly to compare is written whole.)
  const sameMeaning = (t: string): boolean => {
    const back = parseDocument(t);
    if (back.errors.length > 0) return false;
    try {
      const options = { mapAsMap: true, maxAliasCount: 100 };
      return isDeepStrictEqual(back.toJS(options), doc.toJS(options));
    } catch {
      return false;
    }
  };
  return { site: { path: SITE_FILE, text: edited !== null && sameMeaning(edited) ? edited : whole(doc, text, eol) }, declared };
}

/** One `id: { label: …, … }` entry, as YAML (quoted where the label needs it). */
function entry(metric: string): string {
  const doc = new Document({ [metric]: { ...CUSTOM_METRICS[metric] } });
  const value = (doc.contents as YAMLMap).items[0]!.value as YAMLMap;
  value.flow = true;
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

/**
 * The settings text with the `declared` entries inserted: after the last entry of a block
 * `metrics:` mapping (at its indentation), before the closing brace of a flow one, or as a new
 * `metrics:` at the end of a block (or inside a flow) top-level mapping. Null for other shapes.
 */
function inserted(text: string, doc: Document, existing: unknown, declared: readonly string[], eol: string): string | null {
  const lines = declared.map(entry);
  const splice = (at: number, insert: string): string => text.slice(0, at) + insert + text.slice(at);
  if (isMap(existing) && existing.range) {
    const [, end] = existing.range;
    if (existing.flow) {
      const close = text.lastIndexOf('}', end);
      if (close < 0) return null;
      const empty = existing.items.length === 0;
      return splice(close, `${empty ? '' : ', '}${lines.join(', ')}`);
    }
    const first = existing.items[0]?.key as { range?: [number, number, number] } | undefined;
    if (!first?.range) return null;
    const start = first.range[0];
    const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1));
    const lead = end > 0 && text[end - 1] !== '\n' ? eol : '';
    return splice(end, `${lead}${lines.map((l) => `${indent}${l}${eol}`).join('')}`);
  }
  if (existing !== undefined) return null;
  const root = doc.contents;
  if (isMap(root) && root.flow && root.range) {
    const close = text.lastIndexOf('}', root.range[1]);
    if (close < 0) return null;
    return splice(close, `${root.items.length === 0 ? '' : ', '}metrics: { ${lines.join(', ')} }`);
  }
  const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
  return `${text}${lead}metrics:${eol}${lines.map((l) => `  ${l}${eol}`).join('')}`;
}

/** The whole document written out (the fallback), with the file's line ends and BOM kept. */
function whole(doc: Document, text: string, eol: string): string {
  const out = doc.toString().replace(/\n/g, eol);
  return text.startsWith('\uFEFF') && !out.startsWith('\uFEFF') ? `\uFEFF${out}` : out;
}
