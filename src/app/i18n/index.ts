/// <reference types="vite/client" />
// i18next + react-i18next + i18next-icu for the app shell. The catalogs (src/locales/*.json, their "app"
// and "core" sections) are bundled, not fetched, so initialisation is synchronous and the first render already has
// its strings; the languages offered are the catalogs found there.
import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { isLang, type Lang } from '../../core/i18n.ts';
import { languageOfCatalog, type Catalog } from '../../locales/catalogs.ts';

const catalogs = import.meta.glob<Catalog>('../../locales/*.json', { eager: true, import: 'default' });

export type Language = Lang;
export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'journey-lab.lang';

/** Every language with a catalog that the core's bilingual content (templates, lessons, presets: its `Lang`) is written in too. */
export const LANGUAGES: readonly Language[] = Object.keys(catalogs).map(languageOfCatalog).filter(isLang);

export const isLanguage = (value: unknown): value is Language => isLang(value) && LANGUAGES.includes(value);

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
    // the app's own texts and the core's messages (rendered by say.ts)
    resources: Object.fromEntries(Object.entries(catalogs).map(([path, { app, core }]) => [languageOfCatalog(path), { app, core }])),
    ns: ['app', 'core'],
    defaultNS: 'app',
    lng: detectLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });

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
