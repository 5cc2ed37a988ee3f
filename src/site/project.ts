/**
 * The project as the pages see it: loaded once per build from the content root, with
 * its KPI engine. The integration has already validated it; a failure here is a bug.
 */
import type { KpiEngine } from '../core/kpis.ts';
import { createEngine, type Project } from '../core/project.ts';
import { ValidationError } from '../load/problems.ts';
import { contentRoot, loadProject } from '../load/project.ts';
import { takeOver } from '../load/handoff.ts';

export interface SiteModel {
  readonly project: Project;
  readonly engine: KpiEngine;
}

let cached: Promise<SiteModel> | null = null;

/** The validated project and its engine, loaded once (in a build, the one the integration validated). */
export function siteModel(): Promise<SiteModel> {
  const handed = takeOver(contentRoot());
  if (handed) cached ??= Promise.resolve({ project: handed, engine: createEngine(handed) });
  cached ??= loadProject(contentRoot()).then((result) => {
    if (!result.ok) throw new ValidationError(result.problems);
    return { project: result.project, engine: createEngine(result.project) };
  });
  return cached;
}
