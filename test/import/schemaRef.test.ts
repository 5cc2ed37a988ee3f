/**
 * Files written by `goalpost import` name the published JSON Schema (`"$schema"`), as files
 * written by `init` do, so editors complete and check them: in a team's repo the package's
 * schemas under node_modules/goalpost, in this repository its own schemas/ folder.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../docs/validator.ts';
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
