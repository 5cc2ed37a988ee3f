/**
 * Which export is this table? Every row among the first ten is tried as the header (notes,
 * titles and preambles sit above it) and scored against every export kind's alias tables:
 * a kind matches when all its required columns are found; the best match has the most
 * recognised columns, then the largest share of recognised header cells. When nothing
 * matches, the closest kinds and what they miss make the message. Pure.
 */
import { type Alias, type ColumnDef, type ExportKind, type Lang, normaliseHeader } from './catalogue.ts';
import type { Table } from './table.ts';
import type { NumberStyle } from './values.ts';

export interface Detection {
  readonly kind: ExportKind;
  /** Index of the header row in `table.rows`. */
  readonly headerRow: number;
  /** Column key → cell index. */
  readonly columns: ReadonlyMap<string, number>;
  /** The header cells as found. */
  readonly headers: readonly string[];
  /** The UI language of the headers (English unless a non-English alias matched). */
  readonly lang: Lang;
  readonly style: NumberStyle;
  /** The text of the row above the header (Meta daily files name their metric there). */
  readonly title: string | null;
  /** Currency named in a header (`Amount spent (EUR)`). */
  readonly currency: string | null;
}

export interface Candidate {
  readonly kind: ExportKind;
  readonly matched: number;
  readonly missing: readonly string[];
}

export type DetectResult =
  | { readonly ok: true; readonly detection: Detection }
  | { readonly ok: false; readonly header: readonly string[]; readonly line: number; readonly candidates: readonly Candidate[] };

const HEADER_ROWS = 10;
/** A match needs this share of the header cells recognised, or at least MIN_COLUMNS of them. */
const MIN_SHARE = 1 / 3;
const MIN_COLUMNS = 8;

function matches(alias: Alias, cell: string): boolean {
  return alias.prefix ? cell.startsWith(alias.normalised) : cell === alias.normalised;
}

interface Match {
  columns: Map<string, number>;
  aliases: Map<string, Alias>;
  missing: string[];
}

function matchKind(kind: ExportKind, cells: readonly string[]): Match {
  const columns = new Map<string, number>();
  const aliases = new Map<string, Alias>();
  cells.forEach((cell, j) => {
    if (cell === '') return;
    for (const column of kind.columns) {
      if (columns.has(column.key)) continue;
      const alias = column.aliases.find((a) => matches(a, cell));
      if (alias) {
        columns.set(column.key, j);
        aliases.set(column.key, alias);
        return;
      }
    }
  });
  const missing = kind.columns.filter((c) => c.required && !columns.has(c.key)).map(displayName);
  return { columns, aliases, missing };
}

function displayName(column: ColumnDef): string {
  return (column.aliases.find((a) => a.lang === 'en' && a.version === null) ?? column.aliases[0]!).text.replace(/\($/, '(…)');
}

function satisfies(kind: ExportKind, m: Match, width: number): boolean {
  if (m.missing.length > 0) return false;
  if (kind.minColumns !== undefined && width < kind.minColumns) return false;
  if (kind.maxColumns !== undefined && width > kind.maxColumns) return false;
  if (kind.minMetrics !== undefined) {
    const metrics = kind.columns.filter((c) => c.metric !== null && m.columns.has(c.key)).length;
    if (metrics < kind.minMetrics) return false;
  }
  return true;
}

/** Detects the export kind and header row of a table among `kinds`. */
export function detect(table: Table, kinds: readonly ExportKind[]): DetectResult {
  let best: { kind: ExportKind; row: number; match: Match; score: number } | null = null;
  const closest = new Map<string, Candidate>();
  const limit = Math.min(HEADER_ROWS, table.rows.length);
  for (let r = 0; r < limit; r++) {
    const raw = table.rows[r]!.cells.map((c) => (typeof c === 'string' ? c : String(c)));
    const cells = raw.map(normaliseHeader);
    let width = cells.length;
    while (width > 0 && cells[width - 1] === '') width--;
    const nonEmpty = cells.filter((c) => c !== '').length;
    if (nonEmpty === 0) continue;
    for (const kind of kinds) {
      const m = matchKind(kind, cells);
      const previous = closest.get(kind.id);
      if (!previous || m.columns.size > previous.matched)
        closest.set(kind.id, { kind, matched: m.columns.size, missing: m.missing });
      if (!satisfies(kind, m, width)) continue;
      // A few generic headers (Date, Shares) do not make an export: most of the header must be recognised.
      if (m.columns.size / nonEmpty < MIN_SHARE && m.columns.size < MIN_COLUMNS) continue;
      const score = m.columns.size + m.columns.size / nonEmpty;
      if (!best || score > best.score) best = { kind, row: r, match: m, score };
    }
  }
  if (!best) {
    const headerRow = pickHeaderRow(table);
    const candidates = [...closest.values()]
      .filter((c) => c.matched > 0)
      .sort((a, b) => b.matched - a.matched || a.missing.length - b.missing.length)
      .slice(0, 3);
    return {
      ok: false,
      header: headerRow === null ? [] : table.rows[headerRow]!.cells.map(String),
      line: headerRow === null ? 1 : table.rows[headerRow]!.line,
      candidates,
    };
  }
  const { kind, row, match } = best;
  const headers = table.rows[row]!.cells.map(String);
  const langs = new Map<Lang, number>();
  for (const [key, a] of match.aliases) {
    if (a.lang === 'en') continue;
    const column = kind.columns.find((c) => c.key === key)!;
    if (column.aliases.some((o) => o.lang === 'en' && o.normalised === a.normalised)) continue;
    langs.set(a.lang, (langs.get(a.lang) ?? 0) + 1);
  }
  const lang = [...langs].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'en';
  let currency: string | null = null;
  for (const [key, a] of match.aliases) {
    if (!a.prefix) continue;
    const m = /\(([A-Za-z]{3})\)\s*$/.exec(headers[match.columns.get(key)!]!);
    if (m) currency = m[1]!.toUpperCase();
  }
  const titleRow = row > 0 ? table.rows[row - 1]!.cells.map(String).filter((c) => c.trim() !== '') : [];
  const title =
    titleRow.length === 1
      ? titleRow[0]!.trim()
      : table.preamble.length > 0
        ? table.preamble[table.preamble.length - 1]!.trim()
        : null;
  return {
    ok: true,
    detection: {
      kind,
      headerRow: row,
      columns: match.columns,
      headers,
      lang,
      style: lang === 'en' || lang === 'ja' ? 'point' : 'comma',
      title,
      currency,
    },
  };
}

/** The first row with the most non-empty cells among the first rows: the likeliest header. */
function pickHeaderRow(table: Table): number | null {
  let best: number | null = null;
  let bestCount = 0;
  const limit = Math.min(HEADER_ROWS, table.rows.length);
  for (let r = 0; r < limit; r++) {
    const count = table.rows[r]!.cells.filter((c) => String(c).trim() !== '').length;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}
