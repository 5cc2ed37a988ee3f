/**
 * zod schemas of the content files (SPEC "The repository a team works in", "Metric JSON",
 * "Goals YAML"). They check shapes and value formats; cross-file references (KPIs,
 * channels, objectives) are checked afterwards in references.ts. Metric rows are checked
 * by rows.ts, row by row, because they are counted in millions.
 */
import * as z from 'zod';
import { GOAL_CATEGORIES } from '../core/goals.ts';
import { parseIsoDate } from '../core/dates.ts';
import { parsePeriod } from '../core/periods.ts';

const SLUG = /^[a-z0-9][a-z0-9_-]*$/;
/** Names Windows keeps for devices: no file or folder may be called so (whatever follows a dot). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** The longest id (goal, key result, objective, channel): ids become file names and URL segments. */
export const MAX_ID_LENGTH = 64;

export const slug = z
  .string()
  .regex(SLUG, {
    error: 'must be a slug: lower-case letters, digits, - and _ (e.g. ig-followers-q2)',
  })
  .max(MAX_ID_LENGTH, {
    error: (issue) =>
      `is ${String(issue.input).length} characters long: ids are at most ${MAX_ID_LENGTH} (they name pages and files)`,
  })
  .refine((id) => !WINDOWS_RESERVED.test(id), {
    error:
      'must not be a name Windows keeps for a device (con, prn, aux, nul, com1 to com9, lpt1 to lpt9): ids name pages and files, which a Windows checkout could not hold; choose another id',
  });

/** C0 and C1 control characters other than tab and line breaks: HTML, XML and terminals cannot show them. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text shown to readers (titles, labels, descriptions): a control character pasted from a
 * spreadsheet (a vertical tab, an escape sequence) becomes a space, so that every page, card,
 * CSV and terminal line can hold it.
 */
const text = z.string().overwrite(withoutControls);

function withoutControls(value: string): string {
  return value.replace(CONTROL, ' ');
}

/** A strict YYYY-MM-DD date that exists. */
export const isoDate = z.string({ error: 'must be a date written YYYY-MM-DD' }).check((ctx) => {
  const parsed = parseIsoDate(ctx.value);
  if (!parsed.ok) ctx.issues.push({ code: 'custom', message: parsed.reason, input: ctx.value });
});

/** A quarter, month or year; YAML reads `2026` as a number, which is accepted as a year. */
export const periodText = z
  .union([z.string(), z.number().int()], {
    error: 'must be a period: a quarter (2026-Q2), a month (2026-04) or a year (2026)',
  })
  .transform((v) => String(v))
  .check((ctx) => {
    const parsed = parsePeriod(ctx.value);
    if (!parsed.ok) ctx.issues.push({ code: 'custom', message: parsed.reason, input: ctx.value });
  });

const finite = z
  .number({ error: 'must be a number' })
  .refine(Number.isFinite, { error: 'must be a finite number' })
  // (−0 is 0: a baseline of -0 would print "-0.0%".)
  .overwrite((n) => (n === 0 ? 0 : n));

const CHANGE = /^[+-]?\d+(\.\d+)?%$/;

/** `target: 14400`, `{ change: "+20%" }` or `{ change: +500 }`. */
export const targetSchema = z.union(
  [
    finite,
    z.strictObject({
      change: z.union(
        [
          finite,
          z
            .string()
            .regex(CHANGE, { error: 'change must be a percentage such as "+20%" or "-5.5%" (digits, then %)', abort: true })
            .refine((c) => Number.isFinite(Number.parseFloat(c)), { error: 'change must be a finite percentage' }),
        ],
        {
          error: 'change must be a percentage ("+20%") or a number (+500)',
        },
      ),
    }),
  ],
  { error: 'target must be a number, { change: "+20%" } or { change: +500 }' },
);

const channelSelection = z.union([slug, z.array(slug).min(1)], {
  error: 'channel must be a channel id, a list of channel ids, or all',
});

const milestone = z.strictObject({ date: isoDate, target: finite });

export const keyResultSchema = z.strictObject({
  id: slug,
  title: text.optional(),
  kpi: z.string().optional(),
  channel: channelSelection.optional(),
  baseline: finite.optional(),
  target: targetSchema.optional(),
  milestones: z.array(milestone).optional(),
  weight: z.number().positive({ error: 'weight must be a positive number' }).optional(),
  manual: z
    .strictObject({
      current: finite.refine((v) => v >= 0, { error: 'must not be negative' }),
      target: finite.refine((v) => v > 0, { error: 'must be greater than 0' }),
    })
    .optional(),
});

