import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot } from '../load/project.ts';

/** Whether a quarter has a narrative (`content/reports/<yyyy-qn>.mdx`), checked before asking the collection. */
export function hasNarrative(slug: string): boolean {
  return existsSync(join(contentRoot(), 'content/reports', `${slug}.mdx`));
}
