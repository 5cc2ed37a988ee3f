/**
 * Writes the binary fixtures of the import tests (test/fixtures/import/): the Meta daily
 * files in UTF-16LE with a BOM and the `sep=,` preamble, and the LinkedIn workbooks
 * (.xlsx with a note row above the header, BIFF8 .xls with a demographic sheet).
 * `npm run fixtures:import` (or `node scripts/make-import-fixtures.ts [dir]`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';

/** UTF-16LE with a BOM, CRLF line ends: how Meta Business Suite writes its daily files. */
/** The header row of LinkedIn's content export, metrics sheet (organic, sponsored and total columns). */
export const LINKEDIN_CONTENT_HEADER = [
  'Date',
  'Impressions (organic)',
  'Impressions (sponsored)',
  'Impressions (total)',
  'Unique impressions (organic)',
  'Clicks (organic)',
  'Clicks (sponsored)',
  'Clicks (total)',
  'Reactions (organic)',
  'Reactions (sponsored)',
  'Reactions (total)',
  'Comments (organic)',
  'Comments (sponsored)',
  'Comments (total)',
  'Reposts (organic)',
  'Reposts (sponsored)',
  'Reposts (total)',
  'Engagement rate (organic)',
  'Engagement rate (sponsored)',
  'Engagement rate (total)',
];

export function utf16le(text: string): Uint8Array {
  const body = Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le');
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
}

function metaDaily(metric: string, rows: ReadonlyArray<[string, string]>): Uint8Array {
  return utf16le(`sep=,\n"${metric}"\n"Date","Primary"\n${rows.map(([d, v]) => `"${d}","${v}"`).join('\n')}\n`);
}

const NOTE = 'Aggregated metrics for the selected period. Data for the last 24 hours may be incomplete.';

/** An Excel date serial (1900 system) of a YYYY-MM-DD day. */
function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}

function sheet(rows: unknown[][], dateColumn: number | null, firstDataRow: number): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  if (dateColumn !== null) {
    for (let r = firstDataRow; r < rows.length; r++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c: dateColumn })] as XLSX.CellObject | undefined;
      if (cell && cell.t === 'n') cell.z = 'yyyy-mm-dd';
    }
  }
  return ws;
}

function linkedinContent(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  const header = [...LINKEDIN_CONTENT_HEADER];
  const metrics = [
    [NOTE],
    header,
    [serial('2026-03-01'), 1000, 200, 1200, 700, 30, 10, 40, 50, 5, 55, 5, 1, 6, 3, 0, 3, 0.088, 0.08, 0.0867],
    [serial('2026-03-02'), 800, 0, 800, 500, 20, 0, 20, 40, 0, 40, 2, 0, 2, 1, 0, 1, 0.0788, 0, 0.0788],
    [serial('2026-03-03'), 1500, 300, 1800, 1100, 45, 15, 60, 70, 10, 80, 9, 1, 10, 5, 1, 6, 0.086, 0.09, 0.0867],
  ];
  XLSX.utils.book_append_sheet(wb, sheet(metrics, 0, 2), 'Metrics');
  const posts = [
    [NOTE],
    [
      'Post title',
      'Post link',
      'Post type',
      'Campaign name',
      'Posted by',
      'Created date',
      'Campaign start date',
      'Campaign end date',
      'Audience',
      'Impressions',
      'Views',
      'Offsite Views',
      'Clicks',
      'Click through rate (CTR)',
      'Likes',
      'Comments',
      'Reposts',
      'Follows',
      'Engagement rate',
      'Content Type',
    ],
    [
      'Spring collection is here',
      'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001',
      'Organic',
      '',
      'Ada Berg',
      '03/01/2026',
      '',
      '',
      'All followers',
      900,
      '',
      '',
      30,
      0.033,
      40,
      4,
      2,
      1,
      0.084,
      'Image',
    ],
    [
      'We are hiring',
      'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000002',
      'Sponsored',
      'Hiring Q1',
      'Ada Berg',
      '03/01/2026',
      '03/01/2026',
      '03/31/2026',
      'Targeted',
      300,
      '',
      '',
      10,
      0.033,
      15,
      2,
      1,
      0,
      0.093,
      'Text',
    ],
    [
      'Trail report',
      'https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000003',
      'Organic',
      '',
      'Ola Nord',
      '03/03/2026',
      '',
      '',
      'All followers',
      1800,
      'N/A',
      '',
      60,
      0.033,
      80,
      10,
      6,
      2,
      0.087,
      'Video',
    ],
  ];
  XLSX.utils.book_append_sheet(wb, sheet(posts, null, 2), 'All posts');
  return wb;
}

function linkedinFollowers(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    sheet(
      [
        ['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers'],
        ['03/01/2026', 2, 10, 0, 12],
        ['03/02/2026', 0, 7, 0, 7],
        ['03/03/2026', 1, 4, 0, 5],
      ],
      null,
      1,
    ),
    'New followers',
  );
  XLSX.utils.book_append_sheet(
    wb,
    sheet(
      [
        ['Location', 'Total followers'],
        ['Oslo', 800],
        ['Bergen', 300],
      ],
      null,
      1,
    ),
    'Location',
  );
  return wb;
}

/** Every generated fixture: path under test/fixtures/import → bytes. */
export function importFixtures(): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  out.set(
    'meta/Facebook_follows.csv',
    metaDaily('Facebook follows', [
      ['2025-08-01T00:00:00', '20'],
      ['2025-08-02T00:00:00', '0'],
      ['2025-08-03T00:00:00', '7'],
    ]),
  );
  out.set(
    'meta/Content_interactions.csv',
    metaDaily('Content interactions', [
      ['2025-08-03T00:00:00', '85'],
      ['2025-08-15T00:00:00', '11'],
    ]),
  );
  out.set(
    'linkedin/nordlys_content_1742193384396.xlsx',
    new Uint8Array(XLSX.write(linkedinContent(), { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer),
  );
  out.set(
    'linkedin/nordlys_followers_1742193384396.xls',
    new Uint8Array(XLSX.write(linkedinFollowers(), { type: 'buffer', bookType: 'biff8' }) as Buffer),
  );
  return out;
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'test/fixtures/import';
  for (const [path, bytes] of importFixtures()) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), bytes);
    console.log(`wrote ${join(dir, path)} (${bytes.length} bytes)`);
  }
}
