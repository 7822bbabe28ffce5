import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

const BROWSER_SUITES = 'test/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's modules instead of importing the app afresh each (≈ 2 s a file on
    // the 2-core machine): the suite takes two thirds of the time, which CI's 30 minutes for two
    // suite runs needs. So a test file must not rely on module state left or changed by another:
    // each builds its own app, store and servers, and puts back any environment it changes.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_SUITES],
          // One Chromium at a time, before the other files: the browser suites keep the whole machine
          // to themselves, as their checks of a responsive page assume, and the web/dist they build
          // when it is missing or stale is there for test/ops/security.test.ts's checks of the build.
          maxWorkers: 1,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts', 'web/src/**/*.test.ts', 'clients/typescript/test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, BROWSER_SUITES],
          // Two workers even on 2 cores (vitest's default there is one): these files spend about half
          // their time waiting (scrypt, fsyncs, child processes starting, connect timeouts), so two
          // side by side take about 0.6 of the time one takes. Files in different workers never share a
          // Redis database (test/support/services.ts), a PostgreSQL database, a port or a file.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
