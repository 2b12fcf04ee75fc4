import { z } from 'zod';
import type { Localized } from '../i18n';

const chinese = new Map<string, string>();
const zhLocale = z.locales.zhCN().localeError;

/**
 * A custom validation message in both languages. zod carries one message string per issue, so the
 * English text is what zod holds and the Chinese is looked up from it when a problem is reported.
 */
export function zodMessage(en: string, zh: string): string {
  chinese.set(en, zh);
  return en;
}

type ZodIssue = z.core.$ZodIssue;

/** An issue's message in both languages: ours where we wrote one, zod's own locales otherwise. */
export function localizeIssue(issue: ZodIssue): Localized {
  const zh = chinese.get(issue.message) ?? localeText(issue) ?? issue.message;
  return { en: issue.message, 'zh-CN': zh };
}

function localeText(issue: ZodIssue): string | undefined {
  const result = zhLocale(issue as Parameters<typeof zhLocale>[0]);
  return typeof result === 'string' ? result : result?.message;
}

/** A zod issue's path with symbol keys (never used by our schemas) spelled out, for locations. */
export const plainPath = (path: readonly PropertyKey[]): (string | number)[] => path.map((part) => (typeof part === 'symbol' ? String(part) : part));

/** A JSON object (not null, not an array): what untrusted input must be before its fields are read. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
