import { defineConfig } from '@playwright/test';

/** Debian's Chromium, never a downloaded browser; flags keep it quiet on a machine with no network. */
export const CHROMIUM_PATH = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Generous: tests wait for conditions, and a shared CI machine can be many times slower than a quiet one.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'station-chromium',
      testIgnore: /electron\.spec\.ts/,
      use: { browserName: 'chromium', launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } },
    },
    {
      name: 'electron-app',
      testMatch: /electron\.spec\.ts/,
    },
  ],
});
