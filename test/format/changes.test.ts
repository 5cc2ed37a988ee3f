/** The words of QoQ and YoY changes on pages (src/format/changes.ts), in the three languages. */
import { describe, expect, it } from 'vitest';
import { changesTitle, changeText, partialComparison, partialNote } from '../../src/format/changes.ts';
import { isRateFormula } from '../../src/core/comparable.ts';
import { formatDate } from '../../src/format/intl.ts';

const en = { locale: 'en-US', currency: 'EUR' };
const fr = { locale: 'fr-FR', currency: 'EUR' };
const it_ = { locale: 'it-IT', currency: 'EUR' };

describe('changeText', () => {
  const cell = { value: 0.01, qoq: null, yoy: 0.2, qoq_channels_differ: true as const };
  it('says a change across different channel sets is not comparable, in the page language', () => {
    expect(changeText(cell, 'qoq', en)).toBe('not comparable: channels differ');
    expect(changeText(cell, 'qoq', fr)).toBe('non comparable : canaux différents');
    expect(changeText(cell, 'qoq', it_)).toBe('non confrontabile: canali diversi');
  });
  it('gives the change otherwise, and n/a where there is none', () => {
    expect(changeText(cell, 'yoy', en)).toBe('+20.0%');
    expect(changeText({ value: 1, qoq: null, yoy: null }, 'qoq', en)).toBe('n/a');
  });
  it("never calls a total's missing change over other channels a rate's: n/a, marked, for its own reason (red-team 26 #9)", () => {
    // Impressions over all channels: TikTok stopped in the quarter (a gap), the previous quarter had other channels.
    const total = {
      value: 4_536_374,
      qoq: null,
      yoy: null,
      qoq_channels_differ: true as const,
      yoy_channels_differ: true as const,
      gaps: { tiktok: { impressions: [{ from: '2026-07-15', to: '2026-07-31' }] } },
    };
    expect(isRateFormula('impressions')).toBe(false);
    expect(changeText(total, 'qoq', en, undefined, false)).toBe('n/a (other channels)');
    expect(changeText(total, 'qoq', en, undefined, false)).not.toContain('not comparable');
    expect(changesTitle(total, en, undefined, false)).not.toContain('rate');
    // A rate's is not comparable, as before.
    expect(isRateFormula('clicks / impressions')).toBe(true);
    expect(changeText(total, 'qoq', en, undefined, true)).toBe('not comparable: channels differ');
    expect(changesTitle(total, en, undefined, true)).toContain('rate');
    // A total's change that is there stays marked.
    expect(changeText({ ...total, qoq: 0.809 }, 'qoq', en, undefined, false)).toBe('+80.9% (other channels)');
  });
  it('marks "≈" the change of a value that is only a bound (red-team 12 #10)', () => {
    const bound = { value: 9000, qoq: 0.286, yoy: null, approximate: true as const, bound: 'upper' as const };
    expect(changeText(bound, 'qoq', en)).toBe('≈ +28.6%');
    expect(changeText(bound, 'yoy', en)).toBe('n/a');
  });
});

describe('partialNote', () => {
  const report = { period: '2026-Q3', as_of: '2026-08-15' };
  it('says what a quarter that is not over is compared with', () => {
    expect(partialComparison(report)).toEqual({
      quarter: '2026-Q3',
      asOf: '2026-08-15',
      previous: '2026-Q2',
      yearAgo: '2025-Q3',
      over: false,
      apart: null,
    });
    expect(partialNote(report, en, (d) => formatDate(d, 'en-US'))).toBe(
      '2026-Q3 is not over: QoQ and YoY compare 2026-Q3 to date (to Aug 15, 2026) against the whole of 2026-Q2 and the whole of 2025-Q3.',
    );
    expect(partialNote(report, fr, (d) => formatDate(d, 'fr-FR'))).toBe(
      '2026-Q3 n’est pas terminé : T/T et A/A comparent 2026-Q3 à date (jusqu’au 15 août 2026) à l’ensemble de 2026-Q2 et à l’ensemble de 2025-Q3.',
    );
    expect(partialNote(report, it_)).toContain('finora (fino al 2026-08-15) con l’intero 2026-Q2');
  });
  it('is null once the quarter is over', () => {
    expect(partialNote({ period: '2026-Q3', as_of: '2026-09-30' }, en)).toBeNull();
    expect(partialComparison({ period: '2026-Q3', as_of: '2026-09-30' })).toBeNull();
  });
});