export const goalSchema = z.strictObject({
  id: slug,
  type: z.enum(['smart', 'okr'], { error: 'type must be smart or okr' }).optional(),
  title: text.min(1, { error: 'title must not be empty' }),
  description: text.optional(),
  category: z.enum(GOAL_CATEGORIES, { error: `category must be one of ${GOAL_CATEGORIES.join(', ')}` }).optional(),
  objective: z.string().optional(),
  owner: text.optional(),
  period: periodText.optional(),
  start: isoDate.optional(),
  deadline: isoDate.optional(),
  channel: channelSelection.optional(),
  kpi: z.string().optional(),
  baseline: finite.optional(),
  target: targetSchema.optional(),
  milestones: z.array(milestone).optional(),
  stretch: z.boolean().optional(),
  key_results: z.array(keyResultSchema).optional(),
});

export const UNITS = ['count', 'money', 'percent', 'ratio', 'per_post', 'score', 'minutes'] as const;

export const customKpiSchema = z.strictObject({
  id: slug,
  label: text.min(1, { error: 'must not be empty' }),
  formula: z.string(),
  unit: z.enum(UNITS, { error: `unit must be one of ${UNITS.join(', ')}` }),
  good: z.enum(['up', 'down'], { error: 'good must be up or down' }),
  description: text.optional(),
});

export const objectiveSchema = z.strictObject({
  id: slug,
  title: text.min(1, { error: 'must not be empty' }),
  description: text.optional(),
});

/** The envelope of a goals file; each item is then validated on its own, so one bad goal hides nothing. */
export const goalsFileSchema = z.strictObject(
  {
    objectives: z.array(z.unknown(), { error: 'objectives must be a list' }).optional(),
    kpis: z.array(z.unknown(), { error: 'kpis must be a list' }).optional(),
    goals: z.array(z.unknown(), { error: 'goals must be a list' }).optional(),
  },
  { error: 'a goals file holds a mapping with objectives:, kpis: and goals:' },
);

/** A goals file's known sections, other top-level keys left aside (they are reported by `goalsFileSchema`). */
export const goalsFileSections = z.object(goalsFileSchema.shape);

const CURRENCY = /^[A-Z]{3}$/;
/** An ISO 4217 currency code this runtime's Intl formats (`EUR`). */
export const currencyCode = z.string().refine((c) => CURRENCY.test(c) && Intl.supportedValuesOf('currency').includes(c), {
  error: 'must be an ISO 4217 currency code such as EUR',
});

/** Whether a text is one BCP 47 locale that this Node.js formats numbers in (what a site's `locale` must be). */
export function supportedLocale(l: string): boolean {
  try {
    return Intl.getCanonicalLocales(l).length === 1 && Intl.NumberFormat.supportedLocalesOf([l]).length === 1;
  } catch {
    return false;
  }
}

const locale = z.string().refine(supportedLocale, {
  error: 'must be a BCP 47 locale this Node.js supports, such as en-US, fr-FR or it-IT',
});

/** An absolute http(s) URL without credentials, query or fragment. */
function isSiteUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const u = new URL(value);
  return (
    (u.protocol === 'https:' || u.protocol === 'http:') &&
    u.hostname !== '' &&
    u.username === '' &&
    u.password === '' &&
    u.search === '' &&
    u.hash === '' &&
    /^https?:\/\//i.test(value)
  );
}

