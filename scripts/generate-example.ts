/**
 * Writes the bundled example: Nordlys Outdoor, a fictional Norwegian maker of outdoor gear
 * (shell jackets, tents, backpacks) that sells online across Europe and uses social media
 * for awareness, community, sales, B2B leads, customer care and hiring.
 *
 *   npm run example                       # (re)writes content/site.yaml, goals/ and data/
 *   GOALPOST_ROOT=/tmp/x npm run example  # writes them under /tmp/x instead
 *
 * Deterministic: the numbers come from a seeded PRNG (mulberry32), never Math.random or the
 * clock, and only from + − × ÷ (no exp, log or trigonometry, whose last bits may differ
 * between JavaScript engines), so every run writes the same bytes. test/example.test.ts
 * checks that the committed example is exactly this script's output.
 *
 * Data covers 2024-10-01 to 2026-09-30 (eight quarters, 2024-Q4 to 2026-Q3). Goals are tuned
 * so that the 2026-Q2 and 2026-Q3 reports show every status: achieved, on track, at risk,
 * off track and missed. Change a curve below and the statuses may change: check with
 * `npm run goalpost -- report --period 2026-Q3`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { mulberry32 } from './random.ts';

const ROOT = resolve(process.env['GOALPOST_ROOT'] || join(import.meta.dirname, '..'));

// ---------------------------------------------------------------------------------------
// Calendar (days are integers: days since 1970-01-01, UTC)

const DAY_MS = 86_400_000;

function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
function weekdayOf(day: number): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

const FIRST_DAY = dayOf('2024-10-01');
const LAST_DAY = dayOf('2026-09-30');
const DAYS: number[] = [];
for (let d = FIRST_DAY; d <= LAST_DAY; d++) DAYS.push(d);
const QUARTERS = [...new Set(DAYS.map((d) => quarterOf(isoOf(d))))];

// ---------------------------------------------------------------------------------------
// Seeded randomness

/** FNV-1a: a stable seed per stream name, so one channel's numbers do not depend on another's. */
function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Rng {
  /** A multiplicative noise factor around 1 with standard deviation `sigma`. */
  noise(sigma: number): number;
  /** Stochastic rounding of a non-negative amount to a whole count (unbiased). */
  count(x: number): number;
  chance(p: number): boolean;
}

function rngFor(name: string): Rng {
  const u = mulberry32(seedOf(name));
  // Irwin–Hall with four uniforms, scaled to unit variance: a bell curve with bounded tails.
  const gauss = (): number => (u() + u() + u() + u() - 2) * 1.7320508075688772;
  return {
    noise: (sigma) => Math.max(0.05, 1 + sigma * gauss()),
    count: (x) => Math.max(0, Math.floor(x + u())),
    chance: (p) => u() < p,
  };
}

// ---------------------------------------------------------------------------------------
// Shapes over time

type Curve = (day: number) => number;

/** A piecewise-linear curve through dated points, flat before the first and after the last. */
function curve(points: ReadonlyArray<readonly [string, number]>): Curve {
  const pts = points.map(([d, v]) => [dayOf(d), v] as const);
  return (day) => {
    if (day <= pts[0]![0]) return pts[0]![1];
    for (let i = 1; i < pts.length; i++) {
      const [d1, v1] = pts[i]!;
      if (day <= d1) {
        const [d0, v0] = pts[i - 1]!;
        return v0 + ((v1 - v0) * (day - d0)) / (d1 - d0);
      }
    }
    return pts[pts.length - 1]![1];
  };
}

/** Outdoor-gear interest by month (Jan … Dec): spring and summer hiking, a Black Friday bump. */
const SEASON = [0.86, 0.88, 0.95, 1.04, 1.12, 1.18, 1.16, 1.1, 1.03, 0.97, 1.02, 0.95];

/** The month table interpolated between mid-months, so there are no jumps on the 1st. */
function season(day: number): number {
  const iso = isoOf(day);
  const month = Number(iso.slice(5, 7)) - 1;
  const dom = Number(iso.slice(8, 10));
  const x = month + (dom - 15.5) / 30.5;
  const i = Math.floor(x);
  const f = x - i;
  return SEASON[(i + 12) % 12]! * (1 - f) + SEASON[(i + 13) % 12]! * f;
}

/** Weekday profiles, Monday first. */
const WEEK = {
  consumer: [0.94, 0.96, 0.98, 1.0, 0.98, 1.06, 1.08],
  b2b: [1.12, 1.2, 1.2, 1.16, 0.92, 0.42, 0.38],
  video: [0.92, 0.94, 0.96, 0.98, 1.02, 1.08, 1.1],
} as const;

interface CampaignPart {
  /** Multiplier on impressions while the campaign runs. */
  readonly boost: number;
  /** Paid spend per day (EUR) while it runs; 0 for organic-only. */
  readonly spend: number;
}

interface Campaign {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly channels: Readonly<Record<string, CampaignPart>>;
}

function campaign(name: string, start: string, end: string, channels: Record<string, CampaignPart>): Campaign {
  return { name, start: dayOf(start), end: dayOf(end), channels };
}

