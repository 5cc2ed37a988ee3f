/**
 * Output independent of the chart cache and of how many pages render at once (issue 15):
 * the example built with a cold chart cache and 4 pages at once, again with the warm cache
 * and 1 page at a time, and with no cache, gives the same dist/, byte for byte; and every chart of
 * the example rendered through its shape's shared dataflow, in another order, is the SVG a
 * fresh render gives. A rebuild that changes nothing is skipped (before Astro starts) and leaves dist/ as it was; after
 * a data file changed, the rebuild restores the pages whose cache key is unchanged and gives what a build without
 * any cache gives; so after a narrative's prose changed (its quarter's page rendered again) and after a change every
 * page shows (the site's title), with no page restored.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { listFiles, withBuildLock } from './harness.ts';

const EXAMPLE = process.env['GOALPOST_E2E_ROOT'] ?? '.';
const work = mkdtempSync(join(tmpdir(), 'goalpost-e2e-cache-'));
const cache = join(work, 'charts');

interface Stats {
  direct: number;
  rendered: number;
  reused: number;
  cached: number;
}

function build(name: string, extra: Record<string, string> = {}): { dist: string; stats: Stats } {
  const dist = join(work, name);
  const statsFile = join(work, `${name}.json`);
  withBuildLock(() =>
    execFileSync('npm', ['run', '-s', 'build', '--', '--outDir', dist], {
      // (Every chart of the example is drawn directly, which skips the cache: Vega draws them here.) Every page
      // is rendered: none restored from the last build's (the pages' cache, tested under "rebuilds").
      env: {
        ...process.env,
        GOALPOST_BUILD_CACHE: 'off',
        GOALPOST_ROOT: EXAMPLE,
        GOALPOST_CHART_CACHE: cache,
        GOALPOST_CHART_STATS: statsFile,
        GOALPOST_CHART_DIRECT: 'off',
        ...extra,
      },
      stdio: 'pipe',
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
  return { dist, stats: JSON.parse(readFileSync(statsFile, 'utf8')) as Stats };
}

let cold: ReturnType<typeof build>;
let warm: ReturnType<typeof build>;
let none: ReturnType<typeof build>;
let direct4: ReturnType<typeof build>;
let direct1: ReturnType<typeof build>;

beforeAll(() => {
  rmSync(cache, { recursive: true, force: true });
  cold = build('cold', { GOALPOST_CHART_DUMP: join(work, 'charts.json'), GOALPOST_BUILD_CONCURRENCY: '4' });
  warm = build('warm', { GOALPOST_BUILD_CONCURRENCY: '1' });
  none = build('none', { GOALPOST_BUILD_CONCURRENCY: '1', GOALPOST_CHART_CACHE: 'off' });
  // As a team builds: every chart drawn directly.
  direct4 = build('direct4', { GOALPOST_CHART_DIRECT: '', GOALPOST_BUILD_CONCURRENCY: '4' });
  direct1 = build('direct1', { GOALPOST_CHART_DIRECT: '', GOALPOST_BUILD_CONCURRENCY: '1', GOALPOST_CHART_CACHE: 'off' });
}, 420_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the chart cache', () => {
  it('renders every chart on a cold cache and none on a warm one', () => {
    // Every chart through Vega (GOALPOST_CHART_DIRECT=off), so every chart goes through the cache.
    expect(cold.stats.rendered).toBeGreaterThan(100);
    expect(cold.stats.direct).toBe(0);
    expect(warm.stats.direct).toBe(0);
    expect(cold.stats.cached).toBe(0);
    expect(warm.stats.rendered).toBe(0);
    expect(warm.stats.cached).toBe(cold.stats.rendered);
  });

  it('gives the same dist/ byte for byte: cold or warm or no cache, 4 pages at once or 1', () => {
    const files = listFiles(cold.dist);
    expect(files.length).toBeGreaterThan(50);
    expect(none.stats.cached).toBe(0);
    for (const other of [warm, none]) {
      expect(listFiles(other.dist)).toEqual(files);
      const differ = files.filter((f) => !readFileSync(join(cold.dist, f)).equals(readFileSync(join(other.dist, f))));
      expect(differ).toEqual([]);
    }
  });

  it('gives the same dist/ byte for byte with the charts drawn directly, 4 pages at once or 1', () => {
    expect(direct4.stats.direct).toBeGreaterThan(300);
    expect(direct4.stats.rendered).toBe(0);
    const files = listFiles(direct4.dist);
    expect(listFiles(direct1.dist)).toEqual(files);
    expect(files.filter((f) => !readFileSync(join(direct4.dist, f)).equals(readFileSync(join(direct1.dist, f))))).toEqual([]);
  });

  it("renders each of the example's charts through its shape as a fresh render does, whatever the order", async () => {
    const { renderFresh, renderReused, useChartCache, chartShape } = await import('../../src/charts/render.ts');
    useChartCache(null);
    const charts = JSON.parse(readFileSync(join(work, 'charts.json'), 'utf8')) as Array<{ spec: TopLevelSpec; width: number }>;
    expect(charts.length).toBe(cold.stats.rendered + cold.stats.direct);
    const shapes = new Set(charts.map((c) => JSON.stringify(chartShape(c.spec).shape)));
    expect(shapes.size).toBeLessThan(charts.length / 2);
    // Reversed and interleaved: each shape's dataflow serves charts in another order than the build's.
    const order = charts.map((_, i) => i).reverse();
    const shared = await Promise.all(order.map((i) => renderReused(charts[i]!.spec, charts[i]!.width)));
    const differ: number[] = [];
    for (const [n, i] of order.entries()) {
      if (shared[n] !== (await renderFresh(charts[i]!.spec, charts[i]!.width))) differ.push(i);
    }
    expect(differ).toEqual([]);
  }, 120_000);
});

describe('rebuilds', () => {
  it('skip a build that changes nothing, and after a change build what a build without any cache builds', () => {
    const root = join(work, 'root');
    for (const d of ['goals', 'data', 'content', 'reports'])
      if (existsSync(join(EXAMPLE, d))) cpSync(join(EXAMPLE, d), join(root, d), { recursive: true });
    const run = (out: string, extra: Record<string, string> = {}): string => {
      const r = withBuildLock(() =>
        spawnSync('npm', ['run', '-s', 'build', '--', '--outDir', out], {
          env: { ...process.env, GOALPOST_ROOT: root, GOALPOST_CHART_CACHE: cache, ...extra },
          encoding: 'utf8',
          maxBuffer: 64 << 20,
        }),
      );
      expect(r.status, r.stderr).toBe(0);
      // Astro colours its log when the terminal (or FORCE_COLOR) asks for it: match the text, not the colours.
      return stripVTControlCharacters(r.stdout + r.stderr);
    };
    const bytes = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f))]));
    const out = join(work, 'rebuilt');
    expect(run(out)).not.toContain('nothing changed');
    const before = bytes(out);
    // Ended by `goalpost build` before Astro starts (its own message), the output untouched.
    expect(run(out)).toContain('is up to date (goalpost build --force builds anyway)');
    expect(bytes(out)).toEqual(before);
    // Another environment is another launch: Astro starts, and its own check finds nothing to do.
    const other = run(out, { GOALPOST_BUILD_CONCURRENCY: '1' });
    expect(other).toContain('is up to date (astro build --force builds anyway)');
    expect(run(out)).toContain('is up to date (goalpost build --force builds anyway)');
    expect(bytes(out)).toEqual(before);

    const file = join(root, 'data', 'tiktok', '2026-q3.json');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(/"impressions": *(\d+)/, (_, v: string) => `"impressions": ${Number(v) + 1000}`);
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    const log = run(out);
    expect(log).not.toContain('nothing changed');
    // Pages whose cache key is unchanged are restored, not rendered: a change to 2026-Q3 leaves 2025-Q3 alone.
    expect(log).toMatch(/\/reports\/2025-q3\/instagram\/index\.html \(restored\)/);
    expect(log).not.toMatch(/\/reports\/2026-q3\/tiktok\/index\.html \(restored\)/);
    const after = bytes(out);
    expect([...after].filter(([f, b]) => !before.get(f)?.equals(b)).length).toBeGreaterThan(0);
    expectFresh(out, 'fresh');

    // A narrative's prose (compiled from its file, not from the page's props): its quarter's page again, and no other.
    const narrative = join(root, 'content', 'reports', '2026-q3.mdx');
    const prose = readFileSync(narrative, 'utf8');
    const edited = prose.replace(/peak season/, 'high season');
    expect(edited).not.toBe(prose);
    writeFileSync(narrative, edited);
    const proseLog = run(out);
    expect(proseLog).toMatch(/\/reports\/2025-q3\/index\.html \(restored\)/);
    expect(proseLog).not.toMatch(/\/reports\/2026-q3\/index\.html \(restored\)/);
    expect(readFileSync(join(out, 'reports', '2026-q3', 'index.html'), 'utf8')).toContain('high season');
    expectFresh(out, 'fresh-prose');

    // A change every page shows (the site's title): no page restored, and again what a build without any cache builds.
    const site = join(root, 'content', 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^title: .*$/m, 'title: "Acme & Co — renamed"'));
    expect(run(out)).not.toContain('(restored)');
    expectFresh(out, 'fresh-title');

    function expectFresh(dir: string, name: string): void {
      const fresh = join(work, name);
      run(fresh, { GOALPOST_BUILD_CACHE: 'off', GOALPOST_CHART_CACHE: 'off' });
      const built = bytes(dir);
      const expected = bytes(fresh);
      expect([...built.keys()]).toEqual([...expected.keys()]);
      expect([...built].filter(([f, b]) => !expected.get(f)!.equals(b)).map(([f]) => f)).toEqual([]);
    }
  }, 420_000);
});
