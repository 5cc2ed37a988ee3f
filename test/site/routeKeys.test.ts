/**
 * The route lists of a build that may skip unchanged pages (issue 15): every dynamic route carries
 * its page's cache key, the CSV routes the key of the page they come from, and a channel page
 * gets only what it shows of its quarter's all-channel report (where its data stop early), so
 * that a change to another channel's figures leaves its key alone. The root: Facebook's daily
 * export runs through 2026-Q2 and Q3, Instagram's stops on 20 August.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { handOver } from '../../src/load/handoff.ts';
import { contentRoot } from '../../src/load/root.ts';
import { dailyExport, loadRoot } from '../exportsFixture.ts';

process.env['GOALPOST_ROOT'] = '/nonexistent/goalpost-route-keys';
const root = contentRoot();

const SITE = 'title: Acme\nlocale: en-US\n';
const GOALS = `goals:
  - { id: q3-clicks, title: Facebook clicks in Q3, start: 2026-07-01, deadline: 2026-09-30, channel: facebook, kpi: clicks, target: 9000 }
`;
const data = (facebookClicks: number) => ({
  'data/facebook.json': dailyExport('facebook', '2026-04-01', '2026-09-30', () => ({
    impressions: 1000,
    clicks: facebookClicks,
  })),
  'data/instagram.json': dailyExport('instagram', '2026-04-01', '2026-08-20', () => ({ impressions: 500, clicks: 10 })),
});

async function routeLists(facebookClicks: number) {
  const loaded = loadRoot(SITE, GOALS, data(facebookClicks));
  if (!loaded.project) throw new Error(loaded.problems.join('\n'));
  handOver(root, loaded.project, 'code digest');
  const routes = await import('../../src/site/routes.ts');
  return {
    routes,
    lists: await Promise.all([routes.quarterRoutes(), routes.channelRoutes(), routes.versionRoutes(), routes.goalRoutes()]),
  };
}

describe('route cache keys', () => {
  let built: Awaited<ReturnType<typeof routeLists>>;
  beforeAll(async () => {
    built = await routeLists(30);
  });

  it('give every dynamic route a key of its own, and each CSV route its page’s', async () => {
    const all = built.lists.flat();
    expect(all.length).toBe(2 + 4 + 1);
    expect(all.filter((r) => !/^[0-9a-f]{64}$/.test(r.cacheKey ?? ''))).toEqual([]);
    expect(new Set(all.map((r) => r.cacheKey)).size).toBe(all.length);
    const csv = await built.routes.withSlug(built.routes.channelRoutes());
    expect(csv.map((r) => r.cacheKey)).toEqual(built.lists[1].map((r) => r.cacheKey));
  });

  it("gives a channel page where its data stop before its quarter's all-channel report ends, and no more of it", async () => {
    const stops = built.lists[1].map((r) => [`${r.params.quarter}/${r.params.channel}`, r.props.stopsEarly]);
    expect(stops).toEqual([
      ['2026-q2/facebook', null],
      ['2026-q2/instagram', null],
      ['2026-q3/facebook', null],
      ['2026-q3/instagram', { last: '2026-08-20', asOf: '2026-09-30' }],
    ]);
    // Facebook's clicks changed: its pages, the quarters' and the goal's keys change; Instagram's do not.
    const before = new Map(built.lists.flat().map((r) => [JSON.stringify(r.params), r.cacheKey]));
    // Another build: the site's modules loaded afresh (the model is built once per process).
    vi.resetModules();
    const after = (await routeLists(31)).lists.flat();
    const changed = after
      .filter((r) => before.get(JSON.stringify(r.params)) !== r.cacheKey)
      .map((r) => Object.values(r.params).join('/'));
    expect(changed).toEqual(['2026-q2', '2026-q3', '2026-q2/facebook', '2026-q3/facebook', 'q3-clicks']);
  });
});
