import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, run } from './helpers.ts';
import type { GoalChange } from '../../src/review/goalDiff.ts';
import { codeSpan, escapeMarkdown } from '../../src/review/markdown.ts';

const diff = (dir: string, args: string[]) => run(dir, ['diff', ...args]);

async function changes(dir: string, base: string, head: string): Promise<GoalChange[]> {
  const r = await diff(dir, [base, head, '--format', 'json']);
  expect(r.err).toBe('');
  const json = JSON.parse(r.out) as { base: string; head: string; changes: GoalChange[] };
  expect([json.base, json.head]).toEqual([base, head]);
  return json.changes;
}

const FOLLOWERS = (target: string, extra = '') => `goals:
  - id: ig-followers
    title: Grow Instagram followers
    period: 2026-Q2
    channel: instagram
    kpi: follower_count
    baseline: 1000
    target: ${target}${extra}
`;
const SPEND = (target: number) => `goals:
  - { id: budget, title: Spend cap, period: 2026-Q2, channel: instagram, kpi: spend, target: ${target} }
`;

describe('goalpost diff', () => {
  it('reports no change', async () => {
    const r = repo();
    const a = r.commit(FOLLOWERS('1200'), '2026-03-01');
    const b = r.commit(FOLLOWERS('1200'), '2026-03-02');
    expect(await changes(r.dir, a, b)).toEqual([]);
    expect((await diff(r.dir, [a, b])).out).toContain('No goal or key result changed.');
  });

  it('flags a target made easier after the period began, with relative targets resolved', async () => {
    const r = repo();
    const a = r.commit(FOLLOWERS('{ change: "+20%" }'), '2026-03-01');
    const b = r.commit(FOLLOWERS('{ change: "+10%" }'), '2026-05-01');
    expect(await changes(r.dir, a, b)).toEqual([
      expect.objectContaining({
        goal: 'ig-followers',
        kind: 'changed',
        field: 'target',
        old: 1200,
        new: 1100,
        old_text: '+20%',
        new_text: '+10%',
        moved_goalpost: true,
      }),
    ]);
  });

  it('does not flag the same change made before the period began, nor a harder target', async () => {
    const r = repo();
    const a = r.commit(FOLLOWERS('1200'), '2026-03-01');
    const b = r.commit(FOLLOWERS('1100'), '2026-03-15');
    const c = r.commit(FOLLOWERS('1300'), '2026-05-01');
    expect((await changes(r.dir, a, b))[0]).toMatchObject({ field: 'target', old: 1200, new: 1100, moved_goalpost: false });
    expect((await changes(r.dir, b, c))[0]).toMatchObject({ field: 'target', old: 1100, new: 1300, moved_goalpost: false });
  });

  it('follows the KPI direction: raising a budget cap is easier, lowering it is harder', async () => {
    const r = repo();
    const a = r.commit(SPEND(5000), '2026-03-01');
    const b = r.commit(SPEND(6000), '2026-05-01');
    const c = r.commit(SPEND(4000), '2026-05-02');
    expect((await changes(r.dir, a, b))[0]).toMatchObject({ field: 'target', old: 5000, new: 6000, moved_goalpost: true });
    expect((await changes(r.dir, b, c))[0]).toMatchObject({ field: 'target', old: 6000, new: 4000, moved_goalpost: false });
  });

  it('flags a deadline pushed back after the start, not one brought forward', async () => {
    const r = repo();
    const a = r.commit(FOLLOWERS('1200'), '2026-03-01');
    const b = r.commit(FOLLOWERS('1200').replace('period: 2026-Q2', 'start: 2026-04-01\n    deadline: 2026-07-31'), '2026-05-01');
    const c = r.commit(FOLLOWERS('1200').replace('period: 2026-Q2', 'start: 2026-04-01\n    deadline: 2026-06-15'), '2026-05-02');
    expect(await changes(r.dir, a, b)).toEqual([
      expect.objectContaining({
        field: 'deadline',
        old: '2026-06-30',
        new: '2026-07-31',
        old_text: '2026-Q2',
        moved_goalpost: true,
      }),
    ]);
    expect(await changes(r.dir, b, c)).toEqual([
      expect.objectContaining({ field: 'deadline', old: '2026-07-31', new: '2026-06-15', moved_goalpost: false }),
    ]);
  });

  it('reports added, removed and renamed goals, and changed title, KPI and baseline (not `instagram` written `[instagram]`)', async () => {
    const r = repo();
    const a = r.commit(
      `goals:
  - { id: old-name, title: Impressions, period: 2026-Q2, channel: instagram, kpi: impressions, target: 3000 }
  - { id: gone, title: Clicks, period: 2026-Q2, channel: instagram, kpi: clicks, target: 100 }
  - { id: er, title: Engagement, period: 2026-Q2, channel: instagram, kpi: engagement_rate, baseline: 0.05, target: 0.1 }
`,
      '2026-03-01',
    );
    const b = r.commit(
      `goals:
  - { id: new-name, title: Impressions, period: 2026-Q2, channel: instagram, kpi: impressions, target: 3000 }
  - { id: er, title: Engagement rate up, period: 2026-Q2, channel: [instagram], kpi: ctr, baseline: 0.04, target: 0.1 }
  - { id: fresh, title: Reach, period: 2026-Q2, channel: all, kpi: reach, target: 5000 }
`,
      '2026-03-02',
    );
    const list = await changes(r.dir, a, b);
    expect(list.map((c) => [c.goal, c.kind, c.field ?? null])).toEqual([
      ['new-name', 'renamed', 'id'],
      ['er', 'changed', 'title'],
      ['er', 'changed', 'kpi'],
      ['er', 'changed', 'baseline'],
      ['fresh', 'added', null],
      ['gone', 'removed', null],
    ]);
    expect(list[0]).toMatchObject({ old: 'old-name', new: 'new-name' });
  });

  it('diffs key results: added, removed, renamed, weight and target changes, manual targets', async () => {
    const r = repo();
    const okr = (krs: string) => `goals:
  - id: okr
    type: okr
    title: Engagement OKR
    period: 2026-Q2
    key_results:
${krs}`;
    const a = r.commit(
      okr(`      - { id: er, kpi: engagement_rate, channel: all, baseline: 0.05, target: 0.1 }
      - { id: talks, title: Talks, manual: { current: 1, target: 3 } }
      - { id: old-kr, kpi: clicks, channel: all, target: 100 }
      - { id: dropped, kpi: impressions, channel: all, target: 9000 }
`),
      '2026-03-01',
    );
    const b = r.commit(
      okr(`      - { id: er, kpi: engagement_rate, channel: all, baseline: 0.05, target: 0.08, weight: 2 }
      - { id: talks, title: Talks, manual: { current: 1, target: 2 } }
      - { id: new-kr, kpi: clicks, channel: all, target: 100 }
      - { id: added, kpi: reach, channel: all, target: 100 }
`),
      '2026-05-01',
    );
    const list = await changes(r.dir, a, b);
    expect(list.map((c) => [c.kr, c.kind, c.field ?? null, c.moved_goalpost])).toEqual([
      ['er', 'changed', 'weight', false],
      ['er', 'changed', 'target', true],
      ['talks', 'changed', 'target', true],
      ['new-kr', 'renamed', 'id', false],
      ['added', 'added', null, false],
      ['dropped', 'removed', null, true],
    ]);
    expect(list[1]).toMatchObject({ goal: 'okr', old: 0.1, new: 0.08 });
  });

  it('compares with the working tree when no head is given, and --fail-on-moved exits 1', async () => {
    const r = repo();
    const a = r.commit(SPEND(5000), '2026-03-01');
    writeFileSync(join(r.dir, 'goals/goals.yaml'), SPEND(9000));
    const moved = await diff(r.dir, [a, '--fail-on-moved']);
    expect(moved.status).toBe(1);
    expect(moved.out).toContain('**1 goalpost moved**');
    expect((await diff(r.dir, [a])).status).toBe(0);
    writeFileSync(join(r.dir, 'goals/goals.yaml'), SPEND(4000));
    expect((await diff(r.dir, [a, '--fail-on-moved'])).status).toBe(0);
  });

  it('shows how a change alters the status, and escapes user text in markdown', async () => {
    const r = repo();
    const a = r.commit(FOLLOWERS('1200'), '2026-03-01');
    const b = r.commit(
      FOLLOWERS('1100').replace('Grow Instagram followers', '"<img src=x onerror=alert(1)> | *bold*"'),
      '2026-05-01',
    );
    const { out } = await diff(r.dir, [a, b]);
    expect(out).toContain('status as of the data: Missed → Achieved');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\*bold\\*');
    expect(out).not.toContain('<img');
  });

  it('writes milestones and added targets in the KPI’s unit, refs and ids as they are (red-team 10 #13)', async () => {
    const r = repo();
    const ctr = (milestone: number) =>
      `  - { id: ig_ctr, title: CTR, period: 2026-Q2, channel: instagram, kpi: ctr, baseline: 0.01, target: 0.03, milestones: [{ date: 2026-05-01, target: ${milestone} }] }\n`;
    r.commit(`goals:\n${ctr(0.027)}`, '2026-03-01');
    r.commit(
      `goals:\n${ctr(0.021)}  - { id: rate, title: Rate, period: 2026-Q2, channel: instagram, kpi: ctr, target: 0.025 }\n`,
      '2026-03-02',
    );
    const { out } = await diff(r.dir, ['HEAD~1', 'HEAD']);
    expect(out).toContain('### Goal changes: `HEAD~1` → `HEAD`');
    expect(out).toContain('| `ig_ctr` CTR | milestones | 2.7% by 2026-05-01 | 2.1% by 2026-05-01 |');
    expect(out).toContain('| `rate` Rate | goal added |  | Click-through rate: target 2.5% by 2026-06-30');
    expect(out).not.toContain('0.025');
    expect(out).not.toContain('"date"');
  });

  it('rejects an unknown ref and a base that does not validate (exit 2: cannot compare)', async () => {
    const r = repo();
    const a = r.commit(
      'goals:\n  - { id: x, title: X, period: 2026-Q5, channel: instagram, kpi: ctr, target: 0.1 }\n',
      '2026-03-01',
    );
    const b = r.commit(FOLLOWERS('1200'), '2026-03-02');
    const unknown = await diff(r.dir, ['nope', b]);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain("no commit named 'nope'");
    const broken = await diff(r.dir, [a, b]);
    expect(broken.status).toBe(2);
    expect(broken.err).toContain(`the content at ${a} does not validate`);
    expect(broken.err).toContain("goals/goals.yaml:2:32: period: '2026-Q5' has no quarter 5");
  });

  it('says so outside a git repository, rather than "no commit named HEAD" (red-team 8 #15)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-nogit-'));
    mkdirSync(join(dir, 'goals'));
    const r = await diff(dir, ['HEAD']);
    expect(r.status).toBe(2);
    expect(r.err).toContain('is not in a git repository: diff compares the goals of two commits');
    expect(r.err).not.toContain('no commit named');
  });
});

describe('codeSpan', () => {
  it('shows text as it is, fenced past its backticks', () => {
    expect(codeSpan('HEAD~1')).toBe('`HEAD~1`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('a\nb')).toBe('`a b`');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises HTML, table pipes and emphasis', () => {
    expect(escapeMarkdown('<b>a</b> | *b* _c_ `d`\nnext')).toBe('&lt;b&gt;a&lt;/b&gt; \\| \\*b\\* \\_c\\_ \\`d\\` next');
  });
});