const CAMPAIGNS: readonly Campaign[] = [
  campaign('Black Friday 2024', '2024-11-22', '2024-12-02', {
    instagram: { boost: 1.5, spend: 820 },
    facebook: { boost: 1.4, spend: 600 },
    tiktok: { boost: 1.3, spend: 250 },
  }),
  campaign('Winter layers 2025', '2025-01-20', '2025-02-16', {
    instagram: { boost: 1.2, spend: 260 },
    facebook: { boost: 1.15, spend: 220 },
  }),
  campaign('Spring trail 2025', '2025-04-07', '2025-05-11', {
    instagram: { boost: 1.3, spend: 380 },
    facebook: { boost: 1.2, spend: 300 },
    tiktok: { boost: 1.35, spend: 220 },
    linkedin: { boost: 1.2, spend: 140 },
  }),
  campaign('Hut to hut 2025', '2025-06-16', '2025-07-27', {
    instagram: { boost: 1.25, spend: 340 },
    tiktok: { boost: 1.3, spend: 260 },
    youtube: { boost: 1.3, spend: 0 },
  }),
  campaign('Retail partners 2025', '2025-09-08', '2025-10-10', { linkedin: { boost: 1.3, spend: 210 } }),
  campaign('Black Friday 2025', '2025-11-21', '2025-12-01', {
    instagram: { boost: 1.55, spend: 980 },
    facebook: { boost: 1.4, spend: 640 },
    tiktok: { boost: 1.45, spend: 420 },
  }),
  campaign('Fjellvind jacket launch 2026', '2026-04-13', '2026-05-24', {
    instagram: { boost: 1.45, spend: 520 },
    facebook: { boost: 1.25, spend: 330 },
    tiktok: { boost: 1.5, spend: 380 },
    youtube: { boost: 1.4, spend: 0 },
    linkedin: { boost: 1.15, spend: 120 },
  }),
  campaign('Retail partners 2026', '2026-05-04', '2026-06-12', { linkedin: { boost: 1.3, spend: 240 } }),
  campaign('Autumn trail 2026', '2026-08-24', '2026-09-27', {
    instagram: { boost: 1.25, spend: 360 },
    tiktok: { boost: 1.35, spend: 300 },
    facebook: { boost: 1.1, spend: 210 },
  }),
];

function campaignOn(channel: string, day: number): CampaignPart | null {
  for (const c of CAMPAIGNS) {
    const part = c.channels[channel];
    if (part && day >= c.start && day <= c.end) return part;
  }
  return null;
}

/** Recruitment waves: LinkedIn job posts for the Bergen workshop and the Munich store. */
const HIRING = curve([
  ['2024-10-01', 1.2],
  ['2025-02-24', 1.2],
  ['2025-03-03', 6],
  ['2025-04-20', 6],
  ['2025-04-27', 1.5],
  ['2026-06-22', 1.5],
  ['2026-06-29', 7.5],
  ['2026-09-20', 7.5],
  ['2026-09-30', 3],
]);

/** A crisis: a tent-pole recall (Tind 2 tent) in February and March 2026 drives negative mentions. */
const RECALL = curve([
  ['2026-02-08', 1],
  ['2026-02-12', 4.5],
  ['2026-02-28', 3],
  ['2026-03-20', 1.6],
  ['2026-04-20', 1.15],
  ['2026-06-01', 1],
]);

// ---------------------------------------------------------------------------------------
// Channel models: one latent row per day; files then give them by day or by month.

type Values = Record<string, number>;

interface DayValues {
  readonly day: number;
  readonly values: Values;
}

const money = (x: number): number => Math.round(x * 100) / 100;

/** Follower stock from daily gains and losses. */
function followerStep(state: { followers: number }, gained: number, lost: number): number {
  state.followers = Math.max(0, state.followers + gained - lost);
  return state.followers;
}

function instagram(): DayValues[] {
  const r = rngFor('instagram');
  const impressions = curve([
    ['2024-10-01', 25500],
    ['2025-06-30', 30000],
    ['2025-12-31', 32500],
    ['2026-06-30', 38000],
    ['2026-09-30', 40500],
  ]);
  const er = curve([
    ['2024-10-01', 0.041],
    ['2025-06-30', 0.043],
    ['2025-12-31', 0.0425],
    ['2026-03-31', 0.0415],
    ['2026-06-30', 0.0465],
    ['2026-09-30', 0.047],
  ]);
  const ctr = curve([
    ['2024-10-01', 0.0072],
    ['2025-12-31', 0.0079],
    ['2026-09-30', 0.0084],
  ]);
  const bounce = curve([
    ['2024-10-01', 0.56],
    ['2025-12-31', 0.53],
    ['2026-06-30', 0.51],
    ['2026-09-30', 0.495],
  ]);
  const cr = curve([
    ['2024-10-01', 0.014],
    ['2025-12-31', 0.0155],
    ['2026-09-30', 0.0165],
  ]);
  const codes = curve([
    ['2024-10-01', 0.22],
    ['2026-03-31', 0.3],
    ['2026-09-30', 0.31],
  ]);
  const gained = curve([
    ['2024-10-01', 34],
    ['2025-06-30', 36],
    ['2025-12-31', 33],
    ['2026-06-30', 38],
    ['2026-09-30', 40],
  ]);
  const lost = curve([
    ['2024-10-01', 9],
    ['2026-09-30', 12],
  ]);
  const state = { followers: 38_140 };
  return DAYS.map((day) => {
    const c = campaignOn('instagram', day);
    const wd = weekdayOf(day);
    const posts = c ? (r.chance(0.45) ? 2 : 1) : r.chance(wd === 6 ? 0.45 : 0.1) ? 0 : 1;
    const boost = c?.boost ?? 1;
    const imp = r.count(impressions(day) * season(day) * WEEK.consumer[wd]! * boost * (0.8 + 0.2 * posts) * r.noise(0.09));
    const eng = imp * er(day) * r.noise(0.07);
    const clicks = r.count(imp * ctr(day) * r.noise(0.08));
    const sessions = r.count(clicks * 0.84 * r.noise(0.04));
    const conversions = r.count(sessions * cr(day) * (c ? 1.15 : 1) * r.noise(0.15));
    const v: Values = {
      impressions: imp,
      likes: r.count(eng * 0.8 * r.noise(0.04)),
      comments: r.count(eng * 0.045 * r.noise(0.12)),
      shares: r.count(eng * 0.06 * r.noise(0.1)),
      saves: r.count(eng * 0.095 * r.noise(0.1)),
      video_views: r.count(imp * 0.34 * r.noise(0.08)),
      clicks,
      posts,
      followers: 0,
      new_followers: r.count(gained(day) * season(day) * (1 + (boost - 1) * 0.6) * r.noise(0.2)),
      lost_followers: r.count(lost(day) * r.noise(0.3)),
      sessions,
      bounces: Math.min(sessions, r.count(sessions * bounce(day) * r.noise(0.05))),
      signups: r.count(sessions * 0.021 * r.noise(0.2)),
      conversions,
      new_customers: 0,
      revenue: conversions === 0 ? 0 : money(conversions * 128 * r.noise(0.12)),
      discount_code_uses: 0,
    };
    v['followers'] = followerStep(state, v['new_followers']!, v['lost_followers']!);
    v['new_customers'] = Math.min(conversions, r.count(conversions * 0.7));
    v['discount_code_uses'] = Math.min(conversions, r.count(conversions * codes(day)));
    // Paid days: campaigns, and a boosted post most Fridays.
    const spend = c ? c.spend * r.noise(0.1) : wd === 4 && r.chance(0.8) ? 95 * r.noise(0.15) : 0;
    if (spend > 0) v['spend'] = money(spend);
    return { day, values: v };
  });
}

