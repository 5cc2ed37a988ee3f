/**
 * A goal page says the day its goal is evaluated as of: the last day its channels have data
 * when one of them ends before the rest of the data (red-team M4), not the site's as-of day.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { SITE } from '../load/helpers.ts';

const rowsOf = (channel: string, last: string) => {
  const out: object[] = [];
  for (let t = Date.parse('2026-07-01T00:00:00Z'); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), impressions: 100 });
  }
  return JSON.stringify({ channel, rows: out });
};

const goals = `goals:
  - id: ig
    title: Instagram impressions
    channel: instagram
    period: 2026-Q3
    kpi: impressions
    target: 9200
  - id: li
    title: LinkedIn impressions
    channel: linkedin
    period: 2026-Q3
    kpi: impressions
    target: 18400
`;

describe('the goal page of a goal whose channel data ends early', () => {
  const result = loadFromSources(
    { path: 'content/site.yaml', text: SITE },
    [{ path: 'goals/g.yaml', text: goals }],
    [
      { path: 'data/ig.json', text: rowsOf('instagram', '2026-08-15') },
      { path: 'data/li.json', text: rowsOf('linkedin', '2026-09-30') },
    ],
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const project = result.project;
  const engine = createEngine(project);
  const view = (id: string) =>
    goalView(
      project,
      engine,
      project.goals.find((g) => g.id === id)!,
    );

  it('is as of its channel last day; the deadline past, undecided, and says why', () => {
    // 46 days × 100 = 4,600 of 9,200 on 08-15, day 46 of 92: on track that day, but the site is as
    // of 09-30, the deadline, and what 08-16 to 09-30 brought is unknown (red-team 7 #10).
    expect(view('ig').asOf).toBe('2026-08-15');
    expect(view('ig').evaluation).toMatchObject({ actual: 4600, status: 'undecided', endsEarly: true, projection: null });
    expect(view('ig').endsEarly).toBe(
      'Undecided: its data from Instagram end on Aug 15, 2026, before the deadline (Sep 30, 2026), so what the whole period holds is not known; it settles once the rest of its period is added.',
    );
    expect(view('li').endsEarly).toBeNull();
  });

  it('and a goal whose channel reaches the end of the data is as of the site as-of day', () => {
    expect(view('li').asOf).toBe('2026-09-30');
    expect(view('li').evaluation).toMatchObject({ actual: 9200, status: 'missed' });
  });
});
