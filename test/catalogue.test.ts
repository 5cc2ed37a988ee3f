/**
 * The KPI catalogue: every KPI computed through the engine on hand-worked values, the
 * special cases SPEC names (derived engagements, follower stocks, reach, `all`, LTV),
 * null for 0 or missing denominators, and the table's own well-formedness.
 */
import { describe, expect, it } from 'vitest';
import { builtInKpi, KPI_CATALOGUE } from '../src/core/catalogue.ts';
import { formulaVariables, parseFormula } from '../src/core/formula.ts';
import { KpiSet, MetricWindow, relativeChange, resolveChannels } from '../src/core/kpis.ts';
import { kpiChanges } from '../src/core/kpiTable.ts';
import { isSpecialVariable, metricTable } from '../src/core/metrics.ts';
import { day, engineOf, expectClose, period, rows } from './coreFixtures.ts';

const Q2 = period('2026-Q2');
const LTV = 600;

/**
 * Instagram, 2026-Q2. One day before the quarter (followers at the start), two days of
 * activity in it (the second without `engagements`: it is derived from its parts), a
 * closing follower count, reach by quarter and by month, and a day after the quarter
 * that must not count.
 */
const instagram = rows('instagram', [
  ['2026-03-31', { followers: 11800, impressions: 24000 }],
  [
    '2026-04-01',
    {
      impressions: 12000,
      engagements: 540,
      likes: 400,
      comments: 60,
      shares: 50,
      saves: 20,
      posts: 2,
      followers: 12050,
      clicks: 240,
      sessions: 200,
      bounces: 80,
      conversions: 12,
      signups: 20,
      leads: 30,
      sales_leads: 6,
      new_customers: 4,
      spend: 300,
      revenue: 900,
      mentions: 40,
      positive_mentions: 20,
      neutral_mentions: 15,
      negative_mentions: 5,
      competitor_mentions: 60,
      competitor_engagements: 1460,
      messages: 50,
      responses: 40,
      response_minutes: 600,
      resolved: 45,
      promoters: 30,
      passives: 10,
      detractors: 10,
      csat_responses: 20,
      csat_satisfied: 17,
    },
  ],
  [
    '2026-05-15',
    {
      impressions: 18000,
      likes: 300,
      comments: 40,
      shares: 20,
      saves: 10,
      posts: 3,
      clicks: 360,
      sessions: 300,
      bounces: 90,
      conversions: 18,
      signups: 10,
      leads: 20,
      sales_leads: 4,
      new_customers: 6,
      spend: 500,
      revenue: 1300,
      mentions: 60,
      positive_mentions: 40,
      neutral_mentions: 15,
      negative_mentions: 5,
      competitor_mentions: 140,
      competitor_engagements: 1000,
      messages: 30,
      responses: 40,
      response_minutes: 200,
      resolved: 25,
      promoters: 20,
      passives: 20,
      detractors: 10,
      csat_responses: 30,
      csat_satisfied: 23,
    },
  ],
  ['2026-06-30', { followers: 12600 }],
  ['2026-04', { reach: 61000 }],
  ['2026-Q2', { reach: 150000 }],
  ['2026-07-01', { impressions: 55555, engagements: 5555, followers: 13000, spend: 999, new_customers: 1 }],
]);

/** LinkedIn, 2026-Q2: no follower value before the quarter; reach by month only. */
const linkedin = rows('linkedin', [
  ['2026-04-01', { followers: 5000 }],
  ['2026-04-10', { impressions: 10000, engagements: 300 }],
  ['2026-06-30', { followers: 5200 }],
  ['2026-04', { reach: 20000 }],
  ['2026-05', { reach: 25000 }],
  ['2026-06', { reach: 22000 }],
]);

const engine = engineOf([...instagram, ...linkedin], { customerLtv: LTV });
const kpisOf = (channels: readonly string[], p = Q2) => kpiChanges(engine, channels, p);
const valueOf = (id: string, channels: readonly string[], p = Q2): number | null => kpisOf(channels, p).get(id)!.value;

