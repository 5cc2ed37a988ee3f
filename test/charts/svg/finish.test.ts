import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compact, renderSvg, responsive, scopeIds, svgKey, useChartCache } from '../../../src/charts/render.ts';
import { drawDirectChart } from '../../../src/charts/svg/index.ts';
import { CONTEXTS, everyKind, label, WIDTHS } from './helpers.ts';

/** Every kind in every locale and width, and again with hostile channel names. */
function fixtures(names: readonly string[]): Array<[string, TopLevelSpec, number]> {
  return CONTEXTS.flatMap(([locale, ctx]) =>
    everyKind(ctx, names).flatMap(([kind, spec]) =>
      WIDTHS.map((w): [string, TopLevelSpec, number] => [`${kind} ${locale}`, spec, w]),
    ),
  );
}

/** The passes render.ts skips for a direct chart would not change it; the build's bytes are the full pipeline's. */
async function expectSkippable(name: string, spec: TopLevelSpec, width: number): Promise<void> {
  const drawn = drawDirectChart(spec, width);
  expect(drawn, name).not.toBeNull();
  const key = svgKey(drawn!.svg);
  expect(compact(drawn!.svg), `${name}: already compact`).toBe(drawn!.svg);
  if (!drawn!.ids) expect(scopeIds(drawn!.svg, key), `${name}: no ids`).toBe(drawn!.svg);
  useChartCache(null);
  expect(await renderSvg(spec, width), name).toBe(responsive(scopeIds(drawn!.svg, key)));
}

describe('direct charts skip the post-processing passes that would not change them', () => {
  it('every chart kind in en, fr and it, at every width', async () => {
    for (const [name, spec, width] of fixtures(['Instagram', 'LinkedIn'])) await expectSkippable(name, spec, width);
  });

  it('with any number of channels, named anyhow (a band chart’s height can be fractional)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(label, { minLength: 1, maxLength: 14 }), async (names) => {
        for (const [name, spec, width] of fixtures(names)) await expectSkippable(name, spec, width);
      }),
      { numRuns: 15 },
    );
  });
});