function tiktok(): DayValues[] {
  const r = rngFor('tiktok');
  const views = curve([
    ['2024-10-01', 14000],
    ['2025-06-30', 34000],
    ['2025-12-31', 47000],
    ['2026-06-30', 64000],
    ['2026-09-30', 80000],
  ]);
  const er = curve([
    ['2024-10-01', 0.074],
    ['2025-12-31', 0.079],
    ['2026-09-30', 0.077],
  ]);
  const ctr = curve([
    ['2024-10-01', 0.0021],
    ['2025-12-31', 0.0026],
    ['2026-06-30', 0.0028],
    ['2026-09-30', 0.0029],
  ]);
  // Creator codes: the creator programme was relaunched in July 2026.
  const codes = curve([
    ['2024-10-01', 0.011],
    ['2025-12-31', 0.014],
    ['2026-06-30', 0.016],
    ['2026-07-15', 0.019],
    ['2026-09-30', 0.02],
  ]);
  const gained = curve([
    ['2024-10-01', 60],
    ['2025-06-30', 75],
    ['2025-12-31', 68],
    ['2026-06-30', 82],
    ['2026-09-30', 95],
  ]);
  const state = { followers: 3_480 };
  return DAYS.map((day) => {
    const c = campaignOn('tiktok', day);
    const wd = weekdayOf(day);
    const posts = r.chance(c ? 0.85 : 0.55) ? (r.chance(0.15) ? 2 : 1) : 0;
    const boost = c?.boost ?? 1;
    const vv = r.count(views(day) * season(day) * WEEK.video[wd]! * boost * (0.75 + 0.25 * posts) * r.noise(0.16));
    const imp = r.count(vv * 1.24 * r.noise(0.03));
    const eng = vv * er(day) * r.noise(0.08);
    const clicks = r.count(vv * ctr(day) * r.noise(0.1));
    const conversions = r.count(clicks * 0.021 * r.noise(0.2));
    const v: Values = {
      impressions: imp,
      video_views: vv,
      likes: r.count(eng * 0.86 * r.noise(0.04)),
      comments: r.count(eng * 0.04 * r.noise(0.12)),
      shares: r.count(eng * 0.055 * r.noise(0.12)),
      saves: r.count(eng * 0.045 * r.noise(0.12)),
      clicks,
      posts,
      followers: 0,
      new_followers: r.count(gained(day) * season(day) * (1 + (boost - 1) * 0.8) * r.noise(0.25)),
      lost_followers: r.count(gained(day) * 0.12 * r.noise(0.3)),
      conversions,
      revenue: conversions === 0 ? 0 : money(conversions * 96 * r.noise(0.15)),
      discount_code_uses: r.count(clicks * codes(day) * r.noise(0.2)),
    };
    v['followers'] = followerStep(state, v['new_followers']!, v['lost_followers']!);
    if (c && c.spend > 0) v['spend'] = money(c.spend * r.noise(0.12));
    return { day, values: v };
  });
}

function linkedin(): DayValues[] {
  const r = rngFor('linkedin');
  const impressions = curve([
    ['2024-10-01', 3600],
    ['2025-12-31', 4600],
    ['2026-09-30', 5600],
  ]);
  const er = curve([
    ['2024-10-01', 0.031],
    ['2025-12-31', 0.034],
    ['2026-09-30', 0.036],
  ]);
  const ctr = curve([
    ['2024-10-01', 0.0105],
    ['2026-09-30', 0.0118],
  ]);
  const leadRate = curve([
    ['2024-10-01', 0.048],
    ['2025-12-31', 0.052],
    ['2026-06-30', 0.05],
    ['2026-09-30', 0.047],
  ]);
  const salesShare = curve([
    ['2024-10-01', 0.27],
    ['2026-09-30', 0.33],
  ]);
  const gained = curve([
    ['2024-10-01', 13],
    ['2025-12-31', 15],
    ['2026-09-30', 19],
  ]);
  const state = { followers: 9_210 };
  return DAYS.map((day) => {
    const c = campaignOn('linkedin', day);
    const wd = weekdayOf(day);
    const weekday = wd < 5;
    const posts = weekday ? (r.chance(0.7) ? 1 : 0) : 0;
    const boost = c?.boost ?? 1;
    const imp = r.count(impressions(day) * WEEK.b2b[wd]! * boost * (0.85 + 0.15 * posts) * r.noise(0.1));
    const clicks = r.count(imp * ctr(day) * r.noise(0.1));
    const sessions = r.count(clicks * 0.8 * r.noise(0.05));
    const leads = r.count(clicks * leadRate(day) * (c ? 1.6 : 1) * r.noise(0.2));
    const v: Values = {
      impressions: imp,
      engagements: r.count(imp * er(day) * r.noise(0.08)),
      shares: r.count(imp * er(day) * 0.07 * r.noise(0.15)),
      clicks,
      posts,
      followers: 0,
      new_followers: r.count(gained(day) * WEEK.b2b[wd]! * boost * r.noise(0.25)),
      lost_followers: r.count(2.2 * r.noise(0.4)),
      sessions,
      bounces: Math.min(sessions, r.count(sessions * 0.44 * r.noise(0.08))),
      leads,
      sales_leads: 0,
      applications: r.count(HIRING(day) * (weekday ? 1.2 : 0.5) * r.noise(0.3)),
    };
    v['sales_leads'] = Math.min(leads, r.count(leads * salesShare(day)));
    v['followers'] = followerStep(state, v['new_followers']!, v['lost_followers']!);
    if (c && c.spend > 0 && weekday) v['spend'] = money(c.spend * r.noise(0.1));
    return { day, values: v };
  });
}

