/**
 * Builds of different content roots (GOALPOST_ROOT) one after another: Astro's content store
 * keeps a narrative whose content is unchanged with its old path, so a build after the first
 * root was deleted bundled a file that was gone and failed. Each root now has its own store.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from './harness.ts';

const FIXTURE = 'test/fixtures/basic';

function copy(): string {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-roots-'));
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

describe('content roots built one after another', () => {
  it('builds a second root with the same narrative after the first root is deleted', () => {
    const first = copy();
    const a = buildSite(first);
    expect(existsSync(join(a, 'reports/2026-q2/index.html'))).toBe(true);
    rmSync(first, { recursive: true, force: true });
    const b = buildSite(copy());
    // The narrative of the fixture (content/reports/2026-q2.mdx) is on the second root's page.
    expect(readFileSync(join(b, 'reports/2026-q2/index.html'), 'utf8')).toContain('What happened in Q2');
  }, 300_000);
});
