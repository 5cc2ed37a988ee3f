import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { EXPORT_KINDS, normaliseHeader } from '../../src/import/catalogue.ts';
import { preambleRange, rangePeriod } from '../../src/import/convert.ts';
import { type DateContext, parseDateColumn } from '../../src/import/dates.ts';
import { decode } from '../../src/import/decode.ts';
import { cellPosition, csvTables } from '../../src/import/table.ts';
import { isMissing, parseNumber } from '../../src/import/values.ts';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe('decode', () => {
  it('sniffs the BOM: UTF-16LE, UTF-16BE, UTF-8 (BOM stripped)', () => {
    expect(decode(bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00))).toEqual({ text: 'Aé', encoding: 'utf-16le', bom: true });
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9))).toEqual({ text: 'Aé', encoding: 'utf-16be', bom: true });
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9))).toEqual({ text: 'Aé', encoding: 'utf-8', bom: true });
  });

  it('falls back to windows-1252 when the bytes are not UTF-8, and normalises line ends', () => {
    expect(decode(bytes(0x52, 0xe9, 0x61, 0x63, 0x74, 0x69, 0x6f, 0x6e, 0x73, 0x0d, 0x0a, 0x80))).toEqual({
      text: 'Réactions\n€',
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it('recognises UTF-16LE without a BOM', () => {
    expect(decode(new Uint8Array(Buffer.from('Date,Primary\n', 'utf16le'))).text).toBe('Date,Primary\n');
  });
});

describe('numbers and missing values', () => {
  it.each([
    ['12,400', 'point', 12400],
    ['1 234', 'point', 1234],
    ['1234.5', 'point', 1234.5],
    ['0.6667', 'point', 0.6667],
    ['1.234,5', 'comma', 1234.5],
    ['1 234', 'comma', 1234],
    ['1\u00a0234', 'comma', 1234],
    ['12,5 %', 'comma', 0.125],
    ['1.500', 'comma', 1500],
    ['1.5', 'comma', 1.5],
    ['0', 'point', 0],
  ] as const)('%s (%s) is %d', (text, style, value) => {
    expect(parseNumber(text, style)).toEqual({ ok: true, value });
  });

  it.each(['', 'N/A', '—', 'undefined', 'NaN', '-', ' n/a '])('%j is missing, never 0', (text) => {
    expect(isMissing(text)).toBe(true);
    expect(parseNumber(text, 'point')).toEqual({ ok: true, value: null });
  });

  it('rejects negatives, words and decimal commas in English files', () => {
    expect(parseNumber('-3', 'point')).toEqual({ ok: false, message: '-3 is negative: metric values are counts or amounts ≥ 0' });
    expect(parseNumber(-3, 'point').ok).toBe(false);
    expect(parseNumber('lots', 'point')).toEqual({ ok: false, message: "'lots' is not a number" });
    expect(parseNumber('12,5', 'point')).toMatchObject({ ok: false, message: expect.stringContaining('decimal comma') });
  });
});

describe('dates', () => {
  const context: DateContext = { fileName: 'x.csv', order: null, fallbackAnchor: null, date1904: false };
  const days = (values: string[], formats: Parameters<typeof parseDateColumn>[1], ctx = context): Array<string | null> =>
    parseDateColumn(values, formats, ctx, isMissing).days.map((d) => (d === null ? null : formatDay(d)));

  it('parses each explicit format', () => {
    expect(days(['2025-08-01T00:00:00', '2026-06-20 09:00 +0000', '2024/10/01'], ['iso'])).toEqual([
      '2025-08-01',
      '2026-06-20',
      '2024-10-01',
    ]);
    expect(days(['20260501'], ['yyyymmdd'])).toEqual(['2026-05-01']);
    expect(days(['Sat, Sep 13, 2026', 'Sep 1 2026', 'Oct 20, 2025', '20 sept. 2026'], ['month-name'])).toEqual([
      '2026-09-13',
      '2026-09-01',
      '2025-10-20',
      '2026-09-20',
    ]);
  });

  it('never guesses: a value in another format is an error', () => {
    const r = parseDateColumn(['2026-13-01', 'yesterday'], ['iso'], context, isMissing);
    expect(r.errors.get(0)).toContain('is not a date that exists');
    expect(r.errors.get(1)).toContain('is not a date in a format this export uses');
  });

  it('TikTok dates without a year: walks back from the download time, across New Year', () => {
    const ctx = { ...context, fileName: 'FollowerHistory_1767398400.csv' }; // 2026-01-03
    expect(days(['30 December', '31 December', '1 January', '2 January'], ['no-year'], ctx)).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(days(['9月16日', '9月17日'], ['no-year'], { ...ctx, fileName: 'Overview_2025-09-01.csv' })).toEqual([
      '2025-09-16',
      '2025-09-17',
    ]);
    expect(parseDateColumn(['28 August'], ['no-year'], context, isMissing).errors.get(0)).toContain('no year');
  });

  it('29 February is checked against the inferred year', () => {
    const r = parseDateColumn(['29 February'], ['no-year'], { ...context, fileName: 'Overview_2025-01-01.csv' }, isMissing);
    expect(r.errors.get(0)).toBe('29/2 does not exist in 2025, the year inferred for it');
  });

  it('DD/MM vs MM/DD: a day above 12 decides; mixed orders are reported', () => {
    expect(days(['03/06/2026', '25/06/2026'], ['slash'])).toEqual(['2026-06-03', '2026-06-25']);
    expect(days(['06/03/2026', '06/25/2026'], ['slash'])).toEqual(['2026-06-03', '2026-06-25']);
    const mixed = parseDateColumn(['25/06/2026', '06/25/2026'], ['slash'], context, isMissing);
    expect(mixed.errors.get(0)).toContain('mix day-first');
  });

  it('Excel serial dates (1900 and 1904 systems)', () => {
    const r = parseDateColumn([46082], ['serial'], context, isMissing);
    expect(formatDay(r.days[0]!)).toBe('2026-03-01');
    const r1904 = parseDateColumn([44620], ['serial'], { ...context, date1904: true }, isMissing);
    expect(formatDay(r1904.days[0]!)).toBe('2026-03-01');
  });
});

describe('tables', () => {
  it('splits sections at blank and # lines outside quotes, keeping comments as the preamble', () => {
    const problems: never[] = [];
    const tables = csvTables(
      'f.csv',
      '# Start date: 20260501\n# End date: 20260531\na,b\n"x\n\ny",1\n\n# next\nc\n2\n',
      problems,
    );
    expect(tables.map((t) => ({ preamble: t.preamble, rows: t.rows.map((r) => [r.line, ...r.cells]) }))).toEqual([
      {
        preamble: ['Start date: 20260501', 'End date: 20260531'],
        rows: [
          [3, 'a', 'b'],
          [4, 'x\n\ny', '1'],
        ],
      },
      {
        preamble: ['next'],
        rows: [
          [9, 'c'],
          [10, '2'],
        ],
      },
    ]);
    expect(preambleRange(tables[0]!.preamble)!.map(formatDay)).toEqual(['2026-05-01', '2026-05-31']);
  });

  it('honours sep= and detects ; and tab', () => {
    expect(csvTables('f.csv', 'sep=;\na;b\n1,5;2\n', [])[0]!.rows[1]!.cells).toEqual(['1,5', '2']);
    expect(csvTables('f.csv', 'a\tb\n1\t2\n', [])[0]!.rows[1]!.cells).toEqual(['1', '2']);
  });

  it('positions a cell after a multi-line quoted cell on its own line and column', () => {
    const [table] = csvTables('f.csv', 'id,text,n\n1,"a\nbc ""q"",",42\n', []);
    expect(cellPosition(table!, table!.rows[1]!, 2)).toEqual({ line: 3, column: 12, ref: null }); // b c _ " " q " " , " , then 4
  });

  it('reports broken quoting as a positioned problem', () => {
    const problems: Array<{ line: number; message: string }> = [];
    csvTables('f.csv', 'a,b\n1,2\n"x"y,3\n', problems as never);
    expect(problems).toMatchObject([{ line: 3, message: expect.stringContaining('not valid CSV') }]);
  });
});

describe('catalogue', () => {
  it('ids are unique and every kind has a date or range and at least one required column', () => {
    expect(new Set(EXPORT_KINDS.map((k) => k.id)).size).toBe(EXPORT_KINDS.length);
    for (const k of EXPORT_KINDS) {
      expect(
        k.columns.some((c) => c.required),
        k.id,
      ).toBe(true);
      expect(k.columns.some((c) => c.role === 'date' || c.role === 'start') || k.rangeFromPreamble, k.id).toBe(true);
    }
  });

  it('never maps a column to engagements (derived by the SPEC rule) or per-post reach to reach', () => {
    for (const k of EXPORT_KINDS) {
      expect(
        k.columns.filter((c) => c.metric === 'engagements'),
        k.id,
      ).toEqual([]);
      if (k.grain === 'post')
        expect(
          k.columns.filter((c) => c.metric === 'reach'),
          k.id,
        ).toEqual([]);
    }
  });

  it('normalises headers: case, spaces, curly quotes, trailing colons', () => {
    expect(normaliseHeader('  Reactions,  Comments and\u00a0Shares ')).toBe('reactions, comments and shares');
    expect(normaliseHeader('cliques em hashtags:')).toBe('cliques em hashtags');
    expect(normaliseHeader('Nome utente dell\u2019account')).toBe("nome utente dell'account");
  });

  it('reporting ranges: a day, a calendar month, a quarter, or why not', () => {
    const d = (s: string): number => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8))) / 86_400_000;
    expect(rangePeriod(d('2026-04-01'), d('2026-04-30'))).toMatchObject({ key: 'month', period: '2026-04' });
    expect(rangePeriod(d('2026-04-01'), d('2026-06-30'))).toMatchObject({ key: 'quarter', period: '2026-Q2' });
    expect(rangePeriod(d('2026-04-02'), d('2026-04-02'))).toMatchObject({ key: 'date', period: '2026-04-02' });
    expect(rangePeriod(d('2026-04-03'), d('2026-04-20'))).toBe(
      'the range 2026-04-03 to 2026-04-20 is not a day, a calendar month or a quarter',
    );
  });
});

describe('docs/import.md', () => {
  it('lists every export kind in the import table', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync('docs/import.md', 'utf8');
    for (const k of EXPORT_KINDS) expect(readme, k.id).toContain(`| \`${k.id}\``);
  });
});
