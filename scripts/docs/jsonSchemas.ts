/**
 * The JSON Schemas published in schemas/ (SPEC "Distribution"), generated from the zod
 * schemas the loader validates with, input side (what a file holds before transforms).
 * Checks that zod runs as code (dates that exist, currencies, locales, references between
 * files) have no JSON Schema form: `goalpost validate` remains the full check, the schemas
 * give editors completion, hover text and the shape checks (unknown keys included).
 */
import * as z from 'zod';
import {
  customKpiSchema,
  dataFileSchema,
  goalSchema,
  isoDate,
  keyResultSchema,
  objectiveSchema,
  periodText,
  siteSchema,
} from '../../src/load/schemas.ts';
import { snapshotSchema } from '../../src/load/snapshotSchema.ts';
import { BUILT_IN_METRICS } from '../../src/core/metrics.ts';
import { reportJsonSchema } from './reportSchema.ts';

/** Where the schemas are published: their `$id`s resolve there once the package is on npm. */
export const SCHEMA_BASE = 'https://unpkg.com/goalpost/schemas/';

/** A generated file: its path in the package and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

type Json = Record<string, unknown>;

const d = (description: string) => ({ description });

/** A goals file as the loader reads it (the loader checks each item on its own; the schema checks them all). */
const goalsFile = z.strictObject({
  objectives: z.array(objectiveSchema).optional().meta(d('Objectives: what the goals serve (the R of SMART, the O of OKR).')),
  kpis: z
    .array(customKpiSchema)
    .optional()
    .meta(d('Custom KPIs: a formula over metric names, numbers, + − * / and parentheses.')),
  goals: z.array(goalSchema).optional().meta(d('SMART goals and OKRs.')),
});

const metricValue = z.number().min(0).max(Number.MAX_SAFE_INTEGER);
/** A metric row: one period key, an optional channel, metric values (built-in ones listed for completion). */
const metricRow = z
  .object({
    date: isoDate.optional().meta(d('The day the row covers (YYYY-MM-DD).')),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional()
      .meta(d('The month the row covers (2026-04).')),
    quarter: z
      .string()
      .regex(/^\d{4}-Q[1-4]$/)
      .optional()
      .meta(d('The quarter the row covers (2026-Q2).')),
    channel: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/)
      .optional()
      .meta(d("The channel of this row, overriding the file's.")),
    ...Object.fromEntries(
      BUILT_IN_METRICS.map((m) => [m.id, metricValue.optional().meta(d(`Built-in ${m.aggregation} metric.`))]),
    ),
  })
  .catchall(
    z
      .number()
      .max(Number.MAX_SAFE_INTEGER)
      .meta(
        d(
          "A custom metric: declared under metrics: in content/site.yaml, or read by a custom KPI's formula (then a flow). Only declared signed metrics may be negative.",
        ),
      ),
  );

const METRIC_FILE_FIELDS: Record<string, string> = {
  $schema: 'The JSON Schema your editor checks the file with (not read by goalpost).',
  channel: 'The channel of every row that names none (a slug, e.g. instagram).',
  source: 'Where the figures come from, e.g. the export and the day it was taken.',
  currency: 'ISO 4217 code of the money values (default: the site currency).',
  from: 'The first day the export covers (YYYY-MM-DD), on or before its first row: the days before a first post are days without one.',
  through: 'The last day the export covers (YYYY-MM-DD), on or after its last row.',
};

const metricsFile = dataFileSchema.extend({
  rows: z.array(metricRow).meta(d('Metric rows: each covers a day, a month or a quarter.')),
});

/** Descriptions and formats added to the nodes of the loader's schemas, for hover text in editors. */
const DESCRIBED = new Map<unknown, Json>([
  [isoDate, { format: 'date' }],
  [metricRow, { oneOf: [{ required: ['date'] }, { required: ['month'] }, { required: ['quarter'] }] }],
  [periodText, d('A quarter (2026-Q2), a month (2026-04) or a year (2026).')],
]);

const GOAL_FIELDS: Record<string, string> = {
  id: 'Unique, stable slug: lower-case letters, digits, - and _.',
  type: 'smart (default) or okr.',
  title: 'What the goal is, in a sentence.',
  category: 'What the goal is for.',
  objective: 'The id of the objective it serves.',
  owner: 'Who answers for it.',
  period: 'A quarter (2026-Q2), a month (2026-04) or a year (2026); or give start and deadline.',
  start: 'First day (YYYY-MM-DD), with deadline instead of period.',
  deadline: 'Last day (YYYY-MM-DD).',
  channel: 'A channel id, a list of channel ids, or all.',
  kpi: 'A KPI id: built-in, declared metric or custom KPI.',
  baseline: "Where the KPI starts; omitted: the previous period's value (0 for totals).",
  target: 'A number, { change: "+20%" } or { change: +500 }.',
  milestones: 'Intermediate targets: [{ date, target }].',
  stretch: 'An OKR meant as a stretch: a score of 0.6 to 0.7 counts as success.',
  key_results: "An OKR's key results: a KPI with a target, or manual: { current, target }.",
  weight: "The key result's weight in the OKR score (default 1).",
  manual: 'A key result measured by hand: progress = current / target.',
  label: 'The name shown on pages.',
  formula: 'Metric names, numbers, + − * / and parentheses, e.g. discount_code_uses / clicks.',
  unit: 'count, money, percent, ratio, per_post, score or minutes.',
  good: 'Which way is good: up or down.',
  description: 'A longer explanation.',
};

