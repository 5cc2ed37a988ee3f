import { defineConfig } from 'vitest/config';

/** `npm run test:package`: the packed tarball installed into repos made by `goalpost init` (slow: packs, installs, builds). */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 180_000,
    // A scratch TMPDIR for the run, removed at its end (test/globalSetup.ts).
    globalSetup: ['test/globalSetup.ts'],
    hookTimeout: 180_000,
  },
});