function facebook(): DayValues[] {
  const r = rngFor('facebook');
  const impressions = curve([
    ['2024-10-01', 22500],
    ['2025-12-31', 21000],
    ['2026-09-30', 20000],
  ]);
  const er = curve([
    ['2024-10-01', 0.0135],
    ['2026-09-30', 0.0122],
  ]);
  const ctr = curve([
    ['2024-10-01', 0.0061],
    ['2026-09-30', 0.0064],
  ]);
  const bounce = curve([
    ['2024-10-01', 0.6],
    ['2026-09-30', 0.57],
  ]);
  const state = { followers: 52_380 };
  return DAYS.map((day) => {
    const c = campaignOn('facebook', day);
    const wd = weekdayOf(day);
    const posts = r.chance(0.72) ? 1 : 0;
    const boost = c?.boost ?? 1;
    const imp = r.count(impressions(day) * season(day) * WEEK.consumer[wd]! * boost * r.noise(0.1));
    const clicks = r.count(imp * ctr(day) * r.noise(0.08));
    const sessions = r.count(clicks * 0.86 * r.noise(0.04));
    const conversions = r.count(sessions * 0.012 * r.noise(0.2));
    const v: Values = {
      impressions: imp,
      engagements: r.count(imp * er(day) * r.noise(0.08)),
      shares: r.count(imp * er(day) * 0.09 * r.noise(0.15)),
      video_views: r.count(imp * 0.18 * r.noise(0.1)),
      clicks,
      posts,
      followers: 0,
      new_followers: r.count(16 * season(day) * boost * r.noise(0.3)),
      lost_followers: r.count(19 * r.noise(0.3)),
      sessions,
      bounces: Math.min(sessions, r.count(sessions * bounce(day) * r.noise(0.05))),
      signups: r.count(sessions * 0.017 * r.noise(0.25)),
      conversions,
      new_customers: 0,
      revenue: conversions === 0 ? 0 : money(conversions * 142 * r.noise(0.12)),
      spend: money((c ? c.spend : 105) * r.noise(0.1)),
    };
    v['followers'] = followerStep(state, v['new_followers']!, v['lost_followers']!);
    v['new_customers'] = Math.min(conversions, r.count(conversions * 0.68));
    return { day, values: v };
  });
}

function youtube(): DayValues[] {
  const r = rngFor('youtube');
  const impressions = curve([
    ['2024-10-01', 6200],
    ['2025-12-31', 8200],
    ['2026-09-30', 9800],
  ]);
  const state = { followers: 8_460 };
  return DAYS.map((day) => {
    const c = campaignOn('youtube', day);
    const wd = weekdayOf(day);
    const boost = c?.boost ?? 1;
    const posts = wd === 3 && r.chance(0.85) ? 1 : 0;
    const imp = r.count(impressions(day) * season(day) * WEEK.video[wd]! * boost * r.noise(0.12));
    const views = r.count(imp * 0.19 * r.noise(0.1));
    const clicks = r.count(views * 0.011 * r.noise(0.2));
    const sessions = r.count(clicks * 0.88);
    const v: Values = {
      impressions: imp,
      video_views: views,
      likes: r.count(views * 0.036 * r.noise(0.1)),
      comments: r.count(views * 0.0042 * r.noise(0.2)),
      shares: r.count(views * 0.0031 * r.noise(0.2)),
      clicks,
      posts,
      followers: 0,
      new_followers: r.count(9.5 * season(day) * boost * r.noise(0.3)),
      lost_followers: r.count(1.6 * r.noise(0.4)),
      sessions,
      bounces: Math.min(sessions, r.count(sessions * 0.38 * r.noise(0.1))),
    };
    v['followers'] = followerStep(state, v['new_followers']!, v['lost_followers']!);
    return { day, values: v };
  });
}

/** Social listening per channel (a listening tool's export): brand and competitor mentions. */
function listening(channel: string, daily: number, growth: number): DayValues[] {
  const r = rngFor(`listening-${channel}`);
  const volume = curve([
    ['2024-10-01', daily],
    ['2026-09-30', daily * growth],
  ]);
  const rivals = curve([
    ['2024-10-01', 3.3],
    ['2025-12-31', 3.05],
    ['2026-09-30', 2.95],
  ]);
  // Positive share of the rated mentions that are not negative (the others are neutral).
  const positive = curve([
    ['2024-10-01', 0.54],
    ['2025-12-31', 0.58],
    ['2026-09-30', 0.6],
  ]);
  return DAYS.map((day) => {
    const crisis = RECALL(day);
    const base = volume(day) * season(day) * (campaignOn(channel, day)?.boost ?? 1) * r.noise(0.2);
    const mentions = r.count(base * (1 + (crisis - 1) * 0.6));
    const negative = Math.min(mentions, r.count(base * 0.07 * crisis * r.noise(0.2)));
    // The tool rates the sentiment of about 94% of mentions.
    const rest = Math.max(0, Math.floor(mentions * 0.94) - negative);
    const pos = Math.min(rest, r.count(rest * positive(day) * r.noise(0.05)));
    const v: Values = {
      mentions,
      positive_mentions: pos,
      neutral_mentions: rest - pos,
      negative_mentions: negative,
      competitor_mentions: r.count(base * rivals(day) * r.noise(0.1)),
      competitor_engagements: r.count(base * rivals(day) * 38 * r.noise(0.15)),
    };
    return { day, values: v };
  });
}

