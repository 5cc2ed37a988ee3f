/**
 * An all-channel trend chart draws at most MAX_TREND_LINES lines (30 lines cannot be told
 * apart, and made the largest XL page 361 KB): the channels with the highest value of the KPI
 * over the quarter, and it says so in a note and in its text alternative. A channel's own page
 * draws its line whatever its rank.
 */
import { describe, expect, it } from 'vitest';
import { computeQuarter, kpiMetas } from '../../src/core/figures.ts';
import { createEngine } from '../../src/core/project.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { MAX_TREND_LINES, quarterView, topLines } from '../../src/site/quarterView.ts';
import { reportQuarters } from '../../src/site/quarters.ts';

/** Channel c01 … c10: channel n has n × 100 impressions a day, c07 none at all (an account without impressions). */
const CHANNELS = Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);

function load(locale = 'en-US') {
  const site = `title: Many channels\nlocale: ${locale}\nchannels:\n${CHANNELS.map((c) => `  ${c}: { label: "Channel ${c}" }`).join('\n')}\n`;
  const days = Array.from({ length: 30 }, (_, i) => `2026-07-${String(i + 1).padStart(2, '0')}`);
  const data = CHANNELS.map((c, i) => ({
    path: `data/${c}/q3.json`,
    text: JSON.stringify({
      channel: c,
      rows: days.map((date) => (c === 'c07' ? { date, likes: 5 } : { date, impressions: (i + 1) * 100, engagements: 10 })),
    }),
  }));
  const loaded = loadFromSources({ path: 'content/site.yaml', text: site }, [], data);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const { project } = loaded;
  const engine = createEngine(project);
  const quarter = reportQuarters(project).find((q) => q.label === '2026-Q3')!;
  const view = (channel: string | null) =>
    quarterView(
      {
        site: project.site,
        kpis: kpiMetas(engine),
        figures: computeQuarter(project, engine, { quarter, channel }),
        channels: engine.index.channels,
      },
      quarter,
      channel,
    );
  return { view };
}

describe('an all-channel trend chart with many channels', () => {
  const names = (ids: string[]) => ids.map((c) => `Channel ${c}`);

  it('draws the channels with the highest value over the quarter, and says how many of how many', () => {
    const { view } = load();
    const chart = view(null).charts.find((c) => c.id.endsWith('trend-impressions'))!;
    // Nine channels have impressions (c07 has none); c01 has the fewest.
    expect(chart.table.columns.slice(1)).toEqual(names(['c02', 'c03', 'c04', 'c05', 'c06', 'c08', 'c09', 'c10']));
    expect(chart.note).toBe(
      'Impressions: the 8 highest of 9 channels this quarter. Each channel has its own page, and the CSV download has them all.',
    );
    expect(chart.description.startsWith(chart.note!)).toBe(true);
    expect(JSON.stringify(chart.spec)).not.toContain('Channel c01');
  });

  it('ranks by the KPI of the chart: the engagement rate is highest where impressions are fewest', () => {
    const { view } = load();
    const chart = view(null).charts.find((c) => c.id.endsWith('trend-engagement_rate'))!;
    expect(chart.table.columns.slice(1)).toEqual(names(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c08', 'c09']));
    expect(chart.table.columns).toHaveLength(1 + MAX_TREND_LINES);
  });

  it("draws a channel's own line on its page, whatever its rank, with no note", () => {
    const { view } = load();
    const own = view('c01').charts.find((c) => c.id.endsWith('trend-impressions'))!;
    expect(own.table.columns.slice(1)).toEqual(['Channel c01']);
    expect(own.note).toBeUndefined();
  });

  it('speaks the site language', () => {
    const { view } = load('fr-FR');
    const chart = view(null).charts.find((c) => c.id.endsWith('trend-impressions'))!;
    expect(chart.note).toBe(
      'Impressions : les 8 canaux les plus hauts sur 9 ce trimestre. Chaque canal a sa page, et le téléchargement CSV les contient tous.',
    );
  });
});

describe('topLines', () => {
  const lines = (ids: string[]) => ids.map((channel) => ({ channel }));
  it('keeps every line up to the limit, in order', () => {
    const few = lines(['b', 'a', 'c']);
    expect(topLines(few, () => 1)).toBe(few);
  });
  it('keeps the highest, ties and missing values ranked by channel id, in the original order', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `ch${String(i).padStart(2, '0')}`);
    const value = (c: string) => (c === 'ch00' ? null : c === 'ch11' ? 5 : 10);
    expect(topLines(lines(ids), value).map((l) => l.channel)).toEqual([
      'ch01',
      'ch02',
      'ch03',
      'ch04',
      'ch05',
      'ch06',
      'ch07',
      'ch08',
    ]);
  });
});
