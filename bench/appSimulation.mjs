#!/usr/bin/env node
// App simulation benchmark: in headless Chromium, the Simulate panel's 1,000,000-user run of a template
// and a tornado of the dashboard's Sensitivity section, once with the page's worker pool held to one
// worker and once with every worker it would use (one per core the browser reports, at most 16). It
// reports both times, the speed-up and the parallel efficiency (speed-up ÷ workers), and the longest
// main-thread task seen during each run. Ratios are measured in one run; nothing fails on a missed
// target, only on a run that did not finish or a report that differs between the two pool sizes.
//
//   npm run bench:app                             build the app into dist/, then run
//   npm run bench -- --only app [options]         the same through bench/all.mjs
//   node bench/appSimulation.mjs --dist /tmp/dist against another build

import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NO_BROWSER_MESSAGE, findBrowser, withServedBuild } from '../test/support/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1440, height: 900 };
const TEMPLATE = 'Use template: Cart abandonment: reminder, then coupon';
/** src/app/simulate/workerPool.ts's POOL_SIZE_STORAGE_KEY and MAX_POOL_WORKERS. */
const POOL_SIZE_STORAGE_KEY = 'journey-lab.simulationWorkers';
const MAX_POOL_WORKERS = 16;
const RUN_TIMEOUT_MS = 300_000;

const USAGE = `App simulation benchmark: the Simulate panel's big run and a tornado, with 1 worker and with all.

Usage:
  npm run bench:app                       build the app, then run the benchmark
  node bench/appSimulation.mjs [options]  run against an existing build

Options:
  --users N        users of the big run (default 1000000)
  --json           print one JSON object instead of the table
  --dist DIR       serve this build (default: $APP_BENCH_DIST, else dist/)
  -h, --help       show this help

The pool uses one Web Worker per core the browser reports (navigator.hardwareConcurrency, at most
${MAX_POOL_WORKERS}); parallel efficiency = (time with 1 worker ÷ time with all) ÷ workers. On a machine with
few cores, or one busy with other work, expect little gain: compare figures from one machine.`;

/** In the page: starts collecting long tasks (buffered). */
function startLongTasks() {
  const store = { tasks: [] };
  window.__benchLongTasks = store;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) store.tasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}

/**
 * In the page: resolves once the main thread has been idle for three idle periods in a row with most of
 * a frame to spare, so what a step set going (the dashboard's charts drawing) is not counted in the next.
 */
function mainThreadSettled() {
  return new Promise((resolve) => {
    let calm = 0;
    const tick = (deadline) => {
      calm = deadline.timeRemaining() >= 40 ? calm + 1 : 0;
      if (calm >= 3) resolve();
      else requestIdleCallback(tick, { timeout: 1000 });
    };
    requestIdleCallback(tick, { timeout: 1000 });
  });
}

async function measure(browser, baseURL, workers, options) {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC', colorScheme: 'light' });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(([key, value]) => value !== null && localStorage.setItem(key, value), [POOL_SIZE_STORAGE_KEY, workers === null ? null : String(workers)]);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught page error: ${error.message}`));
  await page.goto('/');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.getByRole('button', { name: TEMPLATE }).click();
  await page.getByRole('textbox', { name: 'Journey name' }).waitFor();
  await page.getByRole('toolbar', { name: 'Journey tools' }).getByRole('button', { name: /Simulate/ }).click();
  const panel = page.getByRole('dialog', { name: 'Simulate this journey' });
  await panel.getByRole('spinbutton', { name: /Users/ }).fill(String(options.users));
  await page.evaluate(startLongTasks);
  const runStarted = Date.now();
  await panel.getByRole('button', { name: /Run/ }).click();
  const results = panel.getByRole('region', { name: 'Results' });
  await results.getByText(`${options.users.toLocaleString('en-US')} users · seed 1`, { exact: false }).waitFor({ timeout: RUN_TIMEOUT_MS });
  const runMs = Date.now() - runStarted;
  const runLongest = await page.evaluate(() => Math.max(0, ...window.__benchLongTasks.tasks));
  const entered = await results.textContent();

  // Opening the dashboard draws its charts: measured on its own, and waited out before the tornado.
  await page.evaluate(startLongTasks);
  await results.getByRole('button', { name: 'Open dashboard' }).click();
  const dashboard = page.getByRole('dialog', { name: /^Dashboard: / });
  const sensitivity = dashboard.getByRole('region', { name: 'Sensitivity' });
  await sensitivity.waitFor();
  await page.evaluate(mainThreadSettled);
  const dashboardLongest = await page.evaluate(() => Math.max(0, ...window.__benchLongTasks.tasks));
  await page.evaluate(startLongTasks);
  const tornadoStarted = Date.now();
  await sensitivity.getByRole('button', { name: 'Run tornado' }).click();
  // The data table is behind "Show data", which appears with the chart once every point has run.
  const showData = sensitivity.getByRole('button', { name: 'Show data' });
  await showData.waitFor({ timeout: RUN_TIMEOUT_MS });
  const tornadoMs = Date.now() - tornadoStarted;
  await showData.click();
  await sensitivity.getByRole('table').first().waitFor();
  const tornadoLongest = await page.evaluate(() => Math.max(0, ...window.__benchLongTasks.tasks));
  const tornadoTable = await sensitivity.getByRole('table').first().textContent();
  const points = (await sensitivity.getByRole('table').first().getByRole('row').count()) - 1;
  await context.close();
  return { cores, runMs, runLongest, dashboardLongest, tornadoMs, tornadoLongest, points, entered, tornadoTable, problems };
}

