// Types of browser.mjs (plain JavaScript, shared with the benchmarks).

/** Flags for headless Chromium on this project's machines (no GPU, no background network). */
export const BROWSER_ARGS: readonly string[];

export const NO_BROWSER_MESSAGE: string;

/** CHROME_PATH, then the usual Chromium and Chrome locations; null when none exists. */
export function findBrowser(): string | null;

/** Rejects after `ms` with a message; the timer never keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T>;
