// Tests read core messages as the user would: rendered through the catalogs (src/locales) by the app's
// i18next instance (the CLI's loads the same catalogs the same way, but reads them from the disk, which
// jsdom's module URLs cannot).
import { say, type Text } from '../../src/app/i18n/say';

export { say };

export function inEnglish(text: Text): string;
export function inEnglish(text: Text | null | undefined): string | undefined;
export function inEnglish(text: Text | null | undefined): string | undefined {
  return say(text, 'en');
}

export function inChinese(text: Text): string;
export function inChinese(text: Text | null | undefined): string | undefined;
export function inChinese(text: Text | null | undefined): string | undefined {
  return say(text, 'zh-CN');
}

/** Both languages, for comparing a message with the texts it used to be. */
export const inBoth = (text: Text): { en: string; 'zh-CN': string } => ({ en: say(text, 'en'), 'zh-CN': say(text, 'zh-CN') });

/** A problem (or anything with a message) with its message rendered in both languages, for toMatchObject. */
export const withText = <T extends { message: Text }>(item: T): Omit<T, 'message'> & { message: { en: string; 'zh-CN': string } } => ({ ...item, message: inBoth(item.message) });
