/**
 * "All channels" in the site's language wherever a page names the `all` channel (red-team 6 #21): a
 * French site's goal definition read "Clics sur All channels".
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { channelName } from '../../src/site/words.ts';

const goals = `goals:
  - id: clicks
    title: Clicks
    channel: all
    period: 2026-Q3
    kpi: clicks
    target: 1000
`;
const data = JSON.stringify({ channel: 'instagram', rows: [{ date: '2026-07-01', clicks: 10 }] });

function viewIn(locale: string) {
  const result = loadFromSources(
    { path: 'content/site.yaml', text: `title: T\nlocale: ${locale}\n` },
    [{ path: 'goals/g.yaml', text: goals }],
    [{ path: 'data/instagram.json', text: data }],
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const { project } = result;
  return { site: project.site, view: goalView(project, createEngine(project), project.goals[0]!) };
}

describe('the all channel on the pages', () => {
  it('is named in the site language in a goal definition', () => {
    for (const [locale, name] of [
      ['en-US', 'All channels'],
      ['fr-FR', 'Tous les canaux'],
      ['it-IT', 'Tutti i canali'],
    ] as const) {
      const { site, view } = viewIn(locale);
      const text = view.definition.map(([, t]) => t).join(' | ');
      expect(text, locale).toContain(name);
      if (locale !== 'en-US') expect(text, locale).not.toContain('All channels');
      expect(channelName(site, 'all')).toBe(name);
      expect(channelName(site, 'instagram')).toBe('instagram');
    }
  });
});