/** Direct messages, their handling, and the surveys sent after a conversation. */
function care(channel: string, daily: number): DayValues[] {
  const r = rngFor(`care-${channel}`);
  const minutes = curve([
    ['2024-10-01', 112],
    ['2025-06-30', 96],
    ['2025-12-31', 84],
    ['2026-06-30', 74],
    ['2026-09-30', 70],
  ]);
  const resolution = curve([
    ['2024-10-01', 0.84],
    ['2026-09-30', 0.9],
  ]);
  const satisfied = curve([
    ['2024-10-01', 0.82],
    ['2026-09-30', 0.87],
  ]);
  const promoters = curve([
    ['2024-10-01', 0.48],
    ['2025-12-31', 0.52],
    ['2026-09-30', 0.54],
  ]);
  const detractors = curve([
    ['2024-10-01', 0.16],
    ['2025-12-31', 0.14],
    ['2026-09-30', 0.135],
  ]);
  return DAYS.map((day) => {
    const crisis = RECALL(day);
    const messages = r.count(daily * season(day) * (1 + (crisis - 1) * 0.5) * r.noise(0.2));
    const responses = Math.min(messages, r.count(messages * 0.96));
    const resolved = Math.min(messages, r.count(messages * resolution(day) * r.noise(0.03)));
    const surveyed = r.count(resolved * 0.14);
    const csatSatisfied = Math.min(surveyed, r.count((surveyed * satisfied(day) * r.noise(0.04)) / (1 + (crisis - 1) * 0.05)));
    const nps = r.count(resolved * 0.09);
    const prom = Math.min(nps, r.count(nps * promoters(day) * r.noise(0.06)));
    const det = Math.min(nps - prom, r.count(nps * detractors(day) * (1 + (crisis - 1) * 0.3) * r.noise(0.1)));
    const v: Values = {
      messages,
      responses,
      response_minutes: r.count(responses * minutes(day) * (1 + (crisis - 1) * 0.4) * r.noise(0.12)),
      resolved,
      csat_responses: surveyed,
      csat_satisfied: csatSatisfied,
      promoters: prom,
      passives: nps - prom - det,
      detractors: det,
    };
    return { day, values: v };
  });
}

// ---------------------------------------------------------------------------------------
// Aggregation to months and quarters (as the export tools do)

const STOCKS = new Set(['followers']);

function sumInto(into: Values, values: Values): void {
  for (const [k, v] of Object.entries(values)) into[k] = STOCKS.has(k) ? v : (into[k] ?? 0) + v;
}

function fix(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) out[k] = k === 'spend' || k === 'revenue' ? money(v) : v;
  return out;
}

/** Days grouped by a key (month or quarter), totals summed and stocks at the last day. */
function rollUp(days: readonly DayValues[], keyOf: (iso: string) => string): Map<string, Values> {
  const out = new Map<string, Values>();
  for (const { day, values } of days) {
    const key = keyOf(isoOf(day));
    const acc = out.get(key) ?? {};
    sumInto(acc, values);
    out.set(key, acc);
  }
  for (const [k, v] of out) out.set(k, fix(v));
  return out;
}

/** Unique reach of a period: a share of its impressions (people see several posts). */
function reachOf(r: Rng, impressions: number, share: number): number {
  return r.count(impressions * share * r.noise(0.03));
}

// ---------------------------------------------------------------------------------------
// Files

type Row = Record<string, string | number>;

interface MetricFile {
  readonly path: string;
  readonly channel: string;
  readonly source: string;
  readonly currency: boolean;
  readonly rows: Row[];
}

/** JSON with one row per line: readable, and diffs stay small when one day changes. */
function metricJson(file: MetricFile): string {
  const head = [
    `  "$schema": ${JSON.stringify(schemaRef(file.path, 'metrics'))}`,
    `  "channel": ${JSON.stringify(file.channel)}`,
    `  "source": ${JSON.stringify(file.source)}`,
  ];
  if (file.currency) head.push('  "currency": "EUR"');
  const rows = file.rows.map((r) => `    ${JSON.stringify(r).replaceAll('":', '": ').replaceAll(',"', ', "')}`);
  return `{\n${head.join(',\n')},\n  "rows": [\n${rows.join(',\n')}\n  ]\n}\n`;
}

/** The day after a quarter ends: when its export was taken. */
function exportDay(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}

function fileName(quarter: string): string {
  return `${quarter.slice(0, 4)}-q${quarter.slice(6)}.json`;
}

function byQuarter<T extends { readonly key: string }>(
  items: readonly T[],
  quarterOfKey: (key: string) => string,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const q of QUARTERS) out.set(q, []);
  for (const item of items) out.get(quarterOfKey(item.key))!.push(item);
  return out;
}

function monthToQuarter(month: string): string {
  return quarterOf(`${month}-01`);
}

interface DailyChannel {
  readonly id: string;
  readonly days: DayValues[];
  readonly source: string;
  /** Give reach by month (the quarter's reach is then an upper bound unless given too). */
  readonly monthlyReach: number | null;
  /** Give reach by quarter. */
  readonly quarterlyReach: number | null;
  readonly money: boolean;
}

function dailyFiles(ch: DailyChannel): MetricFile[] {
  const r = rngFor(`reach-${ch.id}`);
  const months = rollUp(ch.days, monthOf);
  const quarters = rollUp(ch.days, quarterOf);
  const dayRows = byQuarter(
    ch.days.map((d) => ({ key: isoOf(d.day), values: d.values })),
    quarterOf,
  );
  return QUARTERS.map((q) => {
    const rows: Row[] = dayRows.get(q)!.map((d) => ({ date: d.key, ...d.values }));
    if (ch.monthlyReach !== null) {
      for (const [m, v] of months)
        if (monthToQuarter(m) === q) rows.push({ month: m, reach: reachOf(r, v['impressions']!, ch.monthlyReach) });
    }
    if (ch.quarterlyReach !== null)
      rows.push({ quarter: q, reach: reachOf(r, quarters.get(q)!['impressions']!, ch.quarterlyReach) });
    return {
      path: `data/${ch.id}/${fileName(q)}`,
      channel: ch.id,
      source: `${ch.source}, ${exportDay(q)}`,
      currency: ch.money,
      rows,
    };
  });
}

