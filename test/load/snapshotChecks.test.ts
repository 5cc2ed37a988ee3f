/**
 * A snapshot edited by hand with its digest computed again (red-team 10 #10) is not the frozen
 * truth: its figures must agree with one another (a goal's actual with the snapshot's own KPI
 * value for the same KPI, channel and days; progress and status with the status rules; each
 * channel's page with the all-channels page), and, where it names a commit the repository has,
 * with the same figures computed again from the content of that commit. What cannot be checked
 * is a note. Snapshots that `freeze` writes on forty real-shaped roots pass every check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/core/freeze.ts';
import { parseQuarter } from '../../src/core/periods.ts';
import { sealSnapshot, type Snapshot } from '../../src/core/snapshot.ts';
import { snapshotInconsistencies } from '../../src/core/snapshotChecks.ts';
import { goalpostBuild } from '../../src/load/goalpostBuild.ts';
import { formatProblem } from '../../src/load/problems.ts';
import { loadProject } from '../../src/load/project.ts';
import { loadRoot } from '../exportsFixture.ts';
import { realShapedRoot } from '../realShapedRoot.ts';
import { run, scratch } from '../versions/helpers.ts';

const Q3 = (() => {
  const q = parseQuarter('2026-Q3');
  if (!q.ok) throw new Error(q.reason);
  return q.period;
})();

const seeds = new Map<number, Snapshot>();

/** A snapshot of a real-shaped root's Q3, as `freeze` builds it. */
function frozenSeed(seed: number): Snapshot {
  const known = seeds.get(seed);
  if (known) return known;
  const files = realShapedRoot(seed);
  const data = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith('data/')));
  const root = loadRoot(files['content/site.yaml']!, files['goals/goals.yaml']!, data);
  if (!root.project || !root.engine) throw new Error(`seed ${seed}: ${root.problems.join('; ')}`);
  const snapshot = buildSnapshot(root.project, root.engine, Q3, {
    version: 1,
    frozenAt: '2026-10-01T09:00:00.000Z',
    commit: null,
    uncommittedChanges: false,
  });
  seeds.set(seed, snapshot);
  return snapshot;
}

/** What the tests edit in a snapshot. */
interface Editable {
  commit: string | null;
  goalpost?: { version: string; core: string };
  inputs: { files: Record<string, string> };
  figures: Record<
    string,
    {
      report: {
        kpis: Record<string, Record<string, { value: number | null }>>;
        goals: Array<{ id: string; actual: number; progress: number | null; status: string }>;
      };
    }
  >;
}

/** A copy of a snapshot with `edit` applied and the digest computed again, as a deliberate hand edit does. */
function redigested(snapshot: Snapshot, edit: (s: Editable) => void): Snapshot {
  const { digest: _, ...content } = structuredClone(snapshot);
  edit(content as unknown as Editable);
  return sealSnapshot(content);
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-07-02T12:00:00Z', GIT_COMMITTER_DATE: '2026-07-02T12:00:00Z' },
  });

/** The basic fixture in a git repository, committed and frozen at that commit (Q2). */
async function frozenInGit(): Promise<{ root: string; path: string }> {
  const root = scratch();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 't@example.com');
  git(root, 'config', 'user.name', 'T');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'content');
  const r = await run(root, ['freeze', '2026-Q2']);
  if (r.status !== 0) throw new Error(r.err);
  return { root, path: join(root, 'reports/2026-q2/v1.json') };
}

/** An edit setting Instagram's engagement rate on every page (so that the snapshot still agrees with itself). */
const everyEngagementRate = (value: number) => (s: Editable) => {
  for (const scope of Object.keys(s.figures)) {
    const cells = s.figures[scope].report.kpis.instagram;
    if (cells?.engagement_rate) cells.engagement_rate.value = value;
  }
};

/** Edits the snapshot file and writes it back with its digest computed again. */
function editFile(path: string, edit: (s: Editable) => void): void {
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  writeFileSync(path, JSON.stringify(redigested(snapshot, edit), null, 2));
}

