/** The example's views in French and Italian: chart titles, axis words, KPI labels and goal definitions from the tables. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, type Project } from '../../src/core/project.ts';
import { loadProject } from '../../src/load/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { quarterPage } from '../../src/site/quarterPage.ts';
import { reportQuarters } from '../../src/site/quarters.ts';

const REPO = join(import.meta.dirname, '../..');

async function example(locale: string, strings: Record<string, string> = {}): Promise<Project> {
  const loaded = await loadProject(REPO);
  if (!loaded.ok) throw new Error('the example does not validate');
  return { ...loaded.project, site: { ...loaded.project.site, locale, strings } };
}

describe('views in the site language', () => {
  it('French: chart titles, tables, KPI labels and goal definitions', { timeout: 60_000 }, async () => {
    const project = await example('fr-FR');
    const engine = createEngine(project);
    const q = reportQuarters(project).find((p) => p.label === '2026-Q2')!;
    const view = quarterPage(project, engine, q).view;
    const titles = view.charts.map((c) => c.title);
    expect(titles).toContain('Entonnoir, tous canaux, 2026-Q2');
    expect(titles).toContain('Sentiment et part de voix, 2026-Q2');
    expect(titles.some((t) => t.startsWith('Taux d’engagement par semaine') || t.startsWith('Taux d’engagement par mois'))).toBe(
      true,
    );
    expect(titles.join(' ')).not.toMatch(/\b(by|and|Funnel|Spend|Channel mix)\b/);
    const funnel = view.charts.find((c) => c.id.endsWith('-funnel'))!;
    // The example's conversions count 3 of its 5 channels: the funnel says each stage's (red-team 12 #7).
    expect(funnel.table.columns).toEqual(['Étape', 'Nombre', 'Taux de l’étape (KPI)', 'Canaux']);
    expect(funnel.table.rows.map((r) => r[0])).toEqual(['Impressions', 'Interactions', 'Clics', 'Conversions']);
    expect(view.kpiRows.find((r) => r.id === 'engagement_rate')?.label).toBe('Taux d’engagement');
    expect(view.scopes.find((s) => s.id === 'all')?.label).toBe('Tous les canaux');

    const goal = project.goals.find((g) => g.type === 'smart')!;
    const g = goalView(project, engine, goal);
    expect(g.definition.map(([term]) => term).slice(0, 3)).toEqual(['Spécifique', 'Mesurable', 'Cible']);
    expect(g.definition.find(([term]) => term === 'Temporellement défini')?.[1]).toMatch(/^Du 1 oct\. 2024 au 31 déc\. 2024 /);
    expect(g.charts[0]!.table.columns).toEqual(['Date', 'Réalisé', 'Rythme attendu']);
  });

  it('Italian, with an override from site.yaml strings', { timeout: 60_000 }, async () => {
    const project = await example('it-IT', { 'charts.funnelTitle': 'Imbuto {channel} · {quarter}' });
    const engine = createEngine(project);
    const q = reportQuarters(project).find((p) => p.label === '2026-Q2')!;
    const titles = quarterPage(project, engine, q).view.charts.map((c) => c.title);
    expect(titles).toContain('Imbuto tutti i canali · 2026-Q2');
    expect(titles).toContain('Spesa e ricavi, 2026-Q2');
  });

  it('English stays as it was', { timeout: 60_000 }, async () => {
    const project = await example('en-GB');
    const engine = createEngine(project);
    const q = reportQuarters(project).find((p) => p.label === '2026-Q2')!;
    const titles = quarterPage(project, engine, q).view.charts.map((c) => c.title);
    expect(titles).toContain('Funnel, all channels, 2026-Q2');
    expect(titles).toContain('Sentiment and share of voice, 2026-Q2');
  });
});
