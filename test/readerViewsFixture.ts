/**
 * A small root shaped like red-team 12's root a, for the pages a CMO reads: conversions on
 * Facebook only beside clicks on three channels; LinkedIn stops on Aug 20; a listening export of
 * month rows to August where Instagram's tool gives no neutral mentions; Instagram starts on May
 * 15; unique visitors (Facebook) as a
 * quarter row for Q2 and month rows for Q3 (an upper bound); goals over all channels that leave
 * LinkedIn out, and one on LinkedIn.
 */
import { parseQuarter } from '../src/core/periods.ts';
import { computeQuarter, kpiMetas, type QuarterFigures } from '../src/core/figures.ts';
import type { KpiMeta } from '../src/core/figures.ts';
import { dailyExport, loadRoot, type LoadedRoot, rowsExport } from './exportsFixture.ts';

export const READER_SITE = (locale = 'en-US') =>
  `title: Acme\nlocale: ${locale}\ncurrency: EUR\nchannels:\n  facebook: { label: Facebook }\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n` +
  `metrics:\n  site_visitors: { label: Unique visitors, aggregation: unique, unit: count }\n  code_uses: { label: Code uses, aggregation: flow, unit: count }\n`;

export const READER_GOALS = `kpis:
  - { id: code_rate, label: Code rate, formula: "code_uses / clicks", unit: percent, good: up }
goals:
  - { id: cvr, title: Conversion rate 6%, period: 2026-Q3, channel: all, kpi: conversion_rate, target: 0.06 }
  - { id: li, title: LinkedIn clicks, period: 2026-Q3, channel: linkedin, kpi: clicks, target: 1000 }
  - id: okr
    type: okr
    title: Sales OKR
    period: 2026-Q3
    key_results:
      - { id: k1, kpi: conversions, channel: all, target: 900 }
`;

const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];

export const READER_DATA: Readonly<Record<string, string>> = {
  'data/facebook/daily.json': dailyExport('facebook', '2026-01-01', '2026-09-30', (d) => ({
    impressions: 10000,
    engagements: 300,
    clicks: 200,
    conversions: d >= '2026-07-01' ? 10 : 8,
  })),
  'data/instagram/daily.json': dailyExport('instagram', '2026-05-15', '2026-09-30', () => ({
    impressions: 8000,
    engagements: 400,
    clicks: 100,
  })),
  'data/linkedin/daily.json': dailyExport('linkedin', '2026-01-01', '2026-08-20', () => ({
    impressions: 3000,
    engagements: 90,
    clicks: 60,
  })),
  'data/listening/2026.json': rowsExport('facebook', [
    ...months.map((month) => ({
      month,
      channel: 'facebook',
      positive_mentions: 400,
      neutral_mentions: 500,
      negative_mentions: 100,
    })),
    ...months.slice(2).map((month) => ({ month, channel: 'instagram', positive_mentions: 1200, negative_mentions: 200 })),
  ]),
  'data/facebook/ga.json': rowsExport('facebook', [
    { quarter: '2026-Q2', site_visitors: 7000 },
    ...['2026-07', '2026-08', '2026-09'].map((month) => ({ month, site_visitors: 3000 })),
  ]),
  'data/instagram/shop.json': dailyExport('instagram', '2026-05-15', '2026-09-15', () => ({ code_uses: 5 })),
};

/** The root loaded (throws on a problem: the fixture must load). */
export function readerRoot(
  locale = 'en-US',
  data: Readonly<Record<string, string>> = READER_DATA,
): Required<LoadedRoot> & {
  project: NonNullable<LoadedRoot['project']>;
  engine: NonNullable<LoadedRoot['engine']>;
} {
  const root = loadRoot(READER_SITE(locale), READER_GOALS, data);
  if (!root.project || !root.engine) throw new Error(`fixture: ${root.problems.join('; ')}`);
  return root as ReturnType<typeof readerRoot>;
}

/** 2026-Q3's figures of the root, for all channels (`channel` null) or one. */
export function readerFigures(
  root: ReturnType<typeof readerRoot>,
  channel: string | null = null,
): { figures: QuarterFigures; kpis: KpiMeta[] } {
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok) throw new Error(quarter.reason);
  return {
    figures: computeQuarter(root.project, root.engine, { quarter: quarter.period, channel }),
    kpis: kpiMetas(root.engine),
  };
}
