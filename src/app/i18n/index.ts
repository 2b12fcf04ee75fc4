/// <reference types="vite/client" />
// i18next + react-i18next + i18next-icu for the app shell. The catalogs (src/locales/*.json, their "app"
// and "core" sections) are bundled, not fetched, so initialisation is synchronous and the first render already has
// its strings; the languages offered are the catalogs found there.
import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { languageOfCatalog, type Catalog } from '../../locales/catalogs.ts';

const catalogs = import.meta.glob<Catalog>('../../locales/*.json', { eager: true, import: 'default' });

/**
 * An interface language: the BCP 47 tag of a catalog (src/locales). Bilingual data (templates, lessons,
 * presets) has only the core's `Lang`s; `dataLanguage` in src/core/i18n.ts picks one of them for it.
 */
export type Language = string;
export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'journey-lab.lang';

const offered: Language[] = [];

/** Every language with a catalog, in the order the catalogs were added. */
export const LANGUAGES: readonly Language[] = offered;

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && LANGUAGES.includes(value);

const primarySubtag = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/** Maps a BCP 47 tag (navigator.language) onto a supported language: the same tag, else the same primary language (zh-TW → zh-CN), else English. */
export function languageFromTag(tag: string | null | undefined): Language {
  if (!tag) return DEFAULT_LANGUAGE;
  return (
    LANGUAGES.find((language) => language.toLowerCase() === tag.toLowerCase()) ??
    LANGUAGES.find((language) => primarySubtag(language) === primarySubtag(tag)) ??
    DEFAULT_LANGUAGE
  );
}

function readStoredLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame)
  }
}

function storeLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not remembering the choice is acceptable; the app still switches.
  }
}

/** The stored choice if there is one, otherwise derived from the browser's language. */
export function detectLanguage(): Language {
  return readStoredLanguage() ?? languageFromTag(globalThis.navigator?.language);
}

function applyToDocument(lang: Language): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.title = i18n.t('app.title', { lng: lang });
}

void i18n
  .use(new ICU())
  .use(initReactI18next)
  .init({
    ns: ['app', 'core'],
    defaultNS: 'app',
    fallbackLng: DEFAULT_LANGUAGE,
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });

/**
 * Offers a language: its catalog's app texts and the core's messages (rendered by say.ts). Every catalog
 * in src/locales comes in this way; a test adds a pseudo-locale the same way.
 */
export function addCatalog(language: Language, { app, core }: Pick<Catalog, 'app' | 'core'>): void {
  i18n.addResourceBundle(language, 'app', app, true, true);
  i18n.addResourceBundle(language, 'core', core, true, true);
  if (!offered.includes(language)) offered.push(language);
}

for (const [path, catalog] of Object.entries(catalogs)) addCatalog(languageOfCatalog(path), catalog);
void i18n.changeLanguage(detectLanguage());

i18n.on('languageChanged', (lng) => {
  if (!isLanguage(lng)) return;
  applyToDocument(lng);
  storeLanguage(lng);
});
applyToDocument(currentLanguage());

/** The active language, narrowed to the supported set. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Switches language; the `languageChanged` handler updates <html lang>, the title and localStorage. */
export async function setLanguage(lang: Language): Promise<void> {
  await i18n.changeLanguage(lang);
}

export default i18n;
