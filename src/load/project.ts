/**
 * Loads a content root (SPEC "The repository a team works in"): site settings, metric
 * files and goals, validated together. Either every problem of every file, sorted, or
 * the project: nothing is half-loaded.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Day, parseIsoDate } from '../core/dates.ts';
import { MetricIndex } from '../core/metricIndex.ts';
import { KpiSet } from '../core/kpis.ts';
import { declaredMetricKpi, metricTable } from '../core/metrics.ts';
import type { Project } from '../core/project.ts';
import { listFiles, readSources, type SourceFile } from './files.ts';
import { loadData, reportUndeclared } from './data.ts';
import { loadGoals } from './goals.ts';
import { checkOverlaps, checkUniqueParts } from './overlaps.ts';
import { checkPartialRows } from './partialRows.ts';
import { checkPlausibility, checkThroughPlausibility } from './plausibility.ts';
import { checkExportGaps } from './exportGaps.ts';
import { emptyExports, noteEmptyContradicted, noteEmptyCoveringNothing } from './emptyExports.ts';
import { checkFollowsGaps, checkNegativeCounts } from './followsGaps.ts';
import { checkMetricStarts } from './metricStarts.ts';
import { checkCoarseHoles, checkExportHoles, checkUniqueLeftOut } from './exportHoles.ts';
import { addProblem, isNote, type Problem, sortProblems } from './problems.ts';
import { checkImplicitBaselines } from './targets.ts';
import { checkUnsettled } from './unsettled.ts';
import { checkExportEnds } from './exportEnds.ts';
import { checkFeeds } from './feeds.ts';
import { noteAchievability } from './achievable.ts';
import { loadSite, noteRatesAcrossChannels, SITE_FILE } from './site.ts';
import { fingerprintInputs } from './fingerprint.ts';
import { loadReports, REPORTS_DIR } from './reports.ts';
import { formerChannelLabels, snapshotsAtCommits } from './snapshotCommits.ts';
import { NARRATIVES_DIR, withNarratives } from '../site/narrativeCheck.ts';

/** Notes (warnings) come with either outcome: they never fail a load. */
export type Loaded =
  | { readonly ok: true; readonly project: Project; readonly notes: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly notes: readonly Problem[] };

export type LoadResult = Loaded & { readonly files: readonly string[] };

export { contentRoot } from './root.ts';

/** Whether something (a file, or a link even to nothing) is at a path. */
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A problem when the content root is not a folder, or is a folder with none of `content/`,
 * `goals/`, `data/` and `reports/` (a mistyped GOALPOST_ROOT, or a command run from a sub-folder,
 * would otherwise validate as an empty, valid root, and `import` would start a new one there),
 * else null.
 */
export async function checkRoot(root: string): Promise<Problem | null> {
  const at = (message: string): Problem => ({ file: root, line: 1, column: 1, message });
  try {
    if (!(await stat(root)).isDirectory()) {
      return at(
        `the content root is not a folder (GOALPOST_ROOT=${root}): point GOALPOST_ROOT at the folder holding content/, goals/ and data/`,
      );
    }
  } catch {
    return at(
      `the content root does not exist (GOALPOST_ROOT=${root}): point GOALPOST_ROOT at the folder holding content/, goals/ and data/`,
    );
  }
  const found = await Promise.all(['content', 'goals', 'data', REPORTS_DIR].map((name) => exists(join(root, name))));
  if (found.some(Boolean)) return null;
  return at(
    "this folder holds none of content/, goals/, data/ and reports/, so it is not a Goalpost repo: run the command in your repo's " +
      'top folder (or point GOALPOST_ROOT at it), or make one with `npx goalpost init`',
  );
}

/** The names of the regular files (not hidden ones) directly in a folder; none when it cannot be read. */
async function filesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Notes on files in the content folders that nothing reads (a `site.yml`, a `q3.csv`, a
 * narrative in a sub-folder or as `.md`): a team that put a file there meant it to count.
 */
