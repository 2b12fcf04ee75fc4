#!/usr/bin/env node
// End-to-end runner: serves the built app (dist/) with Vite's preview server and drives it in a
// Chromium-family browser through playwright-core.
//
//   npm run test:e2e                 build, then run every test/e2e/*.e2e.mjs
//   node test/e2e/run.mjs shell      run only tests whose file or test name contains "shell"
//
// A test file exports either
//   export default async function (ctx) { ... }                      one test, named after the file
// or
//   export default [{ name: 'does x', run: async (ctx) => {}, timeoutMs? }, async function doesY(ctx) {}]
// Each test gets a fresh browser context and ctx = { page, context, baseURL, newContext(), screenshot(name, page?),
// step(label), expectDialogs(handler) }; newContext() opens another watched profile (e.g. someone opening a
// share link).
// A test fails when it throws, times out, or when the page logs a console error, throws an uncaught
// error, violates the built app's Content-Security-Policy (a `securitypolicyviolation` event) or opens
// an alert, confirm or prompt dialog. A test that expects dialogs calls ctx.expectDialogs(handler):
// from then on each dialog goes to handler(dialog), which must accept or dismiss it. The browser's own
// "leave this page?" dialog (beforeunload) is accepted unless a handler takes it. Screenshots go to
// test-results/e2e/NAME.png.
//
// Environment: CHROME_PATH (browser binary), E2E_TEST_TIMEOUT_MS (per test, default 60000),
// E2E_TIMEOUT_MS (whole run, default 600000).

import { existsSync } from 'node:fs';
import { BROWSER_ARGS, NO_BROWSER_MESSAGE, findBrowser, watchContentSecurityPolicy, withTimeout } from './browser.mjs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DIST = path.join(ROOT, 'dist');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const TEST_TIMEOUT_MS = positiveInt(process.env.E2E_TEST_TIMEOUT_MS, 60_000);
const RUN_TIMEOUT_MS = positiveInt(process.env.E2E_TIMEOUT_MS, 600_000);
const CLOSE_TIMEOUT_MS = 10_000;

function positiveInt(raw, fallback) {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}



function fileSafe(name) {
  return (
    String(name)
      .trim()
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'screenshot'
  );
}

