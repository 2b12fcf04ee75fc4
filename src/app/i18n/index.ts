/// <reference types="vite/client" />
// i18next + react-i18next + i18next-icu for the app shell. The catalogs (src/locales/*.json, their "app"
// and "core" sections) load on demand, each as a chunk of its own: a language's texts are fetched when
// it is first used, so the first script carries none of them (issue 17's bundle limit). The entry
// (src/main.tsx) waits for `languageReady` before it mounts, and `setLanguage` switches only once the
// new catalog is in, so no screen ever shows a message key. The languages offered are the catalogs
// found there; each one's own name (for the language select) comes with the build, see vite.config.ts.
import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { languageOfCatalog, type Catalog } from '../../locales/catalogs.ts';

type CatalogSections = Pick<Catalog, 'app' | 'core'>;

// Each catalog's "app" and "core" sections, by path, as loaders: named imports, as the browser never
// shows the "cli" section's texts. Both sections come from one chunk per catalog.
const appLoaders = import.meta.glob<Catalog['app']>('../../locales/*.json', { import: 'app' });
const coreLoaders = import.meta.glob<Catalog['core']>('../../locales/*.json', { import: 'core' });

/** Each catalog's `app.language.self` by file name, read at build time (vite.config.ts). */
declare const __CATALOG_LANGUAGE_NAMES__: Readonly<Record<string, string>>;

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

/** The catalogs not yet loaded, by language: each loads its "app" and "core" sections at once. */
const loaders = new Map<Language, () => Promise<CatalogSections>>();
/** Catalogs loaded (or loading), by language; a failed load is forgotten, so the next use tries again. */
const loads = new Map<Language, Promise<void>>();
/** Catalogs whose texts are in: a switch to one of these happens at once, in the same task. */
const loaded = new Set<Language>();

/**
 * Offers a language: its catalog's app texts and the core's messages (rendered by say.ts). Every catalog
 * in src/locales comes in this way once loaded; a test adds a pseudo-locale the same way.
 */
export function addCatalog(language: Language, { app, core }: CatalogSections): void {
  i18n.addResourceBundle(language, 'app', app, true, true);
  i18n.addResourceBundle(language, 'core', core, true, true);
  if (!offered.includes(language)) offered.push(language);
  loads.set(language, Promise.resolve());
  loaded.add(language);
}

for (const [path, loadApp] of Object.entries(appLoaders)) {
  const loadCore = coreLoaders[path];
  if (!loadCore) throw new Error(`${path} has no "core" section: every catalog has "app", "cli" and "core"`);
  const language = languageOfCatalog(path);
  loaders.set(language, async () => {
    const [app, core] = await Promise.all([loadApp(), loadCore()]);
    return { app, core };
  });
  offered.push(language);
  // Its own name, for the language select, before (and whether or not) its texts are loaded.
  const self = __CATALOG_LANGUAGE_NAMES__[language];
  if (self) i18n.addResourceBundle(language, 'app', { language: { self } }, true, false);
}

/** Loads a language's catalog if it is not in yet; resolves when its texts are (at once when they are). */
export function loadCatalog(language: Language): Promise<void> {
  let found = loads.get(language);
  if (found) return found;
  const load = loaders.get(language);
  if (!load) return Promise.reject(new Error(`No catalog for the language "${language}" (src/locales has ${LANGUAGES.join(', ')})`));
  found = load().then((sections) => addCatalog(language, sections));
  found.catch(() => loads.delete(language));
  loads.set(language, found);
  return found;
}

/** Loads every catalog: for what shows texts in more than the current language (the glossary's names in each, a cohort's name in both). */
export async function loadAllCatalogs(): Promise<void> {
  await Promise.all(LANGUAGES.map(loadCatalog));
}

// Whose choice is the latest: a switch that finishes loading after a later one started does not apply.
let latestSwitch = 0;

/**
 * Makes `lang` current once its catalog and English (the fallback, and the language some comparisons
 * render in) are loaded. Resolves when it is current, or when a later switch has taken its place.
 */
async function switchTo(lang: Language): Promise<boolean> {
  const mine = ++latestSwitch;
  // Loaded already: switch before returning to the caller (i18next applies a loaded language at once),
  // so a screen drawn right after setLanguage() is in that language, as before catalogs loaded lazily.
  if (!(loaded.has(lang) && loaded.has(DEFAULT_LANGUAGE))) {
    await Promise.all([loadCatalog(lang), loadCatalog(DEFAULT_LANGUAGE)]);
    if (mine !== latestSwitch) return false;
  }
  await i18n.changeLanguage(lang);
  return true;
}

i18n.on('languageChanged', (lng) => {
  if (isLanguage(lng)) applyToDocument(lng);
});

/**
 * The detected language (detectLanguage), loaded and current: the entry mounts the app once this
 * resolves. Rejects when its catalog cannot be loaded.
 */
export const languageReady: Promise<void> = switchTo(detectLanguage()).then(() => undefined);

/** The active language, narrowed to the supported set. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/**
 * Switches language, remembering the choice (localStorage) for the next visit; the texts change at once
 * when the promise resolves, as the catalog is loaded before the switch (a later switch started meanwhile
 * wins, and this one then resolves without switching). The `languageChanged` handler updates <html lang>
 * and the title.
 */
export async function setLanguage(lang: Language): Promise<void> {
  if (await switchTo(lang)) storeLanguage(lang);
}

export default i18n;
