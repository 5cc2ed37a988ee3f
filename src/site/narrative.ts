import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSources } from '../load/files.ts';
import { contentRoot } from '../load/project.ts';

/** Whether a quarter has a narrative (`content/reports/<yyyy-qn>.mdx`), checked before asking the collection. */
export function hasNarrative(slug: string): boolean {
  return existsSync(join(contentRoot(), 'content/reports', `${slug}.mdx`));
}

/** The text of a quarter's narrative, read as validation reads it (inside the root only), or null when it has none. */
export async function narrativeText(slug: string): Promise<string | null> {
  if (!hasNarrative(slug)) return null;
  const [file] = await readSources(contentRoot(), [`content/reports/${slug}.mdx`]);
  return file?.text ?? null;
}