function unreadNotes(
  skipped: { goals: string[]; data: string[]; reports: string[]; narratives: string[] },
  content: readonly string[],
): Problem[] {
  const note = (file: string, message: string): Problem => ({ file, line: 1, column: 1, severity: 'note', message });
  return [
    ...content.map((name) =>
      note(
        `content/${name}`,
        `not read: content/ holds the site settings (content/site.yaml) and the narratives (content/reports/<yyyy-qn>.mdx)`,
      ),
    ),
    ...skipped.goals.map((path) => note(path, 'not read: goals files end in .yaml or .yml')),
    ...skipped.data.map((path) =>
      note(path, 'not read: metric files end in .json; a platform download goes through `goalpost import`'),
    ),
    ...skipped.reports.map((path) => note(path, 'not read: frozen report versions are .json files written by `goalpost freeze`')),
    ...skipped.narratives.map((path) =>
      note(
        path,
        `not read: a narrative is content/reports/<yyyy-qn>.mdx, directly in ${NARRATIVES_DIR}/ (e.g. content/reports/2026-q2.mdx)`,
      ),
    ),
  ];
}

/** Reads and validates every content file under `root`. */
export async function loadProject(root: string): Promise<LoadResult> {
  const missing = await checkRoot(root);
  if (missing) return { ok: false, problems: [missing], notes: [], files: [] };
  // Only regular files inside the root are read; anything else is a problem of its own (SPEC "Robustness").
  const unread: Problem[] = [];
  const skipped = { goals: [] as string[], data: [] as string[], reports: [] as string[], narratives: [] as string[] };
  const [goalPaths, dataPaths, reportPaths, hasSite, narrativePaths, contentFiles] = await Promise.all([
    listFiles(root, 'goals', ['.yaml', '.yml'], unread, skipped.goals),
    listFiles(root, 'data', ['.json'], unread, skipped.data),
    listFiles(root, REPORTS_DIR, ['.json'], unread, skipped.reports),
    exists(join(root, SITE_FILE)),
    // The narratives the site renders: content/reports/*.mdx (not in sub-folders).
    listFiles(root, NARRATIVES_DIR, ['.mdx'], unread, skipped.narratives).then((paths) => {
      skipped.narratives.push(...paths.filter((p) => p.slice(NARRATIVES_DIR.length + 1).includes('/')));
      return paths.filter((p) => !p.slice(NARRATIVES_DIR.length + 1).includes('/'));
    }),
    filesIn(join(root, 'content')),
  ]);
  unread.push(
    ...unreadNotes(
      skipped,
      contentFiles.filter((name) => `content/${name}` !== SITE_FILE),
    ),
  );
  const goalFiles = await readSources(root, goalPaths, unread);
  const dataFiles = await readSources(root, dataPaths, unread);
  const reportFiles = await readSources(root, reportPaths, unread);
  const siteFiles = await readSources(root, hasSite ? [SITE_FILE] : [], unread);
  const narrativeFiles = await readSources(root, narrativePaths, unread);
  const files = [...siteFiles, ...goalFiles, ...dataFiles, ...reportFiles].map((f) => f.path);
  const loaded = withFormerChannels(root, loadFromSources(siteFiles[0] ?? null, goalFiles, dataFiles, reportFiles, unread));
  return { ...withNarratives(checkedAtCommits(root, loaded, reportFiles), narrativeFiles), files };
}

/** A load whose settings label the channels its frozen reports name that no setting names today (see `formerChannelLabels`). */
function withFormerChannels(root: string, loaded: Loaded): Loaded {
  if (!loaded.ok || loaded.project.reports.length === 0) return loaded;
  const { project } = loaded;
  const labels = formerChannelLabels(root, project.reports, project.site);
  if (Object.keys(labels).length === 0) return loaded;
  return { ...loaded, project: { ...project, site: { ...project.site, formerChannels: labels } } };
}

/** A load whose frozen reports were computed again at their commits (see `snapshotsAtCommits`). */
function checkedAtCommits(root: string, loaded: Loaded, reportFiles: readonly SourceFile[]): Loaded {
  if (!loaded.ok || loaded.project.reports.length === 0) return loaded;
  const found = snapshotsAtCommits(root, loaded.project.reports, reportFiles, (files) => {
    const result = loadFromSources(files.site, files.goals, files.data);
    return result.ok ? result.project : null;
  });
  if (found.length === 0) return loaded;
  const notes = sortProblems([...loaded.notes, ...found.filter(isNote)]);
  const errors = found.filter((p) => !isNote(p));
  if (errors.length === 0) return { ...loaded, notes };
  return { ok: false, problems: sortProblems(errors), notes };
}

