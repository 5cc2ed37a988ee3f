/**
 * A frozen quarter whose goals were renamed and removed, and whose channel was renamed, after the
 * freeze (red-team 10 #11, #13), built: every internal link of every page leads to a file the
 * build wrote (the frozen scorecards linked to /goals/<old id>/, never built), the frozen rows of
 * the renamed and removed goals carry the "Goalpost moved" mark, and the renamed channel keeps its
 * label (and the original definition of a goal on it says why it has no data).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { frozenThenChanged } from '../site/frozenFixture.ts';
import { buildSite, listFiles } from './harness.ts';

let dist: string;
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

beforeAll(async () => {
  const { root } = await frozenThenChanged({ renameChannel: true });
  dist = buildSite(root);
}, 600_000);

describe('a built site with a frozen quarter changed since', () => {
  it('links only to pages and files it built', () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    const broken: string[] = [];
    for (const file of pages) {
      const html = readFileSync(join(dist, file), 'utf8');
      for (const [, target] of html.matchAll(/href="(\/[^"#?]*)(?:[#?][^"]*)?"/g)) {
        const path = decodeURI(target!).replace(/^\//, '');
        const found =
          path === '' || path.endsWith('/') ? existsSync(join(dist, path, 'index.html')) : existsSync(join(dist, path));
        if (!found) broken.push(`${file} → ${target}`);
      }
    }
    expect(pages.length).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  });

  it('marks the frozen rows of the renamed and the removed goal, and links the renamed one to its page', () => {
    const scorecard = page('reports/2026-q2');
    const row = (id: string) => scorecard.match(new RegExp(`<tr data-goal="${id}"[\\s\\S]*?</tr>`))?.[0] ?? '';
    expect(row('impr')).toContain('href="/goals/impr-all/"');
    expect(row('impr')).toMatch(/class="moved-marker" href="\/goals\/impr-all\/#moved-goalpost"[^>]*>[\s\S]*?Goalpost moved/);
    expect(row('clicks-q2')).not.toContain('href="/goals/clicks-q2/');
    expect(row('clicks-q2')).toMatch(/class="moved-marker" href="\/changes\/"[^>]*>[\s\S]*?removed/);
  });

  it('labels the renamed channel as the frozen report knew it', () => {
    const scorecard = page('reports/2026-q2');
    expect(scorecard).toContain('>Instagram<');
    expect(scorecard).not.toMatch(/>instagram</);
    // The renamed goal's page: its original definition names the old channel, which has no data today.
    expect(page('goals/impr-all')).toMatch(
      /data-definition="original"[\s\S]*?Instagram has no data today \(renamed or removed since\)/,
    );
  });
});
