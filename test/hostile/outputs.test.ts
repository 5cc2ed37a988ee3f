/**
 * Hostile input to what Goalpost writes out (issue "Hardening"): narratives on pages, CSV cells,
 * the goal history read from git, text printed to terminals and CI logs, the PR comment, and
 * content that validated but broke the build after Astro had emptied dist/. Each case failed
 * on the main branch before its fix.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitsTouching } from '../../src/git/files.ts';
import { formatProblem } from '../../src/load/problems.ts';
import { loadProject } from '../../src/load/project.ts';
import { escapeMarkdown } from '../../src/review/markdown.ts';
import { kpiCsv } from '../../src/site/csv.ts';
import type { ReportJson } from '../../src/core/report.ts';
import type { KpiMeta } from '../../src/core/figures.ts';
import { problemsOf } from '../load/helpers.ts';
import { pageViolations } from '../../src/site/pageCheck.ts';
import { checkBuiltPages, publish, stagingFor } from '../../src/integration/output.ts';
import { withBuildLock } from '../e2e/harness.ts';
import { runCli } from '../cliRunner.ts';

const BASIC = 'test/fixtures/basic';
const NARRATIVE = 'content/reports/2026-q2.mdx';

/** A copy of the basic fixture with its narrative replaced. */
function rootWithNarrative(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-outputs-'));
  cpSync(BASIC, dir, { recursive: true });
  writeFileSync(join(dir, NARRATIVE), text);
  return dir;
}

