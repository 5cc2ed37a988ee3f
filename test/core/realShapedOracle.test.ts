/**
 * The report's figures on roots shaped like real exports (test/realShapedRoot.ts), against sums
 * taken here straight from the generated rows: per channel, the quarter's impressions, clicks,
 * spend and engagements (likes and comments where a channel gives parts), CTR over the days both
 * its exports cover, engagement rate, follower counts from totals or from one total plus daily
 * follows; the goals' actuals on those KPIs; and the rules that tie a status to its figures.
 * Forty seeds: channels that stop early, an ads export that ends first, a week or a day no export
 * covers, a channel starting inside the previous quarter, reach only as month rows.
 */
import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/core/periods.ts';
import { buildReport, type KpiJson, type ReportJson, type SmartGoalJson } from '../../src/core/report.ts';
import { loadRoot } from '../exportsFixture.ts';
import { realShapedRoot } from '../realShapedRoot.ts';

type Row = Record<string, number | string>;

interface Generated {
  readonly seed: number;
  readonly report: ReportJson;
  /** Each channel's page and ads rows by kind, as the files hold them. */
  readonly rows: Map<string, { page: Row[]; ads: Row[] }>;
}

const parsed = parseQuarter('2026-Q3');
if (!parsed.ok) throw new Error(parsed.reason);
const Q3 = parsed.period;

function generate(seed: number): Generated {
  const files = realShapedRoot(seed);
  const data = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith('data/')));
  const root = loadRoot(files['content/site.yaml']!, files['goals/goals.yaml']!, data);
  if (!root.project || !root.engine) throw new Error(`seed ${seed}: ${root.problems.join('; ')}`);
  const rows = new Map<string, { page: Row[]; ads: Row[] }>();
  for (const [path, text] of Object.entries(data)) {
    const [, channel, name] = /^data\/([^/]+)\/([a-z]+)/.exec(path)!;
    const entry = rows.get(channel!) ?? { page: [], ads: [] };
    rows.set(channel!, entry);
    const file = JSON.parse(text) as { rows: Row[] };
    if (name === 'page') entry.page.push(...file.rows);
    if (name === 'ads') entry.ads.push(...file.rows);
  }
  return { seed, report: buildReport(root.project, root.engine, { quarter: Q3 }), rows };
}

const generated = Array.from({ length: 40 }, (_, i) => generate(i + 1));

/** Day rows in the quarter up to a day (inclusive). */
const upTo = (rows: readonly Row[], last: string) =>
  rows.filter((r) => typeof r['date'] === 'string' && r['date'] >= '2026-07-01' && r['date'] <= last);
const sum = (rows: readonly Row[], field: string) => rows.reduce((s, r) => s + Number(r[field] ?? 0), 0);
const engagements = (r: Row) => Number(r['engagements'] ?? Number(r['likes'] ?? 0) + Number(r['comments'] ?? 0));
const lastDate = (rows: readonly Row[]) => rows.reduce((m, r) => (String(r['date']) > m ? String(r['date']) : m), '');
/** Whether a channel's page rows skip a day between its first and last in the quarter. */
function hasHole(rows: readonly Row[]): boolean {
  const dates = rows.map((r) => Date.parse(`${String(r['date'])}T00:00:00Z`)).sort((a, b) => a - b);
  return dates.some((d, i) => i > 0 && d - dates[i - 1]! > 86_400_000);
}

