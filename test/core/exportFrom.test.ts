/**
 * A metric file's `from`: the first day its export covers (the start of the range in its name, as
 * `import` writes it from Meta's "Jun-01-2026_Aug-31-2026"). A per-post export's first row is only
 * its first post: without `from`, its coverage is taken to start on the first day of that post's
 * month, so a June–August download whose first post is on 5 July read June as no export's. With
 * `from`, the export covers `from` to its `through`.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/dates.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport } from '../../src/core/report.ts';
import { day } from '../coreFixtures.ts';
import { loadRoot } from '../exportsFixture.ts';

/** A per-post export: a post every 4 days from `firstPost` to `lastPost`, with its `from` and `through` when given. */
const posts = (firstPost: string, lastPost: string, range: { from?: string; through?: string } = {}) => {
  const rows = [];
  for (let d = day(firstPost); d <= day(lastPost); d += 4) rows.push({ date: formatDay(d), impressions: 2500, posts: 1 });
  return JSON.stringify({ channel: 'instagram', ...range, rows });
};

const load = (data: Record<string, string>) => {
  const root = loadRoot('title: T\n', 'goals: []\n', data);
  if (!root.project || !root.engine) throw new Error(root.problems.join('\n'));
  return { project: root.project, engine: root.engine, notes: root.notes };
};

const q3Impressions = (data: Record<string, string>) => {
  const { project, engine, notes } = load(data);
  const q3 = parseQuarter('2026-Q3');
  if (!q3.ok) throw new Error(q3.reason);
  return { cell: buildReport(project, engine, { quarter: q3.period }).kpis['instagram']!['impressions']!, notes };
};

const SPRING = posts('2026-04-01', '2026-05-31', { through: '2026-05-31' });
const AUTUMN = posts('2026-09-01', '2026-09-30', { from: '2026-09-01', through: '2026-09-30' });

describe('an export’s from', () => {
  it('covers the days before its first post: a June–August download whose first post is on 5 July leaves no June gap', () => {
    const summer = posts('2026-07-05', '2026-08-29', { from: '2026-06-01', through: '2026-08-31' });
    const { cell, notes } = q3Impressions({
      'data/instagram/spring.json': SPRING,
      'data/instagram/summer.json': summer,
      'data/instagram/autumn.json': AUTUMN,
    });
    expect(cell.gaps).toBeUndefined();
    expect(cell.qoq_partial).toBeUndefined();
    expect(cell.qoq).not.toBeNull();
    expect(notes.filter((n) => n.includes('no export covers'))).toEqual([]);
  });

  it('says where the export starts: days before it are not covered, even in its first post’s month', () => {
    // From 10 June, first post on the 12th: 1 to 9 June are no export's, whatever the month of the first post.
    const summer = posts('2026-06-12', '2026-08-29', { from: '2026-06-10', through: '2026-08-31' });
    const { engine, notes } = load({ 'data/instagram/spring.json': SPRING, 'data/instagram/summer.json': summer });
    expect(engine.index.coverageGaps('instagram', 'impressions', day('2026-04-01'), day('2026-06-30'))).toEqual([
      [day('2026-06-01'), day('2026-06-09')],
    ]);
    expect(notes.filter((n) => n.includes('no export covers 2026-06-01 to 2026-06-09'))).toHaveLength(1);
    expect(notes.find((n) => n.includes('no export covers'))).toMatch(
      /^data\/instagram\/summer\.json:\d+:\d+: note: from: this export of instagram starts on 2026-06-10/,
    );
  });

  it('starts a channel whose only data are per-post rows on its from day, not on its first post', () => {
    const summer = posts('2026-07-05', '2026-09-26', { from: '2026-07-01', through: '2026-09-30' });
    const { engine } = load({ 'data/instagram/summer.json': summer });
    expect(engine.index.firstDay('instagram')).toBe(day('2026-07-01'));
    // The export says where its data start, as a daily export's first row does.
    expect(engine.index.dailyStart('instagram')).toBe(day('2026-07-01'));
    const without = load({ 'data/instagram/summer.json': posts('2026-07-05', '2026-09-26', { through: '2026-09-30' }) });
    expect(without.engine.index.firstDay('instagram')).toBe(day('2026-07-05'));
    expect(without.engine.index.dailyStart('instagram')).toBeNull();
  });
});
