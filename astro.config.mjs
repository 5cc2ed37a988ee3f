// @ts-check
// This repository's site is configured exactly as a team's (`goalpost init` writes the same file with
// `import goalpost from 'goalpost'`): the integration brings the pages, MDX and the build settings.
// The import is by relative path to the integration's source, because the package's `exports` points
// at the compiled JavaScript (`dist-pkg/`, built by `npm pack`) that Node needs under node_modules.
import { defineConfig } from 'astro/config';
import goalpost from './src/integration/index.ts';

export default defineConfig({
  integrations: [goalpost()],
});
