/**
 * Custom metrics written by an import are declared in content/site.yaml (`metrics:`), so
 * that the data validates and each shows on the pages with its label. The settings file is
 * edited through the YAML document, so that its comments and layout survive; it is part of
 * the import's all-or-nothing plan.
 */
import { type Document, isMap, parseDocument, YAMLMap } from 'yaml';
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
  if (!isMap(existing)) doc.set('metrics', new YAMLMap());
  const map = doc.get('metrics') as YAMLMap;
  for (const m of declared) {
    const node = doc.createNode({ ...CUSTOM_METRICS[m] });
    node.flow = true;
    map.set(m, node);
  }
  return { site: { path: SITE_FILE, text: doc.toString() }, declared };
}
