/**
 * The direct writers' quick checks (issue 15: zod's per-row objects and the theme checked again
 * for every chart cost as much as drawing them): `dataRows` gives the verdict of strict zod
 * objects of days, finite numbers and text on any value; `checkedOnce` the verdict of its schema,
 * for a value seen before too; the theme config is one frozen object per site.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { checkedOnce, checkedThemeConfig, dataRows, finite, isoDay, themeConfig } from '../../../src/charts/svg/config.ts';
import { chartConfig } from '../../../src/charts/theme.ts';
import { DEFAULT_SITE } from '../../../src/load/site.ts';

/** Values near rows: the right fields with good and bad values, missing and extra fields, non-objects. */
const field = fc.oneof(
  fc.constantFrom('2026-04-01', '2026-02-30', '2026-4-1', '', 'x', '2026-13-01'),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308),
  fc.string(),
  fc.constantFrom(null, undefined, true, [], {}),
);
const row = fc.oneof(
  fc.record({ date: field, value: field, series: field }),
  fc.record({ date: field, value: field, series: field }, { requiredKeys: [] }),
  fc.record({ date: field, value: field, series: field, extra: field }),
  fc.record({ value: field, series: field }),
  field,
);

describe('dataRows', () => {
  it('accepts and refuses what an array of strict zod objects of days, finite numbers and text does', () => {
    const quick = dataRows({ date: 'day', value: 'finite', series: 'string' });
    const strict = z.array(z.strictObject({ date: isoDay, value: finite, series: z.string() }));
    fc.assert(
      fc.property(fc.oneof(fc.array(row, { maxLength: 4 }), field), (value) => {
        expect(quick.safeParse(value).success).toBe(strict.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
    expect(quick.safeParse([{ date: '2026-04-01', value: 3, series: 'Actual' }]).success).toBe(true);
    expect(quick.safeParse([{ date: '2026-04-01', value: 3, series: 'Actual', extra: undefined }]).success).toBe(false);
  });
});

describe('checkedOnce', () => {
  const config = chartConfig(DEFAULT_SITE);

  it('gives its schema’s verdict, asked once or again, for the theme and for values JSON would blur', () => {
    const once = checkedOnce(themeConfig);
    const variants: unknown[] = [
      config,
      structuredClone(config),
      { ...config, axis: { ...config.axis, labelLimit: Number.NaN } },
      { ...config, axis: { ...config.axis, labelLimit: Number.POSITIVE_INFINITY } },
      { ...config, extra: undefined },
      { ...config, aria: true },
      { ...config, legend: { ...config.legend, columns: 0 } },
      null,
      'config',
    ];
    for (let round = 0; round < 2; round++)
      for (const v of variants) expect(once.safeParse(v).success, JSON.stringify(v)).toBe(themeConfig.safeParse(v).success);
    expect(checkedThemeConfig.safeParse(config).success).toBe(true);
  });

  it('is given one frozen theme config per site, which it knows by itself', () => {
    expect(chartConfig(DEFAULT_SITE)).toBe(config);
    expect(Object.isFrozen(config) && Object.isFrozen(config.axis) && Object.isFrozen(config.locale)).toBe(true);
    expect(chartConfig({ ...DEFAULT_SITE, locale: 'fr-FR' })).not.toBe(config);
    expect(() => {
      (config.axis as { labelLimit: number }).labelLimit = 1;
    }).toThrow(TypeError);
  });
});