const SITE_FIELDS: Record<string, string> = {
  title: "The site's title.",
  locale: "BCP 47 locale of the pages' language, numbers and dates (default en-US; fr-FR and it-IT built in).",
  currency: 'ISO 4217 code of money figures (default EUR).',
  customer_ltv: 'Customer lifetime value, for ltv_cac.',
  channels: 'Channel labels and colours: { <id>: { label, color } }.',
  base: 'URL path the site is served under, starting and ending with / (default /).',
  metrics: 'Custom metrics: { <name>: { label, aggregation: flow | stock | unique, unit, good, signed } }.',
  url: 'The absolute http(s) address of the published site: canonical links, sharing cards, sitemap.',
  robots: 'index (default) or noindex: whether search engines may index the site.',
  strings: 'Page text overrides: { <dotted key>: text }, e.g. status.on_track: Progressing.',
};

const SNAPSHOT_FIELDS: Record<string, string> = {
  format: 'The snapshot format version.',
  quarter: 'The quarter frozen.',
  version: 'The version number (1, 2...): reports/<quarter>/v<version>.json.',
  frozen_at: 'When it was frozen.',
  commit: 'The git commit of the content when frozen (null outside git).',
  uncommitted_changes: 'Whether the content had uncommitted changes when frozen.',
  goalpost:
    'The goalpost that froze it: its version and a digest of its core code. Figures computed again at the commit by the same core must agree (a difference is a hand edit, an error); a newer core may compute them otherwise (a note).',
  inputs: 'The fingerprint of every input file.',
  goals: 'The goal definitions as frozen.',
  kpis: 'The KPI definitions as frozen.',
  figures: 'The figures by scope (all, each channel): report, trends, mentions.',
  digest: "sha256 of the snapshot's content: a hand-edited snapshot is an error.",
};

/** The loader's object schemas whose fields get the descriptions above. */
const FIELDS = new Map<unknown, Record<string, string>>([
  [goalSchema, GOAL_FIELDS],
  [keyResultSchema, GOAL_FIELDS],
  [customKpiSchema, GOAL_FIELDS],
  [objectiveSchema, GOAL_FIELDS],
  [siteSchema, SITE_FIELDS],
  [snapshotSchema, SNAPSHOT_FIELDS],
  [metricsFile, METRIC_FILE_FIELDS],
]);

function toJson(schema: z.ZodType, name: string, title: string, description: string): GeneratedFile {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const extra = DESCRIBED.get(ctx.zodSchema);
      if (extra) Object.assign(ctx.jsonSchema, extra);
      const fields = FIELDS.get(ctx.zodSchema);
      const properties = ctx.jsonSchema.properties as Record<string, Json> | undefined;
      // zod checks currencies against Intl as code; the JSON form keeps the shape.
      const currency = properties?.['currency'];
      if (currency && currency['type'] === 'string' && !currency['pattern']) currency['pattern'] = '^[A-Z]{3}$';
      if (fields && properties) {
        for (const [key, text] of Object.entries(fields)) {
          const p = properties[key];
          if (p && p['description'] === undefined) p['description'] = text;
        }
      }
    },
  }) as Json;
  const { $schema, ...rest } = json;
  const out = { $schema, $id: `${SCHEMA_BASE}${name}`, title, description, ...rest };
  return { path: `schemas/${name}`, text: `${JSON.stringify(out, null, 2)}\n` };
}

/** Every published JSON Schema, in a stable order with stable text. */
export function jsonSchemas(): GeneratedFile[] {
  return [
    toJson(
      goalsFile,
      'goals.schema.json',
      'Goalpost goals file',
      'A goals/**/*.yaml file: objectives, custom KPIs and goals (see docs/goals.md).',
    ),
    toJson(
      metricsFile,
      'metrics.schema.json',
      'Goalpost metric file',
      'A data/**/*.json file: metric rows of a channel (see docs/metrics.md).',
    ),
    toJson(siteSchema, 'site.schema.json', 'Goalpost site settings', 'content/site.yaml (see docs/site.md).'),
    toJson(
      snapshotSchema,
      'snapshot.schema.json',
      'Goalpost frozen report',
      'reports/<yyyy-qn>/v<k>.json, written by goalpost freeze: never edit one by hand (see docs/ARCHITECTURE.md).',
    ),
    toJson(
      reportJsonSchema,
      'report.schema.json',
      'goalpost report --json',
      'What goalpost report --json prints (see docs/ARCHITECTURE.md).',
    ),
  ];
}
