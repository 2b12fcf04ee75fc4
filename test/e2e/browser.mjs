// What the e2e runner and the benchmark share: which browser to drive, with which flags, and a timeout
// that never keeps the process alive.
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

// Runs in every page before the app's own scripts: passes each Content-Security-Policy violation to
// the binding installed by watchContentSecurityPolicy (a violation the page catches and swallows, such
// as a probe for eval, is reported too).
function reportViolations(binding) {
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '';
      const sample = event.sample ? ` ("${event.sample}")` : '';
      window[binding]?.(`${event.effectiveDirective} refused ${event.blockedURI || 'an inline resource'}${where}${sample}`);
    },
    true,
  );
}

/** Calls `onViolation(text)` for every Content-Security-Policy violation in any page of the context. */
export async function watchContentSecurityPolicy(context, onViolation) {
  const binding = '__e2eReportCspViolation';
  await context.exposeBinding(binding, (_source, text) => onViolation(String(text)));
  await context.addInitScript(reportViolations, binding);
}
