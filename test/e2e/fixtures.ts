// What every end-to-end test runs with: import `test` and `expect` from here, not from @playwright/test.
//
// - The built app (dist/), served by Vite's preview server on a free port, one server per worker; it is
//   the tests' baseURL.
// - Every browser context of a test (`context`, and any from `newContext()`) is watched: the test fails
//   when a page logs a console error, throws an uncaught error, crashes, violates the built app's
//   Content-Security-Policy (a `securitypolicyviolation` event, even one the page catches) or opens an
//   alert, confirm or prompt dialog. A test that expects dialogs calls `expectDialogs(handler)`: from
//   then on each dialog goes to handler(dialog), which must accept or dismiss it. The browser's own
//   "leave this page?" dialog (beforeunload) is accepted unless a handler takes it.
// - `saveScreenshot(name, page?)` keeps a full-page screenshot in the test's output folder (test-results/),
//   and `keepDownload(download)` keeps a downloaded file there.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type BrowserContext, type Dialog, type Download, type Page, type TestInfo } from '@playwright/test';

export { expect } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const CSP_BINDING = '__e2eReportCspViolation';
// Late console errors (from effects after a test's last assertion, say) get this long to arrive.
const LATE_PROBLEMS_MS = 50;

export type DialogHandler = (dialog: Dialog) => Promise<void> | void;

interface E2eFixtures {
  /** Another watched browser profile (someone opening a share link, say); closed after the test. */
  newContext: () => Promise<BrowserContext>;
  /** Hands every dialog from now on to `handler`, which must accept or dismiss it. */
  expectDialogs: (handler: DialogHandler) => void;
  /**
   * A full-page screenshot of `page` (the test's page by default) kept as NAME.png in the test's output
   * folder. (`screenshot` is Playwright's option for screenshots on failure.)
   */
  saveScreenshot: (name: string, page?: Page) => Promise<string>;
  _watch: PageWatch;
}

interface E2eWorkerFixtures {
  /** The address of the preview server serving dist/. */
  appURL: string;
}

function fileSafe(name: string): string {
  return (
    name
      .trim()
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'file'
  );
}

function formatError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

// Runs in every page before the app's own scripts: passes each Content-Security-Policy violation to the
// binding (a violation the page catches and swallows, such as a probe for eval, is reported too).
function reportViolations(binding: string) {
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '';
      const sample = event.sample ? ` ("${event.sample}")` : '';
      const report = (window as unknown as Record<string, ((text: string) => void) | undefined>)[binding];
      report?.(`${event.effectiveDirective} refused ${event.blockedURI || 'an inline resource'}${where}${sample}`);
    },
    true,
  );
}

/** Collects what must fail a test from every page of the browser contexts it watches. */
class PageWatch {
  readonly problems: string[] = [];
  dialogHandler: DialogHandler | null = null;

  async watch(context: BrowserContext): Promise<void> {
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
    await context.exposeBinding(CSP_BINDING, (_source, text: unknown) => {
      this.problems.push(`Content-Security-Policy violation: ${String(text)}`);
    });
    await context.addInitScript(reportViolations, CSP_BINDING);
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      this.problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught page error: ${formatError(error)}`));
    page.on('crash', () => this.problems.push('page crashed'));
    // A dialog nobody expected is script the app never meant to run (alert(1) from a label, say).
    page.on('dialog', (dialog) => {
      const handler = this.dialogHandler;
      if (handler) {
        Promise.resolve()
          .then(() => handler(dialog))
          .catch((error: unknown) => this.problems.push(`dialog handler failed: ${formatError(error)}`));
        return;
      }
      if (dialog.type() === 'beforeunload') return void dialog.accept().catch(() => {});
      this.problems.push(`unexpected ${dialog.type()} dialog: ${JSON.stringify(dialog.message())}`);
      dialog.dismiss().catch(() => {});
    });
  }

  /** Throws with every problem seen, each once with its count (a violation on every hover, say). */
  assertNone(): void {
    if (this.problems.length === 0) return;
    const counts = new Map<string, number>();
    for (const problem of this.problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
    const lines = [...counts].map(([problem, count]) => (count > 1 ? `${problem} (×${count})` : problem));
    throw new Error(`the browser reported ${this.problems.length} problem(s):\n${lines.map((line) => `  - ${line}`).join('\n')}`);
  }
}

const downloadsKept = new WeakMap<TestInfo, number>();

/** Saves a download in the running test's output folder (numbered, in order); returns its path. */
export async function keepDownload(download: Download): Promise<string> {
  const testInfo = base.info();
  const index = (downloadsKept.get(testInfo) ?? 0) + 1;
  downloadsKept.set(testInfo, index);
  const file = testInfo.outputPath('downloads', `${index}-${fileSafe(download.suggestedFilename())}`);
  await download.saveAs(file);
  return file;
}

export const test = base.extend<E2eFixtures, E2eWorkerFixtures>({
  appURL: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('e2e: dist/index.html not found; build first ("npx vite build" or "npm run test:e2e")');
      const { preview } = await import('vite');
      const server = await preview({
        root: ROOT,
        logLevel: 'warn',
        build: { outDir: DIST },
        preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
      });
      const address = server.httpServer.address();
      if (!address || typeof address === 'string') throw new Error('e2e: the preview server is not listening on a TCP port');
      await use(`http://127.0.0.1:${address.port}`);
      await server.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ appURL }, use) => use(appURL),

  _watch: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const watch = new PageWatch();
      await use(watch);
      // Torn down after every context the test used is closed: all it reported is in.
      watch.assertNone();
    },
    { auto: true },
  ],
  context: async ({ context, _watch }, use) => {
    await _watch.watch(context);
    await use(context);
    await new Promise((resolve) => setTimeout(resolve, LATE_PROBLEMS_MS));
  },
  newContext: async ({ browser, _watch }, use) => {
    // browser.newContext() inside a test takes the project's context options (baseURL, viewport, locale…).
    const created: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext();
      await _watch.watch(context);
      created.push(context);
      return context;
    });
    await new Promise((resolve) => setTimeout(resolve, LATE_PROBLEMS_MS));
    for (const context of created) await context.close();
  },
  expectDialogs: async ({ _watch }, use) => {
    await use((handler) => {
      _watch.dialogHandler = handler;
    });
  },
  saveScreenshot: async ({ page }, use, testInfo) => {
    await use(async (name, of = page) => {
      const file = testInfo.outputPath(`${fileSafe(name)}.png`);
      await of.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      testInfo.attachments.push({ name, path: file, contentType: 'image/png' });
      return file;
    });
  },
});
