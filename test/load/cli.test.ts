/** `validate` (and the other commands) on a content root: notes, and a root that is not there. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cliRunner.ts';

const run = (args: string[], root: string) => runCli(args, root);

function root(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-load-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const DATA =
  '{\n  "channel": "instagram",\n  "rows": [\n    { "date": "2026-04-01", "impressions": 1000 },\n    { "date": "2026-04-02", "impressions": 1200 }\n  ]\n}\n';

describe('validate with notes', () => {
  it('prints notes to stderr as path:line:col: note: message and exits 0 when there is nothing else', async () => {
    const dir = root({
      'data/instagram/a.json': DATA,
      'goals/g.yaml':
        'goals:\n  - { id: a, title: A, period: 2026-Q2, channel: [instagram, instagram], kpi: impressions, target: 5000 }\n',
    });
    const r = await run(['validate'], dir);
    expect(r.err).toBe("goals/g.yaml:2:62: note: channel 'instagram' is listed twice: it counts once\n");
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^OK: 1 goal/);
  });

  it('prints notes beside the problems and exits 1 when there are problems', async () => {
    const dir = root({
      'data/instagram/a.json': DATA,
      'goals/g.yaml':
        'goals:\n  - { id: a, title: A, period: 2026-Q2, channel: [instagram, instagram], kpi: impresions, target: 5000 }\n',
    });
    const r = await run(['validate'], dir);
    expect(r.err).toBe(
      [
        "goals/g.yaml:2:62: note: channel 'instagram' is listed twice: it counts once",
        "goals/g.yaml:2:79: unknown KPI 'impresions': did you mean 'impressions'?",
        '1 problem found.',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });
});

describe('a GOALPOST_ROOT that is not a folder', () => {
  it('fails validate, report, freeze and import with a clear message instead of an empty OK', async () => {
    const missing = join(tmpdir(), 'goalpost-no-such-root-4d1f');
    for (const args of [
      ['validate'],
      ['report', '--period', '2026-Q2'],
      ['freeze', '2026-Q2'],
      ['import', 'test/fixtures/import/x/account_overview_analytics.csv'],
    ]) {
      const r = await run(args, missing);
      expect(r.status).toBe(1);
      expect(r.err).toContain(
        `${missing}:1:1: the content root does not exist (GOALPOST_ROOT=${missing}): ` +
          'point GOALPOST_ROOT at the folder holding content/, goals/ and data/',
      );
      expect(r.out).toBe('');
    }
  });

  it('fails when the root is a file', async () => {
    const dir = root({ 'site.yaml': 'title: T\n' });
    const file = join(dir, 'site.yaml');
    const r = await run(['validate'], file);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${file}:1:1: the content root is not a folder (GOALPOST_ROOT=${file})`);
  });
});
