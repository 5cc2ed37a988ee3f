import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fixtureSnapshotText } from './fixtureSnapshot.ts';
import { describe, expect, it } from 'vitest';
import { loadFromSources } from '../../src/load/project.ts';

const ROOT = 'test/fixtures/basic';
const FILES = {
  site: { path: 'content/site.yaml', text: readFileSync(`${ROOT}/content/site.yaml`, 'utf8') },
  goals: { path: 'goals/goals.yaml', text: readFileSync(`${ROOT}/goals/goals.yaml`, 'utf8') },
  data: { path: 'data/instagram/2026.json', text: readFileSync(`${ROOT}/data/instagram/2026.json`, 'utf8') },
  report: { path: 'reports/2026-q2/v1.json', text: '' },
};

/** A frozen report of the fixture, as `freeze` writes it. */
FILES.report.text = fixtureSnapshotText(FILES.site, FILES.goals, FILES.data);

/** Fragments that break YAML or JSON, or make values wrong (types, dates, numbers, references). */
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
  '  ',
  '\t',
  'null',
  '-1',
  '1e999',
  '"x"',
  'NaN',
  '2026-13-45',
  '2026-Q7',
  '~',
  '&a',
  '*a',
  '!!binary',
  '%',
  '#',
  'true',
  '[]',
  '{}',
  '0',
  '\uFEFF',
  '\\',
  '"\\u12"',
  'all',
  'Infinity',
  'key_results:',
  'kpi: nope',
  'channel: [a, b]',
  '"date": "2026-02-30"',
  '"channel": "all"',
  '<<: *a',
  '---',
  '...',
];

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'duplicateLine'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'duplicateLine': {
      const lines = text.split('\n');
      const at = m.at % lines.length;
      lines.splice(at, 0, lines[at]!);
      return lines.join('\n');
    }
  }
}

describe('loading corrupted files', () => {
  it('never throws: it loads, or returns positioned problems inside the files', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('site', 'goals', 'data', 'report'),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (which, mutations) => {
          const files = { ...FILES };
          const target = files[which as keyof typeof FILES];
          files[which as keyof typeof FILES] = { ...target, text: mutations.reduce(apply, target.text) };
          const result = loadFromSources(files.site, [files.goals], [files.data], [files.report]);
          if (result.ok) return;
          expect(result.problems.length).toBeGreaterThan(0);
          const lineCounts = new Map(Object.values(files).map((f) => [f.path, f.text.split('\n').length]));
          for (const p of result.problems) {
            expect(lineCounts.has(p.file)).toBe(true);
            expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCounts.get(p.file)! + 1).toBe(true);
            expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
            expect(p.message.length).toBeGreaterThan(0);
            // Never made up by the code; a message may only quote such a word from the file itself.
            expect(p.message).not.toMatch(/\[object Object\]/);
            for (const word of ['undefined', 'NaN']) {
              if (new RegExp(`\\b${word}\\b`).test(p.message))
                expect(
                  Object.values(files).some((f) => f.text.includes(word)),
                  p.message,
                ).toBe(true);
            }
          }
        },
      ),
      { numRuns: 4000, seed: 20261123 },
    );
  });
});
