/**
 * The scorecard and KPI CSVs carry what the report's JSON says about how far an actual can be
 * trusted (red-team 6; test/trustFixture.ts, shaped like real exports): `gaps`, `actual_to`,
 * `cut_rows`, `provisional` and `approximate` on goal and key-result rows, and a KPI's own
 * `data_to` (`computed_to`), each appended after the existing columns. On main the CSVs lacked them.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { kpiCsv, scorecardCsv } from '../../src/site/csv.ts';
import { trustReport } from '../trustFixture.ts';

const { report, kpis } = trustReport();
const records = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;
const header = (text: string) => text.split('\r\n')[0]!.split(',');

describe('the scorecard CSV', () => {
  const text = scorecardCsv(report, kpis, { kind: 'live' }, 'EUR');
  const rows = records(text);
  const row = (goal: string, kr = '') => rows.find((r) => r['goal'] === goal && r['key_result'] === kr)!;
  const trust = (r: Record<string, string>) => [r['gaps'], r['actual_to'], r['cut_rows'], r['provisional'], r['approximate']];

  it('appends the trust columns after the existing ones', () => {
    expect(header(text).slice(-18, -3)).toEqual([
      'baseline',
      'previous',
      'baseline_to',
      'reference_to',
      'gaps',
      'actual_to',
      'cut_rows',
      'provisional',
      'approximate',
      'bound',
      'previous_partial',
      'met_so_far',
      'baseline_bound',
      'currency',
      'counted_from',
    ]);
  });

  it('closes with what the pages mark beside a figure: channels left out, net follows, a moved goalpost (red-team 32 #5)', () => {
    expect(header(text).slice(-3)).toEqual(['left_out', 'basis', 'moved_goalpost']);
    const goal = report.goals.find((g) => g.type === 'smart')!;
    const marked = records(
      scorecardCsv(
        {
          ...report,
          goals: report.goals.map((g) =>
            g.id === goal.id ? { ...g, left_out: ['tiktok', 'x'], basis: 'net_follows' as const } : g,
          ),
        },
        kpis,
        { kind: 'live' },
        'EUR',
        new Set([goal.id, 'okr']),
      ),
    );
    const of = (id: string, kr = '') => marked.find((r) => r['goal'] === id && r['key_result'] === kr)!;
    expect([of(goal.id)['left_out'], of(goal.id)['basis'], of(goal.id)['moved_goalpost']]).toEqual([
      'tiktok x',
      'net_follows',
      'true',
    ]);
    expect(of('okr')['moved_goalpost']).toBe('true');
    expect(of('okr', 'kr-mid')['moved_goalpost']).toBe('');
    const other = report.goals.find((g) => g.type === 'smart' && g.id !== goal.id)!;
    expect(of(other.id)['moved_goalpost']).toBe('false');
  });

  it('gives a cap decided on every day with data its day, beside the day its pace is taken', () => {
    expect(row('cap')['actual']).toBe('16500');
    expect(row('cap')['data_to']).toBe('2026-08-10');
    expect(trust(row('cap'))).toEqual(['', '2026-08-31', 'false', 'false', 'false']);
  });

  it('flags an upper bound, a window cutting a month row and a level before its deadline', () => {
    expect(trust(row('ig-reach'))).toEqual(['', '', 'false', 'true', 'true']);
    expect(trust(row('mid'))).toEqual(['', '', 'true', 'true', 'true']);
    // A window cutting a month row leaves neither an exact figure nor a bound.
    expect([row('ig-reach')['bound'], row('mid')['bound']]).toEqual(['upper', '']);
  });

  it('gives the days between two exports of an input', () => {
    expect(row('tt-clicks')['gaps']).toBe('tiktok clicks=2026-07-15..2026-07-31');
  });

  it('flags key results too, leaving the OKR row empty', () => {
    expect(trust(row('okr', 'kr-mid'))).toEqual(['', '', 'true', 'true', 'true']);
    expect(trust(row('okr', 'kr-zero'))).toEqual(['', '', 'false', 'false', 'false']);
    expect(trust(row('okr'))).toEqual(['', '', '', '', '']);
  });
});

describe('the KPI CSV', () => {
  const text = kpiCsv(report, kpis, { kind: 'live' }, 'EUR');

  it('appends computed_to, the day a rate is computed to where its inputs stop being whole', () => {
    expect(header(text).slice(-8)).toEqual([
      'inputs_to',
      'computed_to',
      'gaps',
      'bound',
      'qoq_partial',
      'yoy_partial',
      'currency',
      'counted_from',
    ]);
    const rows = records(text);
    const cell = (channel: string, kpi: string) => rows.find((r) => r['channel'] === channel && r['kpi'] === kpi)!;
    // YouTube's clicks come as one row a month beside daily impressions to 20 August.
    expect(cell('youtube', 'ctr')['computed_to']).toBe('2026-07-31');
    expect(cell('youtube', 'ctr')['data_to']).toBe(report.coverage['youtube']);
    expect(cell('facebook', 'ctr')['computed_to']).toBe('');
  });
});
