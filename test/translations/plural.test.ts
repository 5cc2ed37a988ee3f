/**
 * Plural entries format their count with the locale's shared formatter (issue 15: a new
 * Intl.NumberFormat per call was 0.5 s of a no-op L build).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { plural } from '../../src/translations/index.ts';

const NumberFormat = Intl.NumberFormat;
afterEach(() => {
  Intl.NumberFormat = NumberFormat;
});

describe('plural', () => {
  it('builds no number formatter after the first call, and formats the count in the locale', () => {
    const entry = { one: '{count} quarter', other: '{count} quarters' };
    plural('fr-FR', entry, 1);
    let built = 0;
    Intl.NumberFormat = new Proxy(NumberFormat, {
      construct(target, args: [string?, Intl.NumberFormatOptions?]) {
        built++;
        return new target(...args);
      },
    });
    expect(plural('fr-FR', entry, 1)).toBe('1 quarter');
    expect(plural('fr-FR', entry, 12345)).toBe(`${new NumberFormat('fr-FR').format(12345)} quarters`);
    expect(plural('fr-FR', entry, 2, { count: 'two' })).toBe('two quarters');
    expect(built).toBe(0);
  });
});
