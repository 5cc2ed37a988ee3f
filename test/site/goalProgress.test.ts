/**
 * A goal's progress chart when the goal has no baseline (a team's first quarter: none given, no
 * data for the previous quarter) and its actual sits on the target for most of the quarter: the
 * actual is drawn over the target rule, not hidden under it, so the page shows every actual
 * value that exists (red-team root: the page showed the target and a stub of projection, and no
 * actual line). Data shaped like real exports: a LinkedIn campaign export whose clicks end on
 * 10 September while the page's impressions run to the 30th; Instagram gives no clicks.
 */
import { describe, expect, it } from 'vitest';
import { renderFresh } from '../../src/charts/render.ts';
import { createEngine } from '../../src/core/project.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { SITE } from '../load/helpers.ts';

function days(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
const json = (channel: string, rows: object[]) => JSON.stringify({ channel, rows }, null, 2);
const data = [
  {
    path: 'data/instagram/q3.json',
    text: json(
      'instagram',
      days('2026-07-01', 92).map((date, i) => ({ date, impressions: 1000 + i, likes: 50, comments: 5 })),
    ),
  },
  {
    path: 'data/linkedin/q3.json',
    text: json(
      'linkedin',
      days('2026-07-01', 92).map((date) => ({ date, impressions: 500 })),
    ),
  },
  {
    path: 'data/linkedin/campaign.json',
    text: json(
      'linkedin',
      days('2026-07-01', 72).map((date) => ({ date, clicks: 10 })),
    ),
  },
];
const goals = 'goals:\n  - { id: ctr-all, title: CTR all channels, kpi: ctr, channel: all, period: 2026-Q3, target: 0.02 }\n';

const loaded = loadFromSources({ path: 'content/site.yaml', text: SITE }, [{ path: 'goals/q3.yaml', text: goals }], data);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const view = goalView(loaded.project, createEngine(loaded.project), loaded.project.goals[0]!);
const chart = view.charts[0]!;
type Layer = { mark: { type: string } | string; data: { values: Array<{ date?: string; value: number; series: string }> } };
const layers = (chart.spec as unknown as { layer: Layer[] }).layer;
const series = (name: string) => layers.findIndex((l) => l.data.values.some((v) => v.series === name));

describe('the progress chart of a goal without a baseline', () => {
  it('has the actual at every day with data, ending on the figure the page shows', () => {
    expect(view.evaluation).toMatchObject({ type: 'smart', baseline: null, status: 'no_data' });
    const actual = layers[series('Actual')]!.data.values;
    // LinkedIn alone has clicks: 10 of 500 impressions a day to 10 September, where its clicks
    // export ends; the goal is evaluated as of that day (not on clicks to the 10th over
    // impressions to the 30th).
    expect(actual).toHaveLength(72);
    expect(actual.every((p) => p.value === 0.02)).toBe(true);
    expect(actual.at(-1)).toMatchObject({ date: '2026-09-10', value: 0.02 });
    expect(view.evaluation.type === 'smart' && view.evaluation.actual).toBe(0.02);
  });

  it('draws the actual over the target rule, so an actual on the target stays visible', async () => {
    expect(series('Target')).toBeGreaterThanOrEqual(0);
    expect(series('Actual')).toBeGreaterThan(series('Target'));
    const svg = await renderFresh(chart.spec, 400);
    const actualPath = svg.search(/<path[^>]*stroke="#0072B2" stroke-width="2"\/>/);
    const targetRule = svg.search(/<line[^>]*stroke="#D55E00"/);
    expect(targetRule).toBeGreaterThan(0);
    expect(actualPath).toBeGreaterThan(targetRule);
  });

  it('says nothing undefined or NaN in its text alternative and table', () => {
    const text = JSON.stringify([chart.description, chart.table]);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(chart.description).toContain('latest 2.0% on Sep 10, 2026');
  });
});
