// The server's words: catalog messages (the CLI's instance, src/cli/i18n.ts) rendered in every language
// a catalog exists for, so an API answer carries them all and the client shows the one its user reads.
import type { Message } from '../core/i18n';
import { cliLanguages, say } from '../cli/i18n';

/** A text in every catalog's language, by BCP 47 tag: { en: "…", "zh-CN": "…" }. */
export type Texts = Record<string, string>;

export const inEveryLanguage = (text: Message): Texts => Object.fromEntries(cliLanguages.map((lang) => [lang, say(text, lang)]));
