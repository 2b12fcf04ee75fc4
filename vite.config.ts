/// <reference types="vitest/config" />
// Vite builds the single-page app; the `test` block configures Vitest (unit and component tests).
// The browser end-to-end suite lives in test/e2e (*.spec.ts) and is run by Playwright Test (playwright.config.ts), not by Vitest.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built app's Content-Security-Policy. Journeys arrive as files and links from people the user need
 * not trust, so even if some text slipped into the page as markup it could not run: scripts only from
 * the app's own files (no inline script, no eval), styles inline too (ECharts and React Flow set style
 * attributes), pictures also as data: and blob: URLs (picture export), workers also from blob: URLs.
 * frame-ancestors cannot be set by a meta tag, so it is not here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const CHARSET = '<meta charset="UTF-8" />';

/**
 * Adds the policy right after the charset, before any script or style, in the build only: the dev
 * server's React refresh needs an inline script, so `npm run dev` runs without it (`npm start` and the
 * e2e tests serve the build).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'journey-lab:content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(CHARSET)) throw new Error(`index.html must start its <head> with ${CHARSET}: the Content-Security-Policy goes after it`);
      return html.replace(CHARSET, `${CHARSET}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  test: {
    globals: true,
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    // A test file per CPU: Vitest's default leaves one CPU to itself, which on a 2-core machine runs the
    // files one at a time while its own process mostly waits.
    maxWorkers: '100%',
    // With two files sharing two CPUs, a component test that takes 3 s alone can take twice that.
    testTimeout: 20_000,
    // i18next-icu's ES build imports intl-messageformat's default export, which Node's own loader gives
    // as the CommonJS exports object, not the class ("IntlMessageFormat is not a constructor"); run
    // through Vite, as in the browser build, the import resolves. (The CLI loads its CommonJS build.)
    server: { deps: { inline: ['i18next-icu'] } },
    // Two projects, one run: the pure tests (core, simulation, CLI, benchmark) in plain Node, the app's in
    // jsdom. Starting jsdom and jest-dom for a file costs over a second of the suite's time, and nothing
    // outside test/app touches the DOM (a DOM global there would now be a ReferenceError, not a pass).
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['test/{core,sim,cli,bench,calibration}/**/*.test.ts'] } },
      { extends: true, test: { name: 'jsdom', environment: 'jsdom', setupFiles: ['test/setup.ts'], include: ['test/app/**/*.test.{ts,tsx}'] } },
    ],
  },
});
