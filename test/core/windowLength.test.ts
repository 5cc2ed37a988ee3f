/**
 * A KPI whose value depends on its window's length in the shrinking direction (red-team 6 #18:
 * a custom stock ÷ flow, members per thousand impressions) is provisional until the deadline,
 * like reach; and a level whose inputs cannot be negative is never projected below 0 (#18's
 * −18.97 members per thousand, #5's "projection −0.62%" CTR): a line heading below 0 has left
 * what the KPI can be, so there is no projection (n/a), not one of 0 (red-team 7 #12).
 */
import { describe, expect, it } from 'vitest';
import { dailyExport, evaluate, loadRoot } from '../exportsFixture.ts';

const SITE = `title: Acme
locale: en-US
channels:
  instagram: { label: Instagram }
metrics:
  members: { label: Members, aggregation: stock, unit: count }
`;
const dom = (d: string) => Number(d.slice(8));

const MEMBERS = `kpis:
  - { id: mem, label: Members per 1k, formula: "members / impressions * 1000", unit: ratio, good: up }
goals:
  - { id: mem, title: Members per 1k +10%, kpi: mem, channel: instagram, period: 2026-Q3, target: { change: "+10%" } }
`;
/** Instagram: 1,000 impressions a day; the community's member count, 100 + the day of the month. */
const membersData = {
  'data/instagram/q2.json': dailyExport('instagram', '2026-04-01', '2026-06-30', (d) => ({
    impressions: 1000,
    members: 100 + dom(d),
  })),
  'data/instagram/q3.json': dailyExport('instagram', '2026-07-01', '2026-09-30', (d) => ({
    impressions: 1000,
    members: 100 + dom(d),
  })),
};

describe('a stock over a flow', () => {
  const root = loadRoot(SITE, MEMBERS, membersData);

  it('is provisional before the deadline, as its value shrinks while the quarter runs', () => {
    expect(root.problems).toEqual([]);
    const e = evaluate(root, 'mem', '2026-08-31');
    // 131 members over 62,000 impressions so far, against 130 over all of Q2's 91,000.
    expect(e).toMatchObject({ provisional: true });
    expect(e.type === 'smart' && e.actual).toBeCloseTo((131 / 62000) * 1000, 12);
    expect(
      root.notes.filter((n) => n.includes('mem shrinks as the period runs (it divides by what happened so far)')),
    ).toHaveLength(1);
  });

  it('is not projected below 0', () => {
    const e = evaluate(root, 'mem', '2026-08-31');
    expect(e.type === 'smart' && e.projection).toBeNull();
  });

  it('is settled at the deadline', () => {
    expect(evaluate(root, 'mem', '2026-09-30')).toMatchObject({ provisional: false });
  });
});

describe('a CTR whose line heads below 0', () => {
  // LinkedIn: a campaign's clicks in the first week of July, then none; impressions every day.
  const data = {
    'data/linkedin/page.json': dailyExport('linkedin', '2026-07-01', '2026-08-31', () => ({ impressions: 5000 })),
    'data/linkedin/campaign.json': dailyExport('linkedin', '2026-07-01', '2026-08-31', (d) => ({
      clicks: dom(d) <= 7 && d < '2026-07-08' ? 400 : 0,
    })),
  };
  const goals =
    'goals:\n  - { id: ctr, title: CTR 3%, kpi: ctr, channel: linkedin, period: 2026-Q3, baseline: 0.02, target: 0.03 }\n';
  const root = loadRoot('title: Acme\nlocale: en-US\n', goals, data);

  it('has no projection, rather than a negative rate or 0', () => {
    expect(root.problems).toEqual([]);
    const e = evaluate(root, 'ctr', '2026-08-31');
    // 2,800 clicks over 310,000 impressions so far: falling from 8% on each day since the 7th.
    expect(e.type === 'smart' && e.actual).toBeCloseTo(2800 / 310000, 12);
    expect(e.type === 'smart' && e.projection).toBeNull();
  });
});
