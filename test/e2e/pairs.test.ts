/**
 * An actual beside its target never reads as the same figure when it is not: a CTR of 1.97%
 * missed against 2.04% read "2.0% of 2.0%" on the scorecard, in the summary's "needs attention",
 * on the goal page and for an OKR's key result. Each now shows as many more digits as tell the
 * two apart (format/numbers.ts `formatKpiPair`), in the built pages and the text report.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { day } from '../coreFixtures.ts';
import { runCli } from '../cliRunner.ts';
import { buildSite } from './harness.ts';

let root: string;
let dist: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'goalpost-pairs-'));
  const rows = [];
  for (let d = day('2026-07-01'); d <= day('2026-09-30'); d++) rows.push({ date: formatDay(d), impressions: 10000, clicks: 197 });
  const files: Record<string, string> = {
    'content/site.yaml': 'title: Pairs\n',
    'goals/g.yaml': [
      'goals:',
      '  - { id: ctr, title: Click through, channel: instagram, period: 2026-Q3, kpi: ctr, baseline: 0.015, target: 0.0204 }',
      '  - id: okr',
      '    type: okr',
      '    title: Be clicked',
      '    period: 2026-Q3',
      '    key_results:',
      '      - { id: kr-ctr, kpi: ctr, channel: instagram, baseline: 0.015, target: 0.0204 }',
      '',
    ].join('\n'),
    'data/instagram.json': JSON.stringify({ channel: 'instagram', rows }),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  dist = buildSite(root);
}, 300_000);

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('an actual and its target that round to the same figure', () => {
  it('are told apart on the scorecard, in the summary and for a key result', () => {
    const page = readFileSync(join(dist, 'reports/2026-q3/index.html'), 'utf8');
    const row = /<tr[^>]*data-goal="ctr"[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
    expect(text(row)).toMatch(/1\.97%.*2\.04%/);
    expect(text(row)).not.toContain('2.0%');
    const summary = /<section class="summary"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(text(summary)).toContain('1.97% of 2.04%');
    const okr = /<section class="card okr" data-goal="okr">[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(text(okr)).toMatch(/1\.97%.*2\.04%/);
    expect(text(okr)).not.toMatch(/2\.0%/);
  });

  it('are told apart on the goal page', () => {
    const page = text(readFileSync(join(dist, 'goals/ctr/index.html'), 'utf8'));
    expect(page).toContain('1.97%');
    expect(page).toContain('2.04%');
  });

  it('are told apart in the text report', async () => {
    const run = await runCli(['report', '--period', '2026-Q3'], root);
    expect(run.out).toContain('1.97% of 2.04%');
    expect(run.out).not.toContain('2.0% of 2.0%');
  });
});
