/**
 * A KPI cell carries the earlier values its changes compare with (`previous`, `year_ago`), where the
 * change is given: the summary's change in points of a rate is value − previous, which `qoq` alone
 * cannot give back when the previous value is below zero (red-team 12 #1: net sentiment −16.7% →
 * +20.0% read "+13.8 pts").
 */
import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { loadRoot } from '../exportsFixture.ts';

const months = (positive: number, negative: number, ...ms: string[]) =>
  ms.map((month) => ({ month, mentions: 400, positive_mentions: positive, negative_mentions: negative, neutral_mentions: 100 }));

const root = loadRoot('title: T\n', 'goals: []\n', {
  'data/listening.json': JSON.stringify({
    channel: 'facebook',
    rows: [...months(100, 140, '2026-04', '2026-05', '2026-06'), ...months(150, 100, '2026-07', '2026-08', '2026-09')],
  }),
});

describe('KPI cells: the earlier values their changes compare with', () => {
  it('give previous beside qoq, below zero too, and leave them out where there is no change', () => {
    const q3 = parseQuarter('2026-Q3');
    if (!q3.ok || !root.project || !root.engine) throw new Error(root.problems.join('\n'));
    const report = buildReport(root.project, root.engine, { quarter: q3.period });
    const cell = report.kpis['all']!['net_sentiment']!;
    expect(cell.value).toBeCloseTo(0.2, 12);
    expect(cell.previous).toBeCloseTo(-40 / 240, 12);
    expect(cell.qoq).toBeCloseTo((0.2 + 40 / 240) / (40 / 240), 12);
    // No quarter a year before: no yoy, and no year_ago.
    expect(cell.yoy).toBeNull();
    expect(cell).not.toHaveProperty('year_ago');
  });
});
