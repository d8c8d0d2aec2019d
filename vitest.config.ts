import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/helpers/dom-test-setup.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', 'tests/server/**'],
        },
      },
      {
        // The team server's API against PGlite, and against PostgreSQL too when
        // MOATSCORE_TEST_DATABASE_URL is set. Each server listens on an ephemeral port.
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Browser tests against the built app. The global setup builds and serves it once
        // per run, and only runs when an e2e file is part of the run.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/harness/server.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
