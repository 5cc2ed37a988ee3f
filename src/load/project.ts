/**
 * Loads a content root (SPEC "The repository a team works in"): site settings, metric
 * files and goals, validated together. Either every problem of every file, sorted, or
 * the project: nothing is half-loaded.
 */
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MetricIndex } from '../core/metricIndex.ts';
import { metricTable } from '../core/metrics.ts';
import type { Project } from '../core/project.ts';
import { listFiles, readSources, type SourceFile } from './files.ts';
import { loadData } from './data.ts';
import { loadGoals } from './goals.ts';
import { type Problem, sortProblems } from './problems.ts';
import { loadSite, SITE_FILE } from './site.ts';
import { fingerprintInputs } from './fingerprint.ts';
import { loadReports, REPORTS_DIR } from './reports.ts';

export type LoadResult =
  | { readonly ok: true; readonly project: Project; readonly files: readonly string[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly files: readonly string[] };

/** The content root: `GOALPOST_ROOT` if set (relative to the working directory), else the working directory. */
export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return resolve(cwd, env['GOALPOST_ROOT'] || '.');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates every content file under `root`. */
export async function loadProject(root: string): Promise<LoadResult> {
  const [goalPaths, dataPaths, reportPaths, hasSite] = await Promise.all([
    listFiles(root, 'goals', ['.yaml', '.yml']),
    listFiles(root, 'data', ['.json']),
    listFiles(root, REPORTS_DIR, ['.json']),
    exists(join(root, SITE_FILE)),
  ]);
  const [goalFiles, dataFiles, reportFiles, siteFiles] = await Promise.all([
    readSources(root, goalPaths), readSources(root, dataPaths), readSources(root, reportPaths), readSources(root, hasSite ? [SITE_FILE] : []),
  ]);
  const files = [...siteFiles, ...goalFiles, ...dataFiles, ...reportFiles].map((f) => f.path);
  return { ...loadFromSources(siteFiles[0] ?? null, goalFiles, dataFiles, reportFiles), files };
}

/** Validates content already read into memory (the pure part of loading). */
export function loadFromSources(
  siteFile: SourceFile | null, goalFiles: readonly SourceFile[], dataFiles: readonly SourceFile[],
  reportFiles: readonly SourceFile[] = [],
): { ok: true; project: Project } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const { site, declaredChannels, metrics: declared } = loadSite(siteFile, problems);
  const declaredChannelIds = Object.keys(site.channels).sort();
  const data = loadData(dataFiles, {
    metrics: metricTable(declared), channels: declaredChannels ? declaredChannelIds : null, currency: site.currency,
  }, problems);
  const metrics = metricTable([...declared, ...data.discovered]);
  const { index, duplicates } = MetricIndex.build(data.rows, metrics);
  for (const d of duplicates) {
    const first = data.reporters.get(d.first.file)!;
    const second = data.reporters.get(d.second.file)!;
    second.at(['rows', d.second.row, d.metric], `${d.channel} ${d.period} '${d.metric}' is given twice: `
      + `also at ${first.where(['rows', d.first.row, d.metric], 'key')}; keep one of them`, 'key');
  }
  const channels = declaredChannels ? declaredChannelIds : index.channels;
  const goals = loadGoals(goalFiles, { channels, metrics: metrics.ids() }, problems);
  const reports = loadReports(reportFiles, problems);
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return {
    ok: true,
    project: { site, objectives: goals.objectives, goals: goals.goals, customKpis: goals.customKpis, index, sources: data.sources,
      reports, inputs: fingerprintInputs([...(siteFile ? [siteFile] : []), ...goalFiles, ...dataFiles]),
    },
  };
}
