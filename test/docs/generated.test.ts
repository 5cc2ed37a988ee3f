import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KPI_CATALOGUE } from '../../src/core/catalogue.ts';
import { generatedDocs } from '../../scripts/docs/generated.ts';

const REPO = join(import.meta.dirname, '../..');

describe('generated documentation (npm run docs)', () => {
  const files = generatedDocs();

  for (const file of files) {
    it(`${file.path} is the generator's output (run npm run docs after changing the schemas or the catalogue)`, () => {
      expect(readFileSync(join(REPO, file.path), 'utf8')).toBe(file.text);
    });
  }

  it('schemas/ holds only generated schemas', () => {
    const generated = files
      .map((f) => f.path)
      .filter((p) => p.startsWith('schemas/'))
      .sort();
    expect(
      readdirSync(join(REPO, 'schemas'))
        .map((n) => `schemas/${n}`)
        .sort(),
    ).toEqual(generated);
    expect(generated).toHaveLength(5);
  });

  it('each schema has a stable $id under the package name', () => {
    for (const f of files.filter((x) => x.path.startsWith('schemas/'))) {
      const json = JSON.parse(f.text) as { $id: string; $schema: string };
      expect(json.$id).toBe(`https://unpkg.com/goalpost/${f.path}`);
      expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('docs/kpis.md lists every catalogue KPI with its formula, unit and direction', () => {
    const text = files.find((f) => f.path === 'docs/kpis.md')!.text;
    for (const k of KPI_CATALOGUE) {
      const row = text.split('\n').find((l) => l.startsWith(`| \`${k.id}\` |`));
      expect(row, k.id).toBeDefined();
      expect(row).toContain(`\`${k.formula}\``);
      expect(row).toContain(`| ${k.good} |`);
    }
    expect(text).toContain(
      '| `cpm` | Cost per mille | `spend / impressions * 1000` | money | down | `spend` (flow), `impressions` (flow) |',
    );
  });
});