export const siteSchema = z.strictObject(
  {
    title: text.min(1, { error: 'must not be empty' }).optional(),
    locale: locale.optional(),
    currency: currencyCode.optional(),
    customer_ltv: finite.refine((v) => v >= 0, { error: 'must not be negative' }).optional(),
    channels: z
      .record(
        slug,
        z.strictObject({
          label: text.min(1, { error: 'must not be empty' }),
          color: z
            .string()
            .regex(/^#[0-9a-fA-F]{6}$/, { error: 'color must be a hex colour such as #e1306c' })
            .optional(),
          /** The team's own account on the channel: `import` keeps its posts when an export holds several accounts. */
          account: text.min(1, { error: 'must not be empty' }).optional(),
        }),
      )
      .optional(),
    base: z
      .string()
      .max(200, { error: 'base must be at most 200 characters' })
      .regex(/^\/((?!\.{1,2}\/)[A-Za-z0-9._~-]+\/)*$/, {
        error: 'base must be a clean URL path starting and ending with / (e.g. /reports/): no scheme, no //, no . or .. segment',
      })
      .optional(),
    url: z
      .string()
      .max(2000, { error: 'url must be at most 2000 characters' })
      .refine(isSiteUrl, {
        error:
          'url must be the absolute http(s) address of the published site, such as https://reports.example.com/q/ (no query or fragment)',
      })
      .optional(),
    robots: z.enum(['index', 'noindex'], { error: 'robots must be index or noindex' }).optional(),
    strings: z
      .record(z.string(), z.string({ error: 'a string override is a text' }).overwrite(withoutControls), {
        error: 'strings holds a mapping { key: text } of page text overrides',
      })
      .optional(),
    metrics: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'metric names are lower_snake_case' }),
        z.strictObject(
          {
            label: text.min(1, { error: 'label must not be empty' }),
            aggregation: z.enum(['flow', 'stock', 'unique'], { error: 'aggregation must be flow, stock or unique' }),
            unit: z.enum(UNITS, { error: `unit must be one of ${UNITS.join(', ')}` }),
            good: z.enum(['up', 'down'], { error: 'good must be up or down' }).optional(),
            signed: z.boolean({ error: 'signed must be true or false' }).optional(),
          },
          { error: 'a declared metric is a mapping: { label, aggregation: flow | stock | unique, unit }' },
        ),
      )
      .optional(),
  },
  { error: 'content/site.yaml holds a mapping of site settings' },
);

export const dataFileSchema = z.strictObject(
  {
    /** Optional when every row names its own channel. */
    channel: slug.optional(),
    source: z.string().optional(),
    currency: currencyCode.optional(),
    /** The first day the export covers (its download range), on or before its first row. */
    from: isoDate.optional(),
    /** The last day the export covers (its download range), on or after its last row. */
    through: isoDate.optional(),
    rows: z.array(z.unknown(), { error: 'rows must be a list of metric rows' }),
    /** The JSON Schema an editor checks the file with (schemas/metrics.schema.json); not read. */
    $schema: z.string().optional(),
  },
  { error: 'a metric file holds an object with channel, source, currency and rows' },
);

export type GoalInput = z.infer<typeof goalSchema>;
export type KeyResultInput = z.infer<typeof keyResultSchema>;
export type SiteInput = z.infer<typeof siteSchema>;
export type DataFileInput = z.infer<typeof dataFileSchema>;

/** Keys a strict object schema allows at a path, for "did you mean" on unknown keys. */
export function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  const unwrap = (x: unknown): unknown => {
    let cur = x as { def?: { type: string; innerType?: unknown; in?: unknown } } | undefined;
    while (cur?.def && ['optional', 'nullable', 'default', 'pipe'].includes(cur.def.type)) {
      cur = (cur.def.type === 'pipe' ? cur.def.in : cur.def.innerType) as typeof cur;
    }
    return cur;
  };
  for (const key of path) {
    const cur = unwrap(s) as {
      def: { type: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown; options?: unknown[] };
    };
    if (!cur?.def) return [];
    if (cur.def.type === 'object') s = cur.def.shape?.[String(key)];
    else if (cur.def.type === 'array') s = cur.def.element;
    else if (cur.def.type === 'record') s = cur.def.valueType;
    else if (cur.def.type === 'union')
      s = cur.def.options?.find((o) => (unwrap(o) as { def: { type: string } }).def.type === 'object');
    else return [];
  }
  const last = unwrap(s) as { def?: { type: string; shape?: Record<string, unknown>; options?: unknown[] } };
  if (last?.def?.type === 'union') {
    const obj = last.def.options?.map(unwrap).find((o) => (o as { def: { type: string } }).def.type === 'object') as
      typeof last | undefined;
    return Object.keys(obj?.def?.shape ?? {});
  }
  return Object.keys(last?.def?.shape ?? {});
}
export type ObjectiveInput = z.infer<typeof objectiveSchema>;
export type CustomKpiInput = z.infer<typeof customKpiSchema>;
