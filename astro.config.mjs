// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import goalpost from './src/integration/index.ts';

export default defineConfig({
  integrations: [goalpost(), mdx()],
  trailingSlash: 'always',
  build: { format: 'directory' },
});
