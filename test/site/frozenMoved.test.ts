/**
 * A frozen quarter's scorecard names goals by the ids they had when frozen (red-team 10 #11): a
 * goal renamed or removed after its period began keeps its "Goalpost moved" mark there, and its
 * link leads to a page the site builds (the renamed goal's page under today's id; none for a
 * removed goal, whose marker leads to the change log).
 */
import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/core/periods.ts';
import { goalPath } from '../../src/site/paths.ts';
import { quarterPage } from '../../src/site/quarterPage.ts';
import { restatedView } from '../../src/site/restatedView.ts';
import { frozenThenChanged } from './frozenFixture.ts';

describe('goals of a frozen report renamed or removed since', () => {
  it('carry the moved-goalpost marker under their frozen ids, and link only to pages that exist', async () => {
    const { project, context } = await frozenThenChanged();
    const frozen = project.reports.find((r) => r.snapshot.quarter === '2026-Q2')!.snapshot;
    const frozenIds = frozen.figures['all']!.report.goals.map((g) => g.id);
    expect(frozenIds).toEqual(expect.arrayContaining(['impr', 'clicks-q2']));

    // Renamed: today's goal's marker and page.
    expect(context.markers.get('impr-all')).toMatch(/renamed/i);
    expect(context.markers.get('impr')).toBe(context.markers.get('impr-all'));
    expect(context.goalPage('impr')).toBe(goalPath('impr-all'));
    // Removed: a marker of its own, and no page.
    expect(context.markers.get('clicks-q2')).toMatch(/removed/i);
    expect(context.goalPage('clicks-q2')).toBeNull();

    // The site builds a page for each of today's goals, and for no other: every goal of the
    // frozen report links to one of those, or to none.
    const built = new Set(project.goals.map((g) => goalPath(g.id)));
    for (const id of frozenIds) {
      const page = context.goalPage(id);
      if (page !== null) expect(built, id).toContain(page);
    }
  });

  it('names a goal removed since by the title the frozen report gave it in the restated figures', async () => {
    const { project, engine } = await frozenThenChanged();
    const q2 = parseQuarter('2026-Q2');
    if (!q2.ok) throw new Error(q2.reason);
    const page = quarterPage(project, engine, q2.period);
    const figures = restatedView(project, engine, page.frozen!.restated).rows.map((r) => r.figure);
    expect(figures).toContain('“Clicks”');
    expect(figures.join(' ')).not.toContain('clicks-q2');
  });
});
