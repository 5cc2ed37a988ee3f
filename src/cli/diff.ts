import { parseIsoDate } from '../core/dates.ts';
import type { Goal } from '../core/goals.ts';
import { createEngine, withCustomKpis } from '../core/project.ts';
import { commitInfo, contentAt, GitError, inRepository, refExists } from '../git/files.ts';
import { listFiles, readSources } from '../load/files.ts';
import { problemLine } from './terminal.ts';
import { loadFromSources } from '../load/project.ts';
import { SITE_FILE } from '../load/site.ts';
import { diffGoals, diffKpis, movedGoalposts } from '../review/goalDiff.ts';
import { earlierDefinitions, goalHistory, movedAsCommitted, periodsBegun } from '../review/history.ts';
import { goalVersions } from '../site/history.ts';
import { changesMarkdown } from '../review/markdown.ts';
import { type Io, parseOptions, rootOf, usageError } from './io.ts';

const HELP = `Usage: npm run goalpost -- diff <base> [<head>] [--format markdown|json] [--fail-on-moved]

Compares the goals at two git refs (head: the working tree) and prints the semantic
changes: goals and key results added, removed or renamed; title, KPI, channel, start,
deadline, baseline, target (resolved to numbers with the current data), weight and
milestones changed (old → new); custom KPIs added, removed or redefined (formula, unit,
direction, label); the site's currency changed, on each goal measured in money. Warns where a goalpost moved after the goal's period began (the day it
began as the goal then stood, read from the history up to <base>): a target, baseline or
milestones made easier, a deadline pushed back (or pulled in on a budget cap), a start
moved later (or earlier on a total to reach), the KPI or channel changed, the KPI it is
measured on redefined (its formula, unit or direction), the goal renamed, turned from SMART into OKR (or from OKR into a SMART goal that
scores higher) or removed, an OKR made a stretch objective (green from a score of 0.6
instead of 0.7), or an OKR's key results added, removed or re-weighted in a way that
raises its score.

A range is judged as of <head>: the changes of a pull request take effect when it is merged,
whenever its commits were written.

Options:
  --format <f>       markdown (default, for a pull-request comment) or json
  --fail-on-moved    exit 1 when a goalpost moved (for CI)
  --as-committed     judge each change of a range of merged history as of the commit that
                     made it, as the site does (a start moved in June, before a Q3 goal's
                     period began, is no moved goalpost because the range ends in July)

Exit status: 0 compared (no moved goalpost with --fail-on-moved), 1 a goalpost moved
(with --fail-on-moved) or a usage mistake, 2 cannot compare (an unknown ref, content
that does not validate at either ref, git failing).`;

/** Exit status when the two versions cannot be compared, told apart from 1 (a goalpost moved) in CI. */
const CANNOT_COMPARE = 2;

function cannotCompare(io: Io, message: string): number {
  io.err(`goalpost: ${message}`);
  return CANNOT_COMPARE;
}

/** `goalpost diff`: the semantic changes to goals between two versions. */
export async function runDiff(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseOptions(
    args,
    {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string' },
      'fail-on-moved': { type: 'boolean' },
      'as-committed': { type: 'boolean' },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values['help']) {
    io.out(HELP);
    return 0;
  }
  const format = values['format'] ?? 'markdown';
  if (format !== 'markdown' && format !== 'json')
    return usageError(io, `--format must be markdown or json, not '${String(format)}'`);
  const [base, head, extra] = positionals;
  if (!base || extra) return usageError(io, 'diff takes a base ref and an optional head ref (see --help)');
  const root = rootOf(io);
  try {
    if (!inRepository(root)) {
      return cannotCompare(
        io,
        `${root} is not in a git repository: diff compares the goals of two commits (or a commit and the files as they are); run it in the repo's clone`,
      );
    }
    for (const ref of head ? [base, head] : [base]) {
      if (!refExists(root, ref)) return cannotCompare(io, `no commit named '${ref}' in the repository of ${root}`);
    }
    const baseFiles = contentAt(root, base);
    const headFiles = head ? contentAt(root, head) : await workingTree(root);
    const loaded = [
      ['base', base, baseFiles],
      ['head', head ?? 'working tree', headFiles],
    ] as const;
    const projects = [];
    for (const [, label, files] of loaded) {
      const result = loadFromSources(files.site, files.goals, files.data);
      if (!result.ok) {
        return cannotCompare(io, `the content at ${label} does not validate:\n${result.problems.map(problemLine).join('\n')}`);
      }
      projects.push(result.project);
    }
    const [before, after] = projects as [(typeof projects)[0], (typeof projects)[0]];
    const engine = createEngine(after);
    // The old version is evaluated with its own definitions over the same data: its custom KPIs, its
    // `customer_ltv` and its declared metrics (a stock turned into a flow), so a KPI redefined shows.
    const baseOverHead = loadFromSources(baseFiles.site, baseFiles.goals, headFiles.data);
    const baseEngine = baseOverHead.ok ? createEngine(baseOverHead.project) : withCustomKpis(engine, before.customKpis);
    const today = new Date().toISOString().slice(0, 10);
    const changedOn = parseIsoDate(head ? commitInfo(root, head).date : today);
    const asOf = after.index.dataRange()?.last ?? (changedOn.ok ? changedOn.day : 0);
    // When each goal's period began, and each goal's last definition (one added again is judged against it),
    // from the goals' history up to the base, as the site judges them.
    const versions = goalVersions(root, after, commitInfo(root, base).hash);
    const judged = diffGoals(before.goals, after.goals, {
      engine,
      baseEngine,
      currencies: { old: before.site.currency, new: after.site.currency },
      asOf,
      changedOn: changedOn.ok ? changedOn.day : asOf,
      began: periodsBegun(versions),
      earlier: earlierDefinitions(versions),
    });
    // A range of commits: each change is a moved goalpost only if a commit in it made it so, judged on its own
    // date as the site judges it (edits made before the period began stay plain, whatever the head's date).
    const changes =
      head && values['as-committed']
        ? movedAsCommitted(judged, goalHistory(goalVersions(root, after, commitInfo(root, head).hash), engine, asOf), versions)
        : judged;
    const kpiChanges = diffKpis(before.customKpis, after.customKpis);
    if (format === 'json') {
      io.out(JSON.stringify({ base, head: head ?? 'working tree', changes, kpi_changes: kpiChanges }, null, 2));
    } else {
      const goals = new Map<string, Goal>([
        ...before.goals.map((g) => [g.id, g] as const),
        ...after.goals.map((g) => [g.id, g] as const),
      ]);
      io.out(
        changesMarkdown(changes, {
          base,
          head: head ?? 'working tree',
          engine,
          goals,
          format: after.site,
          kpiChanges,
        }),
      );
    }
    return values['fail-on-moved'] && movedGoalposts(changes).length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof GitError) return cannotCompare(io, `git: ${error.message}`);
    throw error;
  }
}

async function workingTree(root: string) {
  const [goals, data, site] = await Promise.all([
    listFiles(root, 'goals', ['.yaml', '.yml']).then((p) => readSources(root, p)),
    listFiles(root, 'data', ['.json']).then((p) => readSources(root, p)),
    listFiles(root, 'content', ['site.yaml']).then((p) =>
      readSources(
        root,
        p.filter((x) => x === SITE_FILE),
      ),
    ),
  ]);
  return { goals, data, site: site[0] ?? null };
}
