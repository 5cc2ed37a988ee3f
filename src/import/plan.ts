/**
 * The whole import, planned in memory (pure): every input file → tables → detected export
 * kinds → metric JSON texts with deterministic paths, plus the earlier imports they
 * replace; then the resulting content root is validated with the loader (duplicates
 * against existing data included). Nothing is written unless both steps have no problem.
 */
import { basename, dirname } from 'node:path';
import type { Day } from '../core/dates.ts';
import { formatDay } from '../core/dates.ts';
import type { SourceFile } from '../load/files.ts';
import { schemaPath } from '../init/templates.ts';
import { addProblem, type Problem, sortProblems } from '../load/problems.ts';
import { loadFromSources } from '../load/project.ts';
import { EXPORT_KINDS, type ExportKind } from './catalogue.ts';
import { convert, type Converted } from './convert.ts';
import { type DateOrder, datesInName } from './dates.ts';
import { utf8Lines } from './decode.ts';
import { detect } from './detect.ts';
import { csvTables, isWorkbook, type Table, workbookTables } from './table.ts';

export interface InputFile {
  /** The path as given on the command line (or under a folder given there). */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The day the file was last modified (for TikTok dates without a year, and `source`; never `from` nor `through`), or null. */
  readonly modified: Day | null;
}

export interface ImportOptions {
  readonly channel: string | null;
  /** Restricts detection to one platform (meta, linkedin, x, tiktok, youtube, ga4) or default channel. */
  readonly platform: string | null;
  readonly dateOrder: DateOrder | null;
  /** `--account`: the account whose posts per-post exports give (else the site settings' `account` of the channel). */
  readonly account: string | null;
  /** The `account` of each channel in the site settings. */
  readonly accounts: Readonly<Record<string, string>>;
  /** The site's currency (money cells may carry its sign or code), or null when the settings cannot be read. */
  readonly currency: string | null;
  /** `--from`: the first day the exports cover, where their name does not say it. */
  readonly from: Day | null;
  /** `--through`: the last day the exports cover, where their name does not say it. */
  readonly through: Day | null;
  /** The folder of the published JSON Schemas, relative to the content root (written files name theirs). */
  readonly schemas: string;
}

export interface PlannedOutput {
  /** Path under the content root, e.g. `data/facebook/facebook-posts-2025-08-01-2025-08-31.json`. */
  readonly path: string;
  readonly text: string;
  readonly input: string;
  readonly sheet: string | null;
  readonly converted: Converted;
  /** Earlier imports of the same export and channel whose range lies inside this one. */
  readonly replaces: readonly string[];
  /** The day the input was last modified (downloaded), or null. */
  readonly modified: Day | null;
}

export interface Plan {
  readonly outputs: readonly PlannedOutput[];
  /** Tables that are no known export, in files where another table is (e.g. LinkedIn demographics sheets). */
  readonly skipped: readonly string[];
  readonly problems: readonly Problem[];
}

/** The platform ids --platform accepts. */
export function platformNames(): string[] {
  return [...new Set(EXPORT_KINDS.flatMap((k) => [k.platform, ...(k.channel ? [k.channel] : [])]))].sort();
}

function kindsFor(platform: string | null): ExportKind[] {
  if (platform === null) return [...EXPORT_KINDS];
  const p = platform.toLowerCase();
  return EXPORT_KINDS.filter((k) => k.platform === p || k.channel === p || k.id === p);
}

