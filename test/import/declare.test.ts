/** `import` declares the custom metrics it writes in content/site.yaml, keeping the file's comments. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOM_METRICS, EXPORT_KINDS } from '../../src/import/catalogue.ts';
import { BUILT_IN_METRICS } from '../../src/core/metrics.ts';
import { expectValid, FIXTURES, freshRoot, importOk, kpis, run } from './helpers.ts';

const X = `${FIXTURES}/x/account_overview_analytics.csv`;
const SITE = '# Settings of the brand\ntitle: Import fixture # shown in the header\nlocale: en-US\ncurrency: EUR\n';

describe('custom metrics written by import', () => {
  it('are declared under metrics: in content/site.yaml, comments kept, and said in the summary', async () => {
    const root = freshRoot();
    writeFileSync(join(root, 'content/site.yaml'), SITE);
    const r = await importOk(root, X);
    expect(r.out).toContain(
      'declared the custom metrics profile_visits, x_create_post, x_shares under metrics: in content/site.yaml',
    );
    expect(readFileSync(join(root, 'content/site.yaml'), 'utf8')).toBe(`${SITE}metrics:
  profile_visits: { label: Profile visits, aggregation: flow, unit: count }
  x_create_post: { label: Create Post clicks (X), aggregation: flow, unit: count }
  x_shares: { label: Shares by message or link (X), aggregation: flow, unit: count }
`);
    await expectValid(root);
    // Each declared metric is a KPI: X's Shares column (DMs, copied links) 4 + 1 + 0
    expect((await kpis(root, '2026-Q3', 'x'))['x_shares']).toBe(5);
  });

  it('declares nothing again on a re-import, and nothing at all on a dry run', async () => {
    const root = freshRoot();
    await importOk(root, X);
    const site = readFileSync(join(root, 'content/site.yaml'), 'utf8');
    const again = await importOk(root, X);
    expect(again.out).not.toContain('declared');
    expect(readFileSync(join(root, 'content/site.yaml'), 'utf8')).toBe(site);

    const fresh = freshRoot();
    const before = readFileSync(join(fresh, 'content/site.yaml'), 'utf8');
    const dry = await run(['import', '--dry-run', X], fresh);
    expect(dry.status).toBe(0);
    expect(dry.out).toContain(
      'would declare the custom metrics profile_visits, x_create_post, x_shares under metrics: in content/site.yaml',
    );
    expect(readFileSync(join(fresh, 'content/site.yaml'), 'utf8')).toBe(before);
  });

  it('has a declaration for every metric an export writes that is not built in', () => {
    const builtIn = new Set(BUILT_IN_METRICS.map((m) => m.id));
    const written = EXPORT_KINDS.flatMap((k) => [
      ...k.columns.flatMap((c) => (c.metric ? [c.metric] : [])),
      ...Object.values(k.titles ?? {}).map((t) => t.metric),
    ]);
    expect([...new Set(written.filter((m) => !builtIn.has(m)))].sort()).toEqual(Object.keys(CUSTOM_METRICS).sort());
  });
});
