// The cohort editor's draft: the spec as typed (numbers, or the text typed where it is not a number),
// edited by path, so nothing typed is lost while it does not check.
import { dataLanguage } from '../../core/i18n';
import type { Language } from '../i18n/index.ts';
import { isPlainObject } from '../../core/journey';
import type { Problem } from '../../core/journey';

export type Json = Record<string, unknown>;
export type Path = readonly (string | number)[];

export const pathKey = (path: Path): string => path.join('.');

/**
 * A copy of `root` with `value` at `path` (undefined removes the key); missing objects are created.
 * Only the containers along the path are copied, so untouched segments keep their identity and their
 * memoised forms skip re-rendering.
 */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return value as T;
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(root) ? [...root] : isPlainObject(root) ? { ...root } : {};
  const slots = container as Record<string | number, unknown>;
  if (rest.length === 0 && value === undefined && !Array.isArray(container)) delete slots[key];
  else slots[key] = rest.length === 0 ? value : setAt(slots[key], rest, value);
  return container as T;
}

export function getAt(root: unknown, path: Path): unknown {
  let at = root;
  for (const key of path) {
    if (!isPlainObject(at) && !Array.isArray(at)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** The problems by path (each problem under its own path's key). */
export function problemsByPath(problems: readonly Problem[]): Map<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const problem of problems) {
    const key = pathKey((problem.location as { path?: Path }).path ?? []);
    map.set(key, [...(map.get(key) ?? []), problem]);
  }
  return map;
}

/** Problems at `path` (and, with `within`, under it). */
export function problemsAt(map: Map<string, Problem[]>, path: Path, within = true): Problem[] {
  const key = pathKey(path);
  if (!within) return map.get(key) ?? [];
  return [...map.entries()].filter(([at]) => at === key || at.startsWith(`${key}.`)).flatMap(([, found]) => found);
}

/** Text in one language: a plain string is the same in both. */
export function textIn(value: unknown, lang: Language): string {
  if (typeof value === 'string') return value;
  const key = dataLanguage(lang);
  if (isPlainObject(value) && typeof value[key] === 'string') return value[key];
  return '';
}

/** The text with one language's version replaced (a plain string becomes the two-language form). */
export function withText(value: unknown, lang: Language, text: string): { en: string; 'zh-CN': string } {
  const en = textIn(value, 'en');
  const zh = textIn(value, 'zh-CN');
  return { en, 'zh-CN': zh, [dataLanguage(lang)]: text } as { en: string; 'zh-CN': string };
}

/** What a numeric field shows for a stored value (scaled, e.g. ×100 for percentages). */
export function displayNumber(value: unknown, scale = 1): string {
  if (typeof value === 'number') return String(Math.round(value * scale * 1e9) / 1e9);
  if (typeof value === 'string') return value;
  return '';
}

/** What a numeric field stores for the typed text: a number when it is one, else the text itself. */
export function parseNumber(text: string, scale = 1): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? Math.round((number / scale) * 1e12) / 1e12 : text;
}

/** A fresh id for a copied cohort, e.g. "ecommerce-k3j9a2". */
export function newCohortId(base: string): string {
  const random = globalThis.crypto?.randomUUID?.().replace(/-/g, '').slice(0, 6) ?? Math.random().toString(36).slice(2, 8);
  const stem = base.replace(/-[a-z0-9]{6}$/, '').slice(0, 50) || 'cohort';
  return `${/^[A-Za-z_]/.test(stem) ? stem : `c${stem}`}-${random}`;
}
