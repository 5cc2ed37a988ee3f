/**
 * The inputs of a figure are named in the page's language (red-team 7 #13: French and Italian
 * pages said "lost followers seulement jusqu'au 31 juil." and "Aucun export ne couvre posts"):
 * a metric that is a KPI by its KPI's name, any other built-in metric by its own.
 */
import { describe, expect, it } from 'vitest';
import type { SiteSettings } from '../../src/core/project.ts';
import { gapsNote } from '../../src/format/gaps.ts';
import { inputsNote } from '../../src/format/inputs.ts';
import { metricLabel, uiStrings } from '../../src/translations/index.ts';

const site = (locale: string): SiteSettings => ({
  title: 'T',
  locale,
  currency: 'EUR',
  customerLtv: null,
  channels: { instagram: { label: 'Instagram', color: null } },
  base: '/',
  url: null,
  robots: 'index',
  strings: {},
});

describe('input names', () => {
  it('are a KPI’s label, a metric’s, or the id in words for a metric the team made up', () => {
    const fr = uiStrings('fr-FR', {});
    expect(metricLabel(fr, 'impressions')).toBe(fr.kpis.impressions);
    expect(metricLabel(fr, 'new_followers')).toBe('Nouveaux abonnés');
    expect(metricLabel(uiStrings('it-IT', {}), 'likes')).toBe('Mi piace');
    expect(metricLabel(fr, 'store_visits')).toBe('store visits');
  });

  it('speak French and Italian in the notes on inputs ending apart and on gaps', () => {
    const cell = { value: 0.0065, inputs_to: { instagram: { lost_followers: '2026-07-31', likes: '2026-08-10' } } };
    const fr = inputsNote(cell, site('fr-FR'))!;
    expect(fr.short).toContain('Abonnés perdus');
    expect(fr.long).toContain('J’aime');
    expect(`${fr.short} ${fr.long}`).not.toMatch(/lost followers|likes/);
    const italian = inputsNote(cell, site('it-IT'))!;
    expect(`${italian.short} ${italian.long}`).toContain('Follower persi');
    const gaps = gapsNote({ instagram: { posts: [{ from: '2026-07-06', to: '2026-07-19' }] } }, site('fr-FR'))!;
    expect(gaps.long).toContain('Publications');
    expect(gaps.long).not.toContain('posts');
  });

  it('name every input that stops on the first day, not one of them (red-team 7 #13)', () => {
    const cell = {
      value: 15275,
      inputs_to: { instagram: { lost_followers: '2026-07-31', new_followers: '2026-07-31', likes: '2026-08-10' } },
    };
    expect(inputsNote(cell, site('en-US'))!.short).toBe('Lost followers and New followers only to 2026-07-31');
    expect(inputsNote(cell, site('fr-FR'))!.short).toMatch(/^Abonnés perdus et Nouveaux abonnés /);
  });
});
