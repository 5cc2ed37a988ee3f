import { describe, expect, it } from 'vitest';
import { formatKpiPair, formatKpiValue, formatKpiValues } from '../../src/format/numbers.ts';

const en = { locale: 'en-US', currency: 'EUR' };
const fr = { locale: 'fr-FR', currency: 'EUR' };

describe('formatKpiPair (an actual beside its target)', () => {
  it('writes each value as formatKpiValue does when their texts already differ', () => {
    expect(formatKpiPair(0.0199, 0.0356, 'percent', en)).toEqual(['2.0%', '3.6%']);
    expect(formatKpiPair(16995, 463173, 'money', en)).toEqual([
      formatKpiValue(16995, 'money', en),
      formatKpiValue(463173, 'money', en),
    ]);
    expect(formatKpiPair(null, 0.02, 'percent', en)).toEqual(['n/a', '2.0%']);
  });

  it('adds fraction digits to both where the display rounds two different values together', () => {
    expect(formatKpiPair(0.0197, 0.0204, 'percent', en)).toEqual(['1.97%', '2.04%']);
    expect(formatKpiPair(0.02001, 0.02, 'percent', en)).toEqual(['2.001%', '2.000%']);
    expect(formatKpiPair(0.0197, 0.0204, 'percent', fr)).toEqual(['1,97\u00a0%', '2,04\u00a0%']);
    expect(formatKpiPair(1234.4, 1234.2, 'money', en)).toEqual(['€1,234.40', '€1,234.20']);
    expect(formatKpiPair(100.4, 100.2, 'count', en)).toEqual(['100.4', '100.2']);
    expect(formatKpiPair(3.204, 3.201, 'ratio', en)).toEqual(['3.204×', '3.201×']);
  });

  it('keeps equal values, and values four more digits cannot tell apart, as they are', () => {
    expect(formatKpiPair(0.02, 0.02, 'percent', en)).toEqual(['2.0%', '2.0%']);
    expect(formatKpiPair(0.02, 0.02 + 1e-12, 'percent', en)).toEqual(['2.0%', '2.0%']);
  });

  it('tells apart from the target every value of a set (actual, target, projection), in the same digits', () => {
    expect(formatKpiValues([0.0197, 0.0204, 0.0199, null], 'percent', en)).toEqual(['1.97%', '2.04%', '1.99%', 'n/a']);
    expect(formatKpiValues([0.0197, 0.0356, 0.0045], 'percent', en)).toEqual(['2.0%', '3.6%', '0.45%']);
    expect(formatKpiValues([0.02001, 0.02, 0.0045], 'percent', en)).toEqual(['2.001%', '2.000%', '0.45%']);
    // An actual and a projection that read alike are no reason for more digits: only a value beside the target is.
    expect(formatKpiValues([0.0157, 0.0204, 0.0158], 'percent', en)).toEqual(['1.6%', '2.0%', '1.6%']);
    // A projection equal to the actual but for floating-point noise does not hold the others back.
    expect(formatKpiValues([0.0197, 0.0204, 0.0197 + 1e-15], 'percent', en)).toEqual(['1.97%', '2.04%', '1.97%']);
  });
});
