/**
 * The text report marks a goal or key result as the JSON does: the channels left out of its
 * actual ("without X"), a channel whose data ends early (and the day it is evaluated as of),
 * and an OKR that has not started (no score, no band).
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import type { KeyResultJson, OkrGoalJson, ReportJson, SmartGoalJson } from '../../src/core/report.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';

const site = {
  ...DEFAULT_SITE,
  channels: { instagram: { label: 'Instagram', color: null }, linkedin: { label: 'LinkedIn', color: null } },
};
const kpis = new Map([
  ['ctr', { unit: 'percent' as const, label: 'Click-through rate' }],
  ['impressions', { unit: 'count' as const, label: 'Impressions' }],
]);

const smart: SmartGoalJson = {
  id: 'imp',
  type: 'smart',
  title: 'Impressions',
  category: null,
  objective: null,
  owner: null,
  kpi: 'impressions',
  channel: 'all',
  start: '2026-07-01',
  deadline: '2026-09-30',
  mode: 'cumulative',
  baseline: 0,
  previous: null,
  target: 9200,
  actual: 4600,
  progress: 0.5,
  elapsed: 0.5,
  expected: 0.5,
  status: 'on_track',
  projection: 9200,
  incomplete: ['instagram'],
  data_to: '2026-08-15',
};

const kr: KeyResultJson = {
  id: 'ctr',
  title: null,
  kpi: 'ctr',
  channel: 'all',
  weight: 1,
  manual: false,
  baseline: 0.01,
  target: 0.02,
  actual: 0.015,
  progress: 0.5,
  expected: 0.3,
  status: 'on_track',
  projection: null,
  score: 0.5,
  left_out: ['instagram'],
};

const okr: OkrGoalJson = {
  id: 'o',
  type: 'okr',
  title: 'O',
  category: null,
  objective: null,
  owner: null,
  start: '2026-07-01',
  deadline: '2026-09-30',
  elapsed: 0.3,
  stretch: false,
  score: 0.5,
  band: 'yellow',
  key_results: [kr],
};

function text(goals: ReportJson['goals']): string {
  const report: ReportJson = {
    period: '2026-Q3',
    as_of: '2026-09-30',
    channels: ['all'],
    coverage: { instagram: '2026-08-15', linkedin: '2026-09-30' },
    incomplete: ['instagram'],
    kpis: { all: {} },
    goals,
  };
  return renderText(report, site, kpis);
}

describe('goal lines of the text report', () => {
  it('say where a goal is evaluated as of because a channel ends early', () => {
    expect(text([smart])).toContain(', as of 2026-08-15 (the data from Instagram ends there)');
  });

  it('say which input stops first where that sets the day, beside a channel that ends early', () => {
    const ctr: SmartGoalJson = {
      ...smart,
      kpi: 'ctr',
      mode: 'level',
      baseline: 0.01,
      target: 0.02,
      actual: 0.015,
      incomplete: ['instagram', 'linkedin'],
      inputs_to: { linkedin: { clicks: '2026-09-10', impressions: '2026-09-30' } },
    };
    expect(text([ctr])).toContain(', as of 2026-08-15 (the data from Instagram ends there; Clicks only to 2026-09-10)');
    const alone: SmartGoalJson = { ...ctr, incomplete: ['linkedin'], data_to: '2026-09-10' };
    const line = text([alone]);
    expect(line).toContain(', as of 2026-09-10 (Clicks only to 2026-09-10)');
    expect(line).not.toContain('the data from');
    expect(line.match(/Clicks only to/g)).toHaveLength(1);
  });

  it('say which channels a key result leaves out', () => {
    expect(text([okr])).toMatch(
      /ctr: Click-through rate 1\.5% of 2\.0%, score 0\.50 \(weight 1\), without Instagram \(no data for every input\)/,
    );
  });

  it('say an OKR has not started instead of giving it a score', () => {
    const before: OkrGoalJson = {
      ...okr,
      elapsed: 0,
      score: null,
      band: null,
      key_results: [{ ...kr, status: 'not_started', actual: null, progress: null, score: null }],
    };
    expect(text([before])).toContain('  OKR o: O, not started');
  });
});
