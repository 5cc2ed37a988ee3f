/**
 * Text and workbooks → tables of cells that remember where they came from
 * (import-formats.md §1 "Preamble lines", "Several tables in one file", "Quoting").
 *
 * CSV: the text is split into sections at blank lines and `#` comment lines *outside
 * quotes* before csv-parse sees it (csv-parse's own `comment` option would merge the
 * sections); `sep=X` on line 1 sets the delimiter, else it is detected. Comment lines are
 * kept as the next section's preamble (GA4 puts its date range there).
 * Workbooks: every sheet is a table; SheetJS (`@e965/xlsx`) reads BIFF8 `.xls`, `.xlsx`
 * and HTML-as-XLS. Numeric cells stay numbers (dates as Excel serials).
 * Header rows are not decided here: detect.ts scores the first rows of each table.
 */
import { parse } from 'csv-parse/sync';
import { createRequire } from 'node:module';
import type * as XLSXTypes from '@e965/xlsx';
import { addProblem, type Problem } from '../load/problems.ts';
import { MAX_WORKBOOK_BYTES, oversizedPart } from './zip.ts';

export type CellValue = string | number;

export interface TableRow {
  readonly cells: readonly CellValue[];
  /** 1-based line (CSV) or sheet row (workbook) where the row starts. */
  readonly line: number;
}

export interface Table {
  /** The file as given on the command line (or under a folder given there). */
  readonly file: string;
  /** The sheet name (workbooks), else null. */
  readonly sheet: string | null;
  /** Comment lines (without `#`) just above the section. */
  readonly preamble: readonly string[];
  /** The first rows (CSV: up to HEAD_ROWS records, enough to find the header), or every row (workbooks). */
  readonly rows: readonly TableRow[];
  readonly delimiter: string | null;
  /** For workbooks: Excel's 1904 date system. */
  readonly date1904: boolean;
  /** CSV: the section's text and its first line, to find a cell's column only when a problem needs it. */
  readonly source: { readonly bytes: Uint8Array; readonly line: number; text?: string; offsets?: number[] } | null;
}

export interface CellPosition {
  readonly line: number;
  readonly column: number;
  /** How to name the cell in a message: `Metrics!B3` in a workbook, else null. */
  readonly ref: string | null;
}

/** Where a cell is: line and column of its first character (CSV), or its sheet address. */
export function cellPosition(table: Table, row: TableRow, col: number): CellPosition {
  if (table.sheet !== null || table.source === null) {
    const ref = table.sheet !== null ? `${table.sheet}!${xlsx().utils.encode_cell({ r: row.line - 1, c: col })}` : null;
    return { line: row.line, column: col + 1, ref };
  }
  const source = table.source;
  source.text ??= Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength).toString('utf8');
  const raw = source.text;
  if (!source.offsets) {
    const offsets = [0];
    for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) offsets.push(i + 1);
    source.offsets = offsets;
  }
  const delimiter = table.delimiter ?? ',';
  let line = row.line;
  let column = 1;
  let i = source.offsets![row.line - source.line] ?? raw.length;
  for (let field = 0; field < col; field++) {
    // skip one field
    if (raw[i] === '"') {
      i++;
      column++;
      while (i < raw.length) {
        const ch = raw[i]!;
        if (ch === '"') {
          if (raw[i + 1] === '"') {
            i += 2;
            column += 2;
            continue;
          }
          i++;
          column++;
          break;
        }
        if (ch === '\n') {
          line++;
          column = 1;
        } else column++;
        i++;
      }
    }
    while (i < raw.length && raw[i] !== delimiter && raw[i] !== '\n') {
      i++;
      column++;
    }
    if (raw[i] !== delimiter) return { line, column, ref: null };
    i++;
    column++;
  }
  return { line, column, ref: null };
}

/** `file:line:col`-ready problem at a cell, with the sheet address in the message for workbooks. */
export function cellProblem(table: Table, row: TableRow, col: number, message: string): Problem {
  const at = cellPosition(table, row, col);
  return { file: table.file, line: at.line, column: at.column, message: at.ref ? `${at.ref}: ${message}` : message };
}

type XLSX = typeof XLSXTypes;
let sheetjs: XLSX | null = null;

