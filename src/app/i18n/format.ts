// Numbers and lists in the user's language, through Intl rather than by hand; shared by the app and the
// CLI. One formatter per language and options, made on first use and kept.
import type { Language } from './index.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();

export function numberFormat(lang: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let found = numberFormats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(lang, options);
    numberFormats.set(key, found);
  }
  return found;
}

const listFormats = new Map<Language, Intl.ListFormat>();

function listFormat(lang: Language): Intl.ListFormat {
  let found = listFormats.get(lang);
  if (!found) {
    // Narrow: no "and" before the last item, so the list reads the same whatever it holds.
    found = new Intl.ListFormat(lang, { type: 'conjunction', style: 'narrow' });
    listFormats.set(lang, found);
  }
  return found;
}

/** Items of equal standing as one list, in the language's way: "a, b, c" in English, "a、b、c" in Chinese. */
export const formatList = (items: readonly string[], lang: Language): string => listFormat(lang).format(items);

/**
 * The separators of such a list whose items are not text (links, say): what goes before each item, ''
 * before the first, so `items.map((item, index) => <>{before[index]}{item}</>)` reads as formatList.
 */
export function listSeparators(count: number, lang: Language): string[] {
  const before: string[] = [];
  let pending = '';
  for (const part of listFormat(lang).formatToParts(Array.from({ length: count }, (_, index) => String(index)))) {
    if (part.type === 'element') {
      before.push(pending);
      pending = '';
    } else pending += part.value;
  }
  return before;
}

/** Choices as one list, in the language's way: "en or zh-CN" in English, "en或zh-CN" in Chinese. */
export const formatAlternatives = (items: readonly string[], lang: Language): string => new Intl.ListFormat(lang, { type: 'disjunction' }).format(items);
