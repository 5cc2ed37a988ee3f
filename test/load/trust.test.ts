/**
 * Loader-side trust rules of issue 11: declared custom metrics, plausible dates and
 * numbers, notes (a second severity), repeated channels, targets equal to the implicit
 * baseline.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/project.ts';
import { resolveChannels } from '../../src/core/kpis.ts';
import { kpiChanges } from '../../src/core/kpiTable.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { kpiMetas } from '../../src/core/figures.ts';
import { buildReport } from '../../src/core/report.ts';
import { loadFromSources } from '../../src/load/project.ts';
import { kpiCsv } from '../../src/site/csv.ts';
import { outcomeOf, problemsOf } from './helpers.ts';

/** A metric file laid out like an import writes it: row i on line 4 + i, starting at column 5. */
function metricFile(channel: string, rows: readonly object[]): string {
  return `{\n  "channel": "${channel}",\n  "source": "export.csv",\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r).replace(/,"/g, ', "').replace(/":/g, '": ')}`).join(',\n')}\n  ]\n}\n`;
}

/** Daily Instagram rows from `first` for `days` days, with typical magnitudes. */
function dailyRows(first: string, days: number, extra: (i: number) => object = () => ({})): object[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    impressions: 12_000 + 37 * i,
    likes: 400 + i,
    comments: 30,
    followers: 8_400 + 5 * i,
    ...extra(i),
  }));
}

const SITE = 'title: Test\nchannels:\n  instagram: { label: Instagram }\n  linkedin: { label: LinkedIn }\n';

describe('metric names in data', () => {
  it('rejects a misspelt metric with a did-you-mean, at its key', () => {
    const data = metricFile('instagram', [
      { month: '2026-06', followers: 8400 },
      { month: '2026-07', folowers: 8450 },
    ]);
    expect(problemsOf({ site: SITE, data: { 'data/instagram/followers.json': data } })).toEqual([
      "data/instagram/followers.json:6:26: unknown metric 'folowers': did you mean 'followers'? " +
        '(declare custom metrics under metrics: in content/site.yaml)',
    ]);
  });

  it('reports an unknown metric once per file, at its first row, with the count of the others', () => {
    const data = metricFile(
      'instagram',
      dailyRows('2026-07-01', 3, () => ({ story_replies: 4 })),
    );
    expect(problemsOf({ site: SITE, data: { 'data/instagram/daily.json': data } })).toEqual([
      "data/instagram/daily.json:5:99: unknown metric 'story_replies' (declare custom metrics under metrics: in content/site.yaml; " +
        'also in 2 more rows of this file)',
    ]);
  });

  it('accepts a metric named in a custom KPI formula, as a flow', () => {
    const data = metricFile(
      'instagram',
      dailyRows('2026-07-01', 2, (i) => ({ discount_code_uses: 3 + i })),
    );
    const goals =
      'kpis:\n  - { id: code_rate, label: Code rate, formula: "discount_code_uses / likes", unit: percent, good: up }\n';
    expect(problemsOf({ site: SITE, goals: { 'goals/g.yaml': goals }, data: { 'data/instagram/daily.json': data } })).toEqual([]);
  });

  it('refuses customer_ltv (a site setting) and followers_start (computed) in data, even when a formula names them', () => {
    const data = metricFile('instagram', [
      { date: '2026-07-01', impressions: 100, customer_ltv: 420 },
      { date: '2026-07-02', followers_start: 8400 },
    ]);
    const goals =
      'kpis:\n  - { id: ltv_per_follower, label: LTV per follower, formula: "customer_ltv / followers_start", unit: money, good: up }\n';
    expect(problemsOf({ site: SITE, goals: { 'goals/g.yaml': goals }, data: { 'data/instagram/a.json': data } })).toEqual([
      "data/instagram/a.json:5:48: 'customer_ltv' is a site setting (customer_ltv: in content/site.yaml), not a metric: remove it from the data",
      "data/instagram/a.json:6:28: 'followers_start' is computed by Goalpost (followers at the start of a period), not a metric: give followers instead",
    ]);
  });
});

describe('declared custom metrics (content/site.yaml metrics:)', () => {
  const site = `${SITE}metrics:
  # Follows counted on each post (Instagram's per-post export)
  post_follows: { label: Follows from posts, aggregation: flow, unit: count }
  members: { label: Club members, aggregation: stock, unit: count }
  wait_minutes: { label: Queue wait, aggregation: flow, unit: minutes, good: down }
