/**
 * Chart rendering independent of render order and cache state (issue 15): per-chart ids,
 * and the persistent disk cache (never stale, safe to delete, atomic).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channelMixChart, funnelChart, goalProgressChart, trendChart } from '../../src/charts/specs.ts';
import { channelColors } from '../../src/charts/theme.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';

const site = { ...DEFAULT_SITE, channels: { instagram: { label: 'Instagram', color: '#e1306c' } } };
const ctx = { site, colors: channelColors(site, ['instagram', 'tiktok']) };
const weeks = (scale: number) =>
  ['instagram', 'tiktok'].map((channel, c) => ({
    channel,
    label: channel,
    points: Array.from({ length: 13 }, (_, w) => ({
      date: new Date(Date.UTC(2026, 3, 6 + 7 * w)).toISOString().slice(0, 10),
      value: scale * (100 + 40 * w * (c + 1)),
    })),
  }));
const trend = (scale: number) =>
  trendChart(ctx, {
    id: `t${scale}`,
    title: 'Impressions',
    kpiLabel: 'Impressions',
    unit: 'count',
    step: 'week',
    series: weeks(scale),
  }).spec;
const progress = goalProgressChart(ctx, {
  id: 'g',
  title: 'G',
  data: {
    kpiLabel: 'Followers',
    unit: 'count',
    start: '2026-04-01',
    deadline: '2026-06-30',
    target: 1200,
    actual: [
      { date: '2026-04-01', value: 1050 },
      { date: '2026-05-01', value: 1110 },
    ],
    expected: [
      { date: '2026-04-01', value: 1000 },
      { date: '2026-06-30', value: 1200 },
    ],
    milestones: [{ date: '2026-05-15', value: 1100 }],
    projection: 1190,
  },
}).spec;

/** Layered charts: Vega clips their layers (clip paths with counter ids). */
const mix = (scale: number) =>
  channelMixChart(ctx, {
    id: `m${scale}`,
    title: 'Mix',
    kpiLabel: 'Impressions',
    unit: 'count',
    values: [
      { channel: 'instagram', label: 'Instagram', value: 1200 * scale },
      { channel: 'tiktok', label: 'TikTok', value: 800 },
    ],
  }).spec;
const funnel = funnelChart(ctx, {
  id: 'f',
  title: 'F',
  stages: [
    { id: 'impressions', label: 'Impressions', value: 1000 },
    { id: 'clicks', label: 'Clicks', value: 50 },
    { id: 'conversions', label: 'Sales', value: 4 },
  ],
}).spec;

/**
 * A fresh copy of the render module (its in-memory cache empty; Vega's own state is not reset),
 * with the direct writers off: these tests are about Vega's path (shared Views, disk cache).
 */
async function freshRenderer() {
  vi.resetModules();
  vi.stubEnv('GOALPOST_CHART_DIRECT', 'off');
  return import('../../src/charts/render.ts');
}

const idsOf = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

describe('render order', () => {
  it("does not change a chart's bytes: each chart renders the same first or second", async () => {
    process.env['GOALPOST_CHART_CACHE'] = 'off';
    const first = await freshRenderer();
    const a1 = await first.renderSvg(mix(1), 400);
    const b1 = await first.renderSvg(funnel, 400);
    const second = await freshRenderer();
    const b2 = await second.renderSvg(funnel, 400);
    const a2 = await second.renderSvg(mix(1), 400);
    expect(idsOf(a1).length).toBeGreaterThan(0);
    expect(idsOf(b1).length).toBeGreaterThan(0);
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
  });

  it('gives two charts of a page ids of their own, each clip path referenced where it is defined', async () => {
    const { renderFresh } = await freshRenderer();
    const a = await renderFresh(mix(1), 400);
    const b = await renderFresh(mix(2), 400);
    const ida = idsOf(a);
    const idb = idsOf(b);
    expect(ida.length).toBeGreaterThan(0);
    expect(ida.filter((id) => idb.includes(id))).toEqual([]);
    for (const svg of [a, b]) {
      for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(idsOf(svg)).toContain(ref);
    }
  });

  it('rewrites ids in tags only, never in text', async () => {
    const { scopeIds } = await freshRenderer();
    const svg =
      '<svg><defs><clipPath id="clip7"><rect/></clipPath></defs><g clip-path="url(#clip7)"><text>id="clip7" url(#clip7)</text></g></svg>';
    expect(scopeIds(svg, 'abcdef0123456789')).toBe(
      '<svg><defs><clipPath id="cabcdef012345-1"><rect/></clipPath></defs><g clip-path="url(#cabcdef012345-1)"><text>id="clip7" url(#clip7)</text></g></svg>',
    );
  });
});

