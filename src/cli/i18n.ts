// The CLI's texts: the "cli" section of the catalogs the app uses too (src/locales/*.json), formatted by
// i18next with i18next-icu as in the app. Every catalog found there is loaded, each section a namespace:
// "cli" for the CLI's own texts, "core" (and "app") for the messages core returns, rendered by `say`.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import i18next, { type TFunction } from 'i18next';
import type IcuPlugin from 'i18next-icu';
import { languageOfCatalog, type Catalog } from '../locales/catalogs';
import { sayWith } from '../locales/say';

// i18next-icu's CommonJS build: its ES build imports intl-messageformat's default export, which Node's
// loader gives as the CommonJS exports object, not the class ("IntlMessageFormat is not a constructor").
const ICU = (createRequire(import.meta.url)('i18next-icu') as { default: typeof IcuPlugin }).default;

const directory = new URL('../locales/', import.meta.url);
const catalogs = new Map(
  readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [languageOfCatalog(name), JSON.parse(readFileSync(new URL(name, directory), 'utf8')) as Catalog]),
);

const cliI18n = i18next.createInstance();
void cliI18n.use(new ICU()).init({
  resources: Object.fromEntries(catalogs),
  ns: ['cli', 'core', 'app'],
  defaultNS: 'cli',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false }, // a terminal, not HTML
  returnNull: false,
});

/** A language a catalog was found for (a BCP 47 tag such as zh-CN). */
export type CliLanguage = string;

/** Every language a catalog was found for: `--lang` takes any of them (English first, the default). */
export const cliLanguages: readonly string[] = [...catalogs.keys()].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
export const isCliLanguage = (value: string): boolean => cliLanguages.includes(value);
/** The choices as usage lines write them: en|zh-CN. */
export const languageChoices = (): string => cliLanguages.join('|');

/** The CLI's messages in one language: `text('simulate.title', { journey, cohort })`. */
export type CliText = TFunction<'cli'>;
export const cliText = (lang: CliLanguage): CliText => cliI18n.getFixedT(lang, 'cli');

/** Node error codes the catalogs explain in words (the English catalog's list; every catalog has the same keys). */
export type FileErrorCode = keyof Catalog['cli']['fileErrors'];
const fileErrorCodes = new Set(Object.keys(catalogs.get('en')?.cli.fileErrors ?? {}));
export const isFileErrorCode = (code: string): code is FileErrorCode => fileErrorCodes.has(code);

/** Core messages (and any catalog message) in a language, through this instance. */
export const say = sayWith(cliI18n, (key) => console.error(`journey-lab: no catalog has the message "${key}".`));
