/**
 * The bundled example's frozen reports (reports/ at the repository root), made the way a
 * team makes them, so that the site shows versions, the old-version banner and a
 * restatement:
 * - 2026-Q2 v1, frozen on 2026-07-03 before the help desk's Q2 export arrived;
 * - 2026-Q2 v2, frozen on 2026-07-10 with it (the current data: no restatement);
 * - 2026-Q3 v1, frozen on 2026-09-30 before Instagram's last two days of September were
 *   exported, so that today's data restates it.
 * Deterministic: fixed times, no commit (frozen outside git). Run after generate-example:
 * `node scripts/freeze-example.ts` (GOALPOST_ROOT picks another content root).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildSnapshot } from '../src/core/freeze.ts';
import { parseQuarter } from '../src/core/periods.ts';
import { createEngine } from '../src/core/project.ts';
import { formatProblem } from '../src/load/problems.ts';
import { loadProject } from '../src/load/project.ts';
import { snapshotFile } from '../src/load/reports.ts';

const ROOT = resolve(process.env['GOALPOST_ROOT'] || join(import.meta.dirname, '..'));

interface Freeze {
  readonly quarter: string;
  readonly version: number;
  readonly at: string;
  /** Changes the content as it was then (in a scratch copy). */
  readonly before: (root: string) => void;
}

function editRows(root: string, file: string, keep: (row: Record<string, unknown>) => boolean): void {
  const path = join(root, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as { rows: Array<Record<string, unknown>> };
  json.rows = json.rows.filter(keep);
  writeFileSync(path, JSON.stringify(json));
}

const FREEZES: readonly Freeze[] = [
  {
    quarter: '2026-Q2',
    version: 1,
    at: '2026-07-03T09:30:00.000Z',
    before: (root) => {
      for (const q of ['2026-q3'])
        for (const c of ['instagram', 'facebook', 'linkedin', 'tiktok', 'youtube', 'customer-service', 'listening'])
          rmSync(join(root, 'data', c, `${q}.json`), { force: true });
      rmSync(join(root, 'data', 'customer-service', '2026-q2.json'), { force: true });
    },
  },
  {
    quarter: '2026-Q2',
    version: 2,
    at: '2026-07-10T14:00:00.000Z',
    before: () => {},
  },
  {
    quarter: '2026-Q3',
    version: 1,
    at: '2026-09-30T16:45:00.000Z',
    before: (root) =>
      editRows(root, 'data/instagram/2026-q3.json', (row) => typeof row['date'] !== 'string' || row['date'] < '2026-09-29'),
  },
];

for (const freeze of FREEZES) {
  const scratch = mkdtempSync(join(tmpdir(), 'goalpost-freeze-'));
  try {
    for (const dir of ['content', 'goals', 'data']) cpSync(join(ROOT, dir), join(scratch, dir), { recursive: true });
    freeze.before(scratch);
    const loaded = await loadProject(scratch);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const quarter = parseQuarter(freeze.quarter);
    if (!quarter.ok) throw new Error(quarter.reason);
    const snapshot = buildSnapshot(loaded.project, createEngine(loaded.project), quarter.period, {
      version: freeze.version,
      frozenAt: freeze.at,
      commit: null,
      uncommittedChanges: false,
    });
    const file = snapshotFile(snapshot);
    mkdirSync(dirname(join(ROOT, file.path)), { recursive: true });
    writeFileSync(join(ROOT, file.path), file.text);
    console.log(`wrote ${file.path}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
