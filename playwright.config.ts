// End-to-end tests (test/e2e/*.spec.ts): Playwright Test drives the built app (dist/, served by Vite's
// preview server, see test/e2e/fixtures.ts) in the system's Chromium.
//
//   npm run test:e2e                       build, then run every test
//   npx playwright test shell              only test/e2e files whose path matches "shell" (the build must exist)
//   npx playwright test -g "full disk"     only tests whose title matches
//
// Every test also fails on a console error, an uncaught page error, a Content-Security-Policy violation
// or a dialog it did not expect (test/e2e/fixtures.ts). What tests save (screenshots, downloads) goes to
// test-results/e2e/, with the trace and a screenshot of a failed test; the HTML report to
// playwright-report/ (npx playwright show-report).
//
// Environment: CHROME_PATH (browser binary), E2E_TEST_TIMEOUT_MS (per test, default 60000; a long flow
// asks for more), E2E_TIMEOUT_MS (whole run, default 600000). `--workers=1` runs one test at a time.
import { defineConfig } from '@playwright/test';
import { BROWSER_ARGS, NO_BROWSER_MESSAGE, findBrowser } from './test/support/browser.mjs';

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const executablePath = findBrowser();
if (!executablePath) throw new Error(`e2e: ${NO_BROWSER_MESSAGE}`);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Its own folder, so a run (which empties it first) leaves the benchmarks' screenshots in test-results/bench.
  outputDir: 'test-results/e2e',
  timeout: positiveInt(process.env.E2E_TEST_TIMEOUT_MS, 60_000),
  globalTimeout: positiveInt(process.env.E2E_TIMEOUT_MS, 600_000),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // One worker per two cores, so one on CI's two: each test's browser keeps two cores busy (its renderer
  // and the simulation's Web Workers), and the simulate test's main-thread checks (no task over 50 ms,
  // cancel within 100 ms) hold only if nothing else competes for them. `--workers=2` trades that for speed.
  workers: '50%',
  fullyParallel: false,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: { mode: 'only-on-failure', fullPage: true },
    viewport: { width: 1280, height: 800 },
    locale: 'en-US', // a deterministic default language (navigator.language)
    timezoneId: 'UTC',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', launchOptions: { executablePath, args: [...BROWSER_ARGS], timeout: 60_000 } },
    },
  ],
});
