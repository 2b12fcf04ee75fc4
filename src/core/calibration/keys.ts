/**
 * Names from the user's data (profile columns, their values, tags) as keys of a cohort: folded to
 * lower-case Latin letters, digits and `_` (accents dropped, anything else one `_`), and made unique
 * with `_2`, `_3` … One place for both the fitted segments' ids and the profile attributes' keys.
 */

/** `text` folded to `[a-z0-9_]`, without leading or trailing `_`, at most `maxLength` characters ('' when nothing is left). */
export const foldToKey = (text: string, maxLength: number): string =>
  text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, maxLength);

/** `base`, or `base_2`, `base_3` … — the first not in `taken`, which it is added to. */
export function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let suffix = 2; taken.has(key); suffix++) key = `${base}_${suffix}`;
  taken.add(key);
  return key;
}
