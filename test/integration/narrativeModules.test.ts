/**
 * Narratives as modules (src/integration/narrativeModules.ts): the quarters whose narrative a
 * page shows are listed, each imported from its file under the content root.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  NARRATIVES_MODULE,
  narrativeModules,
  narrativesModule,
  shownNarratives,
} from '../../src/integration/narrativeModules.ts';

const work = mkdtempSync(join(tmpdir(), 'goalpost-narratives-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('narratives as modules', () => {
  it('lists the files named after a quarter in lower case, inside the root, and nothing for a root without narratives', async () => {
    const root = join(work, 'root');
    const dir = join(root, 'content/reports');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(work, 'outside.mdx'), 'Outside the root.\n');
    for (const name of ['2026-q3.mdx', '2025-q4.mdx', '2026-Q2.mdx', 'notes.mdx', '2026-q1.md'])
      writeFileSync(join(dir, name), 'Prose.\n');
    symlinkSync(join(work, 'outside.mdx'), join(dir, '2026-q1.mdx'));
    expect(await shownNarratives(root)).toEqual(['2025-q4', '2026-q3']);
    expect(await shownNarratives(join(work, 'nothing'))).toEqual([]);
  });

  it('imports each on demand from its file, by slug', async () => {
    const code = narrativesModule('/site', ['2025-q4', '2026-q3']);
    expect(code).toBe(
      'export default {\n  "2025-q4": () => import("/site/content/reports/2025-q4.mdx"),\n  "2026-q3": () => import("/site/content/reports/2026-q3.mdx"),\n};\n',
    );
    expect(narrativesModule('/site', [])).toBe('export default {\n\n};\n');
  });

  it('is what the plugin serves for the virtual module, and nothing else', async () => {
    const root = join(work, 'plugin');
    mkdirSync(join(root, 'content/reports'), { recursive: true });
    writeFileSync(join(root, 'content/reports/2026-q3.mdx'), 'Prose.\n');
    const plugin = narrativeModules(root);
    const resolved = plugin.resolveId(NARRATIVES_MODULE)!;
    // Content data to Astro's incremental build: a narrative's prose is in its page's key, not in the route's code.
    expect(resolved.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    const id = resolved.id;
    expect(plugin.resolveId('./other.ts')).toBeNull();
    expect(await plugin.load(id)).toBe(narrativesModule(root, ['2026-q3']));
    expect(await plugin.load('/elsewhere.ts')).toBeNull();
  });
});