async function validateProblems(root: string): Promise<string[]> {
  const result = await loadProject(root);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const run = (args: readonly string[], root: string) => runCli(args, root);

describe('narratives: validate refuses script, foreign loads and broken components, at their place in the .mdx', () => {
  it('refuses <script>, event handlers, javascript: links, images and frames from another host, styles, imports and expressions', async () => {
    const root = rootWithNarrative(
      [
        'import Evil from "evil"',
        '',
        '# Title <b onclick="steal()">bold</b>',
        '',
        '<script>alert(1)</script>',
        '',
        '[click](javascript:alert(1)) and ![pixel](https://tracker.example/p.gif)',
        '',
        '<img src="//cdn.example/x.png" />',
        '',
        '<iframe src="https://example.com"></iframe>',
        '',
        '<div style="background: url(https://x.example/a.png)">styled</div>',
        '',
        '<a href="jav&#x61;script:alert(1)">encoded</a>',
        '',
        '{fetch("https://x.example")}',
        '',
        '[ref]: vbscript:msgbox',
        '',
        '<link rel="stylesheet" href="https://x.example/a.css" />',
        '',
      ].join('\n'),
    );
    const problems = await validateProblems(root);
    const at = (line: number, text: string) =>
      expect(
        problems.some((p) => p.startsWith(`${NARRATIVE}:${line}:`) && p.includes(text)),
        `${line} ${text}\n${problems.join('\n')}`,
      ).toBe(true);
    at(1, 'import and export are not allowed');
    at(3, '<b onclick>: event handlers run script');
    at(5, '<script> is not allowed');
    at(7, "a link to 'javascript:' is not allowed");
    at(7, "'https://tracker.example/p.gif' loads from another host");
    at(9, "<img src>: '//cdn.example/x.png' loads from another host");
    at(11, '<iframe> is not allowed');
    at(13, '<div style>: inline styles');
    at(15, "<a href>: a link to 'javascript:'");
    at(17, 'JavaScript expressions');
    at(19, "a link to 'vbscript:'");
    at(21, '<link> is not allowed');
    // Columns point at the attribute, not only at the element.
    expect(problems).toContain(`${NARRATIVE}:3:12: <b onclick>: event handlers run script: pages run none`);
  });

  it("checks the components' props against the goals, KPIs, channels and quarters, with did-you-mean", async () => {
    const root = rootWithNarrative(
      [
        '<GoalCard id="ig-folowers-q2" />',
        '<KpiValue kpi="engagment_rate" channel="instagarm" period="2026-Q5" />',
        '<KpiChart kpi="engagement_rate" channels={["instagram", "tiktok"]} titel="x" />',
        '<KpiValue />',
        '<KpiValue kpi={someVariable} change="no" />',
      ].join('\n'),
    );
    expect(await validateProblems(root)).toEqual([
      `${NARRATIVE}:1:11: <GoalCard id>: no goal has the id 'ig-folowers-q2': did you mean 'ig-followers-q2'?`,
      `${NARRATIVE}:2:11: <KpiValue kpi>: no KPI has the id 'engagment_rate': did you mean 'engagement_rate'?`,
      `${NARRATIVE}:2:32: <KpiValue channel>: no channel has the id 'instagarm': did you mean 'instagram'?`,
      `${NARRATIVE}:2:52: <KpiValue period>: '2026-Q5' is not a quarter (write period="2026-Q2")`,
      `${NARRATIVE}:3:33: <KpiChart channels>: unknown channel 'tiktok': known channels are 'instagram', 'linkedin'`,
      `${NARRATIVE}:3:68: <KpiChart> has no prop 'titel': did you mean 'title'?`,
      `${NARRATIVE}:4:1: <KpiValue> needs kpi="…"`,
      `${NARRATIVE}:5:11: <KpiValue kpi>: give the value in quotes (kpi="…")`,
      `${NARRATIVE}:5:30: <KpiValue change>: write change={true} or change={false}`,
    ]);
  });

  it('reports MDX syntax errors and broken frontmatter at their position, never a stack trace', async () => {
    expect(await validateProblems(rootWithNarrative('Text\n\n<GoalCard id="ig-followers-q2"\n'))).toEqual([
      expect.stringMatching(new RegExp(`^${NARRATIVE}:\\d+:\\d+: MDX syntax error: `)),
    ]);
    expect(await validateProblems(rootWithNarrative('---\ntitle: [unclosed\n---\n\nText\n'))).toEqual([
      expect.stringMatching(new RegExp(`^${NARRATIVE}:[23]:\\d+: frontmatter: `)),
    ]);
  });

  it('accepts plain markdown, allowed HTML, links to other sites and the components used right', async () => {
    const root = rootWithNarrative(
      [
        '## Q2',
        '',
        'See [the plan](https://example.com/plan) or [goals](/goals/), <em>really</em>.',
        '',
        '<KpiValue kpi="engagement_rate" channel="instagram" change={false} />',
        '<GoalCard id="ig-followers-q2" period="2026-Q2" />',
        '<KpiChart kpi="engagement_rate" channels={["instagram"]} title="Engagement" />',
        '',
        '{/* a comment */}',
        '',
        '<details><summary>More</summary><p class="x" aria-label="y">Detail</p></details>',
      ].join('\n'),
    );
    expect(await validateProblems(root)).toEqual([]);
  });
});

describe('ids and base: validate refuses what the build could not write', () => {
  it('refuses goal and channel ids longer than 64 characters', () => {
    const long = 'a'.repeat(300);
    const problems = problemsOf({
      site: `channels:\n  ${long}: { label: Long }\n  instagram: { label: Instagram }\n`,
      goals: {
        'goals/g.yaml': `goals:\n  - id: g${long}\n    title: T\n    kpi: impressions\n    channel: instagram\n    period: 2026-Q2\n    target: 100\n`,
      },
    });
    expect(problems).toContain('goals/g.yaml:2:9: id: is 301 characters long: ids are at most 64 (they name pages and files)');
    expect(
      problems.some(
        (p) =>
          p ===
          `content/site.yaml:2:3: the key '${'a'.repeat(40)}…' is 300 characters long: ids are at most 64 (they name pages and files)`,
      ),
    ).toBe(true);
    expect(
      problemsOf({
        goals: {
          'goals/g.yaml': `goals:\n  - id: ${'b'.repeat(64)}\n    title: T\n    kpi: impressions\n    channel: instagram\n    period: 2026-Q2\n    target: 100\n`,
        },
      }),
    ).toEqual([]);
  });

  it('refuses a base with .. or . segments, //, or a scheme, and accepts clean paths', () => {
    for (const base of ['/../../x/', '/a/./b/', '//evil.example/', 'https://x/', '/a//b/']) {
      expect(problemsOf({ site: `base: "${base}"\n` }), base).toEqual([
        expect.stringMatching(/^content\/site\.yaml:1:7: base must be a clean URL path/),
      ]);
    }
    for (const base of ['/', '/reports/', '/a/b.c/']) expect(problemsOf({ site: `base: "${base}"\n` }), base).toEqual([]);
  });
});

describe('kpis.csv: formula injection', () => {
  const report = {
    period: '2026-Q2',
    as_of: '2026-06-30',
    channels: ['all'],
    coverage: {},
    incomplete: [],
    kpis: { all: { evil: { value: 5, qoq: -0.12, yoy: null, approximate: false } } },
  } as unknown as ReportJson;
  const row = (label: string) =>
    kpiCsv(
      report,
      new Map<string, KpiMeta>([['evil', { id: 'evil', label, unit: 'count' } as unknown as KpiMeta]]),
      { kind: 'live' },
      'EUR',
    ).split('\r\n')[1]!;

  it('neutralises text cells starting with = + - @ tab or CR, and keeps negative numbers as numbers', () => {
    expect(row('=HYPERLINK("http://x.example","y")')).toContain(`,"'=HYPERLINK(""http://x.example"",""y"")",`);
    expect(row('+1+cmd')).toContain(",'+1+cmd,");
    expect(row('-2+cmd')).toContain(",'-2+cmd,");
    expect(row('@SUM(A1)')).toContain(",'@SUM(A1),");
    expect(row('\t=1')).toContain(",'\t=1,");
    expect(row('\r=1')).toContain(`,"'\r=1",`);
    expect(row('Plain label')).toContain(',Plain label,count,5,-0.12,,false,');
  });
});

describe('goal history: a commit subject cannot forge entries', () => {
  it('reads exactly the commits there are, whatever their subjects hold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-forge-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        stdio: 'pipe',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Ann',
          GIT_AUTHOR_EMAIL: 'a@x',
          GIT_COMMITTER_NAME: 'Ann',
          GIT_COMMITTER_EMAIL: 'a@x',
          GIT_COMMITTER_DATE: '2026-05-01T10:00:00Z',
          GIT_AUTHOR_DATE: '2026-05-01T10:00:00Z',
        },
      });
    git('init', '-q');
    mkdirSync(join(dir, 'goals'));
    writeFileSync(join(dir, 'goals/g.yaml'), 'goals: []\n');
    git('add', '.');
    git('commit', '-q', '-m', 'First');
    writeFileSync(join(dir, 'goals/g.yaml'), 'goals: []\n# changed\n');
    git('add', '.');
    const forged = `${'f'.repeat(40)}\x1ffffffff\x1f2020-01-01\x1fMallory\x1fForged entry`;
    git('commit', '-q', '--cleanup=verbatim', '-m', `Real change\x1e${forged}\x1e\nsecond line\n${forged}`);
    const commits = commitsTouching(dir, ['goals']);
    expect(commits.map((c) => c.subject)).toEqual(['First', expect.stringMatching(/^Real change/)]);
    expect(commits.map((c) => c.author)).toEqual(['Ann', 'Ann']);
    expect(commits.every((c) => /^[0-9a-f]{40}$/.test(c.hash) && c.date === '2026-05-01')).toBe(true);
  });
});