/** Validates content already read into memory (the pure part of loading). */
export function loadFromSources(
  siteFile: SourceFile | null,
  goalFiles: readonly SourceFile[],
  dataFiles: readonly SourceFile[],
  reportFiles: readonly SourceFile[] = [],
  /** Problems met while reading (files that were not read). */
  unread: readonly Problem[] = [],
): Loaded {
  const problems: Problem[] = [];
  for (const p of unread) addProblem(problems, p);
  const { site, declaredChannels, metrics: declared, named, reporter: siteReporter } = loadSite(siteFile, problems);
  const declaredChannelIds = Object.keys(site.channels).sort();
  const data = loadData(
    dataFiles,
    {
      metrics: metricTable(declared),
      channels: declaredChannels ? declaredChannelIds : null,
      currency: site.currency,
    },
    problems,
  );
  checkPlausibility(data.rows, data.reporters);
  checkThroughPlausibility(data.sources, data.rows, data.reporters);
  const metrics = metricTable([...declared, ...data.discovered]);
  checkExportHoles(data.rows, metrics, data.reporters);
  checkCoarseHoles(data.rows, metrics, data.reporters);
  checkUniqueLeftOut(data.rows, metrics, data.reporters);
  checkOverlaps(data.rows, metrics, data.reporters);
  checkUniqueParts(data.rows, metrics, data.reporters);
  const through = new Map<string, Day>();
  const from = new Map<string, Day>();
  for (const source of data.sources) {
    const last = source.through === null ? null : parseIsoDate(source.through);
    if (last?.ok) through.set(source.file, last.day);
    const first = source.from === null ? null : parseIsoDate(source.from);
    if (first?.ok) from.set(source.file, first.day);
  }
  const empty = emptyExports(data.sources, data.rows, data.reporters);
  const { index, duplicates } = MetricIndex.build(data.rows, metrics, through, from, empty);
  noteRatesAcrossChannels(declared, (id) => index.channels.filter((c) => index.has(id, [c])), siteReporter);
  checkExportEnds(data.rows, through, index, data.reporters);
  checkExportGaps(data.rows, through, from, data.reporters, index, empty);
  noteEmptyCoveringNothing(empty, index, data.reporters);
  noteEmptyContradicted(empty, data.rows, index, data.reporters);
  checkMetricStarts(data.rows, index, data.reporters);
  checkFollowsGaps(data.rows, index, data.reporters);
  checkNegativeCounts(data.rows, index, data.reporters);
  for (const d of duplicates) {
    const first = data.reporters.get(d.first.file)!;
    const second = data.reporters.get(d.second.file)!;
    second.at(
      ['rows', d.second.row, d.metric],
      () =>
        `${d.channel} ${d.period} '${d.metric}' is given twice: ` +
        `also at ${first.where(['rows', d.first.row, d.metric], 'key')}; keep one of them`,
      'key',
    );
  }
  const channels = declaredChannels ? declaredChannelIds : index.channels;
  const goals = loadGoals(goalFiles, { channels, metrics: metrics.ids(), declaredMetrics: declared.map((m) => m.id) }, problems);
  reportUndeclared(data, [...metricTable(declared).ids(), ...goals.formulaNames], new Set([...goals.formulaNames, ...named]));
  const customKpis = [...declared.map(declaredMetricKpi), ...goals.customKpis];
  // Only on content that is otherwise valid: on broken data the figure it compares with is not trustworthy.
  if (!problems.some((p) => !isNote(p))) {
    const engine = {
      index,
      kpis: new KpiSet(index, customKpis),
      settings: { customerLtv: site.customerLtv },
      windows: new Map(),
    };
    checkImplicitBaselines(engine, goals.goals, goals.places, site);
    checkFeeds(engine, goals.goals, goals.places);
    checkPartialRows(engine, goals.goals, goals.places);
    checkUnsettled(engine, goals.goals, goals.places);
    noteAchievability(engine, goals.goals, goals.places, site);
  }
  const reports = loadReports(reportFiles, problems);
  const notes = sortProblems(problems.filter(isNote));
  const errors = problems.filter((p) => !isNote(p));
  if (errors.length > 0) return { ok: false, problems: sortProblems(errors), notes };
  return {
    ok: true,
    project: {
      site,
      objectives: goals.objectives,
      goals: goals.goals,
      customKpis,
      index,
      sources: data.sources,
      reports,
      inputs: fingerprintInputs([...(siteFile ? [siteFile] : []), ...goalFiles, ...dataFiles]),
    },
    notes,
  };
}
