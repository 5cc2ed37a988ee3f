/**
 * What a goal page and a quarter page's OKR list say beside an actual the data do not settle
 * plainly (red-team 6; test/trustFixture.ts, shaped like real exports). On main:
 * - a spend cap decided on every day with data (16,500 of 15,000, `actual_to` 31 August) showed
 *   16,500 on the card while its progress chart ended at 12,300 on `data_to` (10 August);
 * - the progress of a reach that is only an upper bound (≈700,000 against 500,000 → 600,000)
 *   read 200%, as if exact;
 * - key results did not carry the "asks for no change" and cut-row wordings SMART goals have.
 */
import { describe, expect, it } from 'vitest';
import { okrViews } from '../../src/site/okrView.ts';
import { goalView } from '../../src/site/goalView.ts';
import { formatProgress } from '../../src/format/progress.ts';
import { uiStrings } from '../../src/translations/index.ts';
import { trustReport, trustRoot } from '../trustFixture.ts';

const { project, engine } = trustRoot();
const view = (id: string) =>
  goalView(
    project,
    engine,
    project.goals.find((g) => g.id === id)!,
  );
type Layer = { data: { values: Array<{ date?: string; value: number; series: string }> } };
const actualSeries = (id: string) => {
  const layers = (view(id).charts[0]!.spec as unknown as { layer: Layer[] }).layer;
  return layers.flatMap((l) => l.data.values.filter((v) => v.series === 'Actual'));
};

describe('the progress chart of a cap decided on every day with data', () => {
  it('ends on the figure the card shows, on the day it is counted to', () => {
    const v = view('cap');
    expect(v.evaluation).toMatchObject({ type: 'smart', actual: 16_500, status: 'off_track' });
    expect(v.actualTo).toBe('2026-08-31');
    const points = actualSeries('cap');
    expect(points.at(-1)).toMatchObject({ date: '2026-08-31', value: 16_500 });
    // Up to the pace's day (10 August), the running total the engine draws: 300 a day.
    expect(points.find((p) => p.date === '2026-08-10')).toMatchObject({ value: 12_300 });
  });

  it('is unchanged for a goal not decided that way', () => {
    expect(actualSeries('tt-clicks').at(-1)).toMatchObject({ date: '2026-08-31', value: 4500 });
  });
});

describe('the progress of an upper-bound actual', () => {
  const fmt = { locale: 'en-US', currency: 'EUR' };
  it('is a bound too on the goal page', () => {
    const v = view('ig-reach');
    expect(v.evaluation).toMatchObject({ approximate: true, progress: 2 });
    expect(v.progressBound).toBe('at_most');
    expect(formatProgress(2, v.progressBound, fmt)).toBe('≤ 200%');
  });
  it('is no bound where the actual is exact, or n/a because a window cuts a row', () => {
    expect(view('tt-clicks').progressBound).toBeNull();
    expect(view('mid').progressBound).toBeNull();
  });
});

describe('key results', () => {
  const t = uiStrings('en-US');
  it('on the goal page, carry the SMART goal’s words for no change and a cut row', () => {
    const v = view('okr');
    const notes = Object.fromEntries(
      (v.evaluation.type === 'okr' ? v.evaluation.keyResults : []).map((kr, i) => [kr.id, v.keyResultNotes[i]]),
    );
    expect(notes['kr-zero']).toEqual([{ kind: 'no-change', text: t.goal.noChangeUp }]);
    expect(notes['kr-mid']).toEqual([{ kind: 'cut-rows', text: t.goal.cutRows }]);
    expect(notes['kr-cap']).toEqual([]);
  });

  it('on the quarter page’s OKR list, the same, in the page’s language', () => {
    const { report, kpis } = trustReport();
    const fr = uiStrings('fr-FR');
    const [okr] = okrViews(report.goals, fr, (kpi) => kpis.get(kpi)?.good);
    const notes = Object.fromEntries(okr!.okr.key_results.map((kr, i) => [kr.id, okr!.notes[i]]));
    expect(notes['kr-zero']).toEqual([{ kind: 'no-change', text: fr.goal.noChangeUp }]);
    expect(notes['kr-mid']).toEqual([{ kind: 'cut-rows', text: fr.goal.cutRows }]);
    expect(notes['kr-cap']).toEqual([]);
  });
});
