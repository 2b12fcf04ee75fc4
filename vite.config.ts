/// <reference types="vitest/config" />
// Vite builds the single-page app; the `test` block configures Vitest (unit and component tests).
// The browser end-to-end suite lives in test/e2e (*.spec.ts) and is run by Playwright Test (playwright.config.ts), not by Vitest.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeInitialBundle, INITIAL_JS_LIMIT_BYTES, measureInitialBundle } from './scripts/initialBundle.ts';

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

/**
 * After the build is written, one line on the JavaScript a browser fetches before the first screen (the
 * entry script and its static imports; scripts/initialBundle.ts measures it, test/e2e/bundle.spec.ts holds
 * it to the limit): an info line within the limit, a warning over it.
 */
function reportInitialBundle(): Plugin {
  let root = process.cwd();
  return {
    name: 'journey-lab:initial-bundle',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(options, bundle) {
      if (!('index.html' in bundle) || !options.dir) return;
      const initial = await measureInitialBundle(path.resolve(root, options.dir));
      const line = describeInitialBundle(initial);
      if (initial.gzipBytes > INITIAL_JS_LIMIT_BYTES) this.warn(line);
      else this.environment.logger.info(line);
    },
  };
}

const LOCALES = fileURLToPath(new URL('./src/locales/', import.meta.url));

/**
 * Each catalog's name for its own language (`app.language.self`), by tag ("en": "English"): the language
 * select lists every language before its catalog is loaded (src/app/i18n/index.ts loads catalogs on demand).
 * A catalog without one fails the build, naming the file.
 */
function catalogLanguageNames(): Record<string, string> {
  const names: Record<string, string> = {};
  for (const file of readdirSync(LOCALES).filter((name) => name.endsWith('.json'))) {
    const catalog = JSON.parse(readFileSync(path.join(LOCALES, file), 'utf8')) as { app?: { language?: { self?: unknown } } };
    const self = catalog.app?.language?.self;
    if (typeof self !== 'string' || self.trim() === '') throw new Error(`src/locales/${file} has no app.language.self (the language's name in itself, for the language select)`);
    names[file.replace(/\.json$/, '')] = self;
  }
  return names;
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), reportInitialBundle()],
  define: { __CATALOG_LANGUAGE_NAMES__: JSON.stringify(catalogLanguageNames()) },
  build: {
    // The first screen's JavaScript is held by its own measure (reportInitialBundle above, 350 kB gzipped).
    // What is larger than Vite's 500 kB default loads only on use: ELK (about 1.5 MB, auto-layout) and
    // ECharts (about 0.6 MB, the dashboard) among them.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The core (src/core) runs nothing on import but filling its own tables: a core module none of
      // whose exports a chunk uses can be left out of it. Without this hint everything a core folder's
      // index re-exports (the whole simulation engine behind a type guard, say) lands in the first script.
      // Elsewhere the bundler's own judgement (and packages' "sideEffects" fields) stands.
      treeshake: { moduleSideEffects: (id: string) => (/[\\/]src[\\/]core[\\/]/.test(id) ? false : undefined) },
      output: {
        // zod, and the module that switches its eval off (zodJitless.ts: the CSP forbids eval), in one
        // chunk: every module that makes a schema imports zod, so that chunk runs before any of them
        // wherever they land. Apart, the entry chunk would switch eval off only after the chunks it
        // imports had made their schemas (and zod had probed for eval, a CSP violation).
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]app[\\/]zodJitless\.ts$/ }] },
      },
    },
  },
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
      { extends: true, test: { name: 'node', environment: 'node', setupFiles: ['test/setupCatalogs.ts'], include: ['test/{core,sim,cli,bench,calibration,server}/**/*.test.ts'] } },
      { extends: true, test: { name: 'jsdom', environment: 'jsdom', setupFiles: ['test/setup.ts', 'test/setupCatalogs.ts'], include: ['test/app/**/*.test.{ts,tsx}'] } },
    ],
  },
});
