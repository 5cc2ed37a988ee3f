/**
 * Bounded fuzz of everything a content root holds (issue "Hardening"): settings, goals, data,
 * frozen snapshots, narratives and imported exports, corrupted at random with fragments that
 * break YAML, JSON, MDX and CSV or smuggle in markup, control characters and workflow commands.
 * Whatever the input: positioned problems (inside the files, in the content root) or success;
 * never an exception, a hang, a stack trace, an unescaped control character on the terminal,
 * or a partial write. Fixed seeds, a few hundred runs, well under 30 s.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixtureSnapshotText } from '../load/fixtureSnapshot.ts';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/load/problems.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { checkNarrative, narrativeContext, withNarratives } from '../../src/site/narrativeCheck.ts';
import { runCli } from '../cliRunner.ts';

const ROOT = 'test/fixtures/basic';
const read = (path: string) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') });
const BASE = {
  site: read('content/site.yaml'),
  goals: read('goals/goals.yaml'),
  data: { path: 'data/instagram/2026.json', text: readFileSync(join(ROOT, 'data/instagram/2026.json'), 'utf8') },
  report: { path: 'reports/2026-q2/v1.json', text: '' },
  narrative: read('content/reports/2026-q2.mdx'),
};
BASE.report.text = fixtureSnapshotText(BASE.site, BASE.goals, BASE.data);

/** Fragments that break the formats or carry hostile text. */
const FRAGMENTS = [
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '-',
  '\n',
  '\r',
  '\t',
  '  ',
  'null',
  '1e999',
  '2026-13-45',
  '&a',
  '*a',
  '!!binary',
  '---',
  '<',
  '>',
  '</',
  '<script>alert(1)</script>',
  '<img src="https://x.example/p.gif" />',
  '[x](javascript:alert(1))',
  '{alert(1)}',
  'import x from "y"\n\n',
  '<GoalCard id="nope" />',
  '<KpiValue kpi="ctr" channel="x" />',
  '<KpiChart kpi="ctr" channels={[1]} />',
  '<div onclick="x">',
  '\u001b[31m',
  '\n::error::forged\n',
  '@org/team',
  '=cmd',
  '\u202e',
  '\u0000',
  '\uFEFF',
  'a'.repeat(70),
];

type Mutation = { at: number; kind: 'insert' | 'delete' | 'dupline'; pick: number; len: number };
const mutation = fc.record({
  at: fc.double({ min: 0, max: 0.999999, noNaN: true }),
  kind: fc.constantFrom('insert', 'delete', 'dupline'),
  pick: fc.nat({ max: 10_000 }),
  len: fc.integer({ min: 1, max: 8 }),
}) as fc.Arbitrary<Mutation>;

function mutate(text: string, mutations: readonly Mutation[]): string {
  for (const m of mutations) {
    const i = Math.floor(m.at * (text.length + 1));
    if (m.kind === 'insert') text = text.slice(0, i) + FRAGMENTS[m.pick % FRAGMENTS.length]! + text.slice(i);
    else if (m.kind === 'delete') text = text.slice(0, i) + text.slice(i + m.len);
    else {
      const start = text.lastIndexOf('\n', i - 1) + 1;
      const end = text.indexOf('\n', i);
      text = text.slice(0, start) + text.slice(start, end < 0 ? text.length : end + 1) + text.slice(start);
    }
  }
  return text;
}

function expectPositioned(problems: readonly Problem[], files: ReadonlyArray<{ path: string; text: string }>): void {
  const lines = new Map(files.map((f) => [f.path, f.text.split(/\r\n|\r|\n/).length]));
  for (const p of problems) {
    expect(lines.has(p.file), `${p.file} is one of the files`).toBe(true);
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines.get(p.file)! + 1, `${p.file}:${p.line}`).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, `${p.file}:${p.line}:${p.column}`).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.message).not.toMatch(/\[object Object\]|\n\s+at /);
  }
}

describe('fuzz: every kind of content file, in memory', () => {
  it('loads, or returns problems positioned inside the files; narratives too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('site', 'goals', 'data', 'report', 'narrative'),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (which, mutations) => {
          const files = { ...BASE };
          const key = which as keyof typeof BASE;
          files[key] = { ...files[key], text: mutate(files[key].text, mutations) };
          const loaded = withNarratives(loadFromSources(files.site, [files.goals], [files.data], [files.report]), [
            files.narrative,
          ]);
          const all = Object.values(files);
          expectPositioned(loaded.ok ? [] : loaded.problems, all);
          expectPositioned(loaded.notes, all);
          if (loaded.ok)
            expect(
              checkNarrative(files.narrative, narrativeContext(loaded.project)).filter((p) => p.severity !== 'note'),
            ).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

describe('fuzz: through the command line', () => {
  it('validate: exit 0, or exit 1 with one path:line:col line per problem, no control character, no workflow command', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('goals/goals.yaml', 'content/site.yaml', 'content/reports/2026-q2.mdx'),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (path, mutations) => {
          const root = mkdtempSync(join(tmpdir(), 'goalpost-fuzz-cli-'));
          cpSync(ROOT, root, { recursive: true });
          writeFileSync(join(root, path), mutate(readFileSync(join(ROOT, path), 'utf8'), mutations));
          const { status, ...out } = await runCli(['validate'], root);
          expect([0, 1]).toContain(status);
          const text = out.out + out.err;
          expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
          expect(text.split('\n').some((l) => /^\s*::/.test(l))).toBe(false);
          if (status === 1) {
            const lines = out.err.trimEnd().split('\n');
            expect(lines.pop()).toMatch(/problems? found\.$/);
            for (const line of lines) expect(line).toMatch(/^(goals|content|data|reports)\/[^:]+:\d+:\d+: \S/);
          }
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });

  it('import: a corrupted export is written whole or not at all, and nothing outside data/ and the settings changes', async () => {
    const FIXTURES = 'test/fixtures/import';
    const csvs = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.csv') && !f.startsWith('root'))
      .sort();
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-fuzz-import-'));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: csvs.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (index, mutations) => {
          const input = join(dir, `in-${index}.csv`);
          writeFileSync(input, mutate(readFileSync(join(FIXTURES, csvs[index]!), 'utf8'), mutations));
          const root = mkdtempSync(join(tmpdir(), 'goalpost-fuzz-root-'));
          cpSync(join(FIXTURES, 'root'), root, { recursive: true });
          mkdirSync(join(root, 'goals'), { recursive: true });
          const before = readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
          const { status, ...out } = await runCli(['import', input, '--channel', 'fuzz'], root);
          expect([0, 1]).toContain(status);
          const after = readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
          if (status === 1) {
            expect(after).toEqual(before);
            expect(out.err.trimEnd().split('\n').pop()).toMatch(/nothing written\.$/);
          } else {
            const written = after.filter((f) => f.endsWith('.json') && !before.includes(f));
            for (const f of written) {
              expect(f.startsWith('data/')).toBe(true);
              expect(() => JSON.parse(readFileSync(join(root, f), 'utf8'))).not.toThrow();
            }
            expect(existsSync(join(root, 'data'))).toBe(true);
          }
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });
});
