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

/**
 * The language bilingual data (templates, lessons, presets) is shown in for an interface language (any
 * catalog's tag): the same one if the data has it, else Chinese for any zh-* tag, else English.
 */
export function dataLanguage(language: string): Lang {
  if (isLang(language)) return language;
  return language.toLowerCase().split(/[-_]/)[0] === 'zh' ? 'zh-CN' : 'en';
}

/** A text that may be one plain string or both languages, in the language asked for (see dataLanguage). */
export const textFor = (text: Localized | string, language: string): string => (typeof text === 'string' ? text : text[dataLanguage(language)]);

/**
 * A user-visible text as a catalog key with its parameters. Core never renders it: the shells (app,
 * CLI) do, through the ICU catalogs in src/locales, so adding a language means adding a catalog.
 */
export interface Message {
  key: string;
  values?: Readonly<Record<string, MessageValue>>;
}

/** A parameter: text, a number (shown as String(n)), another message, or bilingual data from a file. */
export type MessageValue = string | number | Message | Localized;

export const message = (key: string, values?: Record<string, MessageValue>): Message => (values ? { key, values } : { key });

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';

/** A text shown as it is in every language (a name, a formatted number), bilingual data from a file, or a message already. */
export const verbatim = (text: string | Localized | Message): Message => (isMessage(text) ? text : message('core.i18n.verbatim', { text }));

/** How parts are put in a row, per language (catalog keys core.i18n.join.*). */
export type Joiner = 'sentences' | 'list' | 'clauses' | 'and' | 'or' | 'units' | 'all' | 'any' | 'semicolons' | 'slashes' | 'arrows' | 'plus';

/** Parts in a row: sentences spaced in English and run together in Chinese, lists with , or 、 … */
export function joinedMessages(parts: readonly (string | Localized | Message)[], joiner: Joiner = 'sentences'): Message {
  const shown = parts.map((part) => verbatim(part));
  const last = shown.pop();
  if (!last) return verbatim('');
  return shown.reduceRight((tail, head) => message(`core.i18n.join.${joiner}`, { head, tail }), last);
}
