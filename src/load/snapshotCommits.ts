/**
 * Frozen reports checked against the content they were frozen from: where a snapshot names a
 * commit that the repository has, and the input files at that commit are the ones it was
 * frozen from, its figures are computed again; figures that differ are an error when the goalpost
 * that froze it had this core (the same code computes the same figures: a hand edit), else a note
 * (a newer goalpost may compute them otherwise: an upgrade must not break a repo's build, and a
 * frozen version keeps what was published), as is what cannot be checked (no git, a commit the repository lacks, a
 * freeze from uncommitted changes). An input file recorded otherwise than its commit holds, though
 * the snapshot says it had no uncommitted changes, is an error. The edge between git and the pure
 * checks of core/snapshotChecks.ts.
 */
import { buildReport } from '../core/report.ts';
import { parseQuarter } from '../core/periods.ts';
import { createEngine, type Project, type SiteSettings } from '../core/project.ts';
import type { FrozenReport } from '../core/snapshot.ts';
import { recomputedDifferences } from '../core/snapshotChecks.ts';
import { contentAt, filesAt, inRepository, type RefContent, refExists } from '../git/files.ts';
import type { SourceFile } from './files.ts';
import { fingerprintInputs } from './fingerprint.ts';
import { goalpostBuild } from './goalpostBuild.ts';
import { parseJson } from './locate.ts';
import type { Problem } from './problems.ts';
import { loadSite, SITE_FILE } from './site.ts';

/** Validates content read at a commit: its project, or null when it does not validate. */
export type LoadContent = (files: RefContent) => Project | null;

type AtCommit = { ok: true; project: Project; fingerprint: string; files: Record<string, string> } | { ok: false };

/**
 * Problems of frozen reports against their commits: figures that differ from the same figures
 * computed again from the content they were frozen from are one note per version; an input file
 * the snapshot records otherwise than its commit an error; what cannot be checked a note.
 */
export function snapshotsAtCommits(
  root: string,
  reports: readonly FrozenReport[],
  reportFiles: readonly SourceFile[],
  load: LoadContent,
): Problem[] {
  const out: Problem[] = [];
  const withCommit = reports.filter((r) => r.snapshot.commit !== null);
  if (withCommit.length === 0) return out;
  const git = inRepository(root);
  const loadedAt = new Map<string, AtCommit>();
  for (const { file, snapshot } of withCommit) {
    const commit = snapshot.commit!;
    const text = reportFiles.find((f) => f.path === file)?.text ?? '';
    const parsed = parseJson(text);
    const at = (path: ReadonlyArray<string | number>, message: string, note: boolean) =>
      out.push({
        file,
        ...(parsed.ok ? parsed.locator.locate([...path]) : { line: 1, column: 1 }),
        message,
        ...(note ? { severity: 'note' as const } : {}),
      });
    const unchecked = `its figures could not be checked against the content it was frozen from (commit ${commit.slice(0, 12)})`;
    if (!git) {
      at(['commit'], `${unchecked}: the content root is not in a git repository`, true);
      continue;
    }
    if (!/^[0-9a-f]{40}$/.test(commit) || !refExists(root, commit)) {
      at(['commit'], `${unchecked}: the repository does not have that commit (a shallow clone, or rewritten history)`, true);
      continue;
    }
    let content = loadedAt.get(commit);
    if (!content) {
      content = loadAt(root, commit, load);
      loadedAt.set(commit, content);
    }
    if (!content.ok) {
      at(['commit'], `${unchecked}: the content at that commit does not validate with this version of goalpost`, true);
      continue;
    }
    const frozenFiles = snapshot.inputs.files;
    const paths = new Set([...Object.keys(frozenFiles), ...Object.keys(content.files)]);
    if (content.fingerprint !== snapshot.inputs.fingerprint || [...paths].some((p) => frozenFiles[p] !== content.files[p])) {
      // A file the commit holds whose text the snapshot records otherwise: git would have seen the change.
      const changed = Object.keys(frozenFiles).find((p) => content.files[p] !== undefined && content.files[p] !== frozenFiles[p]);
      if (!snapshot.uncommitted_changes && changed !== undefined) {
        at(
          ['inputs', 'files', changed],
          `${changed} is not the file of commit ${commit.slice(0, 12)}, although the snapshot says it was frozen without uncommitted changes: ` +
            'the snapshot was edited by hand; restore it from git or freeze the quarter again',
          false,
        );
      } else {
        at(
          ['inputs'],
          `${unchecked}: it was frozen from input files that differ from that commit's (uncommitted or untracked changes)`,
          true,
        );
      }
      continue;
    }
    // The currency its amounts are in is the site's of that commit: another was written by hand.
    const siteCurrency = content.project.site.currency;
    if (snapshot.currency !== undefined && snapshot.currency !== siteCurrency) {
      at(
        ['currency'],
        `currency is '${snapshot.currency}' in the snapshot but the site's currency at commit ${commit.slice(0, 12)}, which it was frozen from, is '${siteCurrency}': ` +
          'the snapshot was edited by hand; restore it from git or freeze the quarter again',
        false,
      );
      continue;
    }
    const quarter = parseQuarter(snapshot.quarter);
    if (!quarter.ok) continue;
    const engine = createEngine(content.project);
    const differences = Object.entries(snapshot.figures).flatMap(([scope, figures]) =>
      recomputedDifferences(
        scope,
        figures,
        { report: buildReport(content.project, engine, { quarter: quarter.period, channel: scope === 'all' ? null : scope }) },
        commit,
      ),
    );
    const [first] = differences;
    if (!first) continue;
    const n = differences.length;
    const figures = `${n} figure${n === 1 ? '' : 's'} of this frozen version differ${n === 1 ? 's' : ''} from the same figure${n === 1 ? '' : 's'}`;
    const frozenBy = snapshot.goalpost;
    if (frozenBy && frozenBy.core === goalpostBuild().core) {
      // The same core at the same commit computes the same figures: the snapshot was changed since it was frozen.
      at(
        first.path,
        `${figures} computed again at its commit by the goalpost that froze it (${frozenBy.version}, core ${frozenBy.core}; first: ${first.message}): ` +
          `the snapshot was edited by hand; restore it from git (\`git log -p ${file}\` shows the edit) or freeze the quarter again`,
        false,
      );
      continue;
    }
    // A note, not an error: an upgrade of goalpost that computes a figure otherwise would otherwise break every
    // build of a repo with frozen reports, and a frozen report keeps what was published (its pages say what
    // today's goalpost and data would restate). A hand edit shows in the snapshot's git history.
    at(
      first.path,
      `${figures} computed again by this version of goalpost (first: ${first.message}): the version keeps what was frozen; either goalpost ` +
        `computes ${n === 1 ? 'it' : 'them'} otherwise since it was frozen${frozenBy ? ` (frozen by ${frozenBy.version}, core ${frozenBy.core})` : ''} (its pages say what today's figures would restate), or the ` +
        `snapshot was edited by hand: \`git log -p ${file}\` shows which`,
      true,
    );
  }
  return out;
}

