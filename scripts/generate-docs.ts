/**
 * Writes the generated parts of the documentation: the JSON Schemas in schemas/ (from the
 * loader's zod schemas) and docs/kpis.md (from the KPI catalogue). Deterministic;
 * test/docs checks that the committed files are this script's output.
 *
 *   npm run docs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedDocs } from './docs/generated.ts';

const ROOT = join(import.meta.dirname, '..');

for (const file of generatedDocs()) {
  const full = join(ROOT, file.path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, file.text);
  console.log(`wrote ${file.path}`);
}
