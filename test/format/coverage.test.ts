import { describe, expect, it } from 'vitest';
import {
  channelEnds,
  coverageNote,
  goalCoverageNote,
  incompleteChannels,
  goalIncompleteChannels,
} from '../../src/format/coverage.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';

const site = {
  ...DEFAULT_SITE,
  channels: {
    instagram: { label: 'Instagram', color: null },
    linkedin: { label: 'LinkedIn', color: null },
    helpdesk: { label: 'Help desk', color: null },
    x: { label: 'X', color: null },
    tiktok: { label: 'TikTok', color: null },
  },
};

describe('coverage notes', () => {
  it('names the one channel a figure comes from', () => {
    const note = coverageNote({ value: 0.02, channels: ['linkedin'], left_out: ['helpdesk', 'instagram'] }, site);
    expect(note).toEqual({
      short: 'LinkedIn only',
      long: 'Computed over LinkedIn; left out: Help desk, Instagram (no data for every input of this KPI).',
    });
  });

  it('counts the channels when several are covered', () => {
    expect(
      coverageNote({ value: 5, channels: ['instagram', 'linkedin', 'tiktok', 'x'], left_out: ['helpdesk'] }, site)?.short,
    ).toBe('4 of 5 channels');
  });

  it('says nothing when every channel is covered, for one channel, or without a value', () => {
    expect(coverageNote({ value: 5, channels: ['instagram', 'linkedin'], left_out: [] }, site)).toBeNull();
    expect(coverageNote({ value: 5 }, site)).toBeNull();
    expect(coverageNote({ value: null, channels: [], left_out: ['x'] }, site)).toBeNull();
  });

  it('names the channels a goal leaves out', () => {
    expect(goalCoverageNote(['instagram'], site)).toBe('without Instagram (no data for every input)');
    expect(goalCoverageNote([], site)).toBeNull();
    expect(goalCoverageNote(undefined, site)).toBeNull();
  });

  it('lists channels whose data stop before the as-of day', () => {
    expect(
      incompleteChannels(
        { coverage: { instagram: '2026-09-28', linkedin: '2026-09-30', x: null }, incomplete: ['instagram'] },
        site,
      ),
    ).toEqual([{ channel: 'instagram', label: 'Instagram', lastDay: '2026-09-28' }]);
  });
});

describe("a scorecard row's 'data to' marks (red-team 9 #5, 32 #4)", () => {
  const incomplete = [
    { channel: 'instagram', label: 'Instagram', lastDay: '2026-08-10' },
    { channel: 'tiktok', label: 'TikTok', lastDay: '2026-08-20' },
  ];
  const label = (c: string) => ({ instagram: 'Instagram', tiktok: 'TikTok' })[c] ?? c;
  const ends = { data_to: '2026-08-10', incomplete_to: { instagram: '2026-08-10', tiktok: '2026-08-20' } };
  it('are the channels the goal itself names as incomplete, not every incomplete channel of its selection', () => {
    // A CTR goal on all channels that leaves Instagram out (no clicks there) is not cut by it.
    expect(goalIncompleteChannels({ ...ends }, label)).toEqual([]);
    expect(goalIncompleteChannels({ ...ends, incomplete: ['tiktok'] }, label)).toEqual([incomplete[1]]);
    expect(goalIncompleteChannels({ ...ends, incomplete: ['instagram', 'tiktok'] }, label)).toEqual(incomplete);
  });
  it("come from the goal's own days, so a channel page shows an all-channel goal cut by another channel", () => {
    expect(goalIncompleteChannels({ incomplete: ['tiktok'], data_to: '2026-09-20' }, label)).toEqual([
      { channel: 'tiktok', label: 'TikTok', lastDay: '2026-09-20' },
    ]);
  });
});

describe('channelEnds', () => {
  it('groups a goal`s incomplete channels by their own last day, earliest first', () => {
    expect(
      channelEnds(['facebook', 'instagram', 'x'], '2026-09-10', {
        facebook: '2026-09-10',
        instagram: '2026-09-15',
        x: '2026-09-10',
      }),
    ).toEqual([
      { channels: ['facebook', 'x'], day: '2026-09-10' },
      { channels: ['instagram'], day: '2026-09-15' },
    ]);
  });

  it('gives every channel data_to without incomplete_to, a channel named constructor too', () => {
    expect(channelEnds(['constructor', 'instagram'], '2026-09-10')).toEqual([
      { channels: ['constructor', 'instagram'], day: '2026-09-10' },
    ]);
    expect(channelEnds(['constructor'], '2026-09-10', {})).toEqual([{ channels: ['constructor'], day: '2026-09-10' }]);
  });
});
