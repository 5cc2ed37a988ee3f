/**
 * A change between a figure that is only a bound and an exact one does not compare (red-team 33
 * #3): reach as month rows through 2025 (summed: at most the true reach), then as quarter rows
 * from 2026, showed -56% QoQ. Both quarters as month rows still compare, as before.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.ts';
import { changesTitle } from '../../src/format/changes.ts';
import { period } from '../coreFixtures.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const months = [
  '2025-01',
  '2025-02',
  '2025-03',
  '2025-04',
  '2025-05',
  '2025-06',
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
];
const DATA = {
  'data/instagram/reach-2025.json': rowsExport(
    'instagram',
    months.map((month) => ({ month, reach: 76000 })),
  ),
  'data/instagram/reach-2026.json': rowsExport('instagram', [
    { quarter: '2026-Q1', reach: 100000 },
    { quarter: '2026-Q2', reach: 110000 },
  ]),
  'data/instagram/daily.json': dailyExport('instagram', '2025-01-01', '2026-06-30', () => ({ impressions: 1000 })),
};

describe('changes against a bound', () => {
  const root = loadRoot(SITE, 'goals: []\n', DATA);
  const report = (q: string) => buildReport(root.project!, root.engine!, { quarter: period(q) }).kpis['instagram']!['reach']!;

  it('are none where one quarter is a bound and the other exact, and say why', () => {
    const q1 = report('2026-Q1');
    expect(q1).toMatchObject({ value: 100000, qoq: null, yoy: null, qoq_bound_differs: true, yoy_bound_differs: true });
    expect(changesTitle(q1, { locale: 'en-US', currency: 'EUR' })).toContain('they do not compare');
  });

  it('stay where both are exact, or both bounds', () => {
    expect(report('2026-Q2')).toMatchObject({ value: 110000, qoq: 0.1 });
    expect(report('2026-Q2')).not.toHaveProperty('qoq_bound_differs');
    expect(report('2025-Q4')).toMatchObject({ approximate: true, bound: 'upper', qoq: 0 });
  });
});