// Instagram's Q2 totals, worked out from the rows above:
//   impressions 12000 + 18000; engagements 540 (given) + (300 + 40 + 20 + 10) (derived)
//   likes 400 + 300, comments 60 + 40, shares 50 + 20, posts 2 + 3
//   followers: 12600 at the end, 11800 at the start (the last value before the quarter)
const impressions = 12000 + 18000;
const engagements = 540 + (300 + 40 + 20 + 10);
const likes = 400 + 300;
const comments = 60 + 40;
const shares = 50 + 20;
const posts = 2 + 3;
const followersEnd = 12600;
const followersStart = 11800;
const clicks = 240 + 360;
const sessions = 200 + 300;
const spend = 300 + 500;
const revenue = 900 + 1300;
const newCustomers = 4 + 6;
const conversions = 12 + 18;
const leads = 30 + 20;
const mentions = 40 + 60;
const positive = 20 + 40;
const neutral = 15 + 15;
const negative = 5 + 5;

/** Every catalogue KPI on instagram over 2026-Q2, by hand. */
const HAND: Record<string, number> = {
  impressions,
  reach: 150000,
  follower_count: followersEnd,
  follower_growth: followersEnd - followersStart,
  audience_growth_rate: (followersEnd - followersStart) / followersStart,
  mentions,
  share_of_voice: mentions / (mentions + (60 + 140)),
  engagements,
  engagement_rate: engagements / impressions,
  average_engagement: engagements / posts,
  virality_rate: shares / impressions,
  amplification_rate: shares / posts / followersEnd,
  applause_rate: likes / posts / followersEnd,
  conversation_rate: comments / posts / followersEnd,
  share_of_engagement: engagements / (engagements + (1460 + 1000)),
  clicks,
  ctr: clicks / impressions,
  sessions,
  bounce_rate: (80 + 90) / sessions,
  conversions,
  conversion_rate: conversions / clicks,
  signup_rate: (20 + 10) / sessions,
  leads,
  lead_to_sales_rate: (6 + 4) / leads,
  revenue,
  spend,
  cpc: spend / clicks,
  cpm: (spend / impressions) * 1000,
  cost_per_conversion: spend / conversions,
  cost_per_lead: spend / leads,
  cac: spend / newCustomers,
  roi: (revenue - spend) / spend,
  roas: revenue / spend,
  ltv_cac: LTV / (spend / newCustomers),
  positive_sentiment_share: positive / (positive + neutral + negative),
  net_sentiment: (positive - negative) / (positive + negative),
  nps: ((50 - 20) / (50 + 30 + 20)) * 100,
  csat: (17 + 23) / (20 + 30),
  avg_response_time: (600 + 200) / (40 + 40),
  resolution_rate: (45 + 25) / (50 + 30),
};

describe('every catalogue KPI, worked out by hand (instagram, 2026-Q2)', () => {
  const computed = kpisOf(['instagram']);

  it('has a hand-worked case for every KPI in the catalogue, and none for unknown ids', () => {
    const missing = KPI_CATALOGUE.map((k) => k.id).filter((id) => !(id in HAND));
    expect(missing, 'KPIs without a hand-worked value in HAND').toEqual([]);
    expect(Object.keys(HAND).filter((id) => builtInKpi(id) === undefined)).toEqual([]);
  });

  it.each(KPI_CATALOGUE.map((k) => k.id))('%s', (id) => {
    const expected = HAND[id];
    if (expected === undefined) throw new Error(`no hand-worked value for KPI '${id}'`);
    const change = computed.get(id);
    expect(change, `kpiChanges has no entry for '${id}'`).toBeDefined();
    expectClose(change!.value, expected);
  });

  it('computes the same values through a MetricWindow as through kpiChanges', () => {
    const window = new MetricWindow(engine, ['instagram'], Q2.start, Q2.end);
    for (const kpi of engine.kpis.all()) expect(window.value(kpi).value, kpi.def.id).toBe(computed.get(kpi.def.id)!.value);
  });

  it('spot checks the hand arithmetic with literal numbers', () => {
    expectClose(computed.get('engagement_rate')!.value, 910 / 30000);
    expectClose(computed.get('follower_growth')!.value, 800);
    expectClose(computed.get('nps')!.value, 30);
    expectClose(computed.get('cpm')!.value, 80 / 3);
    expectClose(computed.get('ltv_cac')!.value, 7.5);
  });
});

