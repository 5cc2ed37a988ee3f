/**
 * A custom KPI's formula rewritten with the same arithmetic, or put back as it was (red-team 16
 * #10): `revenue * 1 / clicks` for `revenue / clicks` was a moved goalpost "measuring something
 * else" that failed CI under `--fail-on-moved`; a formula changed and then restored marked the
 * goal "Goalpost moved" for ever, the restoring commit listed as the move. A rewrite is listed in
 * `kpi_changes` as the same arithmetic and moves nothing; a KPI that reads today as it did at the
 * start leaves no mark.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { readHistory } from '../../src/site/history.ts';
import { dailyRepo, run } from './helpers.ts';

/** Click share on the daily repository (2% a day), a goal on it for Q2. */
const CLICK_SHARE = (formula: string) => `kpis:
  - { id: click_share, label: Click share, formula: "${formula}", unit: percent, good: up }
goals:
  - { id: share-q2, title: Click share, period: 2026-Q2, channel: instagram, kpi: click_share, baseline: 0.01, target: 0.05 }
`;

async function moved(dir: string): Promise<string[]> {
  const loaded = await loadProject(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const h = readHistory(dir, loaded.project, createEngine(loaded.project));
  if (!h.available) throw new Error(h.reason);
  return (h.moved.get('share-q2')?.moves ?? []).map(
    (m) => `${m.change.field}: ${String(m.change.old)} → ${String(m.change.new)}`,
  );
}

describe('a KPI formula rewritten with the same arithmetic after the period began', () => {
  it('is listed as such in diff, moves no goalpost, and passes --fail-on-moved', async () => {
    const r = dailyRepo();
    const a = r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    const b = r.commit(CLICK_SHARE('(clicks * 1) / (impressions)'), '2026-05-01');
    const json = JSON.parse((await run(r.dir, ['diff', a, b, '--format', 'json'])).out) as {
      changes: GoalChange[];
      kpi_changes: Array<Record<string, unknown>>;
    };
    expect(json.kpi_changes).toEqual([
      {
        kpi: 'click_share',
        kind: 'changed',
        field: 'formula',
        old: 'clicks / impressions',
        new: '(clicks * 1) / (impressions)',
        same_values: true,
      },
    ]);
    expect(json.changes.filter((c) => c.moved_goalpost)).toEqual([]);
    expect((await run(r.dir, ['diff', a, b, '--fail-on-moved'])).status).toBe(0);
    expect((await run(r.dir, ['diff', a, b])).out).toContain('(the same arithmetic: no figure changes)');
    expect(await moved(r.dir)).toEqual([]);
  });

  it('still moves the goalpost when the arithmetic differs', async () => {
    const r = dailyRepo();
    const a = r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    const b = r.commit(CLICK_SHARE('clicks / impressions * 10'), '2026-05-01');
    expect((await run(r.dir, ['diff', a, b, '--fail-on-moved'])).status).toBe(1);
    expect(await moved(r.dir)).toEqual(['formula: clicks / impressions → clicks / impressions * 10']);
  });
});

describe('a KPI formula changed after the period began and then put back', () => {
  it('leaves no mark, the restoring commit included', async () => {
    const r = dailyRepo();
    r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    r.commit(CLICK_SHARE('clicks / impressions * 10'), '2026-05-02');
    r.commit(CLICK_SHARE('clicks / impressions'), '2026-05-03');
    expect(await moved(r.dir)).toEqual([]);
    const text = await run(r.dir, ['report', '--period', '2026-Q2']);
    expect(text.out).not.toContain('Goalpost moved');
  });

  it('leaves no mark when it comes back in other words with the same arithmetic', async () => {
    const r = dailyRepo();
    r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    r.commit(CLICK_SHARE('clicks / impressions * 10'), '2026-05-02');
    r.commit(CLICK_SHARE('clicks * 100 / (impressions * 100)'), '2026-05-03');
    expect(await moved(r.dir)).toEqual([]);
  });

  it('marks it while it reads otherwise than at the start', async () => {
    const r = dailyRepo();
    r.commit(CLICK_SHARE('clicks / impressions'), '2026-03-01');
    r.commit(CLICK_SHARE('clicks / impressions * 10'), '2026-05-02');
    r.commit(CLICK_SHARE('clicks / impressions * 5'), '2026-05-03');
    expect(await moved(r.dir)).toEqual([
      'formula: clicks / impressions → clicks / impressions * 10',
      'formula: clicks / impressions * 10 → clicks / impressions * 5',
    ]);
  });
});
