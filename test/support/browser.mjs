// Which browser the end-to-end tests (playwright.config.ts) and the benchmarks (bench/) drive, with
// which flags, and a timeout that never keeps the process alive.
import { existsSync } from 'node:fs';

/** Flags for headless Chromium on this project's machines (no GPU, no background network). */
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NO_BROWSER_MESSAGE =
  'no Chromium-family browser found; install one with "sudo apt-get install -y chromium" or set CHROME_PATH';

/** CHROME_PATH, then the usual Chromium and Chrome locations; null when none exists. */
export function findBrowser() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

/** Rejects after `ms` with a message; the timer never keeps the process alive. */
export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Serves a build (`dist`, a folder with index.html) with Vite's preview server on a free port of
 * 127.0.0.1, launches the browser, and hands both to `use(browser, baseURL)`; closes them afterwards
 * whatever happens (each within 10 s). The benchmarks that drive the built app share it.
 */
export async function withServedBuild({ root, dist, executablePath }, use) {
  const [{ preview }, { chromium }] = await Promise.all([import('vite'), import('playwright-core')]);
  let server;
  let browser;
  try {
    server = await preview({ root, logLevel: 'warn', build: { outDir: dist }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('preview server is not listening on a TCP port');
    browser = await chromium.launch({ executablePath, args: BROWSER_ARGS, timeout: 60_000 });
    return await use(browser, `http://127.0.0.1:${address.port}`);
  } finally {
    await Promise.allSettled([browser && withTimeout(browser.close(), 10_000, 'closing the browser'), server && withTimeout(server.close(), 10_000, 'closing the server')]);
  }
}
