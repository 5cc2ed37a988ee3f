/** A JSON Schema validator over the committed schemas/ (ajv, draft 2020-12, with formats). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its default export is the plugin, or holds it under `default`.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

export const SCHEMA_NAMES = ['goals', 'metrics', 'site', 'snapshot', 'report'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

// strictRequired off: the metric row's oneOf names period keys that its properties define.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats(ajv);
const validators = new Map<SchemaName, ValidateFunction>(
  SCHEMA_NAMES.map((name) => [
    name,
    ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, '../../schemas', `${name}.schema.json`), 'utf8'))),
  ]),
);

/** The problems of `value` against a published schema, as `path: message` lines (empty when valid). */
export function schemaProblems(name: SchemaName, value: unknown): string[] {
  const validate = validators.get(name)!;
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
