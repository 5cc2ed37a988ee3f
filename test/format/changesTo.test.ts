/**
 * A rate's QoQ compared with the earlier quarter only to the day its inputs there end apart
 * (`qoq_to`: LinkedIn's 2026-Q2 clicks export downloaded on 10 June beside impressions to the
 * 30th; test/compareFixture.ts): the KPI table's change and its title say that day, in the
 * page's language, as they say "(other channels)". On main they gave the bare change.
 */
import { describe, expect, it } from 'vitest';
import { computeQuarter } from '../../src/core/figures.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { parseIsoDate } from '../../src/core/dates.ts';
import { changesTitle, changeText } from '../../src/format/changes.ts';
import { formatDate } from '../../src/format/intl.ts';
import { AS_OF, CLICKS_Q2_END, loadCompare } from '../compareFixture.ts';

function ctrCell(locale: string) {
  const { project, engine } = loadCompare(locale);
  const quarter = parseQuarter('2026-Q3');
  const asOf = parseIsoDate(AS_OF);
  if (!quarter.ok || !asOf.ok) throw new Error('bad fixture dates');
  const { report } = computeQuarter(project, engine, { quarter: quarter.period, channel: null, asOf: asOf.day });
  return report.kpis['linkedin']!['ctr']!;
}

describe('a change compared with the earlier quarter only to a day (qoq_to)', () => {
  const cell = ctrCell('en-US');

  it('is the fixture’s case: CTR over Q2 taken to 10 June', () => {
    expect(cell.qoq_to).toBe(CLICKS_Q2_END);
    expect(cell.qoq).not.toBeNull();
  });

  it('says the day beside the change, in en, fr and it', () => {
    const en = { locale: 'en-US', currency: 'EUR' };
    expect(changeText(cell, 'qoq', en, (d) => formatDate(d, 'en-US'))).toMatch(/ \(earlier quarter to Jun 10, 2026\)$/);
    expect(changeText(cell, 'qoq', { locale: 'fr-FR', currency: 'EUR' }, (d) => formatDate(d, 'fr-FR'))).toMatch(
      / \(trimestre de comparaison jusqu’au 10 juin 2026\)$/,
    );
    expect(changeText(cell, 'qoq', { locale: 'it-IT', currency: 'EUR' }, (d) => formatDate(d, 'it-IT'))).toMatch(
      / \(trimestre di confronto fino al 10 giu 2026\)$/,
    );
  });

  it('explains it in the title, and leaves a change without it alone', () => {
    const en = { locale: 'en-US', currency: 'EUR' };
    expect(changesTitle(cell, en)).toBe(
      'The earlier quarter’s inputs end on different days: the change compares with it only up to 2026-06-10, where the first one stops.',
    );
    expect(cell.yoy_to).toBeUndefined();
    expect(changeText(cell, 'yoy', en)).not.toContain('earlier quarter');
    expect(changesTitle({ value: 1, qoq: 0.1, yoy: 0.2 }, en)).toBeUndefined();
  });

  it('says nothing of the day when there is no change to compare', () => {
    const en = { locale: 'en-US', currency: 'EUR' };
    expect(changeText({ ...cell, qoq: null }, 'qoq', en)).toBe('n/a');
  });
});
