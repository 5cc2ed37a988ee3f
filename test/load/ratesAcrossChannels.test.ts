/**
 * A rate declared as a stock (or unique) metric and given on several channels (red-team 14 #3):
 * over channels a stock is summed, as followers are, so a story exit rate of 10% on Instagram and
 * 20% on Facebook shows as 30% for all channels. The figure is the format's rule; a note at the
 * declaration says what it is, once the data give the metric on two channels (one channel: no note).
 */
import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { day } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nmetrics:\n  story_exit_rate: { label: Story exit rate, aggregation: stock, unit: percent }\n';
const rate = (channel: string, value: number) =>
  dailyExport(channel, '2026-07-01', '2026-09-30', () => ({ story_exit_rate: value }));

describe('a rate declared as a stock, on several channels (red-team 14 #3)', () => {
  it('is summed over channels, as the format says, and noted at its declaration', () => {
    const root = loadRoot(SITE, 'goals: []\n', {
      'data/instagram/q3.json': rate('instagram', 0.1),
      'data/facebook/q3.json': rate('facebook', 0.2),
    });
    expect(root.problems).toEqual([]);
    expect(root.notes).toEqual([
      expect.stringMatching(
        /^content\/site\.yaml:3:\d+: note: 'story_exit_rate' is a rate \(unit percent\) declared stock, given on 2 channels \(facebook, instagram\): .*adds their rates/,
      ),
    ]);
    const quarter = parseQuarter('2026-Q3');
    if (!quarter.ok) throw new Error(quarter.reason);
    const report = buildReport(root.project!, root.engine!, { quarter: quarter.period, asOf: day('2026-09-30') });
    expect(report.kpis.all!.story_exit_rate!.value).toBeCloseTo(0.3, 9);
    expect(report.kpis.instagram!.story_exit_rate!.value).toBeCloseTo(0.1, 9);
  });

  it('is not noted on one channel, nor as a count', () => {
    expect(loadRoot(SITE, 'goals: []\n', { 'data/instagram/q3.json': rate('instagram', 0.1) }).notes).toEqual([]);
    const counted = SITE.replace('unit: percent', 'unit: count');
    expect(
      loadRoot(counted, 'goals: []\n', {
        'data/instagram/q3.json': rate('instagram', 1),
        'data/facebook/q3.json': rate('facebook', 2),
      }).notes,
    ).toEqual([]);
  });
});
