/**
 * A goal page's definition in words when the goal has no baseline yet (a team's first quarter:
 * none given, no data for the previous period): the target is said without "from a baseline of
 * n/a".
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { goalView } from '../../src/site/goalView.ts';
import { SITE } from '../load/helpers.ts';

const rows = Array.from({ length: 30 }, (_, i) => ({
  date: `2026-07-${String(i + 1).padStart(2, '0')}`,
  impressions: 1000,
  engagements: 50,
}));
const goals = (baseline: string) => `goals:
  - id: er
    title: Engagement rate
    channel: instagram
    period: 2026-Q3
    kpi: engagement_rate
${baseline}    target: 0.06
`;

function targetLine(baseline: string): string {
  const result = loadFromSources(
    { path: 'content/site.yaml', text: SITE },
    [{ path: 'goals/g.yaml', text: goals(baseline) }],
    [{ path: 'data/ig.json', text: JSON.stringify({ channel: 'instagram', rows }) }],
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const view = goalView(result.project, createEngine(result.project), result.project.goals[0]!);
  return view.definition.find(([label]) => label === 'Target')![1];
}

describe('the target in the definition', () => {
  it('says no "baseline of n/a" when there is no baseline', () => {
    expect(targetLine('')).toBe('6.0% by the deadline.');
  });

  it('names the baseline when there is one', () => {
    expect(targetLine('    baseline: 0.04\n')).toBe('6.0% by the deadline, from a baseline of 4.0%.');
  });
});

describe('a relative target in words, in French (red-team 13 #6)', () => {
  const fr = `${SITE}locale: fr-FR\n`;
  const definitionOf = (kpi: string, target: string) => {
    const q2 = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-06-${String(i + 1).padStart(2, '0')}`,
      impressions: 1000,
      engagements: 40,
    }));
    const result = loadFromSources(
      { path: 'content/site.yaml', text: fr },
      [
        {
          path: 'goals/g.yaml',
          text: `goals:\n  - { id: g, title: G, channel: instagram, period: 2026-Q3, kpi: ${kpi}, target: ${target} }\n`,
        },
      ],
      [{ path: 'data/ig.json', text: JSON.stringify({ channel: 'instagram', rows: [...q2, ...rows] }) }],
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const view = goalView(result.project, createEngine(result.project), result.project.goals[0]!);
    return view.definition.find(([label]) => label === 'Cible')![1];
  };

  it('says « par rapport au total » and « par rapport à la valeur de référence »', () => {
    expect(definitionOf('impressions', '{ change: "+10%" }')).toContain('par rapport au total de la période précédente');
    expect(definitionOf('engagement_rate', '{ change: "+10%" }')).toContain('par rapport à la valeur de référence');
    expect(definitionOf('impressions', '{ change: "+10%" }')).not.toContain('à le ');
  });
});
