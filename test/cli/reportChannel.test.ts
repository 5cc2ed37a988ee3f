/**
 * `report --channel` (red-team 6 #19, #21): one channel's report keeps the quarter's as-of day and
 * marks the channel incomplete as the full report does; `--channel all` is the full report (SPEC:
 * `all` is a channel of the report). Instagram's export stops on 20 August, linkedin's runs to the 31st.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { day } from '../coreFixtures.ts';
import { runCli } from '../cliRunner.ts';

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d++) out.push(formatDay(d));
  return out;
};

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'goalpost-report-channel-'));
  const files: Record<string, string> = {
    'content/site.yaml': 'title: T\n',
    'goals/g.yaml':
      'goals:\n  - { id: ig, title: Impressions, channel: instagram, period: 2026-Q3, kpi: impressions, target: 90000 }\n',
    'data/instagram.json': JSON.stringify({
      channel: 'instagram',
      rows: days('2026-07-01', '2026-08-20').map((date) => ({ date, impressions: 1000 })),
    }),
    'data/linkedin.json': JSON.stringify({
      channel: 'linkedin',
      rows: days('2026-07-01', '2026-08-31').map((date) => ({ date, impressions: 2000, clicks: 100 })),
    }),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

describe('report --channel', () => {
  it("keeps the quarter's as-of day and marks the channel incomplete, in JSON and text", async () => {
    const run = await runCli(['report', '--period', '2026-Q3', '--channel', 'instagram', '--json'], root);
    expect(run.err).toBe('');
    const report = JSON.parse(run.out);
    expect(report).toMatchObject({ as_of: '2026-08-31', incomplete: ['instagram'], partial: true });
    expect(report.goals[0]).toMatchObject({ id: 'ig', incomplete: ['instagram'], data_to: '2026-08-20' });
    const text = (await runCli(['report', '--period', '2026-Q3', '--channel', 'instagram'], root)).out;
    expect(text).toContain('as of 2026-08-31');
    expect(text).toContain('Incomplete: instagram has data only to 2026-08-20');
  });

  it('all: the full report', async () => {
    const all = await runCli(['report', '--period', '2026-Q3', '--channel', 'all', '--json'], root);
    expect(all.err).toBe('');
    expect(all.status).toBe(0);
    const full = await runCli(['report', '--period', '2026-Q3', '--json'], root);
    expect(JSON.parse(all.out)).toEqual(JSON.parse(full.out));
    expect(JSON.parse(all.out).channels).toEqual(['all', 'instagram', 'linkedin']);
  });
});
