/**
 * The check of built pages on rebuilds (issue 15): a page whose bytes were found clean by the
 * same checker is not parsed again; any page with other bytes is checked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuiltPages, pageDigest } from '../../src/integration/output.ts';

const dist = mkdtempSync(join(tmpdir(), 'goalpost-checked-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('checking built pages', () => {
  it('collects the digests of clean pages, skips pages known clean, and checks every page with other bytes', async () => {
    // Text beyond ASCII: a page is read as bytes, and its digest is its text's.
    const clean = '<html><body><p>fine — café, 1 234 € 📈</p></body></html>';
    const scripted = '<html><body><p>Données</p><script>x</script></body></html>';
    mkdirSync(join(dist, 'goals'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), clean);
    writeFileSync(join(dist, 'goals', 'index.html'), scripted);

    const found = new Set<string>();
    const first = await checkBuiltPages(dist, dist, { clean: found });
    expect(first.map((p) => p.file)).toEqual(['goals/index.html']);
    expect([...found]).toEqual([pageDigest(clean)]);

    // Known clean (as a record from the same checker says): not parsed again, so not reported.
    const known = new Set([pageDigest(clean), pageDigest(scripted)]);
    expect(await checkBuiltPages(dist, dist, { known })).toEqual([]);
    // One byte more and the page is checked again.
    writeFileSync(join(dist, 'goals', 'index.html'), `${scripted}\n`);
    const again = new Set<string>();
    expect((await checkBuiltPages(dist, dist, { known, clean: again })).map((p) => p.file)).toEqual(['goals/index.html']);
    expect([...again]).toEqual([pageDigest(clean)]);
  });
});