interface MonthlyChannel {
  readonly id: string;
  readonly days: DayValues[];
  readonly source: string;
  readonly monthlyReach: number;
  readonly quarterlyReach: number;
  readonly money: boolean;
}

function monthlyFiles(ch: MonthlyChannel): MetricFile[] {
  const r = rngFor(`reach-${ch.id}`);
  const months = rollUp(ch.days, monthOf);
  const quarters = rollUp(ch.days, quarterOf);
  return QUARTERS.map((q) => {
    const rows: Row[] = [];
    for (const [m, v] of months) {
      if (monthToQuarter(m) === q) rows.push({ month: m, ...v, reach: reachOf(r, v['impressions']!, ch.monthlyReach) });
    }
    rows.push({ quarter: q, reach: reachOf(r, quarters.get(q)!['impressions']!, ch.quarterlyReach) });
    return {
      path: `data/${ch.id}/${fileName(q)}`,
      channel: ch.id,
      source: `${ch.source}, ${exportDay(q)}`,
      currency: ch.money,
      rows,
    };
  });
}

/** Files whose monthly rows carry their own channel (one export covering several channels). */
function multiChannelFiles(folder: string, source: string, series: ReadonlyArray<readonly [string, DayValues[]]>): MetricFile[] {
  const rows = series.flatMap(([channel, days]) => [...rollUp(days, monthOf)].map(([m, v]) => ({ key: m, channel, values: v })));
  const grouped = byQuarter(rows, monthToQuarter);
  return QUARTERS.map((q) => ({
    path: `data/${folder}/${fileName(q)}`,
    channel: series[0]![0],
    source: `${source}, ${exportDay(q)}`,
    currency: false,
    rows: grouped
      .get(q)!
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((x) => ({ month: x.key, channel: x.channel, ...x.values })),
  }));
}

function metricFiles(): MetricFile[] {
  const channels = ['instagram', 'facebook', 'linkedin', 'tiktok', 'youtube'];
  return [
    ...dailyFiles({
      id: 'instagram',
      days: instagram(),
      source: 'Meta Business Suite export (Instagram), daily',
      monthlyReach: 0.3,
      quarterlyReach: 0.16,
      money: true,
    }),
    ...dailyFiles({
      id: 'tiktok',
      days: tiktok(),
      source: 'TikTok Studio and Ads Manager export, daily',
      monthlyReach: 0.42,
      quarterlyReach: null,
      money: true,
    }),
    ...dailyFiles({
      id: 'linkedin',
      days: linkedin(),
      source: 'LinkedIn Page analytics and Campaign Manager export, daily',
      monthlyReach: null,
      quarterlyReach: 0.22,
      money: true,
    }),
    ...monthlyFiles({
      id: 'facebook',
      days: facebook(),
      source: 'Meta Business Suite export (Facebook), monthly',
      monthlyReach: 0.36,
      quarterlyReach: 0.2,
      money: true,
    }),
    ...monthlyFiles({
      id: 'youtube',
      days: youtube(),
      source: 'YouTube Studio export, monthly',
      monthlyReach: 0.45,
      quarterlyReach: 0.28,
      money: false,
    }),
    ...multiChannelFiles(
      'listening',
      'Social listening export (Nordlys vs. Bergvik, Alpenfalke, Trollstig), monthly',
      channels.map((c, i) => [c, listening(c, [44, 19, 6, 26, 8][i]!, [1.35, 1.0, 1.3, 2.6, 1.4][i]!)] as const),
    ),
    ...multiChannelFiles('customer-service', 'Help desk export (direct messages) and post-conversation surveys, monthly', [
      ['instagram', care('instagram', 31)],
      ['facebook', care('facebook', 24)],
    ]),
  ];
}

// ---------------------------------------------------------------------------------------
// Site settings and goals (written by hand, with comments, for people to read)

const SITE = `# Site settings for the bundled example (written by scripts/generate-example.ts).
title: Nordlys Outdoor, social media report
locale: en-US
currency: EUR
# Average gross margin of a customer over their lifetime, for the LTV:CAC ratio.
customer_ltv: 420
# Each channel's chart colour is Goalpost's default for it (told apart from the others, also by
# colour-blind readers); \`color: "#rrggbb"\` sets another.
channels:
  instagram: { label: Instagram }
  facebook: { label: Facebook }
  linkedin: { label: LinkedIn }
  tiktok: { label: TikTok }
  youtube: { label: YouTube }
base: /
# Metrics of our own, beyond the catalogue: each is also a KPI on the pages.
metrics:
  # Creator and campaign discount codes redeemed (in the Instagram and TikTok exports).
  discount_code_uses: { label: Discount code uses, aggregation: flow, unit: count }
`;

const OBJECTIVES = `# Nordlys Outdoor: what social media is for. Goals in 2025.yaml and 2026.yaml
# name the objective they serve.
objectives:
  - id: trail-brand
    title: Be the outdoor brand hikers in the Nordics and the Alps talk about
    description: Awareness and reputation with people who hike, camp and ski tour.
  - id: trail-community
    title: Grow a community that gets outside with us
    description: Engagement with our content, the Nordlys Trail Club and its hikes.
  - id: social-sales
    title: Make social a profitable channel for sales and retail partners
    description: Traffic, online sales and B2B leads from social, within budget.
  - id: care-and-careers
    title: Answer every customer quickly and hire the people who make our gear
    description: Customer care in direct messages, and recruitment for the Bergen workshop and our stores.

# Custom KPIs. discount_code_uses is a metric of our own (declared in content/site.yaml);
# video views and job applications are metrics the catalogue has no KPI for, so goals on
# them need one declared here.
kpis:
  - id: discount_code_rate
    label: Discount code rate
    formula: "discount_code_uses / clicks"
    unit: percent
    good: up
    description: Creator and campaign discount codes redeemed per link click.
  - id: video_views
    label: Video views
    formula: video_views
    unit: count
    good: up
    description: Views of our videos (TikTok, Reels, YouTube, Facebook).
  - id: applications
    label: Job applications
    formula: applications
    unit: count
    good: up
    description: Job applications started from our LinkedIn job posts.
`;

