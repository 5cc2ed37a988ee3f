import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { goalsIndexView } from '../../src/site/goalsIndexView.ts';
import { project, scratch } from '../versions/helpers.ts';

describe('the goals index', () => {
  it('heads the goals without an objective in the page language', async () => {
    const p = await project(scratch());
    const fr = { ...p, site: { ...p.site, locale: 'fr-FR' } };
    const last = goalsIndexView(fr, createEngine(fr)).groups.at(-1)!;
    expect(last.items.map((i) => i.goal.id)).toContain('ig-impressions-q2');
    expect(last.title).toBe('Objectifs sans objectif stratégique');
  });
});