function formatError(error) {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function indent(text, prefix = '    ') {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

async function discoverTests(filters) {
  const files = (await readdir(HERE)).filter((f) => f.endsWith('.e2e.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(HERE, file)).href);
    const base = file.slice(0, -'.e2e.mjs'.length);
    const entries = Array.isArray(mod.default) ? mod.default : [mod.default];
    entries.forEach((entry, index) => {
      let name;
      let run;
      let timeoutMs = TEST_TIMEOUT_MS;
      if (typeof entry === 'function') {
        run = entry;
        name = entries.length === 1 ? base : entry.name || `test ${index + 1}`;
      } else if (entry && typeof entry === 'object' && typeof (entry.run ?? entry.fn) === 'function') {
        run = entry.run ?? entry.fn;
        name = entry.name || `test ${index + 1}`;
        // A long flow may ask for more time than the default; the environment can only raise it.
        if (Number.isInteger(entry.timeoutMs) && entry.timeoutMs > timeoutMs) timeoutMs = entry.timeoutMs;
      } else {
        throw new Error(`${file}: export default must be an async function or an array of tests ({ name, run } or named functions); entry ${index} is ${typeof entry}`);
      }
      const title = entries.length === 1 && name === base ? base : `${base} › ${name}`;
      tests.push({ file, title, run, timeoutMs });
    });
  }
  if (filters.length === 0) return tests;
  return tests.filter((t) => filters.some((f) => t.title.includes(f) || t.file.includes(f)));
}

async function runTest(browser, baseURL, test) {
  const problems = [];
  const contexts = [];
  // Set by ctx.expectDialogs: the test handles dialogs itself.
  let dialogHandler = null;
  // Every context a test uses (a second browser profile, say) is watched and closed the same way.
  const newContext = async () => {
    const created = await browser.newContext({
      baseURL,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US', // deterministic default language (navigator.language)
      timezoneId: 'UTC',
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    created.setDefaultTimeout(10_000);
    created.setDefaultNavigationTimeout(20_000);
    created.on('page', watch);
    await watchContentSecurityPolicy(created, (violation) => problems.push(`Content-Security-Policy violation: ${violation}`));
    contexts.push(created);
    return created;
  };
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught page error: ${formatError(error)}`));
    page.on('crash', () => problems.push('page crashed'));
    // A dialog nobody expected is script the app never meant to run (alert(1) from a label, say).
    page.on('dialog', (dialog) => {
      if (dialogHandler) return void Promise.resolve(dialogHandler(dialog)).catch((error) => problems.push(`dialog handler failed: ${formatError(error)}`));
      if (dialog.type() === 'beforeunload') return void dialog.accept().catch(() => {});
      problems.push(`unexpected ${dialog.type()} dialog: ${JSON.stringify(dialog.message())}`);
      dialog.dismiss().catch(() => {});
    });
  };
  const context = await newContext();

  let lastStep = '';
  try {
    const page = await context.newPage();
    const ctx = {
      page,
      context,
      baseURL,
      newContext,
      async screenshot(name, of = page) {
        const file = path.join(RESULTS, `${fileSafe(name)}.png`);
        await of.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        return file;
      },
      step(label) {
        lastStep = label;
      },
      expectDialogs(handler) {
        dialogHandler = handler;
      },
    };
    try {
      await withTimeout(Promise.resolve().then(() => test.run(ctx)), test.timeoutMs, `test timed out after ${test.timeoutMs} ms`);
      // Give late console errors (e.g. from effects after the last assertion) a moment to arrive.
      await page.waitForTimeout(50).catch(() => {});
    } catch (error) {
      const failure = path.join(RESULTS, `${fileSafe(test.title)}--failure.png`);
      await withTimeout(page.screenshot({ path: failure, fullPage: true }), 5_000, 'failure screenshot timed out').catch(() => {});
      problems.unshift(`${lastStep ? `at step "${lastStep}": ` : ''}${formatError(error)}`);
    }
  } finally {
    for (const created of contexts) await withTimeout(created.close(), CLOSE_TIMEOUT_MS, 'closing the browser context timed out').catch(() => {});
  }
  return problems;
}

async function main() {
  const executablePath = findBrowser();
  if (!executablePath) {
    console.log(`e2e: ${NO_BROWSER_MESSAGE}`);
    return 1;
  }
  if (!existsSync(path.join(DIST, 'index.html'))) {
    console.log('e2e: dist/index.html not found; build first ("npx vite build" or "npm run test:e2e")');
    return 1;
  }

  const tests = await discoverTests(process.argv.slice(2));
  if (tests.length === 0) {
    console.log('e2e: no tests found (test/e2e/*.e2e.mjs)');
    console.log('0 passed, 0 failed');
    return 1;
  }

  await rm(RESULTS, { recursive: true, force: true });
  await mkdir(RESULTS, { recursive: true });

  const [{ preview }, { chromium }] = await Promise.all([import('vite'), import('playwright-core')]);

  let server;
  let browser;
  const cleanup = async () => {
    const b = browser;
    const s = server;
    browser = undefined;
    server = undefined;
    await Promise.allSettled([
      b && withTimeout(b.close(), CLOSE_TIMEOUT_MS, 'closing the browser timed out'),
      s && withTimeout(s.close(), CLOSE_TIMEOUT_MS, 'closing the preview server timed out'),
    ]);
  };
  activeCleanup = cleanup;

  try {
    server = await preview({
      root: ROOT,
      logLevel: 'warn',
      build: { outDir: DIST },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('preview server is not listening on a TCP port');
    const baseURL = `http://127.0.0.1:${address.port}`;

    browser = await chromium.launch({ executablePath, args: BROWSER_ARGS, timeout: 60_000 });
    console.log(`e2e: ${tests.length} test(s) against ${baseURL} in ${path.basename(executablePath)} ${browser.version()}`);

    for (const test of tests) {
      const started = performance.now();
      const problems = await runTest(browser, baseURL, test);
      const ms = Math.round(performance.now() - started);
      if (problems.length === 0) {
        passed += 1;
        console.log(`  ✓ ${test.title} (${ms} ms)`);
      } else {
        failed += 1;
        console.log(`  ✗ ${test.title} (${ms} ms)`);
        // The same problem (a violation on every hover, say) is printed once, with its count.
        const counts = new Map();
        for (const problem of problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
        for (const [problem, count] of counts) console.log(indent(count > 1 ? `${problem} (×${count})` : problem));
      }
    }
  } catch (error) {
    failed += 1;
    console.log(`e2e: runner failed\n${indent(formatError(error))}`);
  } finally {
    await cleanup();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let activeCleanup = async () => {};
let passed = 0;
let failed = 0;

async function abort(reason, code) {
  console.log(`e2e: ${reason}; shutting down`);
  await activeCleanup().catch(() => {});
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(code);
}

const overall = setTimeout(() => void abort(`run exceeded ${RUN_TIMEOUT_MS} ms`, 1), RUN_TIMEOUT_MS);
process.once('SIGINT', () => void abort('interrupted', 130));
process.once('SIGTERM', () => void abort('terminated', 143));

main()
  .catch((error) => {
    console.log(`e2e: ${formatError(error)}`);
    return 1;
  })
  .then((code) => {
    clearTimeout(overall);
    process.exit(code);
  });
