/**
 * rt15 #4: LinkedIn has clicks, spend and followers in 2026-Q1 and Q2, TikTok only in Q2 (it
 * starts on 20 June). Goals on both channels with an implicit baseline, which has no TikTok data.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const site = (locale = 'en-US') =>
  `title: C\nlocale: ${locale}\ncurrency: EUR\nchannels:\n  li: { label: LinkedIn }\n  tt: { label: TikTok }\n`;

export const GOALS = `goals:
  - { id: cpc, title: CPC, category: traffic, period: 2026-Q2, channel: [li, tt], kpi: cpc, target: 0.5 }
  - { id: cpc-rel, title: CPC, category: traffic, period: 2026-Q2, channel: [li, tt], kpi: cpc, target: { change: "-50%" } }
  - { id: cpc-given, title: CPC, category: traffic, period: 2026-Q2, channel: [li, tt], kpi: cpc, baseline: 2, target: 0.5 }
  - { id: cpc-li, title: CPC, category: traffic, period: 2026-Q2, channel: li, kpi: cpc, target: 4 }
  - { id: fol, title: Followers, category: awareness, period: 2026-Q2, channel: [li, tt], kpi: follower_count, target: 1500 }
`;

export const OKR = `objectives:
  - { id: o, title: O }
goals:
  - id: okr
    type: okr
    title: OKR
    objective: o
    period: 2026-Q2
    key_results:
      - { id: kr-cpc, kpi: cpc, channel: [li, tt], target: 0.5 }
`;

export const DATA: Readonly<Record<string, string>> = {
  'data/li/q.json': JSON.stringify({
    channel: 'li',
    currency: 'EUR',
    rows: [
      { date: '2026-01-15', clicks: 5, spend: 50, followers: 1000 },
      { date: '2026-06-20', clicks: 20, spend: 100, followers: 1100 },
    ],
  }),
  'data/tt/q.json': JSON.stringify({
    channel: 'tt',
    currency: 'EUR',
    rows: [{ date: '2026-06-20', clicks: 200, spend: 60, followers: 500 }],
  }),
};

/** Writes the root (goals/g.yaml and goals/okr.yaml) to a new temporary folder and returns its path. */
export function writeRoot(locale = 'en-US'): string {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-baseline-channels-'));
  const files: Record<string, string> = {
    'content/site.yaml': site(locale),
    'goals/g.yaml': GOALS,
    'goals/okr.yaml': OKR,
    ...DATA,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
