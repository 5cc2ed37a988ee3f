/**
 * Fuzz: fixtures corrupted at random (characters replaced, inserted, deleted; lines
 * duplicated or dropped; bytes flipped in workbooks). The import never crashes: it either
 * succeeds or reports problems, each positioned (file, line ≥ 1, column ≥ 1, a message).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent, planOutputs } from '../../src/import/plan.ts';
import { TEAM_SCHEMAS } from '../../src/init/templates.ts';
import { FIXTURES, freshRoot, run } from './helpers.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'root' ? [] : walk(path);
    return [path];
  });
}

const FILES = walk(FIXTURES)
  .sort()
  .map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
const SITE = { path: 'content/site.yaml', text: 'title: Fuzz\ncurrency: EUR\n' };
const NASTY = [
  ',',
  ';',
  '"',
  '\n',
  '\r',
  '#',
  ' ',
  '-',
  '—',
  '1',
  '9',
  '.',
  'N/A',
  'Total',
  '\t',
  '%',
  '\u00a0',
  '',
  'é',
  '0x',
  '99999999999999999999',
  '2026-02-30',
  '13/13/2026',
];

type Mutation = { at: number; kind: 'replace' | 'insert' | 'delete' | 'dupline' | 'flip'; pick: number; len: number };

function mutate(bytes: Uint8Array, mutations: readonly Mutation[], binary: boolean): Uint8Array {
  if (binary) {
    const out = new Uint8Array(bytes);
    for (const m of mutations) {
      const i = Math.floor(m.at * out.length);
      out[i] = (out[i]! ^ (1 + (m.pick % 255))) & 0xff;
    }
    return out;
  }
  let text = Buffer.from(bytes).toString('latin1');
  for (const m of mutations) {
    const i = Math.floor(m.at * text.length);
    const s = Buffer.from(NASTY[m.pick % NASTY.length]!, 'utf8').toString('latin1');
    if (m.kind === 'replace') text = text.slice(0, i) + s + text.slice(i + 1 + m.len);
    else if (m.kind === 'insert') text = text.slice(0, i) + s + text.slice(i);
    else if (m.kind === 'delete') text = text.slice(0, i) + text.slice(i + 1 + m.len);
    else if (m.kind === 'dupline') {
      const start = text.lastIndexOf('\n', i) + 1;
      const end = text.indexOf('\n', i);
      const line = text.slice(start, end < 0 ? text.length : end + 1);
      text = text.slice(0, start) + line + text.slice(start);
    } else {
      const start = text.lastIndexOf('\n', i) + 1;
      const end = text.indexOf('\n', i);
      text = text.slice(0, start) + (end < 0 ? '' : text.slice(end + 1));
    }
  }
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const mutation = fc.record({
  at: fc.double({ min: 0, max: 0.999999, noNaN: true }),
  kind: fc.constantFrom('replace', 'insert', 'delete', 'dupline', 'flip'),
  pick: fc.nat({ max: 10_000 }),
  len: fc.nat({ max: 3 }),
}) as fc.Arbitrary<Mutation>;

function expectPositioned(problems: ReadonlyArray<{ file: string; line: number; column: number; message: string }>): void {
  for (const p of problems) {
    expect(typeof p.file).toBe('string');
    expect(p.file.length).toBeGreaterThan(0);
    expect(Number.isInteger(p.line) && p.line >= 1, `${p.file}:${p.line}:${p.column}`).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, `${p.file}:${p.line}:${p.column}`).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('fuzz: corrupted exports', () => {
  it('never crash; every problem is positioned', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: FILES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(null, 'fuzz'),
        (index, mutations, channel) => {
          const file = FILES[index]!;
          const binary = /\.xlsx?$/.test(file.path);
          const bytes = mutate(file.bytes, mutations, binary);
          const plan = planOutputs(
            [{ path: file.path, bytes, modified: 20_000 }],
            {
              channel,
              platform: null,
              dateOrder: null,
              schemas: TEAM_SCHEMAS,
              account: null,
              accounts: {},
              currency: 'EUR',
              from: null,
              through: null,
            },
            [],
          );
          expectPositioned(plan.problems);
          if (plan.problems.length === 0) {
            expect(plan.outputs.length).toBeGreaterThan(0);
            expectPositioned(checkContent(SITE, [], [], plan.outputs));
          }
        },
      ),
      { numRuns: 400, seed: 20260701 },
    );
  });

  it('through the command line: exit 0, or exit 1 with only path:line:col lines and nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-fuzz-'));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: FILES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (index, mutations) => {
          const file = FILES[index]!;
          const name = file.path.split('/').pop()!;
          const path = join(dir, name);
          writeFileSync(path, mutate(file.bytes, mutations, /\.xlsx?$/.test(name)));
          const root = freshRoot();
          const r = await run(['import', path, '--channel', 'fuzz'], root);
          expect([0, 1]).toContain(r.status);
          if (r.status === 1) {
            const lines = r.err.trimEnd().split('\n');
            expect(lines.pop()).toMatch(/problems? found: nothing written\.$/);
            for (const line of lines) expect(line).toMatch(/^.+:\d+:\d+: \S/);
            expect(readdirSync(root)).not.toContain('data');
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
