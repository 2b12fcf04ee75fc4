// The message catalogs shared by the app and the CLI: one file per language, named by its BCP 47 tag
// (en.json, zh-CN.json). Each has an "app", a "cli" and a "core" section, loaded as the i18next namespaces of the
// same names; messages are ICU MessageFormat, formatted by i18next-icu (see README.md).
import type en from './en.json';

/** The shape every catalog has: English is the reference (test/app/catalogs.test.ts holds the others to it). */
export type Catalog = typeof en;
export type CatalogNamespace = keyof Catalog;

/** The language a catalog file is for, from its name: "…/locales/zh-CN.json" → "zh-CN". */
export const languageOfCatalog = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: Catalog;
  }
}