describe('terminal and CI output: user text cannot inject', () => {
  it('escapes control characters, forged path:line:col lines and workflow commands in file names and messages', async () => {
    const root = mkdtempSync(join(tmpdir(), 'goalpost-term-'));
    mkdirSync(join(root, 'goals'));
    const name = 'goals/x\n::error file=a::forged\nfake.yaml:1:1: forged problem\u001b[31m.yaml';
    writeFileSync(join(root, name), 'goals: [\n');
    const r = await run(['validate'], root);
    expect(r.status).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2); // one problem, then the count
    expect(lines[0]).toMatch(
      /^goals\/x\\u000a::error file=a::forged\\u000afake\.yaml:1:1: forged problem\\u001b\[31m\.yaml:\d+:\d+: /,
    );
    expect(r.err).not.toContain('\u001b');
    expect(lines.every((l) => !/^\s*::/.test(l))).toBe(true);
  });

  it('escapes goal titles in the text report, and a line starting with :: cannot reach the runner', async () => {
    const root = mkdtempSync(join(tmpdir(), 'goalpost-term-'));
    cpSync(BASIC, root, { recursive: true });
    const goals = readFileSync(join(root, 'goals/goals.yaml'), 'utf8').replace(
      'title: More impressions',
      'title: "More\\n::stop-commands::tok\\n::error::pwned\\u001b]0;title\\u0007\\u202e"',
    );
    writeFileSync(join(root, 'goals/goals.yaml'), goals);
    const r = await run(['report', '--period', '2026-Q2'], root);
    expect(r.status).toBe(0);
    // The loader turns ESC and BEL into spaces (text readers see); line breaks and bidi controls are escaped here.
    expect(r.out).toContain('More\\u000a::stop-commands::tok\\u000a::error::pwned ]0;title \\u202e');
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.out.split('\n').every((l) => !/^\s*::/.test(l))).toBe(true);
  });
});