describe('metric roll-ups the KPIs depend on', () => {
  it('derives engagements from likes, comments, shares and saves on a row that has none', () => {
    const may15 = period('2026-05-15');
    expect(valueOf('engagements', ['instagram'], may15)).toBe(300 + 40 + 20 + 10);
  });

  it('keeps a given engagements value rather than the sum of its parts', () => {
    const apr1 = period('2026-04-01');
    expect(valueOf('engagements', ['instagram'], apr1)).toBe(540); // parts sum to 400 + 60 + 50 + 20 = 530
  });

  it('derives engagements from whichever parts are present', () => {
    const e = engineOf(
      rows('x', [
        ['2026-04-02', { comments: 7, saves: 5 }],
        ['2026-04-03', { likes: 4 }],
      ]),
    );
    expect(kpiChanges(e, ['x'], Q2).get('engagements')!.value).toBe(7 + 5 + 4);
  });

  it('does not derive engagements for a row with none of its parts', () => {
    const e = engineOf(
      rows('x', [
        ['2026-04-02', { impressions: 100, shares: 0 }],
        ['2026-04-03', { impressions: 100 }],
      ]),
    );
    expect(kpiChanges(e, ['x'], period('2026-04-03')).get('engagements')!.value).toBeNull();
    expect(kpiChanges(e, ['x'], period('2026-04-02')).get('engagements')!.value).toBe(0);
  });

  it('reads follower_count as the stock at the end of the period, not a sum', () => {
    expect(valueOf('follower_count', ['instagram'])).toBe(12600);
    // Up to mid-May only the 2026-04-01 value exists in the window.
    const w = new MetricWindow(engine, ['instagram'], Q2.start, day('2026-05-20'));
    expect(w.value(engine.kpis.get('follower_count')!).value).toBe(12050);
  });

  it('starts follower growth at the last value before the period', () => {
    expect(valueOf('follower_growth', ['instagram'])).toBe(12600 - 11800);
    expectClose(valueOf('audience_growth_rate', ['instagram']), (12600 - 11800) / 11800);
  });

  it('starts follower growth at the first value in the period when there is none before it', () => {
    expect(valueOf('follower_growth', ['linkedin'])).toBe(5200 - 5000);
    expectClose(valueOf('audience_growth_rate', ['linkedin']), 200 / 5000);
  });

  it('has no follower growth without any follower value up to the period end', () => {
    const e = engineOf(
      rows('x', [
        ['2026-04-02', { impressions: 1 }],
        ['2026-07-02', { followers: 10 }],
      ]),
    );
    const k = kpiChanges(e, ['x'], Q2);
    expect(k.get('follower_count')!.value).toBeNull();
    expect(k.get('follower_growth')!.value).toBeNull();
    expect(k.get('audience_growth_rate')!.value).toBeNull();
  });

  it('computes ltv_cac from the customer_ltv site setting, and null without it', () => {
    expectClose(valueOf('ltv_cac', ['instagram']), 600 / (800 / 10));
    const noLtv = engineOf([...instagram, ...linkedin], { customerLtv: null });
    expect(kpiChanges(noLtv, ['instagram'], Q2).get('ltv_cac')!.value).toBeNull();
    expectClose(kpiChanges(noLtv, ['instagram'], Q2).get('cac')!.value, 80);
  });
});