`;
  const data = metricFile('instagram', [
    { date: '2026-04-01', impressions: 1000, post_follows: 4, members: 120, wait_minutes: 30 },
    { date: '2026-05-01', impressions: 1200, post_follows: 6, members: 150, wait_minutes: 10 },
    { date: '2026-06-01', impressions: 1100, post_follows: 5, members: 140 },
  ]);

  it('validates, and each declared metric is a KPI with its label, unit and direction, aggregated as declared', () => {
    const result = loadFromSources(
      { path: 'content/site.yaml', text: site },
      [],
      [{ path: 'data/instagram/a.json', text: data }],
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const { project } = result;
    expect(project.customKpis.map((k) => [k.id, k.label, k.unit, k.good, k.formula])).toEqual([
      ['post_follows', 'Follows from posts', 'count', 'up', 'post_follows'],
      ['members', 'Club members', 'count', 'up', 'members'],
      ['wait_minutes', 'Queue wait', 'minutes', 'down', 'wait_minutes'],
    ]);
    const q2 = parseQuarter('2026-Q2');
    if (!q2.ok) throw new Error(q2.reason);
    const values = kpiChanges(createEngine(project), ['instagram'], q2.period);
    expect(values.get('post_follows')!.value).toBe(15); // a flow: summed
    expect(values.get('members')!.value).toBe(140); // a stock: the value at the period's end
    expect(values.get('wait_minutes')!.value).toBe(40);
  });

  it('puts each declared metric in the quarter CSV with its label and unit', () => {
    const result = loadFromSources(
      { path: 'content/site.yaml', text: site },
      [],
      [{ path: 'data/instagram/a.json', text: data }],
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const engine = createEngine(result.project);
    const q2 = parseQuarter('2026-Q2');
    if (!q2.ok) throw new Error(q2.reason);
    const report = buildReport(result.project, engine, { quarter: q2.period, channel: null, asOf: null });
    const [header, ...lines] = kpiCsv(report, new Map(kpiMetas(engine).map((k) => [k.id, k])), { kind: 'live' }, 'EUR')
      .trimEnd()
      .split('\r\n');
    const columns = header!.split(',');
    const pick = (line: string): string[] => {
      const cells = line.split(',');
      return ['channel', 'kpi', 'label', 'unit', 'value'].map((c) => cells[columns.indexOf(c)]!);
    };
    expect(lines.map(pick).filter(([, kpi]) => kpi === 'post_follows' || kpi === 'members')).toEqual([
      ['all', 'post_follows', 'Follows from posts', 'count', '15'],
      ['all', 'members', 'Club members', 'count', '140'],
      ['instagram', 'post_follows', 'Follows from posts', 'count', '15'],
      ['instagram', 'members', 'Club members', 'count', '140'],
    ]);
  });

  it('lets goals target a declared metric', () => {
    const goals =
      'goals:\n  - { id: club, title: Grow the club, period: 2026-Q3, channel: instagram, kpi: members, target: 200 }\n';
    expect(problemsOf({ site, goals: { 'goals/g.yaml': goals }, data: { 'data/instagram/a.json': data } })).toEqual([]);
  });

  it('rejects a custom KPI whose id is a declared metric, and declared metrics that clash with KPIs or computed names', () => {
    const goals = 'kpis:\n  - { id: members, label: Members, formula: "members / followers", unit: percent, good: up }\n';
    const clashing = `${SITE}metrics:\n  ctr: { label: CTR, aggregation: flow, unit: percent }\n  followers_start: { label: Start, aggregation: stock, unit: count }\n`;
    expect(problemsOf({ site, goals: { 'goals/g.yaml': goals }, data: { 'data/instagram/a.json': data } })).toEqual([
      "goals/g.yaml:2:11: custom KPI 'members' has the id of a metric declared in content/site.yaml (a declared metric is already a KPI): choose another id",
    ]);
    expect(problemsOf({ site: clashing, data: {} })).toEqual([
      "content/site.yaml:6:3: 'ctr' is the id of a built-in KPI: give the metric another name",
      "content/site.yaml:7:3: 'followers_start' is computed by Goalpost (followers at the start of a period), not a metric: give the metric another name",
    ]);
  });

  it('requires a label, an aggregation and a unit from the catalogue (and data using the metric is not reported again)', () => {
    const bad = site.replace(
      '{ label: Follows from posts, aggregation: flow, unit: count }',
      '{ aggregation: flows, unit: people }',
    );
    expect(problemsOf({ site: bad, data: { 'data/instagram/a.json': data } })).toEqual([
      "content/site.yaml:7:17: missing required key 'label'",
      'content/site.yaml:7:32: aggregation must be flow, stock or unique',
      'content/site.yaml:7:45: unit must be one of count, money, percent, ratio, per_post, score, minutes',
    ]);
  });
});

describe('plausible dates and numbers', () => {
  const rest = dailyRows('2026-09-28', 3);

  it('rejects a row dated more than a year after the rest of the data, naming the row', () => {
    const data = metricFile('instagram', [...rest, { date: '2062-05-01', impressions: 900 }]);
    expect(problemsOf({ site: SITE, data: { 'data/instagram/q3.json': data } })).toEqual([
      'data/instagram/q3.json:8:14: rows[3].date: 2062-05-01 is more than a year after the rest of the data (latest 2026-09-30): is it a typo?',
    ]);
  });

  it('rejects a row dated before 2000', () => {
    const data = metricFile('instagram', [{ date: '0001-01-01', impressions: 900 }, ...rest]);
    expect(problemsOf({ site: SITE, data: { 'data/instagram/q3.json': data } })).toEqual([
      'data/instagram/q3.json:5:14: rows[0].date: 0001-01-01 is before 2000: is it a typo?',
    ]);
  });

  it('accepts data up to a year after the rest', () => {
    const data = metricFile('instagram', [...rest, { month: '2027-09', impressions: 900 }]);
    expect(problemsOf({ site: SITE, data: { 'data/instagram/q3.json': data } })).toEqual([]);
  });

  it('notes (without failing) data separated from the rest by more than four empty quarters', () => {
    const old = metricFile('instagram', dailyRows('2024-03-30', 2));
    const recent = metricFile('instagram', rest);
    expect(outcomeOf({ site: SITE, data: { 'data/instagram/2024.json': old, 'data/instagram/2026.json': recent } })).toEqual({
      problems: [],
      notes: [
        'data/instagram/2026.json:5:14: note: rows[0].date: 2026-09-28 comes after 9 quarters without data (2024-Q2 to 2026-Q2): ' +
          'no report is made for them (if the team did not pause, check the dates)',
        // The quarter it resumes in is reported, its days before the export flagged (red-team 18 #7).
        expect.stringContaining(
          'data/instagram/2026.json:5:14: note: rows[0]: this export of instagram starts on 2026-09-28, after the data of instagram ' +
            'before it end (2024-03-31, data/instagram/2024.json): no export covers 2026-07-01 to 2026-09-27, so figures over those days are flagged',
        ),
      ],
    });
  });

  it('refuses numbers above 2^53, which cannot be summed exactly', () => {
    const data = metricFile('instagram', [{ date: '2026-07-01', impressions: 2 ** 53 + 2 }]);
    expect(problemsOf({ site: SITE, data: { 'data/instagram/a.json': data } })).toEqual([
      'data/instagram/a.json:5:43: impressions: 9007199254740994 is above 2^53 − 1 (9007199254740991): such numbers cannot be summed exactly',
    ]);
  });

  it('quotes a number above 2^53 as the file writes it, not rounded to the nearest double (red-team 15 #12)', () => {
    const data = metricFile('instagram', [{ date: '2026-07-01', impressions: 1 }]).replace(
      '"impressions": 1}',
      '"impressions": 9007199254740993}',
    );
    expect(problemsOf({ site: SITE, data: { 'data/instagram/a.json': data } })).toEqual([
      'data/instagram/a.json:5:43: impressions: 9007199254740993 is above 2^53 − 1 (9007199254740991): such numbers cannot be summed exactly',
    ]);
  });

  it('refuses a value too small to be told from 0 (it would be read as 0), as one too large is (red-team 15 #12)', () => {
    const data = metricFile('instagram', [
      { date: '2026-07-01', impressions: 1, likes: 2 },
      { date: '2026-07-02', impressions: 3, likes: 4 },
    ])
      .replace('"impressions": 1,', '"impressions": 1.5e-400,')
      .replace('"likes": 4}', '"likes": 0.0e-400}');
    expect(problemsOf({ site: SITE, data: { 'data/instagram/a.json': data } })).toEqual([
      'data/instagram/a.json:5:43: impressions: 1.5e-400 is too small for a number (it would be read as 0): write 0, or check the value',
    ]);
  });

  it('quotes a long number as written only in part, saying its length (red-team 16 #15)', () => {
    const big = `9007199254740993.${'0'.repeat(300_000)}`;
    const tiny = `0.${'0'.repeat(300_000)}1`;
    const data = metricFile('instagram', [
      { date: '2026-07-01', impressions: 1 },
      { date: '2026-07-02', impressions: 2 },
    ])
      .replace('"impressions": 1}', `"impressions": ${big}}`)
      .replace('"impressions": 2}', `"impressions": ${tiny}}`);
    const problems = problemsOf({ site: SITE, data: { 'data/instagram/a.json': data } });
    expect(problems).toEqual([
      `data/instagram/a.json:5:43: impressions: ${big.slice(0, 40)}… (300,017 characters) is above 2^53 − 1 (9007199254740991): such numbers cannot be summed exactly`,
      `data/instagram/a.json:6:43: impressions: ${tiny.slice(0, 40)}… (300,003 characters) is too small for a number (it would be read as 0): write 0, or check the value`,
    ]);
  });

  it('calls a JSON object an object, not a mapping (YAML’s word) (red-team 15 #12)', () => {
    const data = metricFile('instagram', [{ date: '2026-07-01', impressions: { value: 1 } }]).replace(
      '"source": "export.csv"',
      '"source": {}',
    );
    expect(problemsOf({ site: SITE, data: { 'data/instagram/a.json': data } })).toEqual([
      'data/instagram/a.json:3:13: source: expected text, got an object',
      'data/instagram/a.json:5:43: impressions: expected a number, got an object',
    ]);
  });

  it('refuses values that each fit but add up past 2^53, across files and channels, once at the row where they do', () => {
    const big = 2 ** 52;
    const a = metricFile('instagram', [
      { date: '2026-07-01', impressions: big, followers: big },
      { date: '2026-08-01', impressions: 10, followers: big },
    ]);
    const b = metricFile('linkedin', [
      { date: '2026-07-01', impressions: big },
      { date: '2026-07-02', impressions: big },
    ]);
    expect(problemsOf({ site: SITE, data: { 'data/instagram/a.json': a, 'data/linkedin/b.json': b } })).toEqual([
      'data/linkedin/b.json:5:43: impressions: the values of impressions add up past 2^53 − 1 (9007199254740991) at this row: ' +
        'their totals cannot be summed exactly (check the unit: a value in thousandths, or a value pasted twice)',
    ]);
  });
});

describe('goals', () => {
  const data = {
    'data/instagram/a.json': metricFile('instagram', [
      { date: '2026-03-31', impressions: 1000, likes: 40, followers: 8400, clicks: 0 },
      { date: '2026-04-30', impressions: 1000, likes: 50, followers: 8450, clicks: 12 },
    ]),
  };

  it('notes a channel listed twice, at the repeated entry, and counts it once', () => {
    const goals = `goals:
  - id: reach-q2
    title: More impressions
    period: 2026-Q2
    channel: [instagram, linkedin, instagram]
    kpi: impressions
    target: 5000
