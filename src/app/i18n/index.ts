// i18next + react-i18next for the app shell. Two languages, bundled resources (no backend), so
// initialisation is synchronous and the first render already has its strings.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

import { languages, isLang, type Lang } from '../../core/i18n.ts';

export const LANGUAGES = languages;
export type Language = Lang;
export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_STORAGE_KEY = 'journey-lab.lang';

// Compile-time guard: the two resource files must have exactly the same shape (same keys, all strings).
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const resourcesMatch: SameShape<typeof en, typeof zhCN> = true;
void resourcesMatch;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export const isLanguage = isLang;

/** Maps a BCP 47 tag (navigator.language) onto a supported language (zh* → zh-CN, everything else → en). */
export function languageFromTag(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
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

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
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
