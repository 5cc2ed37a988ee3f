/**
 * The GitHub workflows (issue "Hardening", "Security": review.yml). The review job's shell steps
 * are run here with bash as GitHub runs them (`-eo pipefail`), with stub `npm` and `gh` commands:
 * `diff`'s exit codes are told apart (an error is not "a goalpost moved" and posts no comment), the
 * bot's comment is found by its hidden marker and updated, a fork's pull request gets the job
 * summary instead of a failing comment. Both workflows use actions that run on Node 24.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

const load = (name: string): Workflow => parse(readFileSync(`.github/workflows/${name}`, 'utf8')) as Workflow;
const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps);
const review = load('review.yml');
const step = (name: string): Step => {
  const s = steps(review).find((x) => x.name?.startsWith(name));
  if (!s) throw new Error(`no step '${name}' in review.yml`);
  return s;
};
const MARKER = '<!-- goalpost-diff -->';

interface Ran {
  status: number;
  stdout: string;
  stderr: string;
  dir: string;
  output: string;
  summary: string;
  gh: string[];
}

/**
 * Runs a step's script in a scratch folder, as GitHub's bash does, with stub commands (a stub
 * prints $STUB_<NAME>_OUT, writes $STUB_<NAME>_ERR to stderr, exits $STUB_<NAME>_STATUS and logs its arguments).
 */
function runStep(s: Step, env: Record<string, string>, files: Record<string, string> = {}): Ran {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-workflow-'));
  for (const name of ['npm', 'gh']) {
    const upper = name.toUpperCase();
    const path = join(dir, name);
    writeFileSync(
      path,
      `#!/bin/bash\necho "$*" >> "${dir}/${name}.log"\nprintf '%s' "\${STUB_${upper}_OUT:-}"\nprintf '%s' "\${STUB_${upper}_ERR:-}" >&2\nexit "\${STUB_${upper}_STATUS:-0}"\n`,
    );
    chmodSync(path, 0o755);
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary'), '');
  writeFileSync(join(dir, 'step.sh'), s.run!);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', 'step.sh'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 10_000,
    env: {
      PATH: `${dir}:${process.env['PATH']}`,
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      ...s.env,
      ...env,
    },
  });
  const read = (name: string): string => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
  return {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    dir,
    output: read('output'),
    summary: read('summary'),
    gh: read('gh.log')
      .split('\n')
      .filter((l) => l !== ''),
  };
}

describe("review.yml: the goal changes step tells diff's exit codes apart", () => {
  const diff = step('Goal changes');
  const markdown = '## Goal changes\n\n- **ig-followers-q2** target lowered\n';

  it("0 and 1 (a goalpost moved) keep the report, marked for the bot's own comment", () => {
    for (const code of ['0', '1']) {
      const r = runStep(diff, { STUB_NPM_OUT: markdown, STUB_NPM_STATUS: code, BASE_REF: 'main' });
      expect(r.status).toBe(0);
      expect(r.output).toContain(`status=${code}`);
      expect(readFileSync(join(r.dir, 'comment.md'), 'utf8')).toBe(`${MARKER}\n${markdown}`);
      expect(r.summary).toContain('target lowered');
    }
  });

  it('2 (cannot compare) is no moved goalpost: no comment, the error in the summary', () => {
    const r = runStep(diff, { STUB_NPM_ERR: "goalpost: no commit named 'origin/main'", STUB_NPM_STATUS: '2', BASE_REF: 'main' });
    expect(r.output).toContain('status=2');
    expect(existsSync(join(r.dir, 'comment.md'))).toBe(false);
    expect(r.summary).toContain('could not be compared');
    expect(r.summary).toContain("no commit named 'origin/main'");
  });

  it('1 with no report (a usage mistake or a crash) is an error, not a moved goalpost', () => {
    const r = runStep(diff, { STUB_NPM_ERR: 'goalpost: unknown option', STUB_NPM_STATUS: '1', BASE_REF: 'main' });
    expect(r.output).toContain('status=error');
    expect(existsSync(join(r.dir, 'comment.md'))).toBe(false);
  });

  it('passes the base ref through the environment, never into the script text', () => {
    for (const s of steps(review)) if (s.run) expect(s.run).not.toContain('${{');
  });
});

describe("review.yml: one comment of the bot's own, or the job summary", () => {
  const comment = step('Comment on the pull request');
  const files = { 'comment.md': `${MARKER}\n## Goal changes\n` };
  const base = { REPO: 'team/reports', PR: '7', FROM_FORK: 'false', GH_TOKEN: 'x' };

  it('runs only when diff compared (0 or 1), so an error posts no empty comment', () => {
    expect(comment.if).toBe("steps.diff.outputs.status == '0' || steps.diff.outputs.status == '1'");
  });

  it('updates the comment found by the marker instead of the last one the bot wrote', () => {
    expect(review.jobs['review']!.steps.some((s) => s.run?.includes('--edit-last'))).toBe(false);
    expect(comment.run).toContain(`select(.user.login == "github-actions[bot]" and (.body | startswith("${MARKER}")))`);
    const r = runStep(comment, { ...base, STUB_GH_OUT: '4242\n' }, files);
    expect(r.status).toBe(0);
    expect(r.gh[1]).toBe('api --method PATCH repos/team/reports/issues/comments/4242 -F body=@comment.md');
  });

  it('comments anew when there is no marked comment yet', () => {
    const r = runStep(comment, base, files);
    expect(r.status).toBe(0);
    expect(r.gh[0]).toMatch(/^api --paginate repos\/team\/reports\/issues\/7\/comments --jq /);
    expect(r.gh[1]).toBe('pr comment 7 --repo team/reports --body-file comment.md');
  });

  it('on a fork, writes the job summary and never tries the token', () => {
    const r = runStep(comment, { ...base, FROM_FORK: 'true' }, files);
    expect(r.status).toBe(0);
    expect(r.gh).toEqual([]);
    expect(r.summary).toContain('the goal changes are in the job summary');
  });

  it('a comment the token may not post is a warning, not a red check', () => {
    const r = runStep(comment, { ...base, STUB_GH_STATUS: '1' }, files);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('::warning::');
  });
});

describe('review.yml: the failing step says what happened', () => {
  const fail = step('Fail when');
  it.each([
    ['1', 'A goalpost moved after its period began'],
    ['2', 'The goals could not be compared'],
    ['error', 'goalpost diff failed'],
  ])('status %s', (status, message) => {
    const r = runStep(fail, { STATUS: status });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`::error::${message}`);
    if (status !== '1') expect(r.stdout).not.toContain('moved');
  });
});

describe('both workflows use actions that run on Node 24', () => {
  // The first major release of each that runs on Node 24 (the Node 20 ones are retired).
  const NODE24: Record<string, number> = {
    'actions/checkout': 5,
    'actions/setup-node': 5,
    'actions/upload-pages-artifact': 5,
    'actions/deploy-pages': 5,
  };
  it.each(['review.yml', 'deploy.yml'])('%s', (name) => {
    const uses = steps(load(name)).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      const [action, version] = u.split('@') as [string, string];
      expect(NODE24[action], `${u}: an action this test does not know`).toBeDefined();
      expect(Number(/^v(\d+)/.exec(version)?.[1]), u).toBeGreaterThanOrEqual(NODE24[action]!);
    }
    for (const s of steps(load(name)))
      if (s.uses?.startsWith('actions/setup-node')) expect(Number(s.with?.['node-version'])).toBeGreaterThanOrEqual(24);
  });
});
