/**
 * The text report writes OKR scores and key-result weights as every other figure, in the site's
 * locale (red-team 31 #8): "score 0,65" and "(weight 1,5)" in French, not "0.65".
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';

const site = (locale: string) => `title: Acme\nlocale: ${locale}\ncurrency: EUR\nchannels:\n  instagram: { label: Instagram }\n`;
const GOALS = `goals:
  - id: community
    type: okr
    title: Build the community
    period: 2026-Q3
    key_results:
      - { id: meetups, title: Meetups, manual: { current: 13, target: 20 }, weight: 1.5 }
      - { id: talks, title: Talks, manual: { current: 1, target: 4 } }
`;
const DATA = JSON.stringify({
  channel: 'instagram',
  rows: [
    { date: '2026-07-01', impressions: 100 },
    { date: '2026-09-30', impressions: 100 },
  ],
});

describe('OKR scores in the text report', () => {
  it("are written in the site's locale", () => {
    const text = (locale: string) => {
      const loaded = loadFromSources(
        { path: 'content/site.yaml', text: site(locale) },
        [{ path: 'goals/g.yaml', text: GOALS }],
        [{ path: 'data/instagram/q3.json', text: DATA }],
      );
      if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
      const engine = createEngine(loaded.project);
      const quarter = parseQuarter('2026-Q3');
      if (!quarter.ok) throw new Error(quarter.reason);
      const report = buildReport(loaded.project, engine, { quarter: quarter.period });
      return renderText(report, loaded.project.site, new Map(kpiMetas(engine).map((k) => [k.id, k])));
    };
    // (0.65 × 1.5 + 0.25) / 2.5 = 0.49.
    expect(text('fr-FR')).toContain('score 0,49');
    expect(text('fr-FR')).toContain('score 0,65 (weight 1,5)');
    expect(text('en-US')).toContain('score 0.65 (weight 1.5)');
  });
});
