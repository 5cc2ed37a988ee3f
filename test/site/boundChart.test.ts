/**
 * The progress chart of a key result measured on an upper bound (reach summed from month rows):
 * every point of its actual line is one too, and the chart says so (red-team 32 #1).
 */
import { describe, expect, it } from 'vitest';
import { goalView } from '../../src/site/goalView.ts';
import { loadRoot } from '../exportsFixture.ts';
import { DATA, okr, REACH, SITE, TALKS } from '../okrBoundFixture.ts';

describe('the progress chart of a key result on an upper bound', () => {
  it('says that the true figure is at most its actual line', () => {
    const root = loadRoot(SITE, okr(REACH + TALKS(1)), DATA);
    const view = goalView(root.project!, root.engine!, root.project!.goals[0]!);
    const chart = view.charts.find((c) => c.id.endsWith('-reach'))!;
    expect(chart.note).toBe(
      'The true figure is at most the actual line at each point (summed from rows shorter than the period).',
    );
    expect(chart.description.startsWith(chart.note!)).toBe(true);
  });
});