describe('one View per chart shape', () => {
  it('renders charts of one shape with other data, in any order and at once, as fresh Views do', async () => {
    const { renderFresh, renderSvg, useChartCache, chartShape } = await freshRenderer();
    useChartCache(null);
    // Same shapes, other data: other axis ticks, other bar lengths, other legend and sizes.
    const specs = [trend(1), trend(40), trend(0.01), mix(1), mix(9), mix(0.1), trend(3)];
    // Mixes of other data share one shape; so do trends, whose y domain (for the direct labels' spacing) is a parameter.
    const shapeOf = (s: (typeof specs)[number]) => JSON.stringify(chartShape(s).shape);
    expect(new Set([mix(1), mix(9), mix(0.1)].map(shapeOf)).size).toBe(1);
    expect(new Set([trend(1), trend(40), trend(0.01), trend(3)].map(shapeOf)).size).toBe(1);
    expect(new Set(specs.map(shapeOf)).size).toBe(2);
    const shared = await Promise.all(specs.map((s) => renderSvg(s, 400)));
    for (const [i, s] of specs.entries()) expect(shared[i]).toBe(await renderFresh(s, 400));
    const again = await Promise.all([...specs].reverse().map((s) => renderSvg(structuredClone(s), 401)));
    for (const [i, s] of [...specs].reverse().entries()) expect(again[i]).toBe(await renderFresh(s, 401));
  });

  it('shares one shape between monthly trends of other quarters and values, drawn as fresh Views draw them', async () => {
    const { renderFresh, renderSvg, renderStats, useChartCache, chartShape } = await freshRenderer();
    useChartCache(null);
    const monthly = (year: number, scale: number, at?: 'end') =>
      trendChart(ctx, {
        id: `m${year}`,
        title: 'Followers',
        kpiLabel: 'Followers',
        unit: 'count',
        step: 'month',
        ...(at ? { at, asOf: `${year}-09-28` } : {}),
        series: ['instagram', 'tiktok'].map((channel, c) => ({
          channel,
          label: channel,
          points: [7, 8, 9].map((m, i) => ({ date: `${year}-0${m}-01`, value: scale * (1000 + 150 * i * (c + 1)) })),
        })),
      }).spec;
    const specs = [monthly(2025, 1), monthly(2026, 30), monthly(2024, -0.5), monthly(2026, 2)];
    expect(new Set(specs.map((s) => JSON.stringify(chartShape(s).shape))).size).toBe(1);
    expect(chartShape(specs[0]!).params.map(([name]) => name)).toEqual(['y_domain', 'month_ticks']);
    const ends = [monthly(2025, 1, 'end'), monthly(2026, 7, 'end')];
    for (const s of [...specs, ...ends]) expect(await renderSvg(s, 400)).toBe(await renderFresh(s, 400));
    // One Vega-Lite compile, Vega parse and View for the six charts.
    expect(renderStats()).toMatchObject({ rendered: 6, shapes: 1 });
    for (const s of [...ends, ...specs].reverse())
      expect(await renderSvg(structuredClone(s), 402)).toBe(await renderFresh(s, 402));
  });

  it('takes out every inline data set, in order, and leaves the rest of the spec as it is', async () => {
    const { chartShape } = await freshRenderer();
    const { shape, data } = chartShape(progress);
    expect(data.length).toBeGreaterThan(1);
    expect(JSON.stringify(shape)).not.toContain('"values"');
    const back = JSON.stringify(shape).replace(/\{"name":"goalpost_data_(\d+)"\}/g, (_, i: string) =>
      JSON.stringify({ values: data[Number(i)] }),
    );
    expect(JSON.parse(back)).toEqual(progress);
  });
});

