import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import type { WorkerOptions } from './tests/e2e/support/fixtures.js';

// The OS Chromium (Debian: /usr/bin/chromium) when present, so CI needs no browser download;
// otherwise Playwright's own (after `npx playwright install chromium`).
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

const port = Number(process.env.E2E_PORT ?? 3999);

export default defineConfig<WorkerOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // One server with one database for the whole run, on one worker. The first-run setup journey (01)
  // must meet an empty database, so it runs first (file order). Every other spec makes its own
  // organisation, users, sessions and data through the fixture in tests/e2e/support/fixtures.ts,
  // so it runs alone and in any order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './tests/e2e/support/global-setup.ts',
  // Separate artefact folders per port: Playwright empties its outputDir at the start of a run.
  outputDir: process.env.E2E_PORT ? `test-results-${process.env.E2E_PORT}` : 'test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    ...devices['Desktop Chrome'],
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Every spec on the SQLite server; the heart of the product (a household scored and finalised)
  // also on the PostgreSQL server that the global setup starts beside it (decision 017).
  projects: [
    { name: 'sqlite', use: { database: 'sqlite' } },
    { name: 'postgres', testMatch: '04-household-balance.spec.ts', use: { database: 'postgres', baseURL: `http://localhost:${port + 1}` } },
  ],
});
