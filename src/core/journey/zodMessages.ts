import { z } from 'zod';
import { verbatim, type Message } from '../i18n';

const ours = new Map<string, Message>();
const zhLocale = z.locales.zhCN().localeError;

/**
 * A custom validation message. zod carries one message string per issue, so zod holds the message's
 * key (with its parameters) and the message is looked up from it when a problem is reported.
 */
export function zodMessage(message: Message): string {
  const token = message.values ? `${message.key} ${JSON.stringify(message.values)}` : message.key;
  ours.set(token, message);
  return token;
}

type ZodIssue = z.core.$ZodIssue;

/** An issue's message in both languages: ours where we wrote one, zod's own locales otherwise. */
export function localizeIssue(issue: ZodIssue): Message {
  return ours.get(issue.message) ?? verbatim({ en: issue.message, 'zh-CN': localeText(issue) ?? issue.message });
}

function localeText(issue: ZodIssue): string | undefined {
  const result = zhLocale(issue as Parameters<typeof zhLocale>[0]);
  return typeof result === 'string' ? result : result?.message;
}

/** A zod issue's path with symbol keys (never used by our schemas) spelled out, for locations. */
export const plainPath = (path: readonly PropertyKey[]): (string | number)[] => path.map((part) => (typeof part === 'symbol' ? String(part) : part));

/** A JSON object (not null, not an array): what untrusted input must be before its fields are read. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
