/**
 * The funnel and sentiment charts of a quarter page on real-shaped exports (red-team 12 #7, #8).
 * Funnel: clicks count Facebook, Instagram and LinkedIn, conversions Facebook only, and the
 * conversion rate 5.0% is Facebook's 920 / 18,400, not 920 / 30,660: each stage says its channels.
 * Sentiment: Instagram's tool gives no neutral mentions, so its 86% positive would be over fewer
 * sentiments than Facebook's 40% (the KPI table gives it n/a): no shares for it, said in the
 * note; the mentions reach only Aug 31 (month rows), said too. On main neither chart said anything.
 */
import { describe, expect, it } from 'vitest';
import type { ChartModel } from '../../src/charts/specs.ts';
import { quarterView } from '../../src/site/quarterView.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { readerFigures, readerRoot } from '../readerViewsFixture.ts';

function charts(locale = 'en-US', channel: string | null = null): ChartModel[] {
  const root = readerRoot(locale);
  const { figures, kpis } = readerFigures(root, channel);
  const quarter = parseQuarter('2026-Q3');
  if (!quarter.ok) throw new Error(quarter.reason);
  const view = quarterView(
    { site: root.project.site, kpis, figures, channels: root.engine.index.channels },
    quarter.period,
    channel,
  );
  return [...view.charts];
}
const chart = (all: ChartModel[], id: string) => all.find((c) => c.id.endsWith(`-${id}`))!;

describe('the funnel over stages on different channels', () => {
  it('says each stage’s channels beside its figures, in its table and in its note', () => {
    const funnel = chart(charts(), 'funnel');
    expect(funnel.table.columns).toEqual(['Stage', 'Count', 'Step rate (KPI)', 'Channels']);
    expect(funnel.table.rows).toContainEqual(['Conversions', '920', 'conversion rate 5.0%', 'Facebook only']);
    expect(funnel.table.rows).toContainEqual(['Clicks', '30,660', 'CTR 1.7% to Aug 20, 2026', 'all channels']);
    expect(funnel.note).toContain('(Conversions: Facebook only)');
    expect(funnel.description).toContain('Conversions 920, conversion rate 5.0% (Facebook only)');
    const values = (funnel.spec.data as { values: Array<{ stage: string; text: string }> }).values;
    expect(values.find((v) => v.stage === 'Conversions')!.text).toBe('920 (conversion rate 5.0%) · Facebook only');
    // The CTR is the KPI table's: to Aug 20, where LinkedIn's data stop, while the counts run on.
    expect(values.find((v) => v.stage === 'Clicks')!.text).toBe('30,660 (CTR 1.7% to Aug 20, 2026)');
  });

  it('in French too', () => {
    const funnel = chart(charts('fr-FR'), 'funnel');
    expect(funnel.note).toContain('(Conversions : Facebook uniquement)');
  });

  it('says nothing on a channel’s page, whose stages are all that channel’s', () => {
    const funnel = chart(charts('en-US', 'facebook'), 'funnel');
    expect(funnel.note).toBeUndefined();
    expect(funnel.table.columns).toEqual(['Stage', 'Count', 'Step rate (KPI)']);
  });
});

describe('the sentiment chart', () => {
  it('gives no shares to a channel whose data lack a sentiment another channel’s give, and says so', () => {
    const mood = chart(charts(), 'sentiment');
    expect(mood.table.rows).toContainEqual(['Facebook', '40%', '50%', '10%', 'n/a']);
    expect(mood.table.rows).toContainEqual(['Instagram', 'n/a', 'n/a', 'n/a', 'n/a']);
    expect(mood.note).toContain('No shares of mentions for Instagram (neutral)');
    const layers = (mood.spec as { layer: Array<{ data: { values: Array<{ channel: string }> } }> }).layer;
    expect(layers[0]!.data.values.map((v) => v.channel)).not.toContain('Instagram');
  });

  it('says the day its mentions reach when it is before the report’s', () => {
    const mood = chart(charts(), 'sentiment');
    expect(mood.note).toContain('Mentions only to Aug 31, 2026 (Facebook, Instagram)');
    expect(chart(charts('it-IT', 'facebook'), 'sentiment').note).toContain('Menzioni solo fino al 31 ago 2026 (Facebook)');
  });
});