`;
    expect(outcomeOf({ site: SITE, goals: { 'goals/g.yaml': goals }, data })).toEqual({
      problems: [],
      notes: ["goals/g.yaml:5:36: note: channel 'instagram' is listed twice: it counts once"],
    });
    expect(resolveChannels(['instagram', 'linkedin', 'instagram'], ['instagram', 'linkedin'])).toEqual(['instagram', 'linkedin']);
  });

  it('keeps a channel listed twice once in the model, so JSON and pages echo it once (goal and key result)', () => {
    const goals = `goals:
  - id: reach-q2
    title: More impressions
    period: 2026-Q2
    channel: [instagram, linkedin, instagram]
    kpi: impressions
    target: 5000
  - id: okr
    type: okr
    title: Be seen
    period: 2026-Q2
    key_results:
      - id: kr
        kpi: impressions
        channel: [linkedin, linkedin, instagram]
        target: 5000
`;
    const site = { path: 'content/site.yaml', text: SITE };
    const files = (o: Record<string, string>) => Object.entries(o).map(([path, text]) => ({ path, text }));
    const loaded = loadFromSources(site, files({ 'goals/g.yaml': goals }), files(data));
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    const [smart, okr] = loaded.project.goals;
    expect(smart?.type === 'smart' && smart.channel).toEqual(['instagram', 'linkedin']);
    expect(okr?.type === 'okr' && okr.keyResults[0]?.measure?.channel).toEqual(['linkedin', 'instagram']);
  });

  it('notes a target equal to the implicit baseline (the previous period, from the data), at the target (red-team 6 #2)', () => {
    const goals = `goals:
  - id: followers-q2
    title: Followers
    period: 2026-Q2
    channel: instagram
    kpi: follower_count
    target: 8400
  - id: er-q2
    type: okr
    title: Engagement
    period: 2026-Q2
    key_results:
      - { id: er, kpi: engagement_rate, channel: instagram, target: { change: "+10%" } }
      - { id: er-same, kpi: engagement_rate, channel: instagram, target: 0.04 }
  - id: clicks-q2
    title: More clicks than in Q1, which had none
    period: 2026-Q2
    channel: instagram
    kpi: clicks
    target: { change: "+20%" }
`;
    const out = outcomeOf({ site: SITE, goals: { 'goals/g.yaml': goals }, data });
    expect(out.problems).toEqual([]);
    expect(out.notes.filter((n) => n.includes('equals the baseline'))).toEqual([
      'goals/g.yaml:7:13: note: the target 8400 equals the baseline, follower_count over 2026-Q1 (the baseline when none is given): ' +
        'the goal asks for no change, so progress is not measured and its status says whether follower_count is at or above the target; ' +
        'give another target or a baseline',
      'goals/g.yaml:14:74: note: the target 0.04 equals the baseline, engagement_rate over 2026-Q1 (the baseline when none is given): ' +
        'the goal asks for no change, so progress is not measured and its status says whether engagement_rate is at or above the target; ' +
        'give another target or a baseline',
      'goals/g.yaml:20:13: note: the target +20% (0) equals the baseline, 0 (a total over the period starts from 0): the goal asks for ' +
        'no change, so progress is not measured and it is achieved by any total of 0 or more; give an absolute target',
    ]);
  });
});
