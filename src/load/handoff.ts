/**
 * The project the integration validated before the build, handed to the pages of the same
 * build so that the content is read and validated once per build, not twice. Keyed by the
 * content root; only a build hands it over (the dev server reloads content as it changes).
 */
import type { Project } from '../core/project.ts';

const KEY = Symbol.for('goalpost.validatedProject');

interface Handoff {
  readonly root: string;
  readonly project: Project;
}

/** Keeps the project validated for `root` for the pages of this build. */
export function handOver(root: string, project: Project): void {
  (globalThis as Record<symbol, unknown>)[KEY] = { root, project } satisfies Handoff;
}

/** The project validated for `root` earlier in this process, if any. */
export function takeOver(root: string): Project | null {
  const handoff = (globalThis as Record<symbol, unknown>)[KEY] as Handoff | undefined;
  return handoff && handoff.root === root ? handoff.project : null;
}