describe('reach (unique, not additive over time)', () => {
  const reach = engine.kpis.get('reach')!;
  const reachOver = (channels: string[], p: string) => {
    const { start, end } = period(p);
    return new MetricWindow(engine, channels, start, end).value(reach);
  };

  it('is exact from a row covering exactly the period', () => {
    expect(reachOver(['instagram'], '2026-Q2')).toMatchObject({ value: 150000, approximate: false });
    expect(reachOver(['instagram'], '2026-04')).toMatchObject({ value: 61000, approximate: false });
    expect(reachOver(['linkedin'], '2026-05')).toMatchObject({ value: 25000, approximate: false });
  });

  it('is the sum of finer rows, flagged approximate, when no row covers the period', () => {
    expect(reachOver(['linkedin'], '2026-Q2')).toMatchObject({ value: 20000 + 25000 + 22000, approximate: true });
    const days = engineOf(
      rows('x', [
        ['2026-04-01', { reach: 300 }],
        ['2026-04-02', { reach: 200 }],
      ]),
    );
    const w = new MetricWindow(days, ['x'], day('2026-04-01'), day('2026-04-30'));
    expect(w.value(days.kpis.get('reach')!)).toMatchObject({ value: 500, approximate: true });
    const one = new MetricWindow(days, ['x'], day('2026-04-02'), day('2026-04-02'));
    expect(one.value(days.kpis.get('reach')!)).toMatchObject({ value: 200, approximate: false });
  });

  it('is null when there is no reach row in the period', () => {
    expect(reachOver(['instagram'], '2026-05')).toMatchObject({ value: null, approximate: false });
  });

  it('is approximate across channels, and so in kpiChanges', () => {
    expect(reachOver(['instagram', 'linkedin'], '2026-Q2')).toMatchObject({ value: 150000 + 67000, approximate: true });
    expect(kpisOf(['instagram']).get('reach')!.approximate).toBe(false);
    expect(kpisOf(['linkedin']).get('reach')!.approximate).toBe(true);
  });

  it('makes a custom KPI reading it approximate too', () => {
    const custom = {
      id: 'eng_per_reach',
      label: 'Engagements per reach',
      formula: 'engagements / reach',
      unit: 'ratio',
      good: 'up',
      family: 'custom',
      description: '',
      custom: true,
    } as const;
    const e = engineOf([...instagram, ...linkedin], { customKpis: [custom] });
    expect(kpiChanges(e, ['linkedin'], Q2).get('eng_per_reach')).toMatchObject({ value: 300 / 67000, approximate: true });
    expect(kpiChanges(e, ['instagram'], Q2).get('eng_per_reach')).toMatchObject({ value: 910 / 150000, approximate: false });
  });
});

describe('the `all` channel', () => {
  const all = resolveChannels('all', engine.index.channels);

  it('selects every channel with data', () => {
    expect(all).toEqual(['instagram', 'linkedin']);
  });

  it('sums flows across channels and computes rates from the sums', () => {
    expect(valueOf('impressions', all)).toBe(30000 + 10000);
    expect(valueOf('engagements', all)).toBe(910 + 300);
    expectClose(valueOf('engagement_rate', all), (910 + 300) / (30000 + 10000));
  });

  it('sums stocks across channels, at the end and at the start', () => {
    expect(valueOf('follower_count', all)).toBe(12600 + 5200);
    expect(valueOf('follower_growth', all)).toBe(12600 + 5200 - (11800 + 5000));
    expectClose(valueOf('audience_growth_rate', all), 1000 / 16800);
  });

  it('compares end and start over the same channels: one without followers in the period does not count', () => {
    const e = engineOf([
      ...rows('a', [
        ['2026-03-31', { followers: 10000 }],
        ['2026-05-01', { impressions: 10 }],
      ]),
      ...rows('b', [
        ['2026-03-31', { followers: 5000 }],
        ['2026-06-30', { followers: 5200 }],
      ]),
    ]);
    const k = kpiChanges(e, ['a', 'b'], Q2);
    // a's count carries into the quarter (the latest total before it); its growth there is unknown.
    expect(k.get('follower_count')!.value).toBe(10000 + 5200);
    expect(k.get('follower_growth')!.value).toBe(5200 - 5000); // not 5200 − (10000 + 5000)
    expectClose(k.get('audience_growth_rate')!.value, 200 / 5000);
    expect(kpiChanges(e, ['a'], Q2).get('follower_growth')!.value).toBeNull();
  });
});

