import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { renderFresh, renderReused } from '../../src/charts/render.ts';
import { drawDirect } from '../../src/charts/svg/index.ts';
import { markDifferences } from './svg/oracle.ts';
import { CONTEXTS, everyKind } from './svg/helpers.ts';

/** Names of Object.prototype members, which Vega looks up by name (and throws "Operator not defined" on). */
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

/** A spec with every occurrence of a text (a quoted JSON string) replaced by another. */
function renamed(spec: TopLevelSpec, from: string, to: string): TopLevelSpec {
  return JSON.parse(JSON.stringify(spec).replaceAll(JSON.stringify(from), JSON.stringify(to))) as TopLevelSpec;
}

describe('Vega renders user text named like an Object.prototype member', () => {
  for (const name of NAMES) {
    it(`as a channel label and as an axis title: "${name}"`, async () => {
      for (const [locale, ctx] of CONTEXTS) {
        for (const [kind, base] of everyKind(ctx, [name, 'LinkedIn'])) {
          for (const spec of [base, renamed(base, 'Impressions', name), renamed(base, 'Followers', name)]) {
            if (!JSON.stringify(spec).includes(JSON.stringify(name))) continue;
            const where = `${kind} in ${locale}`;
            const fresh = await renderFresh(spec, 400);
            expect(fresh, where).toContain(`>${name}<`);
            expect(fresh, where).not.toContain('\u0000');
            // Laid out as the direct writer lays it out (its text measured without any marker).
            expect(markDifferences(drawDirect(spec, 400)!, fresh), where).toEqual([]);
            expect(await renderReused(spec, 400), where).toBe(fresh);
          }
        }
      }
    });
  }

  it('sorts a marked name where the name sorts: "__proto__" before "__proto__ " and "toString!"', async () => {
    for (const labels of [
      ['__proto__ ', '__proto__'],
      ['toString!', 'toString', 'toString '],
    ]) {
      for (const [kind, spec] of everyKind(CONTEXTS[0]![1], labels)) {
        const direct = drawDirect(spec, 400);
        if (direct === null) continue;
        expect(markDifferences(direct, await renderFresh(spec, 400)), kind).toEqual([]);
      }
    }
  });
});
