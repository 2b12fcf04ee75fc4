// Vitest setup for jsdom: the app loads each language's catalog on first use (src/app/i18n/index.ts);
// components render in tests without the app's entry, which waits for its language before mounting, so
// every catalog is loaded here, before any test, and the detected language (English) made current.
// test/app/catalogLoading.test.ts checks the loading itself on a fresh copy of the module.
import { languageReady, loadAllCatalogs } from '../src/app/i18n/index.ts';

await Promise.all([languageReady, loadAllCatalogs()]);