describe('the PR comment: markdown that holds', () => {
  it('escapes a lone CR, mentions, strike-through, math, pipes, backticks and HTML', () => {
    const text = escapeMarkdown('a\rb | @org/team ~~gone~~ $$x$$ `code` <img src=x> [l](u) **b**');
    expect(text).not.toMatch(/[\r\n]/);
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toMatch(/(^|[^\\])~~|(^|[^\\])\$|(^|[^\\])`|(^|[^\\])\|/);
    expect(text).not.toMatch(/<|>/);
    expect(text).toBe(
      'a b \\| @\u2060org/team \\~\\~gone\\~\\~ \\$\\$x\\$\\$ \\`code\\` &lt;img src=x&gt; \\[l\\](u) \\*\\*b\\*\\*',
    );
  });
});

describe('built pages: the check after the build', () => {
  it('finds every script and foreign load in a page', () => {
    const html = `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=https://x.example">
      <link rel="stylesheet" href="https://cdn.example/a.css"><style>@import "x.css"; a { background: url("https://x.example/b.png") }</style>
      <script>alert(1)</script></head><body><a href="javascript:alert(1)" onmouseover="x()">a</a>
      <img src="//x.example/p.gif"><img srcset="/ok.png 1x, https://x.example/big.png 2x"><iframe src="/x"></iframe>
      <svg><image href="https://x.example/i.png"/></svg><div style="background:url(//x.example/c.png)"></div></body></html>`;
    const messages = pageViolations(html).map((v) => v.message);
    for (const expected of [
      '<meta http-equiv="refresh">',
      '<link href> loads https://cdn.example/a.css',
      'CSS @import',
      'CSS url(https://x.example/b.png)',
      'a <script> element',
      'a javascript: URL in <a href>',
      'an event handler (onMouseOver) on <a>',
      '<img src> loads //x.example/p.gif',
      '<img srcset> loads https://x.example/big.png',
      'a <iframe> element',
      '<image href> loads https://x.example/i.png',
      'CSS url(//x.example/c.png)',
    ]) {
      expect(
        messages.some((m) => m.startsWith(expected)),
        `${expected}\n${messages.join('\n')}`,
      ).toBe(true);
    }
  });

  it('passes a clean page: links elsewhere, images and styles from the site itself, inline SVG', () => {
    const html = `<!doctype html><html><head><link rel="icon" href="/favicon.svg"><style>@font-face { src: url(/_astro/inter.woff2) } a { color: red }</style></head>
      <body><a href="https://example.com/">out</a><img src="/img/a.png" srcset="/img/a.png 1x"><svg><use href="#x"/><text>1</text></svg></body></html>`;
    expect(pageViolations(html)).toEqual([]);
  });

  it("names the narrative's line and column when a quarter page has what its narrative says", async () => {
    const root = rootWithNarrative('Intro\n\nSee <a href="javascript:alert(1)">this</a>\n');
    const dist = mkdtempSync(join(tmpdir(), 'goalpost-pages-'));
    mkdirSync(join(dist, 'reports/2026-q2'), { recursive: true });
    writeFileSync(
      join(dist, 'reports/2026-q2/index.html'),
      '<html><body><p>See <a href="javascript:alert(1)">this</a></p></body></html>',
    );
    mkdirSync(join(dist, 'goals'));
    writeFileSync(join(dist, 'goals/index.html'), '<html><body>\n<script>x</script></body></html>');
    expect((await checkBuiltPages(dist, root)).map(formatProblem)).toEqual([
      'goals/index.html:2:1: the built page goals/index.html would have a <script> element: pages run no script and load nothing from another host',
      `${NARRATIVE}:3:14: the built page reports/2026-q2/index.html would have a javascript: URL in <a href>: pages run no script and load nothing from another host`,
    ]);
  });

  it("publishes a staging folder in the output folder's place, or discards it and leaves the output as it was", async () => {
    const base = mkdtempSync(join(tmpdir(), 'goalpost-publish-'));
    const target = join(base, 'dist');
    mkdirSync(target);
    writeFileSync(join(target, 'old.html'), 'old');
    const staging = stagingFor(target);
    expect(staging).toBe(join(base, 'dist.goalpost-staging'));
    mkdirSync(staging);
    writeFileSync(join(staging, 'new.html'), 'new');
    await publish(staging, null);
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(target)).toEqual(['old.html']);
    mkdirSync(staging);
    writeFileSync(join(staging, 'new.html'), 'new');
    await publish(staging, target);
    expect(readdirSync(target)).toEqual(['new.html']);
    expect(readdirSync(base)).toEqual(['dist']);
  });
});

describe('a failed build leaves the previous dist/ whole', () => {
  const files = (dir: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out[relative(dir, p)] = readFileSync(p, 'latin1');
      }
    };
    walk(dir);
    return out;
  };
  const build = (root: string, outDir: string): { status: number; output: string } => {
    try {
      const output = withBuildLock(() =>
        execFileSync('npm', ['run', '-s', 'build', '--', '--outDir', outDir], {
          env: { ...process.env, GOALPOST_ROOT: root },
          stdio: 'pipe',
          encoding: 'utf8',
        }),
      );
      return { status: 0, output };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { status: e.status, output: `${e.stdout}${e.stderr}` };
    }
  };

  it('builds, then fails on a narrative whose image the build cannot find: dist/ is as the first build left it', () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'goalpost-twice-')), 'dist');
    const first = build(BASIC, outDir);
    expect(first.status, first.output).toBe(0);
    const before = files(outDir);
    expect(Object.keys(before)).toContain('reports/2026-q2/index.html');
    const root = rootWithNarrative(`${readFileSync(join(BASIC, NARRATIVE), 'utf8')}\n![chart](./chart.png)\n`);
    const second = build(root, outDir);
    expect(second.status).not.toBe(0);
    expect(files(outDir)).toEqual(before);
    expect(second.output).toContain(`${NARRATIVE}:10:1: './chart.png' is a relative image path`);
    expect(second.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(`${outDir}.goalpost-staging`)).toBe(false);
  }, 180_000);
});