async function main() {
  let values;
  try {
    values = parseArgs({
      options: {
        users: { type: 'string', default: '1000000' },
        json: { type: 'boolean', default: false },
        dist: { type: 'string', default: process.env.APP_BENCH_DIST || path.join(ROOT, 'dist') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`bench: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) return console.log(USAGE), 0;
  const users = Number(values.users);
  if (!Number.isInteger(users) || users < 1 || users > 10_000_000) {
    console.error(`bench: --users must be a whole number from 1 to 10,000,000\n\n${USAGE}`);
    return 2;
  }
  const executablePath = findBrowser();
  if (!executablePath) return console.error(`bench: ${NO_BROWSER_MESSAGE}`), 1;
  const dist = path.resolve(values.dist);
  if (!existsSync(path.join(dist, 'index.html'))) return console.error(`bench: ${dist}/index.html not found; build first ("npx vite build") or use "npm run bench:app"`), 1;

  try {
    return await withServedBuild({ root: ROOT, dist, executablePath }, async (browser, baseURL) => {
      const one = await measure(browser, baseURL, 1, { users });
      const all = await measure(browser, baseURL, null, { users });
      const workers = Math.min(MAX_POOL_WORKERS, Math.max(1, all.cores));
      const speedUp = (single, many) => single / many;
      const problems = [...one.problems, ...all.problems];
      if (one.entered !== all.entered) problems.push('the big run’s results differ between 1 worker and all');
      if (one.tornadoTable !== all.tornadoTable) problems.push('the tornado differs between 1 worker and all');
      const report = {
        browser: `${path.basename(executablePath)} ${browser.version()}`,
        cpus: os.cpus().length,
        browserCores: all.cores,
        workers,
        users,
        run: { oneWorkerMs: one.runMs, allWorkersMs: all.runMs, speedUp: Number(speedUp(one.runMs, all.runMs).toFixed(2)), efficiency: Number((speedUp(one.runMs, all.runMs) / workers).toFixed(2)), longestMainThreadTaskMs: { one: one.runLongest, all: all.runLongest } },
        tornado: { points: all.points, oneWorkerMs: one.tornadoMs, allWorkersMs: all.tornadoMs, speedUp: Number(speedUp(one.tornadoMs, all.tornadoMs).toFixed(2)), efficiency: Number((speedUp(one.tornadoMs, all.tornadoMs) / workers).toFixed(2)), longestMainThreadTaskMs: { one: one.tornadoLongest, all: all.tornadoLongest } },
        // Not the pool's: the dashboard's own drawing when it opens, before any tornado.
        dashboardOpenLongestMainThreadTaskMs: { one: one.dashboardLongest, all: all.dashboardLongest },
        identicalResults: one.entered === all.entered && one.tornadoTable === all.tornadoTable,
        problems,
      };
      if (values.json) console.log(JSON.stringify(report, null, 2));
      else {
        const line = (name, figures) =>
          `  ${name.padEnd(28)} 1 worker ${String(figures.oneWorkerMs).padStart(7)} ms   ${workers} workers ${String(figures.allWorkersMs).padStart(7)} ms   speed-up ${figures.speedUp}×   efficiency ${Math.round(100 * figures.efficiency)} %   longest main-thread task ${figures.longestMainThreadTaskMs.one} / ${figures.longestMainThreadTaskMs.all} ms`;
        console.log(`App simulation benchmark — ${report.browser}, ${report.cpus} CPUs (the browser reports ${report.browserCores}), pool of ${workers}`);
        console.log(line(`${users.toLocaleString('en-US')}-user run`, report.run));
        console.log(line(`tornado (${report.tornado.points} assumptions)`, report.tornado));
        console.log(`  opening the dashboard (its charts drawn; before the tornado, not counted in it): longest main-thread task ${report.dashboardOpenLongestMainThreadTaskMs.one} / ${report.dashboardOpenLongestMainThreadTaskMs.all} ms`);
        console.log(`  same results with 1 worker and with ${workers}: ${report.identicalResults ? 'yes' : 'NO'}`);
        for (const problem of problems) console.log(`  problem: ${problem}`);
      }
      return problems.length > 0 ? 1 : 0;
    });
  } catch (error) {
    console.error(`bench: ${error.stack ?? error.message}`);
    return 1;
  }
}

process.exitCode = await main();
