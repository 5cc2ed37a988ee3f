/** The lint setup catches import cycles (the layers must stay one way); the repository itself has none. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('lint', () => {
  it('reports an import cycle', async () => {
    const eslint = new ESLint({ ignore: false });
    const [result] = await eslint.lintFiles(['test/fixtures/lint-cycle/a.ts']);
    expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });

  it('finds nothing in src/core, whose modules everything else imports', async () => {
    const results = await new ESLint().lintFiles(['src/core']);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}: ${m.message}`))).toEqual([]);
  }, 60_000);
});
