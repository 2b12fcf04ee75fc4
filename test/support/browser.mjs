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
