/**
 * A date-range goal spanning days between two exports of one input (red-team 6 #7, root b3):
 * linkedin's impressions come daily from one export; its clicks, one file per quarter, the
 * 2026-Q2 file downloaded on 10 June and the 2026-Q3 file from 1 July. Those 20 days of clicks are
 * unknown, not days without clicks: the goal says so in JSON, in the text report and on its page.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport, type SmartGoalJson } from '../../src/core/report.ts';
import { renderText } from '../../src/cli/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { reportJsonSchema } from '../../scripts/docs/reportSchema.ts';
import { goalView } from '../../src/site/goalView.ts';
import { day, period } from '../coreFixtures.ts';

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d++) out.push(formatDay(d));
  return out;
};

const goals = `goals:
  - { id: span-ctr, title: CTR over summer, start: 2026-05-15, deadline: 2026-08-15, channel: linkedin, kpi: ctr, target: 0.033 }
  - { id: span-clicks, title: Clicks over summer, start: 2026-05-15, deadline: 2026-08-15, channel: all, kpi: clicks, target: 25000 }
`;

function load(locale = 'en-US') {
  const clicks = (from: string, to: string) => days(from, to).map((date) => ({ date, clicks: 300 }));
  const files = {
    'data/linkedin/page.json': {
      channel: 'linkedin',
      rows: days('2026-04-01', '2026-08-31').map((date) => ({ date, impressions: 10_000 })),
    },
    'data/linkedin/ads-2026-q2.json': { channel: 'linkedin', rows: clicks('2026-04-01', '2026-06-10') },
    'data/linkedin/ads-2026-q3.json': { channel: 'linkedin', rows: clicks('2026-07-01', '2026-08-31') },
  };
  const result = loadFromSources(
    { path: 'content/site.yaml', text: `title: T\nlocale: ${locale}\n` },
    [{ path: 'goals/g.yaml', text: goals }],
    Object.entries(files).map(([path, body]) => ({ path, text: JSON.stringify(body) })),
  );
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.project;
}

const GAP = { linkedin: { clicks: [{ from: '2026-06-11', to: '2026-06-30' }] } };

describe('a goal over days between two exports of an input', () => {
  const project = load();
  const engine = createEngine(project);
  const report = buildReport(project, engine, { quarter: period('2026-Q3') });
  const goal = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;

  it('takes a rate over the days every input covers, a total as it is', () => {
    // 3.0% every day: not clicks over 73 days divided by impressions over 93 (2.35%).
    expect(goal('span-ctr').actual).toBeCloseTo(0.03, 12);
    expect(goal('span-ctr').projection).toBeCloseTo(0.03, 12);
    expect(goal('span-ctr').status).toBe('missed');
    expect(goal('span-clicks').actual).toBe(300 * (27 + 46)); // 15 May to 10 June, 1 July to 15 August
  });

  it('carries gaps in report JSON, in the published shape', () => {
    expect(goal('span-ctr').gaps).toEqual(GAP);
    expect(goal('span-clicks').gaps).toEqual(GAP);
    const parsed = reportJsonSchema.safeParse({
      ...report,
      figures: 'live',
      version: null,
      frozen_at: null,
      partial: false,
      currency: 'EUR',
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('is not flagged where no gap falls in its period so far', () => {
    const q2 = buildReport(project, engine, { quarter: period('2026-Q2') });
    expect(q2.goals.find((g) => g.id === 'span-ctr')).not.toHaveProperty('gaps');
  });

  it('says so in the text report and on the goal page', () => {
    const kpis = new Map(engine.kpis.all().map((k) => [k.def.id, { unit: k.def.unit, label: k.def.label }]));
    expect(renderText(report, project.site, kpis)).toContain('no export covers Clicks on linkedin from 2026-06-11 to 2026-06-30');
    const page = goalView(project, engine, project.goals[0]!);
    expect(page.definition.map(([, text]) => text).join(' ')).toContain(
      'No export covers Clicks on linkedin from Jun 11, 2026 to Jun 30, 2026',
    );
  });

  it('in French and Italian too', () => {
    for (const [locale, words] of [
      ['fr-FR', 'Aucun export ne couvre'],
      ['it-IT', 'Nessun export copre'],
    ] as const) {
      const p = load(locale);
      const page = goalView(p, createEngine(p), p.goals[0]!);
      expect(page.definition.map(([, text]) => text).join(' ')).toContain(words);
    }
  });
});
