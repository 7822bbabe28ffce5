import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'web/src/**/*.test.ts', 'clients/typescript/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's modules instead of importing the app afresh each (≈ 2 s a file on
    // the 2-core machine): the suite takes two thirds of the time, which CI's 30 minutes for two
    // suite runs needs. So a test file must not rely on module state left or changed by another:
    // each builds its own app, store and servers, and puts back any environment it changes.
    isolate: false,
  },
});