/** Reads, detects and converts every input; problems are positioned in the inputs. */
export function planOutputs(inputs: readonly InputFile[], options: ImportOptions, existingData: readonly string[]): Plan {
  const problems: Problem[] = [];
  const skipped: string[] = [];
  const outputs: PlannedOutput[] = [];
  const kinds = kindsFor(options.platform);
  for (const input of inputs) {
    const name = basename(input.path);
    const tables: Table[] = isWorkbook(input.bytes, name)
      ? workbookTables(input.path, input.bytes, problems)
      : csvTables(input.path, utf8Lines(input.bytes), problems);
    let found = 0;
    const misses: Array<{ table: Table; result: Extract<ReturnType<typeof detect>, { ok: false }> }> = [];
    for (const table of tables) {
      const result = detect(table, kinds);
      if (!result.ok) {
        misses.push({ table, result });
        continue;
      }
      found++;
      const converted = convert(
        table,
        result.detection,
        {
          channel: options.channel,
          account: options.account,
          accounts: options.accounts,
          currency: options.currency,
          range: { from: options.from, through: options.through },
          dates: { fileName: name, order: options.dateOrder, fallbackAnchor: input.modified, date1904: table.date1904 },
        },
        problems,
      );
      if (!converted) continue;
      const outside =
        options.through !== null && options.through < converted.last
          ? `--through ${formatDay(options.through)} is before the last day of the ${converted.kind.id} data (${formatDay(converted.last)}): give the day the export covers to, or leave --through out`
          : options.from !== null && options.from > converted.first
            ? `--from ${formatDay(options.from)} is after the first day of the ${converted.kind.id} data (${formatDay(converted.first)}): give the day the export covers from, or leave --from out`
            : null;
      if (outside !== null) {
        addProblem(problems, { file: input.path, line: 1, column: 1, message: outside });
        continue;
      }
      const path = outputPath(converted);
      const range = { from: options.from, through: options.through };
      outputs.push({
        path,
        text: metricJson(converted, name, input.modified, schemaPath(path, 'metrics', options.schemas), range),
        input: input.path,
        sheet: table.sheet,
        converted,
        modified: input.modified,
        replaces: replacedBy(converted, path, existingData, {
          from: exportFrom(converted, name, options.from),
          through: exportThrough(converted, name, options.through),
        }),
      });
    }
    if (found === 0 && !problems.some((p) => p.file === input.path)) {
      const best = misses.sort((a, b) => (b.result.candidates[0]?.matched ?? 0) - (a.result.candidates[0]?.matched ?? 0))[0];
      addProblem(problems, unknownExport(input.path, best?.table ?? null, best?.result ?? null, kinds, options.platform));
    } else if (found > 0) {
      for (const miss of misses)
        skipped.push(
          `${input.path}${miss.table.sheet ? ` (sheet ${miss.table.sheet})` : ` (table at line ${miss.table.rows[0]?.line ?? 1})`}: not a known export`,
        );
    }
  }
  const byPath = new Map<string, PlannedOutput>();
  for (const o of yieldToFullerExports(outputs, skipped, options.schemas, { from: options.from, through: options.through })) {
    const other = byPath.get(o.path);
    if (other) {
      addProblem(problems, {
        file: o.input,
        line: 1,
        column: 1,
        message: `gives the same ${o.converted.kind.id} data for ${o.converted.channel} (${formatDay(o.converted.first)} to ${formatDay(o.converted.last)}) as ${other.input}: import one of them`,
      });
    } else byPath.set(o.path, o);
  }
  return { outputs: [...byPath.values()], skipped, problems: sortProblems(problems) };
}

/**
 * Exports that yield to a fuller export of the same download (catalogue `yieldsTo`, e.g.
 * YouTube's Totals.csv beside Table data.csv, as import-formats.md recommends) keep only
 * the metrics the fuller one lacks; dropped entirely when it gives them all.
 */
function yieldToFullerExports(
  outputs: readonly PlannedOutput[],
  skipped: string[],
  schemas: string,
  range: ExplicitRange,
): PlannedOutput[] {
  return outputs.flatMap((o) => {
    const { kind } = o.converted;
    const fuller =
      kind.yieldsTo === undefined
        ? undefined
        : outputs.find(
            (t) =>
              t.converted.kind.id === kind.yieldsTo &&
              t.converted.channel === o.converted.channel &&
              dirname(t.input) === dirname(o.input),
          );
    if (!fuller) return [o];
    const taken = new Set(fuller.converted.metrics);
    const metrics = o.converted.metrics.filter((m) => !taken.has(m));
    const given = o.converted.metrics.filter((m) => taken.has(m));
    if (metrics.length === 0) {
      skipped.push(`${o.input}: ${given.join(', ')} taken from ${basename(fuller.input)} of the same download`);
      return [];
    }
    const rows = o.converted.rows
      .map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).filter(([m]) => !taken.has(m))) }))
      .filter((r) => Object.keys(r.values).length > 0);
    const converted = {
      ...o.converted,
      rows,
      metrics,
      notes: [...o.converted.notes, `${given.join(', ')} taken from ${basename(fuller.input)} of the same download`],
    };
    return [
      {
        ...o,
        converted,
        text: metricJson(converted, basename(o.input), o.modified, schemaPath(o.path, 'metrics', schemas), range),
      },
    ];
  });
}

function unknownExport(
  file: string,
  table: Table | null,
  result: Extract<ReturnType<typeof detect>, { ok: false }> | null,
  kinds: readonly ExportKind[],
  platform: string | null,
): Problem {
  const header =
    result && result.header.length > 0
      ? `its header${table?.sheet ? ` (sheet ${table.sheet})` : ''} is ${result.header
          .filter((h) => h.trim() !== '')
          .slice(0, 12)
          .map((h) => JSON.stringify(h))
          .join(', ')}${result.header.length > 12 ? ', …' : ''}`
      : 'it has no header row';
  const closest =
    result && result.candidates.length > 0
      ? `; closest: ${result.candidates.map((c) => `${c.kind.id} (missing ${c.missing.map((m) => JSON.stringify(m)).join(', ') || 'nothing required: other columns differ'})`).join(', ')}`
      : '';
  const known =
    kinds.length > 0
      ? kinds.map((k) => k.id).join(', ')
      : `none for --platform ${platform} (platforms: ${platformNames().join(', ')})`;
  return {
    file,
    line: result?.line ?? 1,
    column: 1,
    message: `not a known export: ${header}${closest}. Known exports: ${known}`,
  };
}

/** `data/<channel>/<kind>-<first>-<last>.json`: the same export always lands on the same file. */
export function outputPath(c: Converted): string {
  return `data/${c.channel}/${c.kind.id}-${formatDay(c.first)}-${formatDay(c.last)}.json`;
}

