/**
 * The goal page says where a baseline stops short of its previous period: a level goal's implicit
 * baseline taken to the day its inputs stop sharing (LinkedIn clicks exported to 10 September
 * beside impressions to the 30th), and a total's relative reference that counts an input only to
 * that day, in the site's language.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { formatKpiValue } from '../../src/format/numbers.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { CLICKS_Q3_END, ctrOver, sources } from '../baselineToFixture.ts';

function view(id: string, locale: string, clicksQ3End?: string) {
  const s = sources(locale, clicksQ3End);
  const result = loadFromSources(s.site, s.goals, s.data);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const { project } = result;
  return {
    view: goalView(
      project,
      createEngine(project),
      project.goals.find((g) => g.id === id)!,
    ),
    site: project.site,
  };
}
const row = (v: ReturnType<typeof goalView>, term: string) => v.definition.find(([t]) => t === term)?.[1];

describe('the goal page on a baseline taken to the day the inputs stop sharing', () => {
  it('says in the target that the baseline is the KPI over the previous quarter to that day, and why (en)', () => {
    const { view: v, site } = view('li-ctr-abs', 'en-US');
    const target = row(v, 'Target')!;
    expect(target).toContain(`from a baseline of ${formatKpiValue(ctrOver('2026-07-01', CLICKS_Q3_END), 'percent', site)}`);
    expect(target).toContain('Baseline: Click-through rate over 2026-Q3, up to Sep 10, 2026 only');
    expect(target).toContain(
      '(the last day every one of its inputs is whole: one’s export ends, or its month row is not whole, after it; beyond it, the figure would divide totals over different days)',
    );
  });

  it('in French and Italian', () => {
    expect(row(view('li-ctr', 'fr-FR').view, 'Cible')).toContain(
      'Valeur de référence : Taux de clic (CTR) sur 2026-Q3, jusqu’au 10 sept. 2026 seulement (le dernier jour où chacune de ses données est complète',
    );
    expect(row(view('li-ctr', 'it-IT').view, 'Target')).toContain(
      'solo fino al 10 set 2026 (l’ultimo giorno in cui ciascuno dei suoi dati è completo',
    );
  });

  it("for a key result (its own row) and a total's reference", () => {
    const okr = view('li-okr', 'en-US').view;
    expect(okr.definition.find(([, text]) => text.startsWith('Baseline: '))?.[1]).toContain('up to Sep 10, 2026 only');
    const total = row(view('li-clicks', 'en-US').view, 'Target')!;
    expect(total).toContain('counts one of its inputs only up to Sep 10, 2026');
  });

  it('says nothing with a baseline given, or when the inputs reach the end of the previous period', () => {
    expect(row(view('li-ctr-given', 'en-US').view, 'Target')).not.toContain('Baseline: ');
    expect(row(view('li-ctr', 'en-US', '2026-09-30').view, 'Target')).not.toContain('Baseline: ');
  });
});