async function problemsOf(root: string): Promise<{ errors: string[]; notes: string[] }> {
  const loaded = await loadProject(root);
  return { errors: loaded.ok ? [] : loaded.problems.map(formatProblem), notes: loaded.notes.map(formatProblem) };
}

describe('a snapshot checks itself', () => {
  it('passes every check as freeze writes it, on forty real-shaped roots', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const snapshot = frozenSeed(seed);
      expect(snapshot.figures['all']!.report.goals.length, `seed ${seed}`).toBeGreaterThan(0);
      expect(snapshotInconsistencies(snapshot), `seed ${seed}`).toEqual([]);
    }
  });

  it("refuses a goal's actual that is not the snapshot's own KPI value over the same days", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const snapshot = frozenSeed(seed);
      const goals = snapshot.figures['all']!.report.goals;
      const i = goals.findIndex(
        (g) =>
          g.type === 'smart' &&
          g.actual !== null &&
          g.start === '2026-07-01' &&
          typeof g.channel === 'string' &&
          !g.data_to &&
          !g.gaps &&
          snapshot.figures['all']!.report.kpis[g.channel]?.[g.kpi]?.value === g.actual,
      );
      if (i < 0) continue;
      const edited = redigested(snapshot, (s) => {
        const goal = s.figures['all'].report.goals[i];
        goal.actual = goal.actual * 1.2 + 1;
      });
      const found = snapshotInconsistencies(edited);
      expect(found.map((f) => f.path.join('.'))).toContain(`figures.all.report.goals.${i}.actual`);
      expect(found.find((f) => f.path.at(-1) === 'actual')!.message).toMatch(/is not the snapshot's own .* over the same days/);
      return;
    }
    throw new Error('no seed has a goal comparable with a KPI cell');
  });

  it('refuses a status its figures do not give, and a progress its actual and target do not give', () => {
    const plain = (g: Snapshot['figures'][string]['report']['goals'][number]) =>
      g.type === 'smart' &&
      ['missed', 'on_track', 'at_risk', 'off_track'].includes(g.status) &&
      !g.bound &&
      !g.approximate &&
      !g.data_to &&
      !g.ends_early;
    const seed = Array.from({ length: 40 }, (_, i) => i + 1).find((n) => frozenSeed(n).figures['all']!.report.goals.some(plain));
    expect(seed).toBeDefined();
    const snapshot = frozenSeed(seed!);
    const i = snapshot.figures['all']!.report.goals.findIndex(plain);
    const status = redigested(snapshot, (s) => {
      s.figures['all'].report.goals[i].status = 'achieved';
    });
    expect(snapshotInconsistencies(status).map((f) => f.path.join('.'))).toContain(`figures.all.report.goals.${i}.status`);
    const progress = redigested(snapshot, (s) => {
      s.figures['all'].report.goals[i].progress = 1.05;
      s.figures['all'].report.goals[i].status = 'achieved';
    });
    expect(snapshotInconsistencies(progress).map((f) => f.path.join('.'))).toContain(`figures.all.report.goals.${i}.progress`);
  });

  it("refuses a channel's page that disagrees with the all-channels page", () => {
    const snapshot = frozenSeed(1);
    const channel = Object.keys(snapshot.figures).find((s) => s !== 'all')!;
    const edited = redigested(snapshot, (s) => {
      const cell = s.figures[channel]!.report.kpis[channel]!['impressions']!;
      cell.value = (cell.value ?? 0) + 1000;
    });
    expect(snapshotInconsistencies(edited).map((f) => f.path.join('.'))).toContain(
      `figures.${channel}.report.kpis.${channel}.impressions.value`,
    );
  });
});

