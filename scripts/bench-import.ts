/**
 * `npm run bench:import`: generates a 100,000-row Meta per-post CSV (UTF-8 with a BOM,
 * quoted multi-line captions, one post in ten on a new day) and a 5-year daily LinkedIn
 * workbook (.xlsx, Metrics and All posts sheets with a note row), then imports each in
 * fresh processes (scripts/bench-import-run.ts) into a fresh content root and prints the
 * medians of wall time and peak memory (RSS) against the aims (2 s, 300 MB).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { LINKEDIN_CONTENT_HEADER } from './make-import-fixtures.ts';
import { mulberry32 } from './random.ts';

const POSTS = 100_000;
const YEARS = 5;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const AIM_MS = 2000;
const AIM_MB = 300;

const HEADER =
  '"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time","Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels","Funded content status","Data comment",Date,Views,Reach,"Reactions, Comments and Shares",Reactions,Comments,Shares,"Total clicks","Other Clicks","Matched Audience Targeting Consumption (Photo Click)","3-Second Video Views"';

function perPostCsv(path: string): { first: string; last: string } {
  const random = mulberry32(7);
  const lines: string[] = [HEADER];
  let day = Date.UTC(2000, 0, 1);
  for (let i = 0; i < POSTS; i++) {
    if (i % 10 === 0) day += 86_400_000;
    const d = new Date(day);
    const date = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
    const time = `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
    const views = Math.floor(random() * 20000);
    const reactions = Math.floor(views * random() * 0.05);
    const comments = Math.floor(reactions * random() * 0.3);
    const shares = Math.floor(reactions * random() * 0.2);
    const caption = i % 3 === 0 ? `"Post ${i}: a trail day,\nnew boots ""Fjell"" out now"` : `Post ${i}`;
    const video = i % 4 === 0 ? String(Math.floor(views * 0.3)) : 'N/A';
    lines.push(
      `1039829308656930_${String(122100000000000000n + BigInt(i))},1039829308656930,Nordlys Outdoor,,${caption},,${date} ${time},N/A,https://www.facebook.com/1039829308656930/posts/${i},No,No,Photos,,,,,Lifetime,"${views.toLocaleString('en-US')}",${Math.floor(views * 0.8)},${reactions + comments + shares},${reactions},${comments},${shares},${Math.floor(random() * 300)},${Math.floor(random() * 50)},0,${video}`,
    );
  }
  writeFileSync(path, `\uFEFF${lines.join('\n')}\n`);
  return { first: '2000-01-02', last: new Date(day).toISOString().slice(0, 10) };
}

function dailyWorkbook(path: string): number {
  const random = mulberry32(11);
  const wb = XLSX.utils.book_new();
  const header = [...LINKEDIN_CONTENT_HEADER];
  const rows: unknown[][] = [['Aggregated metrics for the selected period.'], header];
  const posts: unknown[][] = [
    ['All posts of the selected period.'],
    ['Post title', 'Post link', 'Post type', 'Created date', 'Impressions', 'Clicks', 'Likes', 'Comments', 'Reposts'],
  ];
  const start = Date.UTC(2021, 0, 1);
  const end = Date.UTC(2021 + YEARS, 0, 1);
  for (let t = start; t < end; t += 86_400_000) {
    const serial = t / 86_400_000 + 25569;
    const io = Math.floor(random() * 3000);
    const is = Math.floor(random() * 1000);
    const c = [Math.floor(io * 0.02), Math.floor(is * 0.01)];
    const r = [Math.floor(io * 0.03), Math.floor(is * 0.01)];
    const m = [Math.floor(io * 0.005), 0];
    const s = [Math.floor(io * 0.002), 0];
    rows.push([
      serial,
      io,
      is,
      io + is,
      Math.floor(io * 0.7),
      c[0],
      c[1],
      c[0]! + c[1]!,
      r[0],
      r[1],
      r[0]! + r[1]!,
      m[0],
      m[1],
      m[0]! + m[1]!,
      s[0],
      s[1],
      s[0]! + s[1]!,
      0.05,
      0.01,
      0.04,
    ]);
    const d = new Date(t);
    const created = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
    for (let p = 0; p < 1 + Math.floor(random() * 2); p++)
      posts.push([
        `Post ${posts.length}`,
        `https://www.linkedin.com/feed/update/${posts.length}`,
        'Organic',
        created,
        500,
        10,
        20,
        2,
        1,
      ]);
  }
  const ws = XLSX.utils.aoa_to_sheet(rows);
  XLSX.utils.book_append_sheet(wb, ws, 'Metrics');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(posts), 'All posts');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return rows.length - 2;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'goalpost-bench-import-'));
try {
  const csv = join(dir, 'Jan-01-2000_Dec-31-2027_1039829308656930.csv');
  const range = perPostCsv(csv);
  const xlsx = join(dir, 'nordlys_content_1742193384396.xlsx');
  const days = dailyWorkbook(xlsx);
  console.log(
    `generated ${POSTS.toLocaleString('en-US')} posts (${range.first}..${range.last}) and a ${YEARS}-year daily workbook (${days} days)`,
  );
  for (const [label, file] of [
    [`per-post CSV, ${POSTS.toLocaleString('en-US')} rows`, csv],
    [`daily workbook, ${YEARS} years`, xlsx],
  ] as const) {
    const runs: Array<{ ms: number; wallMs: number; peakRssMb: number; summary: string }> = [];
    for (let i = 0; i < RUNS; i++) {
      const root = join(dir, `root-${i}`);
      rmSync(root, { recursive: true, force: true });
      mkdirSync(join(root, 'content'), { recursive: true });
      writeFileSync(join(root, 'content/site.yaml'), 'title: Benchmark\ncurrency: EUR\n');
      const t0 = performance.now();
      const out = execFileSync(process.execPath, ['scripts/bench-import-run.ts', root, file], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const wallMs = performance.now() - t0;
      runs.push({ ...(JSON.parse(out) as { ms: number; peakRssMb: number; summary: string }), wallMs });
    }
    const ms = median(runs.map((r) => r.ms));
    const mb = median(runs.map((r) => r.peakRssMb));
    console.log(`${label}: median of ${RUNS} fresh processes`);
    console.log(
      `  import command     ${(ms / 1000).toFixed(2)} s   (aim < ${AIM_MS / 1000} s; ratio ${(ms / AIM_MS).toFixed(2)})`,
    );
    console.log(
      `  whole process      ${(median(runs.map((r) => r.wallMs)) / 1000).toFixed(2)} s   (with Node's start-up and loading the TypeScript modules)`,
    );
    console.log(`  peak memory (RSS)  ${Math.round(mb)} MB   (aim < ${AIM_MB} MB; ratio ${(mb / AIM_MB).toFixed(2)})`);
    console.log(`  ${runs[0]!.summary.replace(/\s+/g, ' ').trim()}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
