/**
 * The project the integration validated before the build, handed to the pages of the same
 * build so that the content is read and validated once per build, not twice. Keyed by the
 * content root; only a build hands it over (the dev server reloads content as it changes).
 * With it may come the salt of the pages' cache keys (the digest of Goalpost's code), when the
 * build may skip pages whose key is unchanged.
 */
import type { Project } from '../core/project.ts';

const KEY = Symbol.for('goalpost.validatedProject');

interface Handoff {
  readonly root: string;
  readonly project: Project;
  readonly pageKeySalt: string | null;
}

/** Keeps the project validated for `root` for the pages of this build (and the salt of their cache keys, if pages may be skipped). */
export function handOver(root: string, project: Project, pageKeySalt: string | null = null): void {
  (globalThis as Record<symbol, unknown>)[KEY] = { root, project, pageKeySalt } satisfies Handoff;
}

function handoff(root: string): Handoff | null {
  const handed = (globalThis as Record<symbol, unknown>)[KEY] as Handoff | undefined;
  return handed && handed.root === root ? handed : null;
}

/** The project validated for `root` earlier in this process, if any. */
export function takeOver(root: string): Project | null {
  return handoff(root)?.project ?? null;
}

/** The salt of the pages' cache keys handed over for `root`; null when this build renders every page. */
export function pageKeySalt(root: string): string | null {
  return handoff(root)?.pageKeySalt ?? null;
}
