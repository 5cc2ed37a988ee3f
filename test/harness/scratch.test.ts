import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const inside = (dir: string, path: string): boolean => !relative(dir, path).startsWith('..');

describe("the test run's scratch folder (test/globalSetup.ts)", () => {
  it('holds the temporary folders the tests make and those of the commands they start', () => {
    const scratch = process.env['GOALPOST_TEST_SCRATCH'];
    expect(scratch).toMatch(/gp-tests-/);
    expect(inside(scratch!, mkdtempSync(join(tmpdir(), 'goalpost-scratch-')))).toBe(true);
    const childTmp = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], {
      encoding: 'utf8',
    });
    expect(inside(scratch!, childTmp)).toBe(true);
  });
});