describe('null, never NaN or Infinity', () => {
  /** Every metric the catalogue reads, all 0, on one day. */
  const zeroValues = Object.fromEntries(
    metricTable()
      .ids()
      .map((id) => [id, 0]),
  );
  const zeros = engineOf(rows('zeros', [['2026-05-01', zeroValues]]), { customerLtv: LTV });
  const COUNTS = new Set([
    'impressions',
    'reach',
    'follower_count',
    'follower_growth',
    'mentions',
    'engagements',
    'clicks',
    'sessions',
    'conversions',
    'leads',
    'revenue',
    'spend',
  ]);

  it.each(KPI_CATALOGUE.map((k) => k.id))('%s is 0 if a total of zeros, else null, when every metric is 0', (id) => {
    const value = kpiChanges(zeros, ['zeros'], Q2).get(id)!.value;
    expect(value).toBe(COUNTS.has(id) ? 0 : null);
  });

  // Follower count is the exception: the latest total before the period carries into it (SPEC "Followers").
  it.each(KPI_CATALOGUE.map((k) => k.id).filter((id) => id !== 'follower_count'))(
    '%s is null when the channel has no data in the period',
    (id) => {
      const e = engineOf(rows('x', [['2026-01-15', zeroValues]]), { customerLtv: LTV });
      expect(kpiChanges(e, ['x'], Q2).get(id)!.value).toBeNull();
    },
  );

  it('follower_count carries the latest total into a period without data, as a number', () => {
    const e = engineOf(rows('x', [['2026-01-15', zeroValues]]), { customerLtv: LTV });
    expect(kpiChanges(e, ['x'], Q2).get('follower_count')!.value).toBe(0);
  });

  it('is null when a denominator is missing although the numerator is there', () => {
    const e = engineOf(rows('x', [['2026-04-02', { engagements: 10, clicks: 3, spend: 50, revenue: 90, shares: 2, likes: 4 }]]), {
      customerLtv: LTV,
    });
    const k = kpiChanges(e, ['x'], Q2);
    for (const id of [
      'engagement_rate',
      'average_engagement',
      'ctr',
      'conversion_rate',
      'cpm',
      'cost_per_conversion',
      'cac',
      'ltv_cac',
      'virality_rate',
      'amplification_rate',
      'applause_rate',
    ]) {
      expect(k.get(id)!.value, id).toBeNull();
    }
    expectClose(k.get('roas')!.value, 90 / 50);
  });

  it('is null for ltv_cac when spend is 0 but customers were acquired (cac = 0)', () => {
    const e = engineOf(rows('x', [['2026-04-02', { spend: 0, new_customers: 5 }]]), { customerLtv: LTV });
    const k = kpiChanges(e, ['x'], Q2);
    expect(k.get('cac')!.value).toBe(0);
    expect(k.get('ltv_cac')!.value).toBeNull();
    expect(k.get('roi')!.value).toBeNull();
  });

  it('is null for a net sentiment with only neutral mentions', () => {
    const e = engineOf(rows('x', [['2026-04-02', { positive_mentions: 0, neutral_mentions: 4, negative_mentions: 0 }]]));
    const k = kpiChanges(e, ['x'], Q2);
    expect(k.get('net_sentiment')!.value).toBeNull();
    expect(k.get('positive_sentiment_share')!.value).toBe(0);
  });
});

describe('change against the previous quarter and the same quarter a year before', () => {
  const e = engineOf(
    rows('x', [
      // One row on each quarter's last day: each quarter covered to its end (none cut short).
      ['2025-06-30', { impressions: 20000, engagements: 400 }],
      ['2026-03-31', { impressions: 24000, engagements: 0 }],
      ['2026-06-30', { impressions: 30000, engagements: 900 }],
    ]),
  );
  const k = kpiChanges(e, ['x'], Q2);

  it('gives qoq and yoy as relative changes', () => {
    expect(k.get('impressions')).toMatchObject({ value: 30000, previous: 24000, yearAgo: 20000 });
    expectClose(k.get('impressions')!.qoq, (30000 - 24000) / 24000);
    expectClose(k.get('impressions')!.yoy, (30000 - 20000) / 20000);
    expectClose(k.get('engagement_rate')!.yoy, (900 / 30000 - 400 / 20000) / (400 / 20000));
  });

  it('is null where the earlier value is 0 or missing', () => {
    expect(k.get('engagements')!.previous).toBe(0);
    expect(k.get('engagements')!.qoq).toBeNull();
    expect(k.get('clicks')!.yoy).toBeNull();
  });

  it('divides by the absolute earlier value (relativeChange)', () => {
    expect(relativeChange(-5, -10)).toBe(0.5);
    expect(relativeChange(5, -10)).toBe(1.5);
    expect(relativeChange(null, 3)).toBeNull();
    expect(relativeChange(3, 0)).toBeNull();
  });
});

