// Every catalog in src/locales against the English one: the same keys, every message valid ICU
// MessageFormat with the same arguments (a translation cannot drop or rename one the code passes); and
// every message key the sources name (core's `message('core.…')`) is in the catalogs.
import IntlMessageFormat from 'intl-messageformat';
import { languageOfCatalog } from '../../src/locales/catalogs';

const catalogs = new Map(
  Object.entries(import.meta.glob<unknown>('../../src/locales/*.json', { eager: true, import: 'default' })).map(([path, catalog]) => [languageOfCatalog(path), catalog]),
);

/** Every message by its key path ("app.home.title"); anything that is neither a message nor a section is reported as such. */
function messages(value: unknown, prefix = ''): Map<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Map([[prefix, value]]);
  return new Map(Object.entries(value).flatMap(([key, child]) => [...messages(child, prefix ? `${prefix}.${key}` : key)]));
}

interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
}

/**
 * The names of the arguments a message uses, nested in plural and select cases too; `selectorsOnly`
 * keeps those that only choose a plural form (a language without plural forms has no use for them).
 */
function argumentsOf(elements: readonly Element[], { selectorsOnly = false } = {}): Set<string> {
  const used = new Set<string>();
  const printed = new Set<string>();
  const walk = (list: readonly Element[]) => {
    for (const element of list) {
      // 0 is literal text and 7 a plural's #: neither names an argument; 6 is a plural.
      if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') {
        used.add(element.value);
        if (element.type !== 6) printed.add(element.value);
      }
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(elements);
  return selectorsOnly ? new Set([...used].filter((name) => !printed.has(name))) : used;
}

const parse = (message: string, language: string) => new IntlMessageFormat(message, language, undefined, { ignoreTag: true, requiresOtherClause: true });

const english = messages(catalogs.get('en'));
const sources = import.meta.glob<string>('../../src/**/*.{ts,tsx}', { eager: true, query: '?raw', import: 'default' });

describe('message catalogs', () => {
  it('has English and Simplified Chinese', () => {
    expect([...catalogs.keys()]).toEqual(expect.arrayContaining(['en', 'zh-CN']));
  });

  it('has a section per shell and one for the core, each an i18next namespace', () => {
    for (const catalog of catalogs.values()) expect(Object.keys(catalog as object).sort()).toEqual(['app', 'cli', 'core']);
  });

  it('has every message the sources name by key', () => {
    const keys = [...Object.values(sources)].flatMap((text) => [...text.matchAll(/\b(?:message|catalogMessage)\('((?:core|app|cli)\.[\w.]+)'/g)].map((match) => match[1]!));
    expect(keys.length).toBeGreaterThan(500);
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
  });

  it.each([...catalogs.keys()])('%s has the same keys as English, all of them messages', (language) => {
    const found = messages(catalogs.get(language));
    expect([...found.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of found) expect(typeof message, key).toBe('string');
  });

  it.each([...catalogs.keys()])('every %s message is ICU MessageFormat with the arguments of the English one (those that only pick a plural form may go)', (language) => {
    for (const [key, message] of messages(catalogs.get(language))) {
      const englishAst = parse(String(english.get(key)), 'en').getAst() as Element[];
      let ast: Element[] = [];
      expect(() => (ast = parse(String(message), language).getAst() as Element[]), `${language} ${key}`).not.toThrow();
      const optional = argumentsOf(englishAst, { selectorsOnly: true });
      const wanted = [...argumentsOf(englishAst)].filter((name) => !optional.has(name) || argumentsOf(ast).has(name));
      expect([...argumentsOf(ast)].sort(), `${language} ${key}`).toEqual(wanted.sort());
    }
  });

  // i18next's own {{name}} does not parse as ICU (above); its plural keys would parse but never be used.
  it('has no i18next plural keys (key_one, key_other): ICU plurals are inside the message', () => {
    for (const key of english.keys()) expect(key).not.toMatch(/_(zero|one|two|few|many|other)$/);
  });
});
