/**
 * Content roots shaped like real teams' exports, generated from a seed: one file per channel,
 * source and quarter; a page export (impressions, engagements or their parts, followers as a
 * total or as daily follows, listening mentions) and an ads export (clicks, spend) that may end
 * on another day; a channel that starts inside the previous quarter or stops inside this one; a
 * day or a week no export covers; reach as month rows only; some metrics missing on some
 * channels. Goals of every kind read them: totals, rates, budget caps, followers, all channels,
 * partial periods, an OKR with a manual key result. The same seed gives the same root.
 */
import { mulberry32 } from '../scripts/random.ts';
import { days } from './exportsFixture.ts';

const CHANNELS = ['facebook', 'instagram', 'linkedin', 'tiktok'] as const;

interface ChannelPlan {
  readonly channel: string;
  readonly first: string;
  readonly last: string;
  readonly adsLast: string;
  readonly hole: readonly string[];
  readonly scale: number;
  readonly engagementParts: boolean;
  /** A daily total, daily follows after one total on the first day, daily follows alone, or nothing. */
  readonly followers: 'total' | 'follows' | 'follows-only' | 'none';
  readonly ads: boolean;
  readonly mentions: boolean;
  readonly monthReach: boolean;
}

/** A real-shaped content root (path → text) for `seed`, with goals on 2026-Q3 and data from 2026-Q2. */
export function realShapedRoot(seed: number): Record<string, string> {
  const random = mulberry32(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const q3 = days('2026-07-01', '2026-09-30');

  const channels = CHANNELS.filter(() => chance(0.8));
  if (channels.length < 2) channels.splice(0, channels.length, 'facebook', 'instagram');
  const plans: ChannelPlan[] = channels.map((channel) => {
    const last = chance(0.4) ? q3[int(30, 85)]! : '2026-09-30';
    const holeStart = int(10, 70);
    return {
      channel,
      first: chance(0.3) ? pick(['2026-05-15', '2026-06-02']) : '2026-04-01',
      last,
      adsLast: chance(0.3) ? q3[int(20, q3.indexOf(last))]! : last,
      hole: chance(0.35) ? q3.slice(holeStart, holeStart + pick([1, 7])) : [],
      scale: int(2, 40) * 500,
      engagementParts: chance(0.3),
      followers: pick(['total', 'follows', 'follows-only', 'none'] as const),
      ads: chance(0.7),
      mentions: chance(0.4),
      monthReach: chance(0.3),
    };
  });

  const files: Record<string, string> = {
    'content/site.yaml': `title: Seed ${seed}\nlocale: en-US\ncurrency: EUR\n`,
  };
  for (const plan of plans) {
    const { channel, scale } = plan;
    let followers = scale * 3;
    const page: Record<string, Record<string, unknown>[]> = { q2: [], q3: [] };
    const ads: Record<string, Record<string, unknown>[]> = { q2: [], q3: [] };
    for (const date of days(plan.first, plan.last)) {
      if (plan.hole.includes(date)) continue;
      const quarter = date < '2026-07-01' ? 'q2' : 'q3';
      const impressions = Math.round(scale * (0.7 + random() * 0.6));
      const engaged = Math.round(impressions * (0.02 + random() * 0.06));
      const row: Record<string, unknown> = { date, impressions };
      if (plan.engagementParts)
        Object.assign(row, { likes: Math.round(engaged * 0.8), comments: engaged - Math.round(engaged * 0.8) });
      else row['engagements'] = engaged;
      const gained = int(0, Math.ceil(scale / 200));
      const lost = int(0, Math.ceil(scale / 400));
      followers += gained - lost;
      if (plan.followers === 'total' || (plan.followers === 'follows' && date === plan.first)) row['followers'] = followers;
      else if (plan.followers !== 'none') Object.assign(row, { new_followers: gained, lost_followers: lost });
      if (plan.mentions) Object.assign(row, { mentions: int(0, 40), competitor_mentions: int(10, 120) });
      page[quarter]!.push(row);
      if (plan.ads && date <= plan.adsLast) {
        const clicks = Math.round(impressions * (0.005 + random() * 0.03));
        ads[quarter]!.push({ date, clicks, spend: Math.round(clicks * (20 + random() * 60)) / 100 });
      }
    }
    for (const quarter of ['q2', 'q3'] as const) {
      const through = quarter === 'q3' && plan.last < '2026-09-30' && chance(0.5) ? { through: plan.last } : {};
      if (page[quarter]!.length > 0)
        files[`data/${channel}/page-${quarter}.json`] = JSON.stringify(
          { channel, source: `${channel} page export`, ...through, rows: page[quarter] },
          null,
          1,
        );
      if (ads[quarter]!.length > 0)
        files[`data/${channel}/ads-${quarter}.json`] = JSON.stringify(
          { channel, source: `${channel} ads export`, currency: 'EUR', rows: ads[quarter] },
          null,
          1,
        );
    }
    if (plan.monthReach) {
      const monthEnd = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)), 0)).toISOString().slice(0, 10);
      const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08'].filter(
        (m) => `${m}-01` >= plan.first && monthEnd(m) <= plan.last,
      );
      if (months.length > 0)
        files[`data/${channel}/reach.json`] = JSON.stringify(
          { channel, source: 'monthly reach', rows: months.map((month) => ({ month, reach: scale * int(8, 20) })) },
          null,
          1,
        );
    }
  }

  const goals: string[] = [];
  const goal = (fields: string) => goals.push(`  - { ${fields} }`);
  for (const { channel, scale, followers } of plans) {
    const days92 = scale * 92;
    goal(
      `id: ${channel}-impressions, type: smart, title: ${channel} impressions, category: awareness, period: 2026-Q3, channel: ${channel}, kpi: impressions, target: ${Math.round(days92 * (0.6 + random() * 0.8))}`,
    );
    goal(
      `id: ${channel}-ctr, type: smart, title: ${channel} CTR, category: traffic, period: 2026-Q3, channel: ${channel}, kpi: ctr, target: ${(0.01 + random() * 0.03).toFixed(4)}`,
    );
    goal(
      `id: ${channel}-cap, type: smart, title: ${channel} budget, category: conversions, period: 2026-Q3, channel: ${channel}, kpi: spend, target: ${Math.round(scale * (5 + random() * 30))}`,
    );
    goal(
      followers === 'follows-only'
        ? `id: ${channel}-followers, type: smart, title: ${channel} new followers, category: community, period: 2026-Q3, channel: ${channel}, kpi: follower_growth, target: ${(int(1, 6) * scale) / 20}`
        : `id: ${channel}-followers, type: smart, title: ${channel} followers, category: community, period: 2026-Q3, channel: ${channel}, kpi: follower_count, target: { change: "+${int(1, 8)}%" }`,
    );
    goal(
      `id: ${channel}-er-summer, type: smart, title: ${channel} summer engagement, category: engagement, start: 2026-07-15, deadline: 2026-08-31, channel: ${channel}, kpi: engagement_rate, target: ${(0.03 + random() * 0.03).toFixed(4)}`,
    );
    goal(
      `id: ${channel}-reach, type: smart, title: ${channel} reach, category: awareness, period: 2026-Q3, channel: ${channel}, kpi: reach, target: ${scale * int(20, 60)}`,
    );
  }
  goal(
    `id: all-ctr, type: smart, title: CTR everywhere, category: traffic, period: 2026-Q3, channel: all, kpi: ctr, target: { change: "+${int(1, 15)}%" }`,
  );
  goal(
    `id: all-impressions, type: smart, title: Impressions everywhere, category: awareness, period: 2026-Q3, channel: all, kpi: impressions, target: { change: "+${int(1, 15)}%" }`,
  );
  goal(
    `id: sov, type: smart, title: Share of voice, category: reputation, period: 2026-Q3, channel: all, kpi: share_of_voice, target: ${(0.1 + random() * 0.2).toFixed(3)}`,
  );
  const [a, b] = plans;
  goals.push(
    '  - id: okr',
    '    type: okr',
    '    title: Be seen and clicked',
    '    period: 2026-Q3',
    '    key_results:',
    `      - { id: kr-impressions, kpi: impressions, channel: ${a!.channel}, target: ${a!.scale * int(50, 110)} }`,
    `      - { id: kr-ctr, kpi: ctr, channel: ${b!.channel}, target: ${(0.01 + random() * 0.03).toFixed(4)}, weight: 2 }`,
    `      - { id: kr-events, title: Three meet-ups, manual: { current: ${int(0, 3)}, target: 3 } }`,
    // Over every channel: one without clicks is left out of it (a key result's "without …").
    '      - { id: kr-ctr-all, kpi: ctr, channel: all, target: { change: "+5%" } }',
  );
  files['goals/goals.yaml'] = `goals:\n${goals.join('\n')}\n`;
  return files;
}