describe('the catalogue table', () => {
  const SPEC_IDS = [
    'impressions',
    'reach',
    'engagements',
    'clicks',
    'sessions',
    'conversions',
    'leads',
    'spend',
    'revenue',
    'mentions',
    'follower_count',
    'follower_growth',
    'audience_growth_rate',
    'engagement_rate',
    'average_engagement',
    'virality_rate',
    'amplification_rate',
    'applause_rate',
    'conversation_rate',
    'ctr',
    'bounce_rate',
    'conversion_rate',
    'signup_rate',
    'lead_to_sales_rate',
    'cpc',
    'cpm',
    'cost_per_conversion',
    'cost_per_lead',
    'cac',
    'roi',
    'roas',
    'ltv_cac',
    'share_of_voice',
    'share_of_engagement',
    'positive_sentiment_share',
    'net_sentiment',
    'nps',
    'csat',
    'avg_response_time',
    'resolution_rate',
  ];

  it('has unique ids', () => {
    const ids = KPI_CATALOGUE.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds exactly the KPIs of the SPEC table', () => {
    expect(KPI_CATALOGUE.map((k) => k.id).sort()).toEqual([...SPEC_IDS].sort());
  });

  it.each(KPI_CATALOGUE.map((k) => [k.id, k.formula]))(
    '%s: formula "%s" parses and reads only known variables',
    (_id, formula) => {
      const parsed = parseFormula(formula);
      if (!parsed.ok) throw new Error(`${formula}: ${parsed.message} at column ${parsed.column}`);
      const names = formulaVariables(parsed.ast).map((v) => v.name);
      expect(names.length).toBeGreaterThan(0);
      const table = metricTable();
      expect(names.filter((n) => table.get(n) === undefined && !isSpecialVariable(n))).toEqual([]);
    },
  );

  it('marks exactly the SPEC\'s "down" KPIs as good when down', () => {
    const down = KPI_CATALOGUE.filter((k) => k.good === 'down')
      .map((k) => k.id)
      .sort();
    expect(down).toEqual([
      'avg_response_time',
      'bounce_rate',
      'cac',
      'cost_per_conversion',
      'cost_per_lead',
      'cpc',
      'cpm',
      'spend',
    ]);
  });

  it('uses the SPEC units', () => {
    const unit = (id: string) => builtInKpi(id)!.unit;
    expect(['follower_count', 'follower_growth', 'impressions', 'reach'].map(unit)).toEqual(['count', 'count', 'count', 'count']);
    expect(['spend', 'revenue', 'cpc', 'cpm', 'cac'].map(unit)).toEqual(['money', 'money', 'money', 'money', 'money']);
    expect(['engagement_rate', 'audience_growth_rate', 'roi', 'csat'].map(unit)).toEqual([
      'percent',
      'percent',
      'percent',
      'percent',
    ]);
    expect(['roas', 'ltv_cac'].map(unit)).toEqual(['ratio', 'ratio']);
    expect([unit('average_engagement'), unit('nps'), unit('avg_response_time')]).toEqual(['per_post', 'score', 'minutes']);
  });

  it('makes exactly the flow aggregates and follower growth cumulative (goals on them are totals)', () => {
    const set = new KpiSet(engine.index);
    const cumulative = set
      .all()
      .filter((k) => k.cumulative)
      .map((k) => k.def.id)
      .sort();
    expect(cumulative).toEqual([
      'clicks',
      'conversions',
      'engagements',
      'follower_growth',
      'impressions',
      'leads',
      'mentions',
      'revenue',
      'sessions',
      'spend',
    ]);
  });
});
