/**
 * The KPI table flags a follower figure built from net follows when the follows export ends
 * before the channel's other data (red-team 7 #6): Instagram's follows are exported to 31 July,
 * its content to 10 August. Goals on the same figure were flagged; the table said "Followers
 * ▲ +5.3% good" and "follower growth −65.9%" with no mark.
 */
import { describe, expect, it } from 'vitest';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { parsePeriod } from '../../src/core/periods.ts';
import { dailyExport, loadRoot, rowsExport } from '../exportsFixture.ts';

const SITE = 'title: Acme\nlocale: en-US\nchannels:\n  instagram: { label: Instagram }\n';
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

const follows = (last: string) =>
  JSON.stringify({
    channel: 'instagram',
    rows: [
      { date: '2026-01-01', followers: 10000 },
      ...dailyRows('2026-01-02', last).map((date) => ({ date, new_followers: 30, lost_followers: 5 })),
    ],
  });
function dailyRows(first: string, last: string): string[] {
  return JSON.parse(dailyExport('instagram', first, last, () => ({}))).rows.map((r: { date: string }) => r.date);
}

const root = (followsTo: string) =>
  loadRoot(SITE, 'goals: []\n', {
    'data/instagram/follows.json': follows(followsTo),
    'data/instagram/content.json': dailyExport('instagram', '2026-01-01', '2026-08-10', () => ({
      impressions: 8000,
      likes: 300,
    })),
  });

const parsed = parsePeriod('2026-Q3');
if (!parsed.ok) throw new Error(parsed.reason);
const q3 = parsed.period;

describe('a follower figure whose follows export ends early', () => {
  it('is flagged in the KPI table, with the follows’ last day', () => {
    const r = root('2026-07-31');
    expect(r.problems).toEqual([]);
    const table = kpiChanges(r.engine!, ['instagram'], q3, day('2026-08-10'));
    for (const id of ['follower_count', 'follower_growth']) {
      expect(table.get(id)!.inputsEnd, id).toEqual({
        instagram: { new_followers: day('2026-07-31'), lost_followers: day('2026-07-31') },
      });
    }
  });

  it('is not flagged when the follows reach as far as the content', () => {
    const r = root('2026-08-10');
    const table = kpiChanges(r.engine!, ['instagram'], q3, day('2026-08-10'));
    expect(table.get('follower_count')!.inputsEnd).toBeNull();
    expect(table.get('follower_growth')!.inputsEnd).toBeNull();
  });

  it('is not flagged when a follower total is given on the content’s last day', () => {
    const r = loadRoot(SITE, 'goals: []\n', {
      'data/instagram/follows.json': follows('2026-07-31'),
      'data/instagram/total.json': rowsExport('instagram', [{ date: '2026-08-10', followers: 16000 }]),
      'data/instagram/content.json': dailyExport('instagram', '2026-01-01', '2026-08-10', () => ({ impressions: 8000 })),
    });
    expect(kpiChanges(r.engine!, ['instagram'], q3, day('2026-08-10')).get('follower_count')!.inputsEnd).toBeNull();
  });
});
