import { defineConfig } from 'vitest/config';

// The whole suite runs twice: on SQLite (the default deployment) and on PostgreSQL (shared
// deployments, docs/decisions/017-postgresql.md). Tests about SQLite itself (pragmas, the file's
// backup, killing a process that writes the file) are named *.sqlite.test.ts and run on SQLite
// only; tests of what only PostgreSQL has (several processes migrating one database at once) are
// named *.postgres.test.ts. Every other test runs on both. `npx vitest run --project sqlite` runs
// one of them.
const tests = ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts', 'tests/integration/**/*.test.tsx'];

export default defineConfig({
  test: {
    environment: 'node',
    // Each test builds its own database (in memory, or a clone on the test cluster), so files can run in parallel safely.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: tests, exclude: ['**/*.postgres.test.ts', '**/node_modules/**'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: tests,
          exclude: ['**/*.sqlite.test.ts', '**/node_modules/**'],
          env: { TEST_DATABASE: 'postgres' },
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          setupFiles: ['tests/support/postgres-setup-file.ts'],
        },
      },
    ],
  },
});
