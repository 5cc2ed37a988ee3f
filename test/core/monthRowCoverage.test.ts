/**
 * A month row does not make a channel's daily exports known past their end (red-team 7 #5):
 * Instagram's exports were downloaded on 10 August, its reach comes as a row for each month
 * (itself only an upper bound). The row for August must not certify Instagram's impressions and
 * spend to 31 August: the report's coverage, its incomplete channels and everything that reads
 * them say the channel's data end on the 10th, as its goals do. A channel whose exports are all
 * month rows covers its months.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate, type Day } from '../../src/core/dates.ts';
import { parsePeriod } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { dailyExport, earlyDownloadExports, INSTAGRAM_MONTHLY_REACH, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE =
  'title: Acme\nlocale: en-US\nchannels:\n  facebook: { label: Facebook }\n  instagram: { label: Instagram }\n  youtube: { label: YouTube }\n';

function day(iso: string): Day {
  const parsed = parseIsoDate(iso);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.day as Day;
}

function report(data: Record<string, string>) {
  const root = loadRoot(SITE, 'goals: []\n', data);
  expect(root.problems).toEqual([]);
  const q3 = parsePeriod('2026-Q3');
  if (!q3.ok) throw new Error(q3.reason);
  return { root, json: buildReport(root.project!, root.engine!, { quarter: q3.period }) };
}

describe('a month row of reach beside daily exports that stop early', () => {
  const { root, json } = report({ ...earlyDownloadExports({ impressions: 8000, spend: 50 }), ...INSTAGRAM_MONTHLY_REACH });

  it('leaves the channel covered to its daily exports’ end, marked incomplete', () => {
    expect(json.as_of).toBe('2026-08-31');
    expect(json.coverage.instagram).toBe('2026-08-10');
    expect(json.incomplete).toEqual(['instagram']);
  });

  it('is the last day the index knows the channel’s exports cover', () => {
    expect(root.engine!.index.coveredTo(day('2026-09-30'), 'instagram')).toBe(day('2026-08-10'));
  });

  it('says the same without the month rows', () => {
    const without = report(earlyDownloadExports({ impressions: 8000, spend: 50 })).json;
    expect(without.coverage).toEqual(json.coverage);
    expect(without.incomplete).toEqual(json.incomplete);
  });
});

describe('a channel whose exports are month rows', () => {
  const monthly = rowsExport('youtube', [
    { month: '2026-07', impressions: 90000, reach: 40000 },
    { month: '2026-08', impressions: 80000, reach: 35000 },
  ]);

  it('covers its months', () => {
    const { json } = report({ ...earlyDownloadExports({ impressions: 8000 }), 'data/youtube/monthly.json': monthly });
    expect(json.coverage.youtube).toBe('2026-08-31');
    expect(json.incomplete).toEqual(['instagram']);
  });

  it('covers its months also where it had daily exports in an earlier quarter', () => {
    const { json } = report({
      ...earlyDownloadExports({ impressions: 8000 }),
      'data/youtube/q2.json': dailyExport('youtube', '2026-04-01', '2026-06-30', () => ({ impressions: 3000 })),
      'data/youtube/monthly.json': monthly,
    });
    expect(json.coverage.youtube).toBe('2026-08-31');
    expect(json.incomplete).toEqual(['instagram']);
  });
});

describe('a quarter row of reach beside a daily export that starts late', () => {
  it('does not move the channel’s first day to the quarter’s first', () => {
    const { root } = report({
      'data/facebook/q2.json': dailyExport('facebook', '2026-04-01', '2026-08-31', () => ({ impressions: 10000 })),
      'data/instagram/q2.json': dailyExport('instagram', '2026-05-20', '2026-08-31', () => ({ impressions: 8000 })),
      'data/instagram/reach.json': rowsExport('instagram', [{ quarter: '2026-Q2', reach: 300000 }]),
    });
    expect(root.engine!.index.firstDay('instagram')).toBe(day('2026-05-20'));
  });
});

describe('a month row of a summed metric after daily exports (red-team 9 #2)', () => {
  // LinkedIn's page analytics daily to 31 August, then September as one row: September's figure,
  // which goals and the KPI table count, so September is covered.
  const data = {
    ...earlyDownloadExports({ impressions: 8000 }),
    'data/facebook/sep.json': dailyExport('facebook', '2026-09-01', '2026-09-30', () => ({ impressions: 10000 })),
    'data/instagram/rest.json': dailyExport('instagram', '2026-08-11', '2026-09-30', () => ({ impressions: 8000 })),
    'data/youtube/daily.json': dailyExport('youtube', '2026-07-01', '2026-08-31', () => ({ impressions: 2000, clicks: 60 })),
    'data/youtube/monthly.json': rowsExport('youtube', [{ month: '2026-09', impressions: 60000, clicks: 1800 }]),
  };

  it('covers the month, so the channel is not incomplete where its figures count that month', () => {
    const { json } = report(data);
    expect(json.as_of).toBe('2026-09-30');
    expect(json.coverage.youtube).toBe('2026-09-30');
    expect(json.incomplete).toEqual([]);
    expect(json.kpis['youtube']!['impressions']!.value).toBe(62 * 2000 + 60000);
  });
});
