/** Narratives: `content/reports/<yyyy-qn>.mdx` under the content root, one per quarter, optional. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot } from './load/root.ts';

const dir = join(contentRoot(), 'content/reports');

export const collections = {
  reports: defineCollection({
    loader: existsSync(dir)
      ? glob({ pattern: '*.mdx', base: dir, generateId: ({ entry }) => entry.replace(/\.mdx$/, '').toLowerCase() })
      : async () => [],
  }),
};
