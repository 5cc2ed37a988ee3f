/**
 * A channel renamed since a freeze (red-team 10 #13, frozen item): the frozen report still names
 * it by its old id, which no setting labels today. Pages and the text report label it as the
 * settings of the snapshot's commit did, never with the raw id alone.
 */
import { describe, expect, it } from 'vitest';
import { movedView } from '../../src/site/goalView.ts';
import { runCli } from '../cliRunner.ts';
import { frozenThenChanged } from './frozenFixture.ts';

describe('a channel renamed since the freeze', () => {
  it('keeps the label the frozen report knew, on pages and in the text report', async () => {
    const { root, project, context } = await frozenThenChanged({ renameChannel: true });
    const frozen = project.reports[0]!.snapshot;
    expect(Object.keys(frozen.figures)).toContain('instagram');
    expect(Object.keys(project.site.channels)).not.toContain('instagram');

    expect(context.channelLabel('instagram')).toBe('Instagram');
    expect(context.channelLabel('ig')).toBe('Instagram Business');

    const text = await runCli(['report', '--period', '2026-Q2'], root, { now: '2026-07-03T09:30:00.000Z' });
    expect(text.status).toBe(0);
    const lines = text.out.split('\n');
    expect(lines).toContain('Instagram');
    expect(lines).not.toContain('instagram');
    expect(text.out).toContain('Impressions on instagram (Instagram):');
  });

  it('says why the original definition has no data: its channel has none today', async () => {
    const { project, engine, history } = await frozenThenChanged({ renameChannel: true });
    if (!history.available) throw new Error('no history');
    const goal = project.goals.find((g) => g.id === 'impr-all')!;
    const view = movedView(project, engine, goal, history.moved.get('impr-all')!);
    expect(view.original?.type === 'smart' && view.original.status).toBe('no_data');
    expect(view.originalChannelsGone).toBe('Instagram');
  });
});