/**
 * Earlier imports (by their file names, which give their first and last row) of the same export and
 * channel whose rows lie inside the days this one covers: from its `from` to its `through` where the
 * file name or options give them, else from its first row to its last. A later download of the same
 * range whose first or last post was deleted since still replaces the earlier one (red-team 31 #4):
 * per-post figures are lifetime totals, and the later ones are the ones to keep.
 */
export function replacedBy(
  c: Converted,
  path: string,
  existing: readonly string[],
  covered: ExplicitRange = { from: null, through: null },
): string[] {
  const prefix = `data/${c.channel}/${c.kind.id}-`;
  const first = formatDay(covered.from ?? c.first);
  const last = formatDay(covered.through ?? c.last);
  return existing.filter((p) => {
    if (p === path) return true;
    if (!p.startsWith(prefix)) return false;
    const m = /^(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})\.json$/.exec(p.slice(prefix.length));
    return m !== null && m[1]! >= first && m[2]! <= last;
  });
}

/** `--from` and `--through`: the first and last day the exports cover, where given. */
export interface ExplicitRange {
  readonly from: Day | null;
  readonly through: Day | null;
}

/**
 * The metric JSON text: one row per line, so that diffs of re-imports stay readable. Per-post
 * exports are lifetime totals as of their download, so `source` gives that date (the file's
 * modification day), as import-formats.md asks. `schema` (first key) lets editors check it;
 * `range` is `--from` and `--through` (see exportFrom, exportThrough).
 */
export function metricJson(
  c: Converted,
  fileName: string,
  exported: Day | null = null,
  schema: string | null = null,
  range: ExplicitRange = { from: null, through: null },
): string {
  const asOf = c.kind.grain === 'post' && exported !== null ? `, lifetime totals as of ${formatDay(exported)}` : '';
  const head: Record<string, string> = schema === null ? {} : { $schema: schema };
  head['channel'] = c.channel;
  head['source'] = `${fileName} (${c.kind.id}${asOf})`;
  if (c.currency) head['currency'] = c.currency;
  const first = exportFrom(c, fileName, range.from);
  if (first !== null) head['from'] = formatDay(first);
  const last = exportThrough(c, fileName, range.through);
  if (last !== null) head['through'] = formatDay(last);
  const rows = c.rows.map((r) => `    ${JSON.stringify({ [r.key]: r.period, ...r.values })}`);
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const body = rows.length === 0 ? '[]' : `[\n${rows.join(',\n')}\n  ]`;
  return `{\n${lines.join('\n')}\n  "rows": ${body}\n}\n`;
}

/**
 * The last day an export covers (`through`), so that a figure can tell an export that stops
 * early from a metric that simply has no rows on its last days (a campaign that ended): the day
 * given explicitly (`--through`), else the end of the date range in the file name when it has one
 * (`Aug-01-2025_Aug-31-2025_…`); null when the file does not say (its rows then cover up to the
 * last one) or when the rows go beyond it. Never the file's modification day: a copied or
 * re-saved export would claim months it says nothing about.
 */
export function exportThrough(c: Converted, fileName: string, explicit: Day | null = null): Day | null {
  const named = datesInName(fileName);
  const end = explicit ?? (named.length >= 2 ? Math.max(...named) : null);
  return end !== null && end >= c.last ? end : null;
}

/**
 * The first day an export covers (`from`), so that the days before its first row (a per-post
 * export's first post on 5 July in a download from 1 June) count as days without activity, not
 * days no export covers: the day given explicitly (`--from`), else the start of the date range in
 * the file name (`Jun-01-2026_Aug-31-2026_…`) when the range holds every row; null when the file
 * does not say (its coverage then starts at its first row) or when the rows go beyond the range.
 * Never the file's modification day.
 */
export function exportFrom(c: Converted, fileName: string, explicit: Day | null = null): Day | null {
  if (explicit !== null) return explicit <= c.first ? explicit : null;
  const named = datesInName(fileName);
  if (named.length < 2) return null;
  const start = Math.min(...named);
  return start <= c.first && Math.max(...named) >= c.last ? start : null;
}

/**
 * Validates the content root as it would be after the import: existing site, goals and data,
 * minus the files the import replaces, plus its outputs. Problems in an output name the
 * export it comes from.
 */
export function checkContent(
  site: SourceFile | null,
  goals: readonly SourceFile[],
  data: readonly SourceFile[],
  outputs: readonly PlannedOutput[],
): Problem[] {
  const replaced = new Set(outputs.flatMap((o) => o.replaces));
  const written = new Set(outputs.map((o) => o.path));
  const files = [
    ...data.filter((f) => !replaced.has(f.path) && !written.has(f.path)),
    ...outputs.map((o) => ({ path: o.path, text: o.text })),
  ];
  const result = loadFromSources(site, goals, files);
  if (result.ok) return [];
  const origin = new Map(outputs.map((o) => [o.path, o.input]));
  return result.problems.map((p) => {
    let message = p.message;
    for (const [path, input] of origin) message = message.split(`${path}:`).join(`${path} (imported from ${input}):`);
    const from = origin.get(p.file);
    return from ? { ...p, message: `${message} (in the file imported from ${from})` } : { ...p, message };
  });
}