/** The content at a commit, validated, with the fingerprint of its input files. */
function loadAt(root: string, commit: string, load: LoadContent): AtCommit {
  try {
    const files = contentAt(root, commit);
    const project = load(files);
    if (!project) return { ok: false };
    const inputs = fingerprintInputs([...(files.site ? [files.site] : []), ...files.goals, ...files.data]);
    return { ok: true, project, fingerprint: inputs.fingerprint, files: { ...inputs.files } };
  } catch {
    return { ok: false };
  }
}

/**
 * The labels of channels that frozen reports name and today's settings do not (a channel renamed
 * since a freeze), from the settings at each report's commit, the newest report first; none
 * outside git or for a commit the repository lacks.
 */
export function formerChannelLabels(root: string, reports: readonly FrozenReport[], site: SiteSettings): Record<string, string> {
  const out: Record<string, string> = {};
  const wanted = (r: FrozenReport) =>
    Object.keys(r.snapshot.figures).filter((c) => c !== 'all' && !Object.hasOwn(site.channels, c));
  const pending = [...reports].reverse().filter((r) => r.snapshot.commit !== null && wanted(r).length > 0);
  if (pending.length === 0 || !inRepository(root)) return out;
  const byCommit = new Map<string, SiteSettings['channels']>();
  for (const report of pending) {
    const commit = report.snapshot.commit!;
    let channels = byCommit.get(commit);
    if (!channels) {
      channels = {};
      try {
        if (/^[0-9a-f]{40}$/.test(commit) && refExists(root, commit)) {
          const file = filesAt(root, commit, [SITE_FILE]).find((f) => f.path === SITE_FILE) ?? null;
          if (file) channels = loadSite(file, []).site.channels;
        }
      } catch {
        // Unreadable at that commit: today's label (the id) stays.
      }
      byCommit.set(commit, channels);
    }
    for (const c of wanted(report)) {
      const label = Object.hasOwn(channels, c) ? channels[c]!.label : undefined;
      if (label && !Object.hasOwn(out, c)) out[c] = label;
    }
  }
  return out;
}