const GOALS_2025 = `# Goals for the TikTok launch quarter (2024-Q4) and for 2025.
goals:
  - id: tiktok-launch-2024-q4
    type: smart
    title: Reach 9,000 TikTok followers in our first full quarter
    category: community
    objective: trail-community
    owner: social-team
    period: 2024-Q4
    channel: tiktok
    kpi: follower_count
    baseline: 3400          # when the account opened; there is no earlier data to compare with
    target: 9000
    milestones: [{ date: 2024-11-15, target: 6000 }]

  - id: ig-followers-2025-q1
    type: smart
    title: Grow Instagram followers by 4% in Q1 2025
    category: awareness
    objective: trail-brand
    owner: social-team
    period: 2025-Q1
    channel: instagram
    kpi: follower_count
    # no baseline: followers at the end of 2024-Q4
    target: { change: "+4%" }
    milestones: [{ date: 2025-02-15, target: 41200 }]

  - id: spring-hiring-2025
    type: smart
    title: 300 applications for the Bergen workshop from LinkedIn job posts
    category: recruitment
    objective: care-and-careers
    owner: people-team
    start: 2025-03-01
    deadline: 2025-04-30
    channel: linkedin
    kpi: applications
    target: 300

  - id: ig-engagement-2025-q2
    type: smart
    title: Raise Instagram engagement rate to 4.5% in Q2 2025
    category: engagement
    objective: trail-community
    owner: social-team
    period: 2025-Q2
    channel: instagram
    kpi: engagement_rate
    target: 0.045

  - id: fb-budget-2025-q3
    type: smart
    title: Keep Facebook ad spend under EUR 10,000 in Q3 2025
    description: A budget cap, achieved if spend stays at or under the target.
    category: conversions
    objective: social-sales
    owner: paid-media
    period: 2025-Q3
    channel: facebook
    kpi: spend
    target: 10000

  - id: linkedin-leads-2025
    type: smart
    title: 800 B2B leads from LinkedIn in 2025
    description: Retailers and companies outfitting teams, from lead-gen forms and sponsored content.
    category: leads
    objective: social-sales
    owner: b2b-sales
    period: 2025
    channel: linkedin
    kpi: leads
    target: 800

  - id: black-friday-2025
    type: okr
    title: Make Black Friday 2025 our best sales quarter on social
    category: conversions
    objective: social-sales
    owner: paid-media
    period: 2025-Q4
    key_results:
      - id: revenue
        title: EUR 75,000 of revenue from paid and organic social
        kpi: revenue
        channel: [instagram, facebook, tiktok]
        target: 75000
        weight: 2
      - id: roas
        title: Return on ad spend from 1.9 to 2.5
        kpi: roas
        channel: [instagram, facebook, tiktok]
        baseline: 1.92      # Black Friday 2024
        target: 2.5
      - id: gift-guide
        title: Publish the gift guide in four languages
        manual: { current: 3, target: 4 }
`;