describe('a snapshot against the content of its commit', () => {
  it('is an error where figures differ from the same figures computed again at its commit by the goalpost that froze it', async () => {
    const { root, path } = await frozenInGit();
    expect(await problemsOf(root)).toEqual({ errors: [], notes: [] });
    expect(JSON.parse(readFileSync(path, 'utf8')).goalpost).toEqual(goalpostBuild());
    // The same edit on every page, so that the snapshot still agrees with itself (and its digest computed again).
    editFile(path, everyEngagementRate(0.5));
    const { errors, notes } = await problemsOf(root);
    expect(notes).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^reports\/2026-q2\/v1\.json:\d+:\d+: \d+ figures of this frozen version differ from the same figures computed again at its commit by the goalpost that froze it \(\S+, core [0-9a-f]{16}; first: engagement_rate of instagram is 0\.5 in the snapshot but [\d.]+ when computed again from commit [0-9a-f]{12}, which it was frozen from\): the snapshot was edited by hand/,
    );
    expect(errors[0]).toContain('git log -p reports/2026-q2/v1.json');
  });

  it('is one note where another goalpost froze it (or none is recorded): an upgrade may compute figures otherwise', async () => {
    for (const frozenBy of [{ version: '0.0.9', core: '0123456789abcdef' }, undefined]) {
      const { root, path } = await frozenInGit();
      editFile(path, (s) => {
        everyEngagementRate(0.5)(s);
        if (frozenBy) s.goalpost = frozenBy;
        else delete s.goalpost;
      });
      // A note, as an upgrade of goalpost that computes a figure otherwise gives one: builds go on.
      const { errors, notes } = await problemsOf(root);
      expect(errors).toEqual([]);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(
        /^reports\/2026-q2\/v1\.json:\d+:\d+: note: \d+ figures of this frozen version differ from the same figures computed again by this version of goalpost \(first: engagement_rate of instagram is 0\.5 in the snapshot but [\d.]+ when computed again from commit [0-9a-f]{12}, which it was frozen from\)/,
      );
      expect(notes[0]).toContain(frozenBy ? '(frozen by 0.0.9, core 0123456789abcdef)' : 'since it was frozen (its pages');
      expect(notes[0]).toContain('git log -p reports/2026-q2/v1.json');
    }
  });

  it("is an error where its currency is not the site's at its commit (red-team 14 #5: a currency edited by hand)", async () => {
    const { root, path } = await frozenInGit();
    expect(JSON.parse(readFileSync(path, 'utf8')).currency).toBe('EUR');
    editFile(path, (s) => {
      (s as unknown as { currency: string }).currency = 'USD';
    });
    const { errors } = await problemsOf(root);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^reports\/2026-q2\/v1\.json:\d+:\d+: currency is 'USD' in the snapshot but the site's currency at commit [0-9a-f]{12}, which it was frozen from, is 'EUR': the snapshot was edited by hand/,
    );
  });

  it("is an error where an input file is not the commit's though the snapshot says it had no uncommitted changes", async () => {
    const { root, path } = await frozenInGit();
    editFile(path, (s) => {
      s.inputs.files['goals/goals.yaml'] = 'sha256:' + '0'.repeat(64);
    });
    const { errors } = await problemsOf(root);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/goals\/goals\.yaml is not the file of commit/);
  });

  it('is a note when the commit cannot be found, or the content root is not in git', async () => {
    const { root, path } = await frozenInGit();
    editFile(path, (s) => {
      s.commit = 'f'.repeat(40);
    });
    const gone = await problemsOf(root);
    expect(gone.errors).toEqual([]);
    expect(gone.notes.join('\n')).toMatch(/could not be checked .* the repository does not have that commit/);

    const plain = mkdtempSync(join(tmpdir(), 'goalpost-nogit-'));
    execFileSync('cp', ['-r', `${root}/content`, `${root}/goals`, `${root}/data`, `${root}/reports`, plain]);
    const outside = await problemsOf(plain);
    expect(outside.errors).toEqual([]);
    expect(outside.notes.join('\n')).toMatch(/could not be checked .* not in a git repository/);

    // Outside git, the snapshot's own checks still hold: the red-team's edit of a goal's actual.
    editFile(join(plain, 'reports/2026-q2/v1.json'), (s) => {
      const goal = s.figures['all']!.report.goals.find((g) => g.id === 'ig-impressions-q2')!;
      goal.actual += 5000;
    });
    const edited = await problemsOf(plain);
    expect(edited.errors.join('\n')).toMatch(
      /reports\/2026-q2\/v1\.json:\d+:\d+: goal 'ig-impressions-q2': its actual \(\d+\) is not the snapshot's own impressions for instagram/,
    );
  });
});
