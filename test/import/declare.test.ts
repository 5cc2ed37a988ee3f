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

describe('the settings file is edited in place (red team 8 #18)', () => {
  const ENTRIES = [
    'profile_visits: { label: Profile visits, aggregation: flow, unit: count }',
    'x_create_post: { label: Create Post clicks (X), aggregation: flow, unit: count }',
    'x_shares: { label: Shares by message or link (X), aggregation: flow, unit: count }',
  ];
  const declareInto = async (site: string): Promise<string> => {
    const root = freshRoot();
    writeFileSync(join(root, 'content/site.yaml'), site);
    await importOk(root, X);
    await expectValid(root);
    return readFileSync(join(root, 'content/site.yaml'), 'utf8');
  };

  it('keeps CRLF line ends, a BOM and a trailing comment; only the metrics lines are added', async () => {
    const site = '\uFEFF# Settings\r\ntitle: Import fixture\r\nlocale: en-US\r\ncurrency: EUR\r\n# the end\r\n';
    expect(await declareInto(site)).toBe(`${site}metrics:\r\n${ENTRIES.map((e) => `  ${e}\r\n`).join('')}`);
  });

  it('keeps a one-line flow mapping on its line', async () => {
    const site = '{title: Import fixture, locale: en-US, currency: EUR}\n';
    expect(await declareInto(site)).toBe(
      `{title: Import fixture, locale: en-US, currency: EUR, metrics: { ${ENTRIES.join(', ')} }}\n`,
    );
  });

  it('adds to a block metrics: mapping at its indentation, leaving the keys after it alone', async () => {
    const head =
      'title: Import fixture\r\nmetrics:\r\n    # ours\r\n    shop_visits: {label: Shop visits,   aggregation: flow, unit: count}\r\n';
    const tail = '# the end\r\nlocale: en-US\r\ncurrency: EUR\r\n';
    expect(await declareInto(head + tail)).toBe(`${head}${ENTRIES.map((e) => `    ${e}\r\n`).join('')}${tail}`);
  });

  it('adds to a flow metrics: mapping inside its braces', async () => {
    const site =
      'title: Import fixture\nlocale: en-US\nmetrics: {shop_visits: {label: Shop visits, aggregation: flow, unit: count}}   # kept\ncurrency: EUR\n';
    expect(await declareInto(site)).toBe(
      `title: Import fixture\nlocale: en-US\nmetrics: {shop_visits: {label: Shop visits, aggregation: flow, unit: count}, ${ENTRIES.join(', ')}}   # kept\ncurrency: EUR\n`,
    );
  });

  it('fills an empty flow metrics: mapping, keeping its comment', async () => {
    const site = 'title: Import fixture\nlocale: en-US\ncurrency: EUR\nmetrics: {}  # none yet\n';
    expect(await declareInto(site)).toBe(
      `title: Import fixture\nlocale: en-US\ncurrency: EUR\nmetrics: {${ENTRIES.join(', ')}}  # none yet\n`,
    );
  });

  it('writes the file whole, with its line ends and BOM, where it cannot edit in place (metrics: left empty)', async () => {
    const site = '\uFEFFtitle: Import fixture\r\nlocale: en-US\r\ncurrency: EUR\r\nmetrics:\r\n';
    const text = await declareInto(site);
    expect(text.startsWith('\uFEFFtitle: Import fixture\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const e of ENTRIES) expect(text).toContain(`  ${e}\r\n`);
  });
});
