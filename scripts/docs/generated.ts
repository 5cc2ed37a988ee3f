/** Every generated documentation file: the JSON Schemas and the KPI catalogue. */
import { type GeneratedFile, jsonSchemas } from './jsonSchemas.ts';
import { kpiCatalogueMarkdown } from './kpiDoc.ts';

/** The files `npm run docs` writes, with their text. */
export function generatedDocs(): GeneratedFile[] {
  return [...jsonSchemas(), { path: 'docs/kpis.md', text: kpiCatalogueMarkdown() }];
}