describe('the disk cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-chart-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = (d: string): string[] =>
    readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));

  it('serves a chart rendered by an earlier build, byte for byte, and re-renders a changed spec', async () => {
    const r = await freshRenderer();
    r.useChartCache(dir, 'renderer v1');
    const cold = await r.renderSvg(trend(1), 400);
    expect(r.renderStats()).toMatchObject({ rendered: 1, cached: 0 });
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const next = await freshRenderer();
    next.useChartCache(dir, 'renderer v1');
    expect(await next.renderSvg(trend(1), 400)).toBe(cold);
    expect(next.renderStats()).toMatchObject({ rendered: 0, cached: 1 });
    expect(cold).toBe(await next.renderFresh(trend(1), 400));

    const changed = await next.renderSvg(trend(3), 400);
    expect(next.renderStats()).toMatchObject({ rendered: 1, cached: 1 });
    expect(changed).not.toBe(cold);
    expect(changed).toBe(await next.renderFresh(trend(3), 400));
    expect(await next.renderSvg(trend(1), 401)).toBe(await next.renderFresh(trend(1), 401));
    expect(next.renderStats()).toMatchObject({ rendered: 2, cached: 1 });
  });

  it('is invalidated by another renderer version', async () => {
    const r = await freshRenderer();
    r.useChartCache(dir, 'renderer v1');
    await r.renderSvg(progress, 400);
    r.useChartCache(dir, 'renderer v2');
    await r.renderSvg(progress, 400);
    expect(r.renderStats()).toMatchObject({ rendered: 2, cached: 0 });
    r.useChartCache(dir, 'renderer v1');
    await r.renderSvg(progress, 400);
    expect(r.renderStats()).toMatchObject({ rendered: 2, cached: 1 });
  });

  it('names the versions of Vega, Vega-Lite, the font and the renderer code in the renderer version', async () => {
    const { rendererVersion } = await freshRenderer();
    const vega = JSON.parse(readFileSync('node_modules/vega/package.json', 'utf8')) as { version: string };
    const vl = JSON.parse(readFileSync('node_modules/vega-lite/package.json', 'utf8')) as { version: string };
    expect(rendererVersion()).toContain(`vega ${vega.version}`);
    expect(rendererVersion()).toContain(`vega-lite ${vl.version}`);
    expect(rendererVersion()).toMatch(/inter \d+\.\d+\.\d+; code [0-9a-f]{16}$/);
  });

  it('re-renders a damaged file, and everything after the folder is deleted', async () => {
    const r = await freshRenderer();
    const own = join(dir, 'damaged');
    r.useChartCache(own, 'renderer v1');
    const good = await r.renderSvg(mix(1), 400);
    expect(files(own).length).toBe(1);
    for (const f of files(own)) writeFileSync(f, readFileSync(f, 'utf8').slice(0, -20));
    r.useChartCache(own, 'renderer v1');
    expect(await r.renderSvg(mix(1), 400)).toBe(good);
    expect(r.renderStats()).toMatchObject({ rendered: 2, cached: 0 });
    r.useChartCache(own, 'renderer v1');
    expect(await r.renderSvg(mix(1), 400)).toBe(good);
    expect(r.renderStats()).toMatchObject({ rendered: 2, cached: 1 });
    rmSync(own, { recursive: true, force: true });
    r.useChartCache(own, 'renderer v1');
    expect(await r.renderSvg(mix(1), 400)).toBe(good);
    expect(r.renderStats()).toMatchObject({ rendered: 3, cached: 1 });
    expect(files(own).length).toBe(1);
  });

  it('keeps writing charts when its folder is deleted during a build', async () => {
    const { chartCache } = await import('../../src/charts/chartCache.ts');
    const own = join(dir, 'deleted-during');
    const c = chartCache(own, 'renderer v1');
    c.set('a', '<svg>a</svg>');
    rmSync(own, { recursive: true, force: true });
    c.set('a', '<svg>a</svg>');
    c.set('b', '<svg>b</svg>');
    expect([c.get('a'), c.get('b')]).toEqual(['<svg>a</svg>', '<svg>b</svg>']);
    expect(files(own).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('lives under node_modules/.cache unless GOALPOST_CHART_CACHE names a folder or says off', async () => {
    const { chartCacheDir } = await import('../../src/charts/chartCache.ts');
    expect(chartCacheDir({}, '/repo')).toBe(join('/repo', 'node_modules/.cache/goalpost/charts'));
    expect(chartCacheDir({ GOALPOST_CHART_CACHE: '/tmp/c' }, '/repo')).toBe('/tmp/c');
    expect(chartCacheDir({ GOALPOST_CHART_CACHE: 'off' }, '/repo')).toBeNull();
  });
});
