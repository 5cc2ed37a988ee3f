/** Narratives: `content/reports/<yyyy-qn>.mdx` under the content root, one per quarter, optional. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { contentRoot } from './load/project.ts';

export const collections = {
  reports: defineCollection({
    loader: glob({ pattern: '*.mdx', base: join(contentRoot(), 'content/reports'), generateId: ({ entry }) => entry.replace(/\.mdx$/, '').toLowerCase() }),
  }),
};
