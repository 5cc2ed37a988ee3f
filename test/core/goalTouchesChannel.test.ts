/**
 * A channel's report lists the goals whose figures count that channel (red-team 12 #9): a goal
 * over all channels computed without LinkedIn (`left_out`: LinkedIn exports no conversions) is
 * not LinkedIn's, nor is an OKR whose only measured key result leaves it out. On main the
 * LinkedIn page and `report --channel linkedin` listed both and counted the missed one.
 */
import { describe, expect, it } from 'vitest';
import { readerFigures, readerRoot } from '../readerViewsFixture.ts';

describe('the goals of a channel’s report', () => {
  const root = readerRoot();

  it('leave out the goals computed without that channel', () => {
    const all = readerFigures(root).figures.report.goals;
    expect(all.find((g) => g.id === 'cvr')).toMatchObject({ status: 'missed', left_out: ['instagram', 'linkedin'] });
    expect(readerFigures(root, 'linkedin').figures.report.goals.map((g) => g.id)).toEqual(['li']);
  });

  it('keep a goal over all channels on a channel it counts', () => {
    expect(readerFigures(root, 'facebook').figures.report.goals.map((g) => g.id)).toEqual(['cvr', 'okr']);
    expect(readerFigures(root, 'instagram').figures.report.goals.map((g) => g.id)).toEqual([]);
  });
});
