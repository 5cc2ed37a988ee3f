import { describe, expect, it } from 'vitest';
import { loadFromSources } from '../../src/load/project.ts';
import { problemsOf, SITE, VALID_DATA } from './helpers.ts';

const goals = (body: string) => ({ 'goals/g.yaml': body });

describe('metric files', () => {
  it('names both places of the same (channel, period, metric) given twice, across files', () => {
    const second = '{\n  "channel": "instagram",\n  "rows": [\n    { "date": "2026-04-02", "impressions": 5 }\n  ]\n}';
    expect(problemsOf({ data: { 'data/a.json': VALID_DATA, 'data/b.json': second } })).toEqual([
      "data/b.json:4:29: instagram 2026-04-02 'impressions' is given twice: also at data/a.json:12:7; keep one of them",
    ]);
  });

  it('finds duplicates among month rows of one file', () => {
    const data = '{"channel":"linkedin","rows":[\n{"month":"2026-04","reach":5},\n{"month":"2026-04","reach":6}]}';
    expect(problemsOf({ data: { 'data/a.json': data } })).toEqual([
      "data/a.json:3:20: linkedin 2026-04 'reach' is given twice: also at data/a.json:2:20; keep one of them",
    ]);
  });

  it('does not call a derived engagements value a duplicate of a given one', () => {
    const a = '{"channel":"instagram","rows":[{"date":"2026-04-02","engagements":9}]}';
    const b = '{"channel":"instagram","rows":[{"date":"2026-04-02","likes":4}]}';
    expect(problemsOf({ data: { 'data/a.json': a, 'data/b.json': b } })).toEqual([]);
  });

  it('rejects channels the site does not declare, in the file and in a row', () => {
    const data = '{\n  "channel": "instagran",\n  "rows": [ { "date": "2026-04-02", "channel": "tiktok", "impressions": 5 } ]\n}';
    expect(problemsOf({ data: { 'data/a.json': data } })).toEqual([
      "data/a.json:2:14: unknown channel 'instagran': did you mean 'instagram'? (channels are declared in content/site.yaml)",
      "data/a.json:3:48: unknown channel 'tiktok': known channels are 'instagram', 'linkedin' (channels are declared in content/site.yaml)",
    ]);
  });

  it('rejects channel ids that would clash with the URLs of frozen versions', () => {
    const data = '{\n  "channel": "v2",\n  "rows": [ { "date": "2026-04-02", "impressions": 5 } ]\n}';
    expect(problemsOf({ site: 'title: T\n', data: { 'data/a.json': data } })).toEqual([
      "data/a.json:2:14: channel 'v2' would clash with the URLs of frozen report versions (/reports/<quarter>/v1/): give the channel another id",
    ]);
    expect(problemsOf({ site: 'channels:\n  v1: { label: Vimeo }\n', data: {} })).toEqual([
      "content/site.yaml:2:3: channel 'v1' would clash with the URLs of frozen report versions (/reports/<quarter>/v1/): give the channel another id",
    ]);
  });

  it('rejects a currency other than the site currency on a file of amounts of money', () => {
    const data = '{\n  "channel": "x",\n  "currency": "USD",\n  "rows": [ { "date": "2026-04-02", "spend": 5 } ]\n}';
    expect(problemsOf({ site: 'currency: EUR\n', data: { 'data/a.json': data } })).toEqual([
      'data/a.json:3:15: currency USD differs from the site currency EUR: convert the values to EUR or change currency in content/site.yaml',
    ]);
    // A declared metric in money is an amount of money too.
    const site = 'currency: EUR\nmetrics:\n  gift_cards: { label: Gift cards sold, aggregation: flow, unit: money }\n';
    const declared = '{\n  "channel": "x",\n  "currency": "USD",\n  "rows": [ { "date": "2026-04-02", "gift_cards": 5 } ]\n}';
    expect(problemsOf({ site, data: { 'data/a.json': declared } })).toEqual([
      'data/a.json:3:15: currency USD differs from the site currency EUR: convert the values to EUR or change currency in content/site.yaml',
    ]);
  });

  it('accepts another currency on a file that holds no money (red-team 14 #6)', () => {
    const data =
      '{\n  "channel": "x",\n  "currency": "USD",\n  "rows": [ { "date": "2026-04-02", "impressions": 5, "clicks": 1 } ]\n}';
    expect(problemsOf({ site: 'currency: EUR\n', data: { 'data/a.json': data } })).toEqual([]);
  });

  it('rejects metric names that are not lower_snake_case, with a hint', () => {
    const data = '{"channel":"instagram","rows":[{"date":"2026-04-02","Impressions":5}]}';
    expect(problemsOf({ data: { 'data/a.json': data } })).toEqual([
      "data/a.json:1:53: 'Impressions' is not a metric name: metric names are lower_snake_case: did you mean 'impressions'?",
    ]);
  });

  it('rejects rows without a period, rows that are not objects and rows without metrics', () => {
    const data = '{"channel":"instagram","rows":[{"impressions":5}, 3, {"date":"2026-04-03"}]}';
    expect(problemsOf({ data: { 'data/a.json': data } })).toEqual([
      'data/a.json:1:32: the row has no period: give it a date (2026-04-01), a month (2026-04) or a quarter (2026-Q2)',
      'data/a.json:1:51: a row must be an object with a date, month or quarter and metric values, got number 3',
      'data/a.json:1:54: the row has no metric values',
    ]);
  });

  it('accepts negative values only for metrics declared signed', () => {
    const data = '{"channel":"instagram","rows":[{"date":"2026-04-02","net_promoter_delta":-5}]}';
    const site =
      'channels:\n  instagram: { label: IG }\nmetrics:\n  net_promoter_delta: { label: NPS change, aggregation: stock, unit: score, signed: true }\n';
    expect(problemsOf({ site: site.replace(', signed: true', ''), data: { 'data/a.json': data } })).toEqual([
      'data/a.json:1:74: net_promoter_delta: -5 is negative: metric values are counts or amounts ≥ 0' +
        ' (declare the metric signed under metrics: in content/site.yaml if negatives are meant)',
    ]);
    expect(problemsOf({ site, data: { 'data/a.json': data } })).toEqual([]);
  });

  it('accepts a file without channel when every row names its own, and rejects a row with none', () => {
    const mixed =
      '{"rows":[{"date":"2026-04-02","channel":"instagram","impressions":5},{"date":"2026-04-03","channel":"linkedin","impressions":5}]}';
    expect(problemsOf({ data: { 'data/a.json': mixed } })).toEqual([]);
    const missing =
      '{"rows":[{"date":"2026-04-02","channel":"instagram","impressions":5},\n{"date":"2026-04-03","impressions":5}]}';
    expect(problemsOf({ data: { 'data/a.json': missing } })).toEqual([
      'data/a.json:2:1: the row names no channel and the file gives none: add "channel" to the file or to the row',
    ]);
  });

  it('ignores a UTF-8 byte order mark', () => {
    expect(problemsOf({ data: { 'data/a.json': `\uFEFF${VALID_DATA}` } })).toEqual([]);
  });
});

