/**
 * Hostile import inputs (red team 8): many bad rows, special files, oversized files and
 * workbooks, link loops, numbers past 2^53 − 1. Each is positioned problems, never a crash
 * or a hang, and nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../src/import/write.ts';
import { MAX_WORKBOOK_BYTES } from '../../src/import/zip.ts';
import { PROBLEMS_LISTED, PROBLEMS_PER_FILE } from '../../src/load/problems.ts';
import { FIXTURES, freshRoot, importOk, run } from './helpers.ts';

const HEADER =
  'Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'goalpost-import-hard-'));
}

function nothingWritten(root: string): void {
  expect(existsSync(join(root, 'data'))).toBe(false);
}

describe('an export with very many bad rows', () => {
  it('lists at most 200 problems of the file, then counts the rest (no stack overflow)', async () => {
    const rows = 150_000;
    const file = join(tempDir(), 'account_overview_analytics_many.csv');
    writeFileSync(file, `${HEADER}\n${'"x",1,1,1,1,1,1,1,1,1,1,1,1,1\n'.repeat(rows)}`);
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).not.toMatch(/RangeError|call stack|\n\s+at /);
    const lines = r.err.trimEnd().split('\n');
    const listed = lines.filter((l) => l.startsWith(`${file}:`));
    expect(listed).toHaveLength(Math.min(PROBLEMS_PER_FILE, PROBLEMS_LISTED));
    expect(listed[0]).toMatch(/:2:1: Date: /);
    expect(lines.at(-2)).toBe(`… and ${rows - listed.length} more problems`);
    expect(lines.at(-1)).toBe(`${rows} problems found: nothing written.`);
    nothingWritten(root);
  }, 30_000);
});

describe('inputs that are no regular file', () => {
  it('a named pipe is refused at once (no wait for a writer)', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    const root = freshRoot();
    const r = await run(['import', fifo], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${fifo}:1:1: is a named pipe (FIFO), not a regular file: it is not read`);
    nothingWritten(root);
  });

  it('a named pipe inside a folder given is refused too', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'fifo.csv')]);
    const root = freshRoot();
    const r = await run(['import', dir], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${dir}/fifo.csv:1:1: is a named pipe (FIFO), not a regular file: it is not read`);
  });

  it('a named pipe in the content root (content/site.yaml) is a problem, not waited on nor replaced', async () => {
    const root = freshRoot();
    rmSync(join(root, 'content/site.yaml'));
    execFileSync('mkfifo', [join(root, 'content/site.yaml')]);
    const r = await run(['import', `${FIXTURES}/x/account_overview_analytics.csv`], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain('content/site.yaml:1:1: is a named pipe (FIFO), not a regular file: it is not read');
    expect(lstatSync(join(root, 'content/site.yaml')).isFIFO()).toBe(true);
    nothingWritten(root);
  });

  it('a device such as /dev/zero is refused', async () => {
    const root = freshRoot();
    const r = await run(['import', '/dev/zero'], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain('/dev/zero:1:1: is a device, not a regular file: it is not read');
  });

  it('a symbolic link loop is called a loop, and a dangling link a link to nothing', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'loop-b.csv'), join(dir, 'loop-a.csv'));
    symlinkSync(join(dir, 'loop-a.csv'), join(dir, 'loop-b.csv'));
    symlinkSync(join(dir, 'nowhere.csv'), join(dir, 'dangling.csv'));
    const root = freshRoot();
    const r = await run(['import', join(dir, 'loop-a.csv'), join(dir, 'dangling.csv'), join(dir, 'absent.csv')], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${dir}/loop-a.csv:1:1: is a symbolic link that leads to itself (a loop): replace it with the file`);
    expect(r.err).toContain(`${dir}/dangling.csv:1:1: is a symbolic link to a file that does not exist`);
    expect(r.err).toContain(`${dir}/absent.csv:1:1: no such file or folder`);
  });
});

describe('size limits', () => {
  it(`a file larger than ${MAX_INPUT_BYTES / 2 ** 20} MB is refused with its size, unread`, async () => {
    const file = join(tempDir(), 'account_overview_analytics_big.csv');
    writeFileSync(file, `${HEADER}\n`);
    truncateSync(file, MAX_INPUT_BYTES + 1); // sparse: nothing to write or read
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${file}:1:1: the file is 64.1 MB, larger than the 64 MB an import reads: export a shorter date range, or split the file`,
    );
    nothingWritten(root);
  });

  it('a workbook whose sheet inflates past the limit is refused, naming the entry (never "no header row")', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Date', 'Impressions']]), 'S');
    const small = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    const file = join(tempDir(), 'bomb.xlsx');
    writeFileSync(file, bombed(small, 'xl/worksheets/sheet1.xml', MAX_WORKBOOK_BYTES + 1024));
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${file}:1:1: the workbook unpacks to more than the ${MAX_WORKBOOK_BYTES / 2 ** 20} MB an import reads (its part xl/worksheets/sheet1.xml is where it goes past): export a shorter date range, or as CSV`,
    );
    expect(r.err).not.toContain('no header row');
    nothingWritten(root);
  }, 30_000);

  it('a workbook that understates its unpacked size is refused all the same', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Date', 'Impressions']]), 'S');
    const small = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    const file = join(tempDir(), 'liar.xlsx');
    writeFileSync(file, bombed(small, 'xl/worksheets/sheet1.xml', MAX_WORKBOOK_BYTES + 1024, 100));
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${file}:1:1: the workbook unpacks to more than the ${MAX_WORKBOOK_BYTES / 2 ** 20} MB an import reads (its part xl/worksheets/sheet1.xml`,
    );
    nothingWritten(root);
  }, 30_000);
});

describe('workbooks whose zip directory misleads', () => {
  const small = (): Buffer => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Date', 'Impressions']]), 'S');
    return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  };

  it('a part the directory calls stored and tiny, but deflated in its local header, is measured as SheetJS unpacks it', async () => {
    const file = join(tempDir(), 'liar.xlsx');
    writeFileSync(file, bombed(small(), 'xl/worksheets/sheet1.xml', MAX_WORKBOOK_BYTES + 1024, 100, true));
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${file}:1:1: the workbook unpacks to more than the 64 MB an import reads (its part xl/worksheets/sheet1.xml`,
    );
    nothingWritten(root);
  }, 30_000);

  it('a directory that points outside the file is refused as damaged, unread', async () => {
    const zip = Buffer.from(small());
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    zip.writeUInt32LE(zip.length + 1000, eocd + 16);
    const file = join(tempDir(), 'damaged.xlsx');
    writeFileSync(file, zip);
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${file}:1:1: cannot read the workbook: its zip directory points outside the file`);
    nothingWritten(root);
  });

  it('a well-formed workbook under the limit is imported as before', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([HEADER.split(','), ['2026-09-13', 10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]),
      'S',
    );
    const file = join(tempDir(), 'account_overview_analytics.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    const root = freshRoot();
    await importOk(root, file);
    expect(readdirSync(join(root, 'data/x'))).toHaveLength(1);
  });
});

describe('numbers past 2^53 − 1', () => {
  it('are refused at their cell, with the text of the cell', async () => {
    const file = join(tempDir(), 'account_overview_analytics.csv');
    writeFileSync(file, `${HEADER}\n"Sun, Sep 13, 2026",9007199254740993,1,1,1,1,1,1,1,1,1,1,1,1\n`);
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${file}:2:21: Impressions: 9007199254740993 is above 2^53 − 1 (9007199254740991): such numbers cannot be summed exactly`,
    );
    expect(r.err).not.toContain('data/x/');
    nothingWritten(root);
  });

  it('a sum of rows of one day past 2^53 − 1 is refused at the cell that takes it past', async () => {
    // Two posts of one day in X's per-post export (an account's daily export has one row a day).
    const file = join(tempDir(), 'account_analytics_content_2026-09-13_2026-09-13.csv');
    const header =
      'Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks';
    const post = (id: string, clicks: string) =>
      `${id},"Sun, Sep 13, 2026",Post,https://x.com/a/status/${id},1,1,1,1,1,1,1,1,1,1,${clicks},1,1`;
    const line = post('2', '992');
    writeFileSync(file, `${header}\n${post('1', '9007199254740000')}\n${line}\n`);
    const root = freshRoot();
    const r = await run(['import', file], root);
    expect(r.status).toBe(1);
    expect(r.err).toContain(
      `${file}:3:${line.indexOf('992') + 1}: URL Clicks: the values of clicks for 2026-09-13 add up past 2^53 − 1 (9007199254740991) here`,
    );
    nothingWritten(root);
  });

  it('2^53 − 1 itself is imported exactly', async () => {
    const file = join(tempDir(), 'account_overview_analytics.csv');
    writeFileSync(file, `${HEADER}\n"Sun, Sep 13, 2026",9007199254740991,1,1,1,1,1,1,1,1,1,1,1,1\n`);
    const root = freshRoot();
    await importOk(root, file);
    expect(readdirSync(join(root, 'data/x'))).toHaveLength(1);
  });
});

/**
 * A zip like `zip` with `entry` replaced by a deflated `size` bytes of spaces behind its
 * opening `<`; its headers declare `declared` (the true size unless given) as the unpacked size.
 */
function bombed(zip: Buffer, entry: string, size: number, declared = size, storedInDirectory = false): Buffer {
  const entries = readZip(zip);
  const body = Buffer.alloc(size, 0x20);
  body.write('<?xml version="1.0"?>', 0);
  return writeZip(
    entries.map((e) =>
      e.name === entry ? { name: e.name, data: body, declared, storedInDirectory } : { ...e, declared: e.data.length },
    ),
  );
}

interface Entry {
  name: string;
  data: Buffer;
}

function readZip(zip: Buffer): Entry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const csize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('latin1', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + csize);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** `storedInDirectory`: the central directory says the entry is stored, 10 bytes long (its local header says deflated). */
function writeZip(entries: Array<Entry & { declared: number; storedInDirectory?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name, 'latin1');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(e.declared, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.storedInDirectory ? 0 : 8, 10);
    central.writeUInt32LE(e.storedInDirectory ? 10 : packed.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
