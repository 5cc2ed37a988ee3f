/**
 * The quarter's preview PNG is cached on disk under the SHA-256 of its SVG and of resvg's version,
 * options and fonts: the cached PNG is the one resvg draws, byte for byte, a changed SVG gives a
 * new PNG, and the cache follows GOALPOST_CHART_CACHE (a folder, or off).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCache } from '../../src/io/fileCache.ts';
import { pngRendererVersion, previewCacheDir, svgToPng } from '../../src/site/ogImage.ts';
import { ogCardSvg } from '../../src/site/share.ts';

const card = (heading: string): string =>
  ogCardSvg({
    siteTitle: 'Nordlys',
    heading,
    summary: {
      counts: [
        { status: 'achieved', count: 3 },
        { status: 'missed', count: 1 },
      ],
      redOkrs: [],
      movers: [],
      partial: null,
      attention: [{ title: 'Grow reach', status: 'missed' } as never],
    },
  });

const pngs = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.png'))
    .map((e) => join(e.parentPath, e.name));

describe('the preview PNG cache', () => {
  it('serves the PNG resvg draws, byte for byte, and draws a changed SVG anew', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-previews-'));
    const version = pngRendererVersion();
    const fresh = svgToPng(card('2026-Q2'), fileCache(null, version, '.png'));
    expect([...fresh.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const cold = svgToPng(card('2026-Q2'), fileCache(dir, version, '.png'));
    expect(cold).toEqual(fresh);
    expect(pngs(dir)).toHaveLength(1);
    // A second build reads the file the first wrote: the stored bytes are the fresh PNG's.
    const [file] = pngs(dir);
    const stored = readFileSync(file!);
    expect(stored.subarray(stored.indexOf(0x0a) + 1).equals(Buffer.from(fresh))).toBe(true);
    const warm = svgToPng(card('2026-Q2'), fileCache(dir, version, '.png'));
    expect(warm).toEqual(fresh);
    expect(pngs(dir)).toHaveLength(1);

    const other = svgToPng(card('2026-Q3'), fileCache(dir, version, '.png'));
    expect(other).toEqual(svgToPng(card('2026-Q3'), fileCache(null, version, '.png')));
    expect(Buffer.from(other).equals(Buffer.from(fresh))).toBe(false);
    expect(pngs(dir)).toHaveLength(2);
  });

  it('uses what the cache holds for the same SVG and version, and draws again for another version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-previews-'));
    const version = pngRendererVersion();
    const svg = card('2026-Q2');
    const marker = new Uint8Array([1, 2, 3]);
    fileCache(dir, version, '.png').set(svg, marker);
    expect(svgToPng(svg, fileCache(dir, version, '.png'))).toEqual(marker);
    expect(svgToPng(svg, fileCache(dir, `${version} and another resvg`, '.png'))).toEqual(
      svgToPng(svg, fileCache(null, version, '.png')),
    );
  });

  it("depends on resvg's version, its options and the system's fonts", () => {
    const version = pngRendererVersion();
    expect(version).toMatch(/resvg-js \d+\.\d+\.\d+/);
    expect(version).toContain('"defaultFontFamily":"DejaVu Sans"');
    expect(version).toContain('fonts ');
    expect(pngRendererVersion()).toBe(version);
  });

  it('lives beside the chart cache: in its folder, under node_modules/.cache, or off', () => {
    expect(previewCacheDir({}, '/repo')).toBe(join('/repo', 'node_modules/.cache/goalpost/previews'));
    expect(previewCacheDir({ GOALPOST_CHART_CACHE: '/tmp/c' }, '/repo')).toBe(join('/tmp/c', 'previews'));
    expect(previewCacheDir({ GOALPOST_CHART_CACHE: 'off' }, '/repo')).toBeNull();
  });

  it('still draws when the cache cannot be written', () => {
    const blocked = join(mkdtempSync(join(tmpdir(), 'goalpost-previews-')), 'file');
    writeFileSync(blocked, 'not a folder');
    const svg = card('2026-Q2');
    expect(svgToPng(svg, fileCache(blocked, pngRendererVersion(), '.png'))).toEqual(
      svgToPng(svg, fileCache(null, pngRendererVersion(), '.png')),
    );
  });
});
