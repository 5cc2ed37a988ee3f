/**
 * The KPI CSV's `incomplete` column (red-team 15 #7, root s): true on a channel's rows when its data
 * stop inside the quarter, and on each all-channel row whose figure counts such a channel (the
 * cell's `incomplete`); false on an all-channel figure that does not count it (CTR, LinkedIn only).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { KpiMeta } from '../../src/core/figures.ts';
import type { ReportJson } from '../../src/core/report.ts';
import { kpiCsv } from '../../src/site/csv.ts';

const meta = (id: string, unit: KpiMeta['unit']): KpiMeta => ({
  id,
  label: id,
  unit,
  good: 'up',
  formula: id,
  description: '',
});
const kpis = new Map([
  ['impressions', meta('impressions', 'count')],
  ['ctr', meta('ctr', 'percent')],
]);
const report: ReportJson = {
  period: '2026-Q2',
  as_of: '2026-06-30',
  channels: ['all', 'ig', 'li'],
  coverage: { ig: '2026-05-15', li: '2026-06-30' },
  incomplete: ['ig'],
  kpis: {
    all: {
      impressions: {
        value: 13600,
        qoq: null,
        yoy: null,
        channels: ['ig', 'li'],
        left_out: [],
        incomplete: ['ig'],
        incomplete_to: { ig: '2026-05-15' },
      },
      ctr: { value: 0.01, qoq: 0, yoy: null, channels: ['li'], left_out: ['ig'] },
    },
    ig: { impressions: { value: 4500, qoq: null, yoy: null, incomplete: ['ig'], incomplete_to: { ig: '2026-05-15' } } },
    li: { impressions: { value: 9100, qoq: 0.0111, yoy: null } },
  },
  goals: [],
};

describe('the KPI CSV of a quarter a channel stops inside', () => {
  const rows = parse(kpiCsv(report, kpis, { kind: 'live' }, 'EUR'), { columns: true }) as Array<Record<string, string>>;
  const incomplete = (channel: string, kpi: string) =>
    rows.find((r) => r['channel'] === channel && r['kpi'] === kpi)?.['incomplete'];

  it('marks every row whose figure counts it', () => {
    expect(incomplete('ig', 'impressions')).toBe('true');
    expect(incomplete('all', 'impressions')).toBe('true');
  });

  it('leaves the other rows unmarked', () => {
    expect(incomplete('all', 'ctr')).toBe('false');
    expect(incomplete('li', 'impressions')).toBe('false');
  });
});
