import { describe, expect, it } from 'vitest';
import type { KpiMeta } from '../../src/core/figures.ts';
import type { ReportJson } from '../../src/core/report.ts';
import { scorecardCsv } from '../../src/site/csv.ts';
import { csvPath, scorecardCsvPath } from '../../src/site/paths.ts';

describe('download names', () => {
  it('name the quarter and the channel or version', () => {
    expect(csvPath('2026-Q3')).toBe('reports/2026-q3/goalpost-2026-q3-kpis.csv');
    expect(csvPath('2026-Q3', 'instagram')).toBe('reports/2026-q3/instagram/goalpost-2026-q3-instagram-kpis.csv');
    expect(csvPath('2026-Q3', undefined, 2)).toBe('reports/2026-q3/v2/goalpost-2026-q3-v2-kpis.csv');
    expect(scorecardCsvPath('2026-Q2')).toBe('reports/2026-q2/goalpost-2026-q2-scorecard.csv');
  });
});

describe('scorecardCsv', () => {
  const kpis = new Map<string, KpiMeta>([
    ['reach', { id: 'reach', label: 'Reach', unit: 'count', good: 'up', formula: 'reach', description: '' }],
  ]);
  const report: ReportJson = {
    period: '2026-Q3',
    as_of: '2026-09-30',
    channels: ['all'],
    coverage: {},
    incomplete: [],
    kpis: {},
    goals: [
      {
        id: 'g1',
        type: 'smart',
        title: '=HYPERLINK("x")',
        category: null,
        objective: null,
        owner: null,
        kpi: 'reach',
        channel: ['instagram', 'tiktok'],
        start: '2026-07-01',
        deadline: '2026-09-30',
        mode: 'cumulative',
        baseline: null,
        previous: null,
        target: 1000,
        actual: 800,
        progress: 0.8,
        elapsed: 1,
        expected: 1,
        status: 'missed',
        projection: 800,
      },
      {
        id: 'o1',
        type: 'okr',
        title: 'Community',
        category: null,
        objective: null,
        owner: null,
        start: '2026-07-01',
        deadline: '2026-09-30',
        elapsed: 1,
        stretch: true,
        score: 0.65,
        band: 'green',
        key_results: [
          {
            id: 'kr1',
            title: null,
            kpi: 'reach',
            channel: 'all',
            weight: 1,
            manual: false,
            baseline: null,
            target: 10,
            actual: 7,
            progress: 0.7,
            expected: 1,
            status: 'missed',
            projection: 7,
            score: 0.7,
          },
        ],
      },
    ],
  };

  it('writes a row per SMART goal, OKR and key result, unrounded, with the figures they are', () => {
    const lines = scorecardCsv(report, kpis, { kind: 'frozen', version: 2 } as never, 'EUR')
      .split('\r\n')
      .filter((l) => l !== '');
    const header = lines[0]!.split(',');
    const rows = lines
      .slice(1)
      .map((l) => Object.fromEntries(l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c, i) => [header[i]!, c])));
    expect(rows.map((r) => [r['type'], r['goal'], r['key_result']])).toEqual([
      ['smart', 'g1', ''],
      ['okr', 'o1', ''],
      ['key_result', 'o1', 'kr1'],
    ]);
    expect([rows[0]!['actual'], rows[0]!['target'], rows[0]!['progress'], rows[0]!['channel'], rows[0]!['status']]).toEqual([
      '800',
      '1000',
      '0.8',
      'instagram tiktok',
      'missed',
    ]);
    expect([rows[1]!['score'], rows[1]!['band'], rows[2]!['score'], rows[2]!['label']]).toEqual([
      '0.65',
      'green',
      '0.7',
      'Reach',
    ]);
    expect(rows.every((r) => r['figures'] === 'frozen' && r['version'] === '2')).toBe(true);
    expect(rows[0]!['title']).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('says what each target is set against, and when that reference counts an input only to a day', () => {
    const goals = report.goals.map((g) =>
      g.type === 'smart'
        ? { ...g, mode: 'level' as const, baseline: 0.03, previous: 0.0234, baseline_to: '2026-06-10' }
        : { ...g, key_results: g.key_results.map((kr) => ({ ...kr, baseline: 0, reference_to: '2026-06-10' })) },
    );
    const lines = scorecardCsv({ ...report, goals }, kpis, { kind: 'live' }, 'EUR')
      .split('\r\n')
      .filter((l) => l !== '');
    const header = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    const cells = (r: string[], ...names: string[]) => names.map((n) => r[header.indexOf(n)]);
    expect(header.slice(-18, -14)).toEqual(['baseline', 'previous', 'baseline_to', 'reference_to']);
    expect(cells(rows[0]!, 'baseline', 'previous', 'baseline_to', 'reference_to')).toEqual(['0.03', '0.0234', '2026-06-10', '']);
    expect(cells(rows[1]!, 'baseline', 'previous', 'baseline_to', 'reference_to')).toEqual(['', '', '', '']);
    expect(cells(rows[2]!, 'baseline', 'previous', 'baseline_to', 'reference_to')).toEqual(['0', '', '', '2026-06-10']);
  });
});
