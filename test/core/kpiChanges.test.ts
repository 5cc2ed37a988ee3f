/**
 * QoQ and YoY of all-channel KPIs when the channels a KPI is computed over differ between the
 * two periods (SPEC "KPI catalogue", channel `all`): a rate compared across channel sets compares
 * one channel's rate with another's, so it has no change; a total keeps it (a channel launched is
 * growth). Hand-worked values.
 */
import { describe, expect, it } from 'vitest';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { engineOf, expectClose, period, rows } from '../coreFixtures.ts';

// 2024-Q4: LinkedIn only. 2025-Q1: Instagram only. 2025-Q2: both.
const engine = engineOf([
  ...rows('linkedin', [
    ['2024-11-01', { impressions: 1000, engagements: 100 }],
    ['2025-05-01', { impressions: 2000, engagements: 180 }],
  ]),
  ...rows('instagram', [
    ['2025-02-01', { impressions: 10000, engagements: 100 }],
    ['2025-05-01', { impressions: 8000, engagements: 120 }],
  ]),
]);
const all = ['instagram', 'linkedin'];

describe('kpiChanges across different channel sets', () => {
  it('gives a rate no QoQ when the previous quarter was computed over other channels, and says so', () => {
    const rate = kpiChanges(engine, all, period('2025-Q1')).get('engagement_rate')!;
    // Instagram's 1% against LinkedIn's 10% would read −90%.
    expectClose(rate.value, 100 / 10000);
    expect(rate.channels).toEqual(['instagram']);
    expect(rate.qoq).toBeNull();
    expect(rate.qoqChannelsDiffer).toBe(true);
    expect(rate.yoyChannelsDiffer).toBe(false);
  });

  it('keeps the change of a total across channel sets (a launched channel is growth), flagged', () => {
    const impressions = kpiChanges(engine, all, period('2025-Q1')).get('impressions')!;
    // 10,000 (Instagram) against 1,000 (LinkedIn): +900%, over other channels (red-team 6 #16)
    expectClose(impressions.qoq, 9);
    expect(impressions.qoqChannelsDiffer).toBe(true);
  });

  it('compares a rate over both channels with the same rate over one: not comparable either', () => {
    const rate = kpiChanges(engine, all, period('2025-Q2')).get('engagement_rate')!;
    expectClose(rate.value, 300 / 10000);
    expect(rate.qoq).toBeNull();
    expect(rate.qoqChannelsDiffer).toBe(true);
    // no value a year before (2024-Q2): null, and nothing to flag
    expect(rate.yoy).toBeNull();
    expect(rate.yoyChannelsDiffer).toBe(false);
  });

  it('keeps the change of a rate on one channel', () => {
    const rate = kpiChanges(engine, ['instagram'], period('2025-Q2')).get('engagement_rate')!;
    // 120 / 8,000 = 1.5% against 100 / 10,000 = 1%: +50%
    expectClose(rate.qoq, 0.5);
    expect(rate.qoqChannelsDiffer).toBe(false);
  });
});
