/**
 * A goal whose actual cannot decide its status is `undecided`, not `no_data` (red-team 7 #9): root a
 * of the red team, reach on Instagram from month rows (an upper bound of the quarter's) against a
 * target the bound already passes. It has an actual and a progress, so "No data" was untrue;
 * `no_data` stays for a goal without any actual. Its status word, icon, the summary's count, the
 * text report, the CSV, a key result's score and the objective's all say it. A goal whose reach
 * can only ever come summed from finer rows gets a `validate` note that it cannot settle, in place
 * of the note that it settles at the deadline.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type OkrGoalJson, type ReportJson, type SmartGoalJson } from '../../src/core/report.ts';
import { GOAL_STATUSES } from '../../src/core/status.ts';
import { STATUS_LABELS } from '../../src/format/numbers.ts';
import { scorecardCsv } from '../../src/site/csv.ts';
import { statusCounts } from '../../src/site/summary.ts';
import { uiStrings } from '../../src/translations/index.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n';
const GOALS = `goals:
  - { id: reach-ig, title: Reach, period: 2026-Q3, channel: instagram, kpi: reach, target: 280000 }
  - { id: eng-ig, title: Engagements, period: 2026-Q3, channel: instagram, kpi: engagements, target: 50000 }
  - { id: leads-ig, title: Leads, period: 2026-Q3, channel: instagram, kpi: leads, target: 100 }
  - id: okr
    type: okr
    title: Be seen
    period: 2026-Q3
    key_results:
      - { id: kr-reach, kpi: reach, channel: instagram, target: 280000 }
      - { id: kr-eng, kpi: engagements, channel: instagram, target: 50000 }
`;
const DATA = {
  'data/instagram/content.json': dailyExport('instagram', '2026-04-01', '2026-08-31', () => ({ engagements: 500 })),
  'data/instagram/reach.json': rowsExport('instagram', [
    { quarter: '2026-Q1', reach: 300000 },
    { quarter: '2026-Q2', reach: 320000 },
    { month: '2026-07', reach: 150000 },
    { month: '2026-08', reach: 150000 },
  ]),
};

function q3(): { report: ReportJson; text: string; csv: string[][] } {
  const root = loadRoot(SITE, GOALS, DATA);
  if (!root.project || !root.engine) throw new Error(root.problems.join('; '));
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok) throw new Error(quarter.reason);
  const report = buildReport(root.project, root.engine, { quarter: quarter.period });
  const kpis = new Map(kpiMetas(root.engine).map((k) => [k.id, k]));
  const text = renderText(report, root.project.site, kpis);
  const csv = scorecardCsv(report, kpis, { kind: 'live' } as never, 'EUR')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));
  return { report, text, csv };
}

describe('a goal whose actual is only a bound that cannot decide it (red-team 7 #9)', () => {
  const { report, text, csv } = q3();
  const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

  it('is undecided, with its actual and progress, and a goal with no actual at all is no_data', () => {
    // 300,000 summed from two months: the quarter's reach is at most that, maybe under 280,000.
    expect(goal('reach-ig')).toMatchObject({ actual: 300000, bound: 'upper', status: 'undecided', projection: null });
    expect(goal('reach-ig').progress).not.toBeNull();
    expect(goal('leads-ig')).toMatchObject({ actual: null, status: 'no_data' });
    expect(GOAL_STATUSES).toContain('undecided');
  });

  it('has its own word and icon, in every language', () => {
    expect(STATUS_LABELS.undecided.symbol).not.toBe(STATUS_LABELS.no_data.symbol);
    for (const locale of ['en-US', 'fr-FR', 'it-IT']) {
      const t = uiStrings(locale);
      expect(t.status.undecided).not.toBe(t.status.no_data);
    }
    expect(uiStrings('en-US').status.undecided).toBe('Undecided');
  });

  it('is counted as undecided in the summary, not as no data', () => {
    expect(statusCounts(report.goals)).toEqual(
      expect.arrayContaining([
        { status: 'undecided', count: 1 },
        { status: 'no_data', count: 1 },
      ]),
    );
  });

  it('says undecided in the text report and the scorecard CSV', () => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('reach-ig: Reach'));
    expect(lines[at]).toMatch(/◇ Undecided +reach-ig:/);
    expect(lines[at + 1]).toContain('undecided: the actual is only an upper bound');
    expect(lines.find((l) => l.includes('leads-ig: Leads'))).toMatch(/\? No data +leads-ig:/);
    const [header, ...rows] = csv;
    const status = header!.indexOf('status');
    expect(rows.find((r) => r.includes('reach-ig') && r.includes(''))![status]).toBe('undecided');
  });

  it('gives an undecided key result no score, and the objective names it', () => {
    const okr = report.goals.find((g) => g.id === 'okr') as OkrGoalJson;
    expect(okr.key_results[0]).toMatchObject({ id: 'kr-reach', status: 'undecided', score: null });
    expect(okr.undecided).toEqual(['kr-reach']);
    expect(text).toContain('at least: the undecided kr-reach count 0');
  });
});

describe('validate, for a goal whose reach can only ever be summed from finer rows (red-team 7 #9)', () => {
  const root = loadRoot(SITE, GOALS, DATA);

  it('notes that it cannot settle and why, and not that it settles at the deadline', () => {
    const reach = root.notes.filter((n) => n.startsWith('goals/g.yaml:2:') && n.includes('settle'));
    expect(reach).toEqual([
      expect.stringContaining(
        'note: reach over 2026-Q3 on instagram comes only in rows shorter than the period, and summed they count the same ' +
          'people more than once: reach is then only an upper bound of the true figure, so the goal cannot settle (achieved or ' +
          'missed), even at its deadline, unless that bound decides it; export reach for the whole of 2026-Q3 (one row per channel) to settle it',
      ),
    ]);
    expect(root.notes.some((n) => n.includes('settled at the deadline') && n.includes('reach'))).toBe(false);
  });

  it('notes nothing of the kind once a row gives the whole quarter: it settles at the deadline', () => {
    const whole = loadRoot(SITE, GOALS, {
      ...DATA,
      'data/instagram/reach-q3.json': rowsExport('instagram', [{ quarter: '2026-Q3', reach: 290000 }]),
    });
    const reach = whole.notes.filter((n) => n.startsWith('goals/g.yaml:2:') && n.includes('settle'));
    expect(reach).toEqual([expect.stringContaining('so its progress and status are provisional, and settled at the deadline')]);
  });
});