describe('site settings', () => {
  it('checks locale, currency, colours and keys', () => {
    const site =
      'title: T\nlocale: xx-notalocale-123\ncurrency: EURO\nchannels:\n  ig: { label: IG, color: red }\ncolour: blue\n';
    expect(problemsOf({ site, data: {} })).toEqual([
      'content/site.yaml:2:9: locale must be a BCP 47 locale this Node.js supports, such as en-US, fr-FR or it-IT',
      'content/site.yaml:3:11: currency must be an ISO 4217 currency code such as EUR',
      'content/site.yaml:5:27: color must be a hex colour such as #e1306c',
      "content/site.yaml:6:1: unknown key 'colour': known keys are 'title', 'locale', 'currency', 'customer_ltv', 'channels', 'base', 'url', 'robots', 'strings', 'metrics'",
    ]);
  });

  it('works without a site file, with defaults', () => {
    expect(problemsOf({ site: null })).toEqual([]);
  });
});

describe('goals files', () => {
  it('reports YAML syntax errors with a position', () => {
    expect(problemsOf({ goals: goals('goals:\n  - id: a\n    title: [unclosed\n') })).toEqual([
      'goals/g.yaml:4:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports the wrong type of a whole section', () => {
    expect(problemsOf({ goals: goals('goals: 3\n') })).toEqual(['goals/g.yaml:1:8: goals must be a list']);
  });

  it('reports wrong types and unknown keys in a goal', () => {
    const body =
      'goals:\n  - id: Bad Id\n    title: 5\n    period: [2026]\n    channel: instagram\n    kpi: ctr\n    target: 0.1\n    weight: 2\n';
    expect(problemsOf({ goals: goals(body) })).toEqual([
      'goals/g.yaml:2:9: id must be a slug: lower-case letters, digits, - and _ (e.g. ig-followers-q2)',
      'goals/g.yaml:3:12: title: expected text, got number 5',
      'goals/g.yaml:4:13: period must be a period: a quarter (2026-Q2), a month (2026-04) or a year (2026)',
      "goals/g.yaml:8:5: unknown key 'weight'",
    ]);
  });

  it('refuses ids that Windows keeps for devices, for goals and for channels (red-team 8 #10)', () => {
    const body = 'goals:\n  - { id: con, title: T, period: 2026-Q3, channel: instagram, kpi: ctr, target: 0.1 }\n';
    const windows = /must not be a name Windows keeps for a device \(con, prn, aux, nul, com1 to com9, lpt1 to lpt9\)/;
    const found = problemsOf({ goals: goals(body) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^goals\/g\.yaml:2:11: id /);
    expect(found[0]).toMatch(windows);
    const site = problemsOf({ site: 'title: T\nchannels:\n  com1: { label: Com }\n', data: {} });
    expect(site).toHaveLength(1);
    expect(site[0]).toMatch(/^content\/site\.yaml:3:3: the key 'com1' /);
    expect(site[0]).toMatch(windows);
    expect(problemsOf({ goals: goals(body.replace('id: con', 'id: console')) })).toEqual([]);
  });

  it('checks the structure of SMART and OKR goals, periods and milestones', () => {
    const body = `goals:
  - id: a
    type: smart
    period: 2026-Q2
    channel: instagram
    kpi: ctr
    target: 0.1
  - id: b
    title: OKR without KRs
    type: okr
    period: 2026-Q2
  - id: c
    title: smart with KRs
    period: 2026-Q2
    channel: instagram
    kpi: ctr
    target: 0.1
    key_results: []
  - id: d
    title: manual with kpi
    type: okr
    period: 2026
    key_results:
      - { id: m, title: Talks, kpi: ctr, manual: { current: 1, target: 3 } }
  - id: e
    title: milestone outside
    period: 2026-Q2
    channel: [instagram, linkedn]
    kpi: follower_count
    target: { change: "+10%" }
    milestones: [{ date: 2026-07-15, target: 5 }]
  - id: f
    title: both
    period: 2026-Q2
    start: 2026-04-01
    channel: all
    kpi: ctr
    target: 0.1
  - id: g
    title: no deadline
    start: 2026-04-01
    channel: all
    kpi: ctr
    target: 0.1
  - id: h
    title: no period
    channel: all
    kpi: ctr
  - id: i
    title: zero change
    period: 2026-Q2
    channel: all
    kpi: ctr
    target: { change: "+0%" }
`;
    expect(problemsOf({ goals: goals(body) })).toEqual([
      "goals/g.yaml:2:5: missing required key 'title'",
      'goals/g.yaml:8:5: an OKR goal needs key_results: a list of { id, kpi, channel, target } or { id, title, manual: { current, target } }',
      "goals/g.yaml:16:5: an OKR goal measures through its key_results: move 'kpi' into a key result",
      "goals/g.yaml:17:5: an OKR goal measures through its key_results: move 'target' into a key result",
      'goals/g.yaml:18:18: an OKR goal needs key_results: a list of { id, kpi, channel, target } or { id, title, manual: { current, target } }',
      "goals/g.yaml:24:32: a manual key result has no 'kpi': its progress is manual.current / manual.target",
      "goals/g.yaml:28:26: unknown channel 'linkedn': did you mean 'linkedin'?",
      'goals/g.yaml:31:26: milestone 2026-07-15 is outside the period 2026-04-01 to 2026-06-30',
      'goals/g.yaml:35:5: give either period or start and deadline, not both',
      'goals/g.yaml:41:5: missing deadline: a date range needs both start and deadline',
      'goals/g.yaml:45:5: missing period: give period (2026-Q2, 2026-04 or 2026) or start and deadline dates',
      'goals/g.yaml:45:5: missing target: a number, { change: "+20%" } or { change: +500 }',
    ]);
  });

  it('checks custom KPIs: id clashes, formulas (with the column), unknown metrics, enums', () => {
    const body = `kpis:
  - id: ctr
    label: Clash
    formula: clicks / impressions
    unit: percent
    good: up
  - id: weird
    label: Weird
    formula: "clicks */ 2"
    unit: percentage
    good: up
  - id: ok_kpi
    label: OK
    formula: clicks / impresions
    unit: percent
    good: sideways
`;
    expect(problemsOf({ goals: goals(body) })).toEqual([
      "goals/g.yaml:2:9: custom KPI 'ctr' has the id of a built-in KPI: choose another id",
      "goals/g.yaml:9:23: formula does not parse at column 9: expected a metric name or number, found '/'",
      'goals/g.yaml:10:11: unit must be one of count, money, percent, ratio, per_post, score, minutes',
      "goals/g.yaml:14:23: unknown metric 'impresions' in formula: did you mean 'impressions'?",
      'goals/g.yaml:16:11: good must be up or down',
    ]);
  });

  it('accepts custom KPIs on custom metrics found in the data, and goals on them', () => {
    const data = '{"channel":"instagram","rows":[{"date":"2026-04-02","clicks":10,"code_uses":2}]}';
    const body = `kpis:
  - { id: code_rate, label: Code rate, formula: "code_uses / clicks", unit: percent, good: up }
goals:
  - { id: codes, title: Codes, period: 2026-Q2, channel: instagram, kpi: code_rate, target: 0.3 }
`;
    expect(problemsOf({ goals: goals(body), data: { 'data/a.json': data } })).toEqual([]);
  });

  it('finds duplicate goal ids across files', () => {
    const g = 'goals:\n  - { id: a, title: A, period: 2026-Q2, channel: all, kpi: ctr, target: 0.1 }\n';
    expect(problemsOf({ goals: { 'goals/a.yaml': g, 'goals/b.yaml': g } })).toEqual([
      "goals/b.yaml:2:11: duplicate goal id 'a': already defined at goals/a.yaml:2:11",
    ]);
  });
});

describe('a goals file with an unknown top-level key', () => {
  it('still checks its goals: every problem at once (red-team 8 #4)', () => {
    const body = [
      'extra: 1',
      'goals:',
      '  - { id: p, type: smart, category: awareness, period: 2026-Q3, channel: instagram, kpi: impresions, target: 5 }',
      '',
    ].join('\n');
    const found = problemsOf({ goals: goals(body), data: { 'data/a.json': VALID_DATA } });
    expect(found[0]).toMatch(/^goals\/g\.yaml:1:1: unknown key 'extra'/);
    expect(found.some((p) => /^goals\/g\.yaml:3:\d+: missing required key 'title'/.test(p))).toBe(true);
    expect(found.some((p) => /^goals\/g\.yaml:3:\d+: unknown KPI 'impresions': did you mean 'impressions'\?/.test(p))).toBe(true);
  });
});

describe('negative zero', () => {
  it('is read as 0 in a goal, so that no page prints "baseline -0.0%" (red-team 8 #14)', () => {
    const body =
      'goals:\n  - { id: er, title: T, period: 2026-Q2, channel: instagram, kpi: engagement_rate, baseline: -0, target: 0.05 }\n';
    const result = loadFromSources(
      { path: 'content/site.yaml', text: SITE },
      [{ path: 'goals/g.yaml', text: body }],
      [{ path: 'data/a.json', text: VALID_DATA }],
    );
    expect(result.ok).toBe(true);
    const goal = result.ok ? result.project.goals[0] : undefined;
    expect(goal?.type === 'smart' && Object.is(goal.baseline, 0)).toBe(true);
  });
});

describe('milestones', () => {
  it('refuses a day given twice, naming both places (red-team 8 #17)', () => {
    const body = [
      'goals:',
      '  - id: m',
      '    title: T',
      '    period: 2026-Q2',
      '    channel: instagram',
      '    kpi: impressions',
      '    target: 150000',
      '    milestones:',
      '      - { date: 2026-05-01, target: 10 }',
      '      - { date: 2026-05-01, target: 90000 }',
      '',
    ].join('\n');
    expect(problemsOf({ goals: goals(body) })).toEqual([
      'goals/g.yaml:10:17: milestone 2026-05-01 is given twice: also at goals/g.yaml:9:17; keep one of them',
    ]);
  });
});

describe("messages in words, not the schema library's", () => {
  it('gives one problem for a change that is not a percentage, and names an empty label (red-team 8 #9)', () => {
    const body =
      'goals:\n  - { id: c, title: T, period: 2026-Q2, channel: instagram, kpi: impressions, target: { change: "+1e400%" } }\n';
    expect(problemsOf({ goals: goals(body) })).toEqual([
      'goals/g.yaml:2:87: target must be a number, { change: "+20%" } or { change: +500 }',
    ]);
    const site = SITE.replace(/channels:\n {2}(\w+): \{ label: [^}]+\}/, 'channels:\n  $1: { label: "" }');
    expect(site).not.toBe(SITE);
    const found = problemsOf({ site, data: {} });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^content\/site\.yaml:\d+:\d+: label must not be empty$/);
  });
});
