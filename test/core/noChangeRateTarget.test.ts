/**
 * A "+0%" target on a rate (red-team 24 #7, root g): the target was the previous quarter's rate
 * rounded to 15 digits, not the rate itself, so it differed from its baseline in the 17th digit
 * and progress came out at −52 billion (shown as "−5,200,570,421,722%"), and whether a rate that
 * held exactly counted as held hung on which way the rounding went.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { resolveTarget } from '../../src/core/targets.ts';
import { day, period } from '../coreFixtures.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const site = 'title: T\nlocale: en-US\ncurrency: EUR\n';
const goals = `goals:
  - { id: er, title: ER, period: 2026-Q3, channel: ig, kpi: engagement_rate, target: { change: "+0%" } }
  - { id: ctr, title: CTR, period: 2026-Q3, channel: ig, kpi: ctr, target: { change: "+0%" } }
`;
// Engagements that vary by day (a rate of 17 digits), clicks and impressions that do not (the same CTR each quarter).
const root = loadRoot(site, goals, {
  'data/ig/a.json': dailyExport('ig', '2026-04-01', '2026-09-30', (d) => ({
    impressions: 98765,
    engagements: 1234 + (d.charCodeAt(8) % 3),
    clicks: 777,
  })),
});
const goal = (asOf: string, id: string) =>
  buildReport(root.project!, root.engine!, { quarter: period('2026-Q3'), asOf: day(asOf) }).goals.find(
    (g) => g.id === id,
  ) as SmartGoalJson;

describe('a "+0%" target on a rate', () => {
  it('is the previous quarter’s rate to its last digit', () => {
    expect(resolveTarget({ kind: 'percent', ratio: 0 }, 0.01250396784910146)).toBe(0.01250396784910146);
    for (const asOf of ['2026-08-15', '2026-09-30']) {
      const er = goal(asOf, 'er');
      expect(er.target).toBe(er.baseline);
    }
  });

  it('has no progress figure, as a target of no change has none', () => {
    for (const asOf of ['2026-08-15', '2026-09-30']) for (const id of ['er', 'ctr']) expect(goal(asOf, id).progress).toBeNull();
  });

  it('reads a rate that held exactly as held, and one a hair below as not', () => {
    expect(goal('2026-09-30', 'ctr')).toMatchObject({ actual: 777 / 98765, status: 'achieved' });
    const er = goal('2026-09-30', 'er');
    expect(er.actual!).toBeLessThan(er.target!);
    expect(er.status).toBe('missed');
  });
});
