/**
 * The KPI table's change against an earlier quarter that a channel covers only in part (red-team
 * 7 #8): LinkedIn's daily export starts on 20 May 2026 while Facebook's runs from 1 January, so
 * Q2 holds 42 of LinkedIn's 91 days. A total's QoQ against it is part of a quarter against a whole
 * one: null, with the days (`qoq_partial`). A rate is compared with its rate over the days every
 * channel counted covers, flagged. An export downloaded early (Instagram's Q1 file ends on 20
 * March) is the same at the other end. The flag reaches the JSON, the KPI CSV, the text report,
 * the page's words, and keeps the change out of the biggest moves.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parsePeriod } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { changesTitle, changeText } from '../../src/format/changes.ts';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { kpiCsv } from '../../src/site/csv.ts';
import { cellMove } from '../../src/site/summary.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\nchannels:\n  facebook: { label: Facebook }\n  linkedin: { label: LinkedIn }\n';

function quarter(label: string) {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.period;
}

const launched = loadRoot(SITE, 'goals: []\n', {
  'data/facebook/ads.json': dailyExport('facebook', '2026-01-01', '2026-09-30', () => ({ impressions: 10000, clicks: 300 })),
  'data/linkedin/page.json': dailyExport('linkedin', '2026-05-20', '2026-09-30', () => ({ impressions: 2000, clicks: 40 })),
});
const report = () => buildReport(launched.project!, launched.engine!, { quarter: quarter('2026-Q3') });

describe('a channel launched inside the previous quarter', () => {
  it('gives a total no QoQ against it, with the days it covers, on the channel and on all channels', () => {
    expect(launched.problems).toEqual([]);
    const json = report();
    for (const scope of ['linkedin', 'all']) {
      const cell = json.kpis[scope]!.impressions!;
      expect(cell.qoq).toBeNull();
      expect(cell.qoq_partial).toEqual({ from: '2026-05-20', to: '2026-06-30' });
    }
    const facebook = json.kpis.facebook!.impressions!;
    expect(facebook.qoq).toBeCloseTo(92 / 91 - 1, 12);
    expect(facebook.qoq_partial).toBeUndefined();
  });

  it('compares an all-channel rate with its rate over the days both channels cover', () => {
    const ctr = report().kpis.all!.ctr!;
    expect(ctr.value).toBeCloseTo(340 / 12000, 12);
    // Over the whole of Q2 it would be (300·91 + 40·42) / (10000·91 + 2000·42): a move no channel made.
    expect(ctr.qoq).toBeCloseTo(0, 12);
    expect(ctr.qoq_partial).toEqual({ from: '2026-05-20', to: '2026-06-30' });
  });

  it('validates against the documented report shape', () => {
    const printed = { ...report(), partial: false, figures: 'live', version: null, frozen_at: null, currency: 'EUR' };
    const parsed = reportJsonSchema.safeParse(JSON.parse(JSON.stringify(printed)));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('says so in the KPI CSV, the text report and the page’s words, and is no move', () => {
    const json = report();
    const metas = new Map(kpiMetas(launched.engine!).map((m) => [m.id, m]));
    const [header, ...lines] = kpiCsv(json, metas, { kind: 'live' }, 'EUR').trimEnd().split('\r\n');
    const columns = header!.split(',');
    const row = lines
      .map((l) => l.split(','))
      .find((c) => c[columns.indexOf('channel')] === 'linkedin' && c[columns.indexOf('kpi')] === 'impressions')!;
    expect(row[columns.indexOf('qoq_partial')]).toBe('2026-05-20..2026-06-30');
    expect(row[columns.indexOf('qoq')]).toBe('');

    const kpis = new Map(kpiMetas(launched.engine!).map((k) => [k.id, { unit: k.unit, label: k.label, good: k.good }]));
    const text = renderText(json, launched.project!.site, kpis);
    expect(text).toContain('n/a: earlier quarter covered only 2026-05-20 – 2026-06-30');

    const fmt = launched.project!.site;
    expect(changeText(json.kpis.linkedin!.impressions!, 'qoq', fmt)).toBe(
      'n/a: earlier quarter covered only 2026-05-20 – 2026-06-30',
    );
    expect(changeText(json.kpis.all!.ctr!, 'qoq', fmt)).toBe('0.0% (earlier quarter over 2026-05-20 – 2026-06-30)');
    expect(changesTitle(json.kpis.all!.ctr!, fmt)).toContain('cover the earlier quarter only from 2026-05-20 to 2026-06-30');
    expect(
      changeText(json.kpis.linkedin!.impressions!, 'qoq', { ...fmt, locale: 'fr-FR' }, (iso) =>
        iso.split('-').reverse().join('/'),
      ),
    ).toBe('n.d. : trimestre de comparaison couvert seulement du 20/05/2026 au 30/06/2026');

    // Not ranked among the biggest moves, though the rate's change is a number.
    expect(cellMove(metas.get('ctr')!, json.kpis.all!.ctr!)).toBeNull();
  });
});

describe('an earlier quarter whose export was downloaded before its end', () => {
  const root = loadRoot(SITE, 'goals: []\n', {
    'data/facebook/ads.json': dailyExport('facebook', '2026-01-01', '2026-06-30', () => ({ impressions: 10000, clicks: 300 })),
    'data/linkedin/q1.json': dailyExport('linkedin', '2026-01-01', '2026-03-20', () => ({ impressions: 2000, clicks: 40 })),
    'data/linkedin/q2.json': dailyExport('linkedin', '2026-04-01', '2026-06-30', () => ({ impressions: 2000, clicks: 40 })),
  });

  it('gives a total no QoQ, with the days the export covers', () => {
    expect(root.problems).toEqual([]);
    const json = buildReport(root.project!, root.engine!, { quarter: quarter('2026-Q2') });
    const cell = json.kpis.linkedin!.impressions!;
    expect(cell.qoq).toBeNull();
    expect(cell.qoq_partial).toEqual({ from: '2026-01-01', to: '2026-03-20' });
    const ctr = json.kpis.linkedin!.ctr!;
    expect(ctr.qoq).toBeCloseTo(0, 12);
    expect(ctr.qoq_partial).toEqual({ from: '2026-01-01', to: '2026-03-20' });
    // The reason is the export's end, not inputs ending apart.
    const title = changesTitle(ctr, root.project!.site)!;
    expect(title).toContain('only from 2026-01-01 to 2026-03-20');
    expect(title).not.toContain('inputs end on different days');
    expect(json.kpis.facebook!.impressions!.qoq_partial).toBeUndefined();
  });
});

describe('data that start inside the earlier quarter for every channel (red-team 9 #3)', () => {
  it("cover it in part all the same: a team's first daily export starts where its data start", () => {
    // Facebook's first download starts on 15 February: 2026-Q1 has 45 of its 90 days, and Q2 is not
    // "+102%" against it.
    const root = loadRoot(SITE, 'goals: []\n', {
      'data/facebook/ads.json': dailyExport('facebook', '2026-02-15', '2026-06-30', () => ({ impressions: 10000 })),
    });
    const cell = buildReport(root.project!, root.engine!, { quarter: quarter('2026-Q2') }).kpis.facebook!.impressions!;
    expect(cell.qoq_partial).toEqual({ from: '2026-02-15', to: '2026-03-31' });
    expect(cell.qoq).toBeNull();
  });
});
