/**
 * Where the content root is. Its own module, so that what needs only this (the narratives'
 * content collection, which Astro's type generation loads through Vite) does not load the loader.
 */
import { resolve } from 'node:path';

/** The content root: `GOALPOST_ROOT` if set (relative to the working directory), else the working directory. */
export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return resolve(cwd, env['GOALPOST_ROOT'] || '.');
}
