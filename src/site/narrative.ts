import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSources } from '../load/files.ts';
import { contentRoot } from '../load/project.ts';

/** Whether a quarter has a narrative (`content/reports/<yyyy-qn>.mdx`), checked before reading it. */
export function hasNarrative(slug: string, root: string = contentRoot()): boolean {
  return existsSync(join(root, 'content/reports', `${slug}.mdx`));
}

/** The text of a quarter's narrative, read as validation reads it (inside the root only), or null when it has none. */
export async function narrativeText(slug: string, root: string = contentRoot()): Promise<string | null> {
  if (!hasNarrative(slug, root)) return null;
  const [file] = await readSources(root, [`content/reports/${slug}.mdx`]);
  return file?.text ?? null;
}
