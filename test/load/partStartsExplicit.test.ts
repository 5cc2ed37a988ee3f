/**
 * No "no export covers likes" note for days whose rows give engagements themselves (red-team 22
 * #6, root i): Facebook's July rows give `engagements`, its August and September rows the parts.
 * On main `validate` noted each part "given in this export from 2026-08-01: no export covers it
 * from 2026-07-01 to 2026-07-31 … write likes: 0 on those days", though those days' engagements
 * are given whole and no figure is flagged.
 */
import { describe, expect, it } from 'vitest';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';

describe('parts that start where rows giving engagements themselves end', () => {
  it('are not noted as missing on those days', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/facebook/q3.json': dailyExport('facebook', '2026-07-01', '2026-09-30', (d): Record<string, number> =>
        d < '2026-08-01' ? { impressions: 1000, engagements: 50 } : { impressions: 1000, likes: 40, comments: 5, shares: 5 },
      ),
    });
    expect(root.problems).toEqual([]);
    expect(root.notes).toEqual([]);
  });

  it('are still noted where the days before have neither', () => {
    const root = loadRoot(site, 'goals: []\n', {
      'data/facebook/q3.json': dailyExport('facebook', '2026-07-01', '2026-09-30', (d): Record<string, number> =>
        d < '2026-08-01' ? { impressions: 1000 } : { impressions: 1000, likes: 40 },
      ),
    });
    expect(root.notes).toEqual([expect.stringContaining('likes on facebook')]);
  });
});
