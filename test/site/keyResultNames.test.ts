/** An untitled key result is named by the KPI it measures on the pages, never by its id. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { keyResultName } from '../../src/site/words.ts';
import { project, scratch } from '../versions/helpers.ts';

describe('an untitled key result', () => {
  it('is named by its KPI in the page language (the basic fixture’s `er` measures engagement rate)', async () => {
    const p = await project(scratch());
    const okr = p.goals.find((g) => g.id === 'reputation-q2')!;
    const view = goalView(p, createEngine(p), okr);
    expect(view.definition.find(([term]) => term === 'Key results')?.[1]).toBe('Engagement rate; Speak at three events');
    expect(view.charts.map((c) => c.title)).toEqual(['Key result: Engagement rate']);
    const fr = { ...p, site: { ...p.site, locale: 'fr-FR' } };
    expect(keyResultName(fr, { id: 'er', title: null, kpi: 'engagement_rate' })).toBe('Taux d’engagement');
    expect(keyResultName(p, { id: 'events', title: 'Speak at three events', kpi: null })).toBe('Speak at three events');
    expect(keyResultName(p, { id: 'codes', title: null, kpi: 'code_rate' })).toBe('Discount code rate');
  });
});
