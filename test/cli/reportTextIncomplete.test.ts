/**
 * The text report marks the figures of a channel whose data stop inside the quarter (red-team 15
 * #7, root s): its section header says its last day, and each all-channel figure that counts it
 * says which channel and to when (`incomplete`, `incomplete_to` on the cell); a figure that does
 * not count it is not marked.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import type { KpiJson, ReportJson } from '../../src/core/report.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';

const site = {
  ...DEFAULT_SITE,
  channels: { ig: { label: 'Instagram', color: null }, li: { label: 'LinkedIn', color: null } },
};
const kpis = new Map([
  ['impressions', { unit: 'count' as const, label: 'Impressions' }],
  ['ctr', { unit: 'percent' as const, label: 'Click-through rate' }],
]);
const cut: Pick<KpiJson, 'incomplete' | 'incomplete_to'> = { incomplete: ['ig'], incomplete_to: { ig: '2026-05-15' } };

const report: ReportJson = {
  period: '2026-Q2',
  as_of: '2026-06-30',
  channels: ['all', 'ig', 'li'],
  coverage: { ig: '2026-05-15', li: '2026-06-30' },
  incomplete: ['ig'],
  kpis: {
    all: {
      impressions: { value: 13600, qoq: null, yoy: null, channels: ['ig', 'li'], left_out: [], ...cut },
      ctr: { value: 0.01, qoq: 0, yoy: null, channels: ['li'], left_out: ['ig'] },
    },
    ig: { impressions: { value: 4500, qoq: null, yoy: null, ...cut } },
    li: { impressions: { value: 9100, qoq: 0.0111, yoy: null } },
  },
  goals: [],
};

describe('the text report of a quarter a channel stops inside', () => {
  const lines = renderText(report, site, kpis).split('\n');
  const line = (start: string) => lines.find((l) => l.trimStart().startsWith(start)) ?? '';

  it("heads the channel's section with its last day", () => {
    expect(lines).toContain('Instagram [incomplete: data only to 2026-05-15]');
    expect(lines).toContain('LinkedIn');
  });

  it('marks each all-channel figure that counts it, and no other', () => {
    expect(line('Impressions')).toContain('[incomplete: Instagram to 2026-05-15]');
    expect(line('Click-through rate')).not.toContain('incomplete');
  });
});
