/**
 * No content collections: a quarter's narrative is compiled as a module of its own
 * (`src/integration/narrativeModules.ts`). Kept so that a repo whose `src/content.config.ts`
 * re-exports `goalpost/content` (as earlier versions of `goalpost init` wrote it) still builds.
 */
export const collections = {};
