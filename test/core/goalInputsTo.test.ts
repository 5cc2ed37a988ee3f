/**
 * Goals carry `inputs_to` as KPI figures do: a goal whose KPI's inputs come from exports that end
 * on different days within its period so far (LinkedIn's ads export with the clicks stops on
 * 10 September, the page export with the impressions runs to the 30th) says so in `report --json`,
 * frozen snapshots (older snapshots without it still read), the text report and the goal page.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/report.ts';
import { buildSnapshot } from '../../src/core/freeze.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { createEngine } from '../../src/core/project.ts';
import { buildReport, type OkrGoalJson, type SmartGoalJson } from '../../src/core/report.ts';
import { sealSnapshot, type Snapshot } from '../../src/core/snapshot.ts';
import { loadFromSources } from '../../src/load/project.ts';
import type { Problem } from '../../src/load/problems.ts';
import { loadReports, snapshotFile } from '../../src/load/reports.ts';
import { goalView } from '../../src/site/goalView.ts';
import { SITE } from '../load/helpers.ts';

function days(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
const file = (path: string, body: object) => ({ path, text: `${JSON.stringify(body, null, 2)}\n` });
const data = [
  file('data/linkedin/page-2026-q3.json', {
    channel: 'linkedin',
    source: 'LinkedIn page analytics, content export',
    rows: days('2026-07-01', 92).map((date, i) => ({ date, impressions: 900 + (i % 7) * 20, likes: 30, comments: 3 })),
  }),
  file('data/linkedin/ads-2026-q3.json', {
    channel: 'linkedin',
    source: 'LinkedIn Campaign Manager export, downloaded 2026-09-11',
    through: '2026-09-10',
    rows: days('2026-07-01', 72).map((date, i) => ({ date, clicks: 12 + (i % 3) })),
  }),
  file('data/instagram/2026-q3.json', {
    channel: 'instagram',
    source: 'Meta Business Suite export',
    rows: days('2026-07-01', 92).map((date) => ({ date, impressions: 2000, likes: 80 })),
  }),
];
const goals = `objectives:
  - { id: traffic, title: Bring readers to the site }
goals:
  - { id: li-ctr, title: LinkedIn CTR of 1.6%, kpi: ctr, channel: linkedin, period: 2026-Q3, baseline: 0.012, target: 0.016 }
  - { id: li-ctr-july, title: LinkedIn CTR in July, kpi: ctr, channel: linkedin, period: 2026-07, baseline: 0.012, target: 0.016 }
  - { id: impressions, title: "300,000 impressions", kpi: impressions, channel: all, period: 2026-Q3, target: 300000 }
  - id: traffic-okr
    type: okr
    title: More traffic from LinkedIn
    objective: traffic
    period: 2026-Q3
    key_results:
      - { id: ctr, kpi: ctr, channel: linkedin, baseline: 0.012, target: 0.016 }
`;
const loaded = loadFromSources({ path: 'content/site.yaml', text: SITE }, [{ path: 'goals/q3.yaml', text: goals }], data);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const project = loaded.project;
const engine = createEngine(project);
const parsed = parseQuarter('2026-Q3');
if (!parsed.ok) throw new Error(parsed.reason);
const Q3 = parsed.period;
const report = buildReport(project, engine, { quarter: Q3 });
const smart = (id: string) => report.goals.find((g) => g.id === id) as SmartGoalJson;
const ENDS = { linkedin: { clicks: '2026-09-10', impressions: '2026-09-30' } };

describe('inputs_to on goals', () => {
  it('is on a goal and a key result whose inputs end apart in their period, as on the KPI', () => {
    expect(report.kpis.linkedin!.ctr!.inputs_to).toEqual(ENDS);
    expect(smart('li-ctr').inputs_to).toEqual(ENDS);
    const okr = report.goals.find((g) => g.id === 'traffic-okr') as OkrGoalJson;
    expect(okr.key_results[0]!.inputs_to).toEqual(ENDS);
  });

  it('is absent where the inputs reach the same day within the period, or the KPI reads one total', () => {
    // July: both exports run past its end.
    expect('inputs_to' in smart('li-ctr-july')).toBe(false);
    expect('inputs_to' in smart('impressions')).toBe(false);
  });

  it('is marked on the goal line of the text report', () => {
    const kpis = new Map(engine.kpis.all().map((k) => [k.def.id, { unit: k.def.unit, label: k.def.label }]));
    const text = renderText(report, project.site, kpis);
    const line = text.split('\n').find((l) => l.includes('Click-through rate on linkedin'))!;
    expect(line).toContain('Clicks only to 2026-09-10');
    expect(text.split('\n').find((l) => l.includes('Impressions on all'))).not.toContain('only to');
  });

  it('is frozen into snapshots, and a snapshot frozen before goals carried it still reads', () => {
    const stamp = { version: 1, frozenAt: '2026-10-02T08:00:00.000Z', commit: null, uncommittedChanges: false };
    const snapshot = buildSnapshot(project, engine, Q3, stamp);
    const frozen = snapshot.figures['all']!.report.goals.find((g) => g.id === 'li-ctr') as SmartGoalJson;
    expect(frozen.inputs_to).toEqual(ENDS);
    expect(() => snapshotFile(snapshot)).not.toThrow();

    const { digest: _, ...content } = structuredClone(snapshot) as Snapshot;
    for (const figures of Object.values(content.figures))
      for (const g of figures.report.goals) {
        if (g.type === 'smart') delete g.inputs_to;
        else for (const kr of g.key_results) delete kr.inputs_to;
      }
    const old = sealSnapshot(content);
    const problems: Problem[] = [];
    const reports = loadReports([snapshotFile(old)], problems);
    expect(problems).toEqual([]);
    expect(reports).toHaveLength(1);
  });

  it('is marked beside the actual on the goal page', () => {
    const goal = project.goals.find((g) => g.id === 'li-ctr')!;
    const view = goalView(project, engine, goal);
    expect(view.inputs?.short).toBe('Clicks only to Sep 10, 2026');
    expect(view.inputs?.long).toContain('LinkedIn');
    expect(
      goalView(
        project,
        engine,
        project.goals.find((g) => g.id === 'impressions')!,
      ).inputs,
    ).toBeNull();
  });
});
