/**
 * Files written by `goalpost import` name the published JSON Schema (`"$schema"`), as files
 * written by `init` do, so editors complete and check them: in a team's repo the package's
 * schemas under node_modules/goalpost, in this repository its own schemas/ folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../docs/validator.ts';
import type { Converted } from '../../src/import/convert.ts';
import { exportFrom } from '../../src/import/plan.ts';
import { day } from '../coreFixtures.ts';
import { dataFiles, FIXTURES, freshRoot, importOk } from './helpers.ts';

const FB = `${FIXTURES}/meta/Aug-01-2025_Aug-31-2025_1039829308656930.csv`;

function written(root: string): Array<[string, Record<string, unknown>]> {
  return Object.keys(dataFiles(root)).map((path) => [path, JSON.parse(readFileSync(join(root, path), 'utf8'))]);
}

describe('import writes $schema', () => {
  it("in a team's repo: the package's metrics schema, relative to the written file, first key", async () => {
    const root = freshRoot();
    await importOk(root, FB);
    const files = written(root);
    expect(files.length).toBeGreaterThan(0);
    for (const [path, json] of files) {
      expect(path.split('/')).toHaveLength(3);
      expect(Object.keys(json)[0]).toBe('$schema');
      expect(json['$schema']).toBe('../../node_modules/goalpost/schemas/metrics.schema.json');
      expect(schemaProblems('metrics', json)).toEqual([]);
    }
  });

  it('in the package repository (a schemas/ folder at the root): that folder', async () => {
    const root = freshRoot();
    mkdirSync(join(root, 'schemas'));
    writeFileSync(join(root, 'schemas', 'metrics.schema.json'), '{}\n');
    await importOk(root, FB);
    for (const [, json] of written(root)) expect(json['$schema']).toBe('../../schemas/metrics.schema.json');
  });
});

describe('import writes through: the last day the export covers', () => {
  const readOne = (root: string) => {
    const [[path, json]] = written(root) as [[string, Record<string, unknown>]];
    return { path, json };
  };

  it("a per-post export whose name gives its range: the range's end, beyond the last post", async () => {
    const root = freshRoot();
    await importOk(root, FB);
    const { path, json } = readOne(root);
    expect(path).toBe('data/facebook/facebook-posts-2025-08-03-2025-08-15.json');
    expect(json['through']).toBe('2025-08-31');
  });

  it('a daily export whose name gives its range: the range end', async () => {
    const root = freshRoot();
    await importOk(root, `${FIXTURES}/x/account_analytics_content_2026-09-13_2026-09-15.csv`);
    expect(readOne(root).json['through']).toBe('2026-09-15');
  });

  it("a per-post export without a range in its name: no through, whatever the file's modification day (red-team 7 #7)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-through-'));
    const copy = join(dir, 'publications-juin-2026.csv');
    writeFileSync(copy, readFileSync(`${FIXTURES}/meta/publications-juin-2026.csv`));
    // A June export copied or re-saved months later: its modification day says nothing of July to November.
    utimesSync(copy, new Date('2026-12-01T12:00:00Z'), new Date('2026-12-01T12:00:00Z'));
    const root = freshRoot();
    await importOk(root, copy);
    const { path, json } = readOne(root);
    expect(path).toBe('data/facebook/facebook-posts-2026-06-03-2026-06-25.json');
    expect(json['source']).toBe('publications-juin-2026.csv (facebook-posts, lifetime totals as of 2026-12-01)');
    expect(json).not.toHaveProperty('through');
  });

  it('--through gives it explicitly, and a day before the last row is refused', async () => {
    const root = freshRoot();
    await importOk(root, `${FIXTURES}/meta/publications-juin-2026.csv`, '--through', '2026-06-30');
    expect(readOne(root).json['through']).toBe('2026-06-30');
    const { run } = await import('./helpers.ts');
    const early = await run(['import', `${FIXTURES}/meta/publications-juin-2026.csv`, '--through', '2026-06-20'], freshRoot());
    expect(early.status).toBe(1);
    expect(early.err).toContain(
      'publications-juin-2026.csv:1:1: --through 2026-06-20 is before the last day of the facebook-posts data (2026-06-25)',
    );
    const bad = await run(['import', `${FIXTURES}/meta/publications-juin-2026.csv`, '--through', '2026-06-31'], freshRoot());
    expect(bad.status).toBe(1);
    expect(bad.err).toContain("--through: '2026-06-31' does not exist");
  });
});

describe('import writes from: the first day the export covers', () => {
  const readOne = (root: string) => {
    const [[path, json]] = written(root) as [[string, Record<string, unknown>]];
    return { path, json };
  };

  it("a per-post export whose name gives its range (Meta's download): the range's start, before the first post", async () => {
    const root = freshRoot();
    await importOk(root, FB);
    const { path, json } = readOne(root);
    expect(path).toBe('data/facebook/facebook-posts-2025-08-03-2025-08-15.json');
    expect(json['from']).toBe('2025-08-01');
    expect(json['through']).toBe('2025-08-31');
    // Written before through, as a range reads.
    expect(Object.keys(json).indexOf('from')).toBe(Object.keys(json).indexOf('through') - 1);
  });

  it('a daily export whose name gives its range: the range start', async () => {
    const root = freshRoot();
    await importOk(root, `${FIXTURES}/x/account_analytics_content_2026-09-13_2026-09-15.csv`);
    expect(readOne(root).json['from']).toBe('2026-09-13');
  });

  it('none without a range in the name, whatever the file says elsewhere', async () => {
    const root = freshRoot();
    await importOk(root, `${FIXTURES}/meta/publications-juin-2026.csv`);
    expect(readOne(root).json).not.toHaveProperty('from');
  });

  it('--from gives it explicitly; a day after the first row, after --through or not a date is refused', async () => {
    const root = freshRoot();
    await importOk(root, `${FIXTURES}/meta/publications-juin-2026.csv`, '--from', '2026-06-01', '--through', '2026-06-30');
    expect(readOne(root).json).toMatchObject({ from: '2026-06-01', through: '2026-06-30' });
    const { run } = await import('./helpers.ts');
    const late = await run(['import', `${FIXTURES}/meta/publications-juin-2026.csv`, '--from', '2026-06-04'], freshRoot());
    expect(late.status).toBe(1);
    expect(late.err).toContain(
      'publications-juin-2026.csv:1:1: --from 2026-06-04 is after the first day of the facebook-posts data (2026-06-03)',
    );
    const crossed = await run(
      ['import', `${FIXTURES}/meta/publications-juin-2026.csv`, '--from', '2026-07-01', '--through', '2026-06-30'],
      freshRoot(),
    );
    expect(crossed.status).not.toBe(0);
    expect(crossed.err).toContain('--from 2026-07-01 is after --through 2026-06-30');
    const bad = await run(['import', `${FIXTURES}/meta/publications-juin-2026.csv`, '--from', '2026-06-31'], freshRoot());
    expect(bad.status).not.toBe(0);
    expect(bad.err).toContain("--from: '2026-06-31' does not exist");
  });

  it('none from a range in the name that does not hold every row (the range is then not what the file covers)', () => {
    const rows = (first: string, last: string) => ({ first: day(first), last: day(last) }) as Converted;
    const name = 'Jun-01-2026_Aug-31-2026_1039829308656930.csv';
    expect(exportFrom(rows('2026-07-05', '2026-08-29'), name)).toBe(day('2026-06-01'));
    expect(exportFrom(rows('2026-05-28', '2026-08-29'), name)).toBeNull();
    expect(exportFrom(rows('2026-07-05', '2026-09-02'), name)).toBeNull();
    expect(exportFrom(rows('2026-07-05', '2026-08-29'), 'posts.csv')).toBeNull();
    // --from wins over the name, and is none after the first row (the import refuses it before).
    expect(exportFrom(rows('2026-07-05', '2026-08-29'), name, day('2026-07-01'))).toBe(day('2026-07-01'));
    expect(exportFrom(rows('2026-07-05', '2026-08-29'), name, day('2026-07-06'))).toBeNull();
  });
});
