/** An OKR on Instagram's Q3: a reach key result on month rows only (an upper bound), and a manual one. */
import { dailyExport, rowsExport } from './exportsFixture.ts';

export const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
export const DATA = {
  'data/instagram/reach.json': rowsExport('instagram', [
    { month: '2026-07', reach: 30000 },
    { month: '2026-08', reach: 30000 },
    { month: '2026-09', reach: 30000 },
  ]),
  'data/instagram/daily.json': dailyExport('instagram', '2026-07-01', '2026-09-30', () => ({ impressions: 1000 })),
};
export const okr = (krs: string) => `goals:
  - id: okr
    type: okr
    title: Grow
    period: 2026-Q3
    key_results:
${krs}`;
export const REACH = '      - { id: reach, kpi: reach, channel: instagram, baseline: 0, target: 100000 }\n';
export const TALKS = (current: number) => `      - { id: talks, title: Talks, manual: { current: ${current}, target: 4 } }\n`;
