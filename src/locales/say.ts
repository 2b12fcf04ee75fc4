// Renders core messages (a catalog key with its parameters, src/core/i18n.ts) through an i18next
// instance with i18next-icu: the app's and the CLI's each load the catalogs here, so a language is a
// catalog and nothing else. A key's first segment names its section, the i18next namespace ("core",
// "app", "cli"); parameters that are messages themselves are rendered first, in the same language.
import type { i18n as I18n } from 'i18next';
import { isMessage, type Localized, type Message, type MessageValue } from '../core/i18n';

/** What the shells show: a message, bilingual data from a file, or text in no particular language. */
export type Text = Message | Localized | string;

/** The text in a language; nothing (undefined) stays nothing. */
export interface Say {
  (text: Text, lang: string): string;
  (text: Text | null | undefined, lang: string): string | undefined;
}

/** Bilingual data (templates, lessons, names written in both) has no third language: English stands in. */
const pick = (text: Localized, lang: string): string => Object.entries(text).find(([tag]) => tag === lang)?.[1] ?? text.en;

/**
 * Called with the whole key when no catalog has it, not even English (a key built from parts that do not
 * exist, or a catalog entry deleted while code still uses it); the user then sees the key itself.
 */
export type MissingMessage = (key: string) => void;

/** i18next's exists(), with the namespace as a plain string (the key's first segment, checked above). */
interface Lookup {
  exists(key: string, options: { ns: string; lng: string }): boolean;
}

export function sayWith(instance: I18n, onMissing: MissingMessage): Say {
  // Numbers read exactly as String(n) did before the catalogs (limits are grouped by the core: grouped()).
  const valueIn = (value: MessageValue, lang: string): string =>
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : render(value, lang);
  function render(text: Message | Localized, lang: string): string {
    if (!isMessage(text)) return pick(text, lang);
    const split = text.key.indexOf('.');
    const ns = text.key.slice(0, split);
    const key = text.key.slice(split + 1);
    // exists() looks through the fallback languages too: a key only English has still renders, in English.
    if (split <= 0 || !(instance as unknown as Lookup).exists(key, { ns, lng: lang })) {
      onMissing(text.key);
      return text.key;
    }
    const replace: Record<string, string> = {};
    for (const [name, value] of Object.entries(text.values ?? {})) replace[name] = valueIn(value, lang);
    // values go in `replace` (i18next-icu reads them there), so a parameter can never be taken for an i18next option
    const t = instance.t as unknown as (key: string, options: { lng: string; ns: string; replace: Record<string, string> }) => string;
    return t(key, { lng: lang, ns, replace });
  }
  function say(text: Text | null | undefined, lang: string): string | undefined {
    if (text === null || text === undefined) return undefined;
    return typeof text === 'string' ? text : render(text, lang);
  }
  return say as Say;
}