/** SheetJS, loaded on first use: a CSV-only import does not pay for parsing it. */
function xlsx(): XLSX {
  sheetjs ??= createRequire(import.meta.url)('@e965/xlsx') as XLSX;
  return sheetjs;
}

/** Records parsed up front from each CSV section, to find the header; the rest waits for readRows. */
export const HEAD_ROWS = 12;

const STOP = Symbol('enough rows');

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Splits CSV into tables; problems (unparseable quoting) are appended. The input is UTF-8
 * bytes with `\n` line ends (see decode.ts `utf8Lines`), or text: csv-parse is twice as fast
 * on a Buffer as on a string, and the sections are views of it, not copies.
 */
export function csvTables(file: string, input: string | Uint8Array, problems: Problem[]): Table[] {
  const bytes =
    typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const text = (from: number, to: number): string => bytes.toString('utf8', from, to);
  let delimiter: string | null = null;
  let pos = 0;
  let lineNo = 1;
  const firstEnd = bytes.indexOf(10);
  const sep = /^"?sep=(.)"?,*$/i.exec(text(0, Math.min(firstEnd < 0 ? bytes.length : firstEnd, 20)));
  if (sep) {
    delimiter = sep[1]!;
    pos = firstEnd < 0 ? bytes.length : firstEnd + 1;
    lineNo = 2;
  }

  interface Section {
    line: number;
    from: number;
    to: number;
    preamble: string[];
  }
  const sections: Section[] = [];
  let current: Section | null = null;
  let pending: string[] = [];
  let inQuote = false;
  const sample: string[] = [];
  for (; pos < bytes.length; lineNo++) {
    let end = bytes.indexOf(10, pos);
    if (end < 0) end = bytes.length;
    let separator = false;
    if (!inQuote) {
      // blank, a `#` comment, or only delimiters: ends a section
      let k = pos;
      while (k < end && (bytes[k] === 32 || bytes[k] === 9)) k++;
      if (k === end || bytes[k] === 35) separator = true;
      else {
        let m = pos;
        while (m < end && (bytes[m] === 44 || bytes[m] === 59 || bytes[m] === 9)) m++;
        separator = m === end;
      }
      if (separator) {
        if (current) {
          sections.push(current);
          current = null;
        }
        if (k < end && bytes[k] === 35)
          pending.push(
            text(k, end)
              .replace(/^#+\s?/, '')
              .trimEnd(),
          );
      }
    }
    if (!separator) {
      if (!current) {
        current = { line: lineNo, from: pos, to: end, preamble: pending.filter((p) => p !== '') };
        pending = [];
      }
      current.to = end;
      if (sample.length < 12) sample.push(text(pos, end));
      for (let q = bytes.indexOf(34, pos); q >= 0 && q < end; q = bytes.indexOf(34, q + 1)) inQuote = !inQuote;
    }
    pos = end + 1;
  }
  if (current) sections.push(current);
  if (delimiter === null) delimiter = detectDelimiter(sample);

  const tables: Table[] = [];
  for (const section of sections) {
    const body = bytes.subarray(section.from, Math.min(section.to + 1, bytes.length));
    const table = {
      file,
      sheet: null,
      preamble: section.preamble,
      rows: [] as TableRow[],
      delimiter,
      date1904: false,
      source: { bytes: body, line: section.line },
    };
    const head = parseRows(table, null, HEAD_ROWS, problems);
    if (!head) continue;
    table.rows = head;
    tables.push(table);
  }
  return tables;
}

/**
 * Every row of a table, projected onto the columns in `keep`: `cells[k]` is the cell of
 * column `keep[k]`. CSV sections are parsed again in full for this, so that a 100,000-row
 * export never holds every caption in memory. Null (and a problem) when the CSV is broken.
 */
export function readRows(
  table: Table,
  keep: readonly number[],
  problems: Problem[],
  /** Columns whose plain digit cells may be kept as numbers (small integers cost no memory in V8). */
  numeric: ReadonlySet<number> = new Set(),
): readonly TableRow[] | null {
  if (table.source === null) return table.rows.map((row) => ({ line: row.line, cells: keep.map((j) => row.cells[j] ?? '') }));
  return parseRows(
    table,
    keep,
    Infinity,
    problems,
    keep.map((j) => numeric.has(j)),
  );
}

const SMALL_INT = /^\d{1,9}$/;

function parseRows(
  table: Table,
  keep: readonly number[] | null,
  limit: number,
  problems: Problem[],
  numeric: readonly boolean[] = [],
): TableRow[] | null {
  const source = table.source!;
  const rows: TableRow[] = [];
  let previousEnd = 0;
  try {
    parse(source.bytes as Buffer, {
      delimiter: table.delimiter ?? ',',
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: false,
      bom: false,
      on_record: (record: string[], info: { lines: number }) => {
        const line = source.line + previousEnd;
        previousEnd = info.lines;
        let cells: CellValue[] = record;
        if (keep) {
          cells = new Array<CellValue>(keep.length);
          for (let k = 0; k < keep.length; k++) {
            const cell = record[keep[k]!] ?? '';
            cells[k] = numeric[k] && SMALL_INT.test(cell) ? Number(cell) : cell;
          }
        }
        rows.push({ cells, line });
        if (rows.length >= limit) throw STOP;
        return null;
      },
    });
  } catch (error) {
    if (error === STOP) return rows;
    const e = error as { message: string; lines?: number; code?: string };
    const line = source.line + Math.max(0, (e.lines ?? 1) - 1);
    addProblem(problems, {
      file: table.file,
      line,
      column: 1,
      message: `the file is not valid CSV here: ${csvMessage(e.message)}`,
    });
    return null;
  }
  return rows;
}

function csvMessage(message: string): string {
  return message
    .replace(/ at line \d+/, '')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
}

/** The delimiter with the most occurrences outside quotes in the first lines (`,` on a tie). */
function detectDelimiter(lines: readonly string[]): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    let count = 0;
    for (const line of lines) {
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (!quoted && ch === d) count++;
      }
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Whether the bytes look like a workbook (BIFF8/OLE, XLSX zip) rather than text. */
export function isWorkbook(bytes: Uint8Array, name: string): boolean {
  const ole = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return ole || zip || /\.(xlsx?|xlsm|ods)$/i.test(name);
}

/** Every sheet of a workbook as a table; a file SheetJS cannot read is one problem. */
export function workbookTables(file: string, bytes: Uint8Array, problems: Problem[]): Table[] {
  const XLSX = xlsx();
  // A zip (XLSX, ODS) is measured before SheetJS unpacks it whole.
  const oversized = bytes[0] === 0x50 && bytes[1] === 0x4b ? oversizedPart(bytes) : null;
  if (oversized !== null) {
    addProblem(problems, {
      file,
      line: 1,
      column: 1,
      message:
        'part' in oversized
          ? `the workbook unpacks to more than the ${MAX_WORKBOOK_BYTES / (1024 * 1024)} MB an import reads ` +
            `(its part ${oversized.part.slice(0, 100)} is where it goes past): export a shorter date range, or as CSV`
          : 'cannot read the workbook: its zip directory points outside the file (the file is damaged): download it again',
    });
    return [];
  }
  let wb: XLSXTypes.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch (error) {
    addProblem(problems, {
      file,
      line: 1,
      column: 1,
      message: `cannot read the workbook: ${String((error as Error).message).slice(0, 200)}`,
    });
    return [];
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const tables: Table[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws || !ws['!ref']) continue;
    const range = XLSX.utils.decode_range(ws['!ref']);
    const rows: TableRow[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells: CellValue[] = [];
      let any = false;
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSXTypes.CellObject | undefined;
        let value: CellValue = '';
        if (cell && cell.v !== undefined && cell.v !== null) {
          if (typeof cell.v === 'number') value = cell.v;
          else if (typeof cell.v === 'boolean') value = cell.v ? 'TRUE' : 'FALSE';
          else if (cell.v instanceof Date) value = String(cell.w ?? '');
          else value = String(cell.v);
        }
        if (value !== '') any = true;
        cells.push(value);
      }
      if (!any) continue;
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      rows.push({ cells, line: r + 1 });
    }
    tables.push({ file, sheet: name, preamble: [], rows, delimiter: null, date1904, source: null });
  }
  return tables;
}