const GOALS_2026 = `# Goals for 2026. The 2026-Q2 and 2026-Q3 reports show goals that ended (achieved or
# missed) and goals still running (on track, at risk or off track).
goals:
  # --- Yearly goals: mid-way in both reports ---------------------------------------
  - id: ig-followers-2026
    type: smart
    title: Reach 62,000 Instagram followers by the end of 2026
    description: Milestones follow the season, slow in winter and faster with the spring launch and summer.
    category: awareness
    objective: trail-brand
    owner: social-team
    period: 2026
    channel: instagram
    kpi: follower_count
    # no baseline: followers at the end of 2025
    target: 62000
    milestones:
      - { date: 2026-03-31, target: 52000 }
      - { date: 2026-06-30, target: 55000 }
      - { date: 2026-09-30, target: 59500 }

  - id: linkedin-leads-2026
    type: smart
    title: 1,400 B2B leads from LinkedIn in 2026
    category: leads
    objective: social-sales
    owner: b2b-sales
    period: 2026
    channel: linkedin
    kpi: leads
    target: 1400

  - id: paid-social-budget-2026
    type: smart
    title: Keep 2026 paid social spend within EUR 150,000
    description: A budget cap across the three channels we advertise on.
    category: conversions
    objective: social-sales
    owner: paid-media
    period: 2026
    channel: [instagram, facebook, tiktok]
    kpi: spend
    target: 150000

  - id: nps-2026
    type: smart
    title: Net Promoter Score of 45 among customers who contact us on social
    category: reputation
    objective: trail-brand
    owner: care-team
    period: 2026
    channel: all
    kpi: nps
    # no baseline: the 2025 score
    target: 45

  - id: yt-subscribers-2026
    type: smart
    title: Grow YouTube subscribers by 25% in 2026
    category: community
    objective: trail-community
    owner: video-team
    period: 2026
    channel: youtube
    kpi: follower_count
    target: { change: "+25%" }

  # --- 2026-Q2: the Fjellvind jacket launch, and the tent-pole recall ----------------
  - id: ig-engagement-q2
    type: smart
    title: Lift Instagram engagement rate by 8% in Q2
    category: engagement
    objective: trail-community
    owner: social-team
    period: 2026-Q2
    channel: instagram
    kpi: engagement_rate
    # no baseline: the rate in 2026-Q1
    target: { change: "+8%" }

  - id: ig-paid-cap-q2
    type: smart
    title: Spend at most EUR 25,000 on Instagram ads during the launch quarter
    category: conversions
    objective: social-sales
    owner: paid-media
    period: 2026-Q2
    channel: instagram
    kpi: spend
    target: 25000

  - id: tiktok-followers-q2
    type: smart
    title: 46,000 TikTok followers by the end of Q2
    category: community
    objective: trail-community
    owner: social-team
    period: 2026-Q2
    channel: tiktok
    kpi: follower_count
    target: 46000
    milestones: [{ date: 2026-05-15, target: 42500 }]

  - id: sentiment-recovery-q2
    type: smart
    title: Bring net sentiment back to 74% after the Tind 2 tent-pole recall
    description: The February recall pushed negative mentions up; Q1 is the baseline.
    category: crisis
    objective: trail-brand
    owner: communications
    period: 2026-Q2
    channel: all
    kpi: net_sentiment
    target: 0.74

  - id: fjellvind-launch
    type: okr
    title: Launch the Fjellvind shell jacket on social
    category: conversions
    objective: social-sales
    owner: marketing-lead
    period: 2026-Q2
    key_results:
      - id: revenue
        title: 60% more social revenue than in Q1
        kpi: revenue
        channel: [instagram, facebook, tiktok]
        target: { change: "+60%" }
        weight: 2
      - id: conversion-rate
        title: Conversion rate of 1.5% on all channels
        kpi: conversion_rate
        channel: all
        target: 0.015
      - id: creators
        title: Six outdoor creators wearing Fjellvind on a summit
        manual: { current: 4, target: 6 }

  # --- 2026-Q3 -------------------------------------------------------------------------
  - id: tiktok-views-q3
    type: smart
    title: 20% more TikTok video views than in Q2
    category: awareness
    objective: trail-brand
    owner: social-team
    period: 2026-Q3
    channel: tiktok
    kpi: video_views
    target: { change: "+20%" }

  - id: share-of-voice-q3
    type: smart
    title: 28% share of voice against Bergvik, Alpenfalke and Trollstig
    category: reputation
    objective: trail-brand
    owner: communications
    period: 2026-Q3
    channel: all
    kpi: share_of_voice
    target: 0.28

  - id: code-rate-q3
    type: smart
    title: Discount codes on 0.95% of clicks after the creator programme relaunch
    category: conversions
    objective: social-sales
    owner: partnerships
    period: 2026-Q3
    channel: [instagram, tiktok]
    kpi: discount_code_rate
    target: 0.0095

  - id: response-time-q3
    type: smart
    title: Answer direct messages in 75 minutes on average
    category: customer_service
    objective: care-and-careers
    owner: care-team
    period: 2026-Q3
    channel: [instagram, facebook]
    kpi: avg_response_time
    target: 75

  - id: hiring-q3
    type: smart
    title: 500 applications for the Munich store and the Bergen workshop
    category: recruitment
    objective: care-and-careers
    owner: people-team
    period: 2026-Q3
    channel: linkedin
    kpi: applications
    target: 500

  - id: trail-club-q3
    type: okr
    title: Make the Nordlys Trail Club the place to plan a hike
    description: A stretch OKR; a score from 0.6 counts as a success.
    category: community
    objective: trail-community
    owner: community-manager
    period: 2026-Q3
    stretch: true
    key_results:
      - id: engagements
        title: 25% more engagements than in Q2
        kpi: engagements
        channel: all
        target: { change: "+25%" }
        weight: 2
      - id: avg-engagement
        title: 2,500 engagements per Instagram post
        kpi: average_engagement
        channel: instagram
        target: 2500
      - id: hikes
        title: Six community hikes with members
        manual: { current: 3, target: 6 }

  # --- Second half of 2026 (dates instead of a period) ---------------------------------
  - id: ig-bounce-h2
    type: smart
    title: Cut the bounce rate of Instagram visits to 49% by the end of the year
    category: traffic
    objective: social-sales
    owner: web-team
    start: 2026-07-01
    deadline: 2026-12-31
    channel: instagram
    kpi: bounce_rate
    # no baseline: the rate over the 184 days before the start
    target: 0.49
`;

// ---------------------------------------------------------------------------------------

/** The published JSON Schema for a file, relative to it (a team's repo points into node_modules/goalpost/schemas/). */
function schemaRef(path: string, schema: 'goals' | 'metrics' | 'site'): string {
  return `${'../'.repeat(path.split('/').length - 1)}schemas/${schema}.schema.json`;
}

/** The comment that gives a YAML file its schema in editors (the YAML language server reads it). */
function yamlSchema(path: string, schema: 'goals' | 'site'): string {
  return `# yaml-language-server: $schema=${schemaRef(path, schema)}\n`;
}

function write(path: string, text: string): void {
  const full = join(ROOT, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

/**
 * The files in the way of the example: anything under content/, goals/, data/ or reports/ of
 * the target, unless the target holds the example already (its site.yaml says it was written
 * here), which a run rewrites. The example never goes into a team's content.
 */
function inTheWay(): string[] {
  const site = join(ROOT, 'content/site.yaml');
  if (existsSync(site) && readFileSync(site, 'utf8').includes('(written by scripts/generate-example.ts)')) return [];
  const found: string[] = [];
  const walk = (path: string): void => {
    const full = join(ROOT, path);
    if (!existsSync(full)) return;
    if (!statSync(full).isDirectory()) {
      found.push(path);
      return;
    }
    for (const name of readdirSync(full)) walk(`${path}/${name}`);
  };
  for (const dir of ['content', 'goals', 'data', 'reports']) walk(dir);
  return found.sort();
}

const blocking = inTheWay();
if (blocking.length > 0) {
  process.stderr.write(
    `${blocking
      .slice(0, 20)
      .map((p) => `${p}: exists already: the example is written only where content/, goals/, data/ and reports/ are empty`)
      .join('\n')}\n` + `${blocking.length > 20 ? `… and ${blocking.length - 20} more\n` : ''}Nothing written (${ROOT}).\n`,
  );
  process.exit(1);
}

write('content/site.yaml', yamlSchema('content/site.yaml', 'site') + SITE);
write('goals/objectives.yaml', yamlSchema('goals/objectives.yaml', 'goals') + OBJECTIVES);
write('goals/2025.yaml', yamlSchema('goals/2025.yaml', 'goals') + GOALS_2025);
write('goals/2026.yaml', yamlSchema('goals/2026.yaml', 'goals') + GOALS_2026);
for (const f of metricFiles()) write(f.path, metricJson(f));
