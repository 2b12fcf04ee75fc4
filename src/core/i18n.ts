/** The two languages every user-visible string exists in. */
export const languages = ['en', 'zh-CN'] as const;
export type Lang = (typeof languages)[number];

/** A string in both languages; core code never picks one, the shell (or CLI) does. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

export const localized = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });

/**
 * A whole number in a message, grouped by thousands with commas in both languages (20,000,000), so a
 * limit reads the same in English and Chinese; independent of the machine's locale.
 */
export const grouped = (count: number): string => (Number.isInteger(count) ? String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(count));

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** A text that may be one plain string or both languages, in the language asked for. */
export const textFor = (text: Localized | string, lang: Lang): string => (typeof text === 'string' ? text : text[lang]);
