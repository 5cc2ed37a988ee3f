/**
 * The default channel colours (issue 16, "channel colours distinguishable"): every pair told
 * apart in normal vision (validate's note never fires on them) and under the common colour-vision
 * deficiencies, each readable (3:1) on the light and the dark page, the brand channels recognisable.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colorDistance, TOO_CLOSE, TOO_CLOSE_CVD, tooClose, VISIONS } from '../../src/charts/colors.ts';
import { CHANNEL_COLORS, channelColors, contrast, DEFAULT_COLORS, PALETTE } from '../../src/charts/theme.ts';
import { DEFAULT_SITE } from '../../src/load/site.ts';
import { outcomeOf } from '../load/helpers.ts';

const pairs = DEFAULT_COLORS.flatMap((a, i) => DEFAULT_COLORS.slice(i + 1).map((b) => [a, b] as const));

/** The page backgrounds of the light and the dark scheme, from the stylesheet. */
const backgrounds = [...readFileSync('src/styles/global.css', 'utf8').matchAll(/--bg: (#[0-9a-f]{6})/gi)].map((m) => m[1]!);

describe('default channel colours', () => {
  it('are the brand channels’ colours, then a palette for other channels', () => {
    expect(DEFAULT_COLORS).toEqual([...CHANNEL_COLORS.values(), ...PALETTE]);
    expect(new Set(DEFAULT_COLORS).size).toBe(DEFAULT_COLORS.length);
    expect([...CHANNEL_COLORS.keys()].sort()).toEqual(['facebook', 'instagram', 'linkedin', 'tiktok', 'x', 'youtube']);
    expect(pairs).toHaveLength(36);
  });

  it('Facebook and LinkedIn are no longer two close blues', () => {
    expect(tooClose('#1877f2', '#0a66c2')).toBe(true);
    expect(tooClose(CHANNEL_COLORS.get('facebook')!, CHANNEL_COLORS.get('linkedin')!)).toBe(false);
  });

  it('no two are too close in normal vision (the note of validate)', () => {
    for (const [a, b] of pairs) expect(colorDistance(a, b), `${a} ${b}`).toBeGreaterThanOrEqual(TOO_CLOSE);
  });

  it('no two are too close under protanopia, deuteranopia or tritanopia', () => {
    expect(VISIONS).toEqual(['normal', 'protanopia', 'deuteranopia', 'tritanopia']);
    for (const vision of VISIONS.slice(1))
      for (const [a, b] of pairs)
        expect(colorDistance(a, b, vision), `${vision}: ${a} ${b}`).toBeGreaterThanOrEqual(TOO_CLOSE_CVD);
  });

  it('each has at least 3:1 contrast against the light and the dark background', () => {
    expect(backgrounds).toEqual(['#ffffff', '#15161a']);
    for (const bg of backgrounds)
      for (const c of DEFAULT_COLORS) expect(contrast(c, bg), `${c} on ${bg}`).toBeGreaterThanOrEqual(3);
  });

  it('the brand colours stay recognisable: close to the brand colours the example used to set', () => {
    const brands = { instagram: '#c13584', facebook: '#1877f2', linkedin: '#0a66c2', youtube: '#cc0000' };
    for (const [channel, brand] of Object.entries(brands))
      expect(colorDistance(CHANNEL_COLORS.get(channel)!, brand), channel).toBeLessThan(0.1);
  });

  it('configured as the settings of every channel, they raise no note', () => {
    const ids = ['instagram', 'facebook', 'linkedin', 'tiktok', 'x', 'youtube', 'blog', 'newsletter', 'events'];
    const site = `title: T\nchannels:\n${ids.map((id, i) => `  ${id}: { label: ${id}, color: "${DEFAULT_COLORS[i]}" }\n`).join('')}`;
    expect(outcomeOf({ site })).toEqual({ problems: [], notes: [] });
  });

  it('a site without colour settings gets them, one per channel, none too close to another', () => {
    const channels = ['youtube', 'newsletter', 'x', 'tiktok', 'linkedin', 'instagram', 'facebook', 'events', 'blog'];
    const colors = channelColors({ ...DEFAULT_SITE, channels: {} }, channels);
    expect(colors.get('facebook')).toBe(CHANNEL_COLORS.get('facebook'));
    expect(colors.get('linkedin')).toBe(CHANNEL_COLORS.get('linkedin'));
    expect(colors.get('blog')).toBe(PALETTE[0]);
    const used = [...colors.values()];
    expect(new Set(used).size).toBe(channels.length);
    for (const [i, a] of used.entries()) for (const b of used.slice(i + 1)) expect(tooClose(a, b), `${a} ${b}`).toBe(false);
  });

  it('a channel of another kind takes, after the palette, the colour of a brand channel the site lacks', () => {
    const channels = ['facebook', 'a', 'b', 'c', 'd'];
    const colors = channelColors({ ...DEFAULT_SITE, channels: {} }, channels);
    expect([...channels.slice(1)].map((c) => colors.get(c))).toEqual([...PALETTE, CHANNEL_COLORS.get('instagram')]);
  });
});
