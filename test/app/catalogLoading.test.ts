// The catalogs load on demand (src/app/i18n/index.ts): a language's texts are fetched when it is first
// used, and a switch happens only once they are in. Each test takes a fresh copy of the module (the
// shared i18next instance is initialised again, empty), as the app starts with none loaded; the other
// app tests have every catalog loaded up front (test/setupCatalogs.ts).
import { LANGUAGE_STORAGE_KEY } from '../../src/app/i18n/index.ts';

async function freshI18n() {
  vi.resetModules();
  const module = await import('../../src/app/i18n/index.ts');
  await module.languageReady;
  return module;
}

const loaded = (i18n: { hasResourceBundle(lng: string, ns: string): boolean }, language: string) => i18n.hasResourceBundle(language, 'core');

describe('catalogs loaded on demand', () => {
  it('starts with the detected language and English only, and names every language without its texts', async () => {
    const { default: i18n, LANGUAGES, currentLanguage } = await freshI18n();
    expect(currentLanguage()).toBe('en');
    expect(i18n.t('app.title')).toBe('Journey Lab');
    expect(loaded(i18n, 'en')).toBe(true);
    expect(loaded(i18n, 'zh-CN')).toBe(false);
    expect(LANGUAGES).toEqual(['en', 'zh-CN']);
    // The language select names each language in itself before its catalog is fetched.
    expect(LANGUAGES.map((language) => i18n.t('language.self', { lng: language }))).toEqual(['English', '简体中文']);
  });

  it('starts in a remembered Chinese with its texts already in', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'zh-CN');
    const { default: i18n, currentLanguage } = await freshI18n();
    expect(currentLanguage()).toBe('zh-CN');
    expect(i18n.t('app.title')).toBe('Journey Lab 用户旅程实验室');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('Journey Lab 用户旅程实验室');
  });

  it('switches only once the new catalog is in, so no text shows as its key', async () => {
    const { default: i18n, setLanguage } = await freshI18n();
    const switching = setLanguage('zh-CN');
    // Still English while Chinese loads: never a language without its texts.
    expect(i18n.language).toBe('en');
    expect(loaded(i18n, 'zh-CN')).toBe(false);
    await switching;
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('app.title')).toBe('Journey Lab 用户旅程实验室');
    expect(i18n.t('journey.kinds.wait.wait', { ns: 'core' })).toBe('等待');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('keeps the latest choice when an earlier one finishes loading after it', async () => {
    const { default: i18n, setLanguage } = await freshI18n();
    const toChinese = setLanguage('zh-CN');
    const backToEnglish = setLanguage('en');
    await Promise.all([toChinese, backToEnglish]);
    expect(i18n.language).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('loads every catalog for the screens that show all languages at once', async () => {
    const { default: i18n, loadAllCatalogs, LANGUAGES } = await freshI18n();
    await loadAllCatalogs();
    for (const language of LANGUAGES) expect(loaded(i18n, language), language).toBe(true);
    expect(i18n.language).toBe('en');
  });

  it('refuses a language with no catalog, naming it', async () => {
    const { loadCatalog } = await freshI18n();
    await expect(loadCatalog('fr')).rejects.toThrow(/"fr".*en, zh-CN/);
  });
});
