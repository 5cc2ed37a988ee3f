import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderStats, renderSvg, useChartCache, vegaLoaded } from '../../src/charts/render.ts';
import { drawDirect } from '../../src/charts/svg/index.ts';
import { CONTEXTS, everyKind } from './svg/helpers.ts';

describe('Vega loaded only when a chart falls back to it', () => {
  it('draws every chart kind of the site without loading Vega, then renders a fallback spec with it', async () => {
    useChartCache(null);
    for (const [, ctx] of CONTEXTS) {
      for (const [kind, spec] of everyKind(ctx)) {
        expect(drawDirect(spec, 400), kind).not.toBeNull();
        const svg = await renderSvg(spec, 400);
        expect(svg, kind).toMatch(/^<svg [^>]*viewBox="0 0 [\d.]+ [\d.]+"/);
      }
    }
    expect(renderStats().rendered).toBe(0);
    expect(vegaLoaded()).toBe(false);

    // A spec no writer draws: Vega is loaded, once, and renders it.
    const bar: TopLevelSpec = {
      data: { values: [{ a: 'x', b: 3 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
    };
    expect(drawDirect(bar, 200)).toBeNull();
    const svg = await renderSvg(bar, 200);
    expect(vegaLoaded()).toBe(true);
    expect(renderStats().rendered).toBe(1);
    expect(svg).toContain('mark-rect role-mark');
  });
});
