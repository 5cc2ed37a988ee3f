import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The package test packs, installs and builds (about two minutes): `npm run test:package`.
    exclude: ['test/package/**', '**/node_modules/**'],
    testTimeout: 60_000,
    // A scratch TMPDIR for the run, removed at its end (test/globalSetup.ts).
    globalSetup: ['test/globalSetup.ts'],
  },
});
