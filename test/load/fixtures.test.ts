import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { formatProblem } from '../../src/load/problems.ts';

/** Every problem of the broken fixture, checked position by position against the files. */
const BROKEN = [
  'data/instagram/a.json:4:60: clicks: -5 is negative: metric values are counts or amounts ≥ 0 (clicks is a built-in metric and cannot be negative: check the value, or the export it came from)',
  "data/instagram/a.json:5:15: date: '2026-04-31' does not exist: April 2026 has 30 days",
  "data/instagram/a.json:6:16: month: '2026-13' has no month 13: months are 01 to 12",
  "data/instagram/a.json:7:44: impressions: expected a number, got the text '12'",
  'data/instagram/a.json:7:59: likes: expected a number, got nothing (null) (leave a missing value out of the row)',
  "data/instagram/a.json:8:29: a row covers one period: it has both 'date' and 'month'",
  'data/instagram/b.json:5:44: impressions: the number is out of range (not finite)',
  "data/instagram/b.json:7:3: unknown key 'extra': known keys are 'channel', 'source', 'currency', 'from', 'through', 'rows', '$schema'",
  'data/instagram/c.json:1:59: JSON syntax error: Unexpected token Comma found; a comma with no item before it: remove it',
  "goals/goals.yaml:5:78: formula does not parse at column 29: missing ')' to close the '(' at column 22",
  "goals/goals.yaml:6:50: unknown metric 'discount_codes' in formula",
  "goals/goals.yaml:11:16: unknown objective 'brand-leadr': did you mean 'brand-leader'?",
  "goals/goals.yaml:12:13: period: '2026-Q5' has no quarter 5: quarters are Q1 to Q4",
  "goals/goals.yaml:13:14: unknown channel 'instagramm': did you mean 'instagram'?",
  "goals/goals.yaml:14:10: unknown KPI 'engagment_rate': did you mean 'engagement_rate'?",
  "goals/goals.yaml:16:5: unknown key 'targt': did you mean 'target'?",
  "goals/goals.yaml:17:9: duplicate goal id 'ig-er': already defined at goals/goals.yaml:8:9",
  "goals/goals.yaml:19:12: start: '2026-04-31' does not exist: April 2026 has 30 days",
  'goals/goals.yaml:28:15: deadline 2026-04-01 is before start 2026-05-01',
  'goals/goals.yaml:31:13: target must be a number, { change: "+20%" } or { change: +500 }',
  "goals/goals.yaml:38:15: duplicate key result id 'a' in goal 'okr-1': already used by key result 1",
];

describe('the broken fixture', () => {
  it('reports every problem of every file at once, positioned and sorted', async () => {
    const result = await loadProject('test/fixtures/broken');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual(BROKEN);
  });

  it('makes `validate` print them to stderr and exit 1', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['src/cli/main.ts', 'validate'], {
        env: { ...process.env, GOALPOST_ROOT: 'test/fixtures/broken' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const e = error as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(1);
    expect(stderr.split('\n').slice(0, BROKEN.length)).toEqual(BROKEN);
    expect(stderr).toContain(`${BROKEN.length} problems found.`);
  });
});

describe('the basic fixture', () => {
  it('loads with no problem', async () => {
    const result = await loadProject('test/fixtures/basic');
    expect(result.ok && result.project.goals.map((g) => g.id)).toEqual(['ig-followers-q2', 'ig-impressions-q2', 'reputation-q2']);
  });
});
