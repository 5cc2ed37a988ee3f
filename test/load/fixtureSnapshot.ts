/** A frozen report of a small fixture, as `freeze` writes it (for the fuzz tests that corrupt snapshots). */
import { buildSnapshot } from '../../src/core/freeze.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { createEngine } from '../../src/core/project.ts';
import type { SourceFile } from '../../src/load/files.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { snapshotFile } from '../../src/load/reports.ts';

/** The text of `reports/2026-q2/v1.json` for a fixture of settings, one goals file and one data file. */
export function fixtureSnapshotText(site: SourceFile, goals: SourceFile, data: SourceFile): string {
  const loaded = loadFromSources(site, [goals], [data]);
  const quarter = parseQuarter('2026-Q2');
  if (!loaded.ok || !quarter.ok) throw new Error('the basic fixture must load');
  return snapshotFile(
    buildSnapshot(loaded.project, createEngine(loaded.project), quarter.period, {
      version: 1,
      frozenAt: '2026-07-03T09:30:00.000Z',
      commit: null,
      uncommittedChanges: false,
    }),
  ).text;
}
