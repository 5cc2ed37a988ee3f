/**
 * A narrative's `<KpiValue>` carries the report's own cell, so that it shows the marks the KPI
 * table shows beside the same figure (red-team 32 #3): ≈ for reach summed from month rows, the
 * channels a rate covers.
 */
import { describe, expect, it } from 'vitest';
import { narrativeView } from '../../src/site/narrativeView.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';
import { period } from '../coreFixtures.ts';

const SITE =
  'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n';
const DATA = {
  'data/instagram/reach.json': rowsExport('instagram', [
    { month: '2026-07', reach: 30000 },
    { month: '2026-08', reach: 30000 },
    { month: '2026-09', reach: 30000 },
  ]),
  'data/instagram/daily.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({ impressions: 1000 })),
  'data/linkedin/daily.json': dailyExport('linkedin', '2026-07-01', '2026-09-30', () => ({ impressions: 500, clicks: 10 })),
};

describe("a narrative's KPI value", () => {
  it("carries the report's cell: a bound, the channels a rate covers", () => {
    const root = loadRoot(SITE, 'goals: []\n', DATA);
    const view = narrativeView(root.project!, root.engine!, period('2026-Q3'), [
      { component: 'KpiValue', props: { kpi: 'reach', channel: 'instagram' } },
      { component: 'KpiValue', props: { kpi: 'ctr' } },
    ]);
    const [reach, ctr] = [...view.values.values()];
    expect(reach!.cell).toMatchObject({ value: 90000, approximate: true, bound: 'upper' });
    expect(ctr!.cell).toMatchObject({ channels: ['linkedin'] });
  });
});
