import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects: unit + integration in Node (real SQLite, real workbooks), component tests in
// jsdom, end-to-end in Debian's Chromium against the production renderer build.
export default defineConfig({
  test: {
    globals: true,
    // Vitest's default is one worker less than the cores: one on CI's two cores, every file in
    // turn (16 min). Much of a test's time is waiting (LibreOffice, Chromium, PostgreSQL, SQLite
    // on disk), so two files side by side take about 11 min there. The e2e project still runs
    // its files one at a time (fileParallelism: false), after the others.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          // One throwaway PostgreSQL cluster per run for the storage tests on both engines
          // (tests/helpers/engines.ts); absent binaries skip the PostgreSQL variants, named so.
          globalSetup: ['tests/helpers/pgGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // A team on one server in the browser (tests/e2e/team.test.ts) uses the same cluster.
          globalSetup: ['tests/helpers/pgGlobalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // The app answers over the real handler table; on a loaded two-core machine an update
          // took 1.3 s, past expect.poll's 1 s default. Polls wait until they hold, so a longer
          // limit only makes a real failure slower to report, never a pass easier.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