describe('the KPI table of real-shaped roots, against the rows', () => {
  it('has roots that hold the cases the checks are about', () => {
    const channels = generated.flatMap(({ report, rows }) => [...rows.values()].map((r) => ({ report, ...r })));
    const cut = channels.filter(({ report, page, ads }) => {
      const adDays = upTo(ads, report.as_of);
      return adDays.length > 0 && lastDate(adDays) < lastDate(upTo(page, report.as_of));
    });
    expect(cut.length).toBeGreaterThan(5);
    expect(channels.filter(({ page }) => hasHole(upTo(page, '2026-09-30'))).length).toBeGreaterThan(5);
    expect(channels.filter(({ page }) => page.some((r) => r['new_followers'] !== undefined)).length).toBeGreaterThan(5);
    expect(channels.filter(({ page }) => page.some((r) => r['likes'] !== undefined)).length).toBeGreaterThan(5);
    expect(channels.filter(({ report, page }) => lastDate(page) < report.as_of).length).toBeGreaterThan(5);
  });

  it("sums each channel's flows over the quarter's days with data", () => {
    for (const { seed, report, rows } of generated) {
      for (const [channel, { page, ads }] of rows) {
        const kpis = report.kpis[channel] as Record<string, KpiJson>;
        const days = upTo(page, report.as_of);
        const adDays = upTo(ads, report.as_of);
        const where = `seed ${seed}, ${channel}`;
        if (days.length > 0) {
          expect(kpis['impressions']!.value, where).toBe(sum(days, 'impressions'));
          expect(kpis['engagements']!.value, where).toBe(days.reduce((s, r) => s + engagements(r), 0));
        }
        if (adDays.length > 0) {
          expect(kpis['clicks']!.value, where).toBe(sum(adDays, 'clicks'));
          expect(kpis['spend']!.value, where).toBeCloseTo(sum(adDays, 'spend'), 6);
        }
      }
    }
  });

  it('computes CTR over the days both exports cover, and engagement rate over the page days', () => {
    for (const { seed, report, rows } of generated) {
      for (const [channel, { page, ads }] of rows) {
        const kpis = report.kpis[channel] as Record<string, KpiJson>;
        const where = `seed ${seed}, ${channel}`;
        const days = upTo(page, report.as_of);
        if (days.length > 0) {
          expect(kpis['engagement_rate']!.value, where).toBeCloseTo(
            days.reduce((s, r) => s + engagements(r), 0) / sum(days, 'impressions'),
            12,
          );
        }
        const adDays = upTo(ads, report.as_of);
        if (adDays.length === 0) continue;
        const cut = [lastDate(days), lastDate(adDays)].sort()[0]!;
        expect(kpis['ctr']!.value, where).toBeCloseTo(sum(upTo(ads, cut), 'clicks') / sum(upTo(page, cut), 'impressions'), 12);
        if (lastDate(adDays) < lastDate(days)) expect(kpis['ctr']!.data_to, where).toBe(cut);
      }
    }
  });

  it('counts followers from the last total, or from one total and the net follows since', () => {
    for (const { seed, report, rows } of generated) {
      for (const [channel, { page }] of rows) {
        const withTotal = page.filter((r) => r['followers'] !== undefined && String(r['date']) <= report.as_of);
        const where = `seed ${seed}, ${channel}`;
        const count = (report.kpis[channel] as Record<string, KpiJson>)['follower_count']!;
        if (withTotal.length === 0) {
          expect(count.value, where).toBeNull();
          continue;
        }
        const last = withTotal.reduce((a, b) => (String(b['date']) > String(a['date']) ? b : a));
        const since = page.filter((r) => String(r['date']) > String(last['date']) && String(r['date']) <= report.as_of);
        if (hasHole(page) && since.length > 0) continue;
        expect(count.value, where).toBe(Number(last['followers']) + sum(since, 'new_followers') - sum(since, 'lost_followers'));
        expect(count.basis === 'net_follows', where).toBe(since.length > 0);
      }
    }
  });
});

describe('the goals of real-shaped roots, against the rows and their own figures', () => {
  const goals = generated.flatMap(({ seed, report, rows }) =>
    report.goals.filter((g): g is SmartGoalJson => g.type === 'smart').map((g) => ({ seed, report, rows, g })),
  );

  it("measures a channel's impressions and spend goals as the KPI table's totals to the goal's day", () => {
    for (const { seed, report, rows, g } of goals) {
      const m = /^(\w+)-(impressions|cap)$/.exec(g.id);
      if (!m || !rows.has(m[1]!)) continue;
      const { page, ads } = rows.get(m[1]!)!;
      const to = g.data_to ?? report.as_of;
      const where = `seed ${seed}, ${g.id}`;
      if (m[2] === 'impressions')
        expect(g.actual, where).toBe(upTo(page, to).length > 0 ? sum(upTo(page, to), 'impressions') : null);
      else if (upTo(ads, to).length > 0) expect(g.actual, where).toBeCloseTo(sum(upTo(ads, to), 'spend'), 6);
    }
  });

  it('gives a status its figures allow', () => {
    for (const { seed, g } of goals) {
      const where = `seed ${seed}, ${g.id}: ${JSON.stringify(g)}`;
      // No data: no actual, or none of a baseline to measure a level's progress from (validate says which).
      if (g.status !== 'not_started' && g.actual === null) expect(g.status, where).toBe('no_data');
      if (g.status === 'no_data') expect(g.actual === null || g.progress === null, where).toBe(true);
      if (g.kpi === 'spend') {
        if (g.status === 'missed' || g.status === 'off_track') expect(g.actual!, where).toBeGreaterThan(g.target!);
        if (g.status === 'achieved') expect(g.actual!, where).toBeLessThanOrEqual(g.target!);
      } else {
        if (g.status === 'achieved') expect(g.progress!, where).toBeGreaterThanOrEqual(1 - 1e-9);
        if (g.status === 'missed') expect(g.progress!, where).toBeLessThan(1);
      }
      if (g.status === 'undecided' || g.ends_early) expect(g.projection, where).toBeNull();
      for (const v of [g.actual, g.progress, g.projection, g.expected, g.baseline, g.target])
        if (v !== null && v !== undefined) expect(Number.isFinite(v), where).toBe(true);
    }
  });
});
