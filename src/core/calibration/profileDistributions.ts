/**
 * What profiles say of each fitted segment, as the cohort format holds it: per categorical profile
 * column, the share of the segment's customers with each value; per numeric column, the mean and
 * standard deviation; per tag, the share of the segment's customers carrying it. Journeys then branch
 * on attributes and tags the user's own customers really have. Column and tag names become cohort keys
 * (snake_case for attributes, letters/digits/_/:/- for tags); a name with no such characters (中文 only)
 * gets a key by its position, and keeps its own name as the attribute's display name. A categorical
 * column named as a preset attribute replaces that attribute's distribution (journeys branching on it
 * then see the user's own customers); one that cannot (the preset's is numeric) is kept under `_2`.
 */
import { localized } from '../i18n';
import type { CohortSpecInput } from '../cohort/schema';
import type { ProfileImport } from './import/profiles';
import { sharesOf } from './fittedCohort';
import { foldToKey, uniqueKey } from './keys';

/** Values a categorical column may have to become a cohort attribute; beyond, it is an identifier, not a category. */
export const MAX_CATEGORY_VALUES = 50;

type AttributeDeclarations = NonNullable<CohortSpecInput['attributes']>;

export interface ProfileDistributions {
  attributes: AttributeDeclarations;
  tags: string[];
  /** Per segment (in the order given): categorical shares in percent, numeric distributions, tag chances. */
  segments: { attributes: Record<string, Record<string, number>>; numeric: Record<string, { mean: number; sd: number }>; tags: Record<string, number> }[];
  /** Profile columns left out (too many values, none) or kept under another key than their name's (`renamed`: the preset has that key for another kind of attribute, or two columns fold alike). */
  skipped: ({ name: string; reason: 'too-many-values' | 'no-values' } | { name: string; reason: 'renamed'; key: string })[];
  /** The cohort key each kept profile column and tag became (`position`: its index in the profile table), for a population's own values. */
  keys: { attributes: { position: number; key: string }[]; tags: { position: number; key: string }[] };
}

/** The cohort key of a profile name: folded to the format's characters, else the fallback; `_2`, `_3` … when taken. */
const foldedKey = (name: string, pattern: RegExp, fallback: string): string => {
  const folded = foldToKey(name, 60);
  return pattern.test(folded) ? folded : fallback;
};
export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,63}$/;
export const TAG_KEY = /^[A-Za-z0-9_][A-Za-z0-9_:-]{0,63}$/;

/** A profile value as the cohort declares it (values are at most 100 characters there). */
export const categoryValue = (value: string): string => value.slice(0, 100);

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;


/**
 * `members[s]`: the transaction-table customer indexes of segment s. `reserved`: attribute and tag
 * keys the preset already declares, which profile columns must not overwrite.
 */
export function profileDistributions(profiles: ProfileImport, members: readonly (readonly number[])[], preset: { attributes: AttributeDeclarations; tags: readonly string[] }): ProfileDistributions {
  const table = profiles.profiles;
  const rowOf = new Map<number, number>();
  for (let row = 0; row < table.length; row++) rowOf.set(table.customer[row]!, row);
  const attributeKeys = new Set(Object.keys(preset.attributes));
  const tagKeys = new Set<string>();
  const result: ProfileDistributions = { attributes: {}, tags: [], segments: members.map(() => ({ attributes: {}, numeric: {}, tags: {} })), skipped: [], keys: { attributes: [], tags: [] } };
  table.attributes.forEach((attribute, position) => {
    if (attribute.kind === 'categorical') {
      if (attribute.values.length > MAX_CATEGORY_VALUES) return result.skipped.push({ name: attribute.name, reason: 'too-many-values' });
      if (attribute.values.length === 0) return result.skipped.push({ name: attribute.name, reason: 'no-values' });
      // A column the preset also has (a city, a member tier) replaces its distribution: the preset's
      // values stay declared beside the data's, so segments the profiles do not cover still check.
      const base = foldedKey(attribute.name, ATTRIBUTE_KEY, `profile_${position + 1}`);
      const presetValues = preset.attributes[base]?.values;
      const key = presetValues && !result.attributes[base] ? base : uniqueKey(base, attributeKeys);
      if (key !== base && preset.attributes[base]) result.skipped.push({ name: attribute.name, reason: 'renamed', key });
      result.keys.attributes.push({ position, key });
      const values = attribute.values.map(categoryValue);
      result.attributes[key] = { ...(preset.attributes[key] ?? {}), name: preset.attributes[key]?.name ?? localized(attribute.name, attribute.name), values: [...new Set([...(presetValues && key === base ? presetValues.map(String) : []), ...values])] };
      members.forEach((customers, segment) => {
        const counts = new Map<string, number>();
        for (const customer of customers) {
          const row = rowOf.get(customer);
          const code = row === undefined ? -1 : attribute.codes[row]!;
          if (code >= 0) counts.set(values[code]!, (counts.get(values[code]!) ?? 0) + 1);
        }
        if (counts.size === 0) return;
        const shares = sharesOf([...counts.values()]);
        result.segments[segment]!.attributes[key] = Object.fromEntries([...counts.keys()].map((value, index) => [value, shares[index]!]));
      });
    } else {
      const known = Array.from(attribute.values).filter(Number.isFinite);
      if (known.length === 0) return result.skipped.push({ name: attribute.name, reason: 'no-values' });
      const base = foldedKey(attribute.name, ATTRIBUTE_KEY, `profile_${position + 1}`);
      const key = uniqueKey(base, attributeKeys);
      if (key !== base) result.skipped.push({ name: attribute.name, reason: 'renamed', key });
      result.keys.attributes.push({ position, key });
      const min = known.reduce((low, value) => Math.min(low, value), Infinity);
      const max = known.reduce((high, value) => Math.max(high, value), -Infinity);
      result.attributes[key] = { name: localized(attribute.name, attribute.name), numeric: { min, max, integer: known.every(Number.isInteger) } };
      members.forEach((customers, segment) => {
        let count = 0;
        let sum = 0;
        let squares = 0;
        for (const customer of customers) {
          const row = rowOf.get(customer);
          const value = row === undefined ? NaN : attribute.values[row]!;
          if (!Number.isFinite(value)) continue;
          count++;
          sum += value;
          squares += value * value;
        }
        if (count === 0) return;
        const mean = sum / count;
        result.segments[segment]!.numeric[key] = { mean: round(mean), sd: round(Math.sqrt(Math.max(0, squares / count - mean * mean))) };
      });
    }
  });
  table.tags.forEach((tag, position) => {
    // A tag the preset also has takes the data's chances; tags only differ by name, so no clash to rename.
    const key = uniqueKey(foldedKey(tag.name, TAG_KEY, `profile_tag_${position + 1}`), tagKeys);
    result.tags.push(key);
    result.keys.tags.push({ position, key });
    const carriers = new Set(tag.customers);
    members.forEach((customers, segment) => {
      if (customers.length === 0) return;
      let carrying = 0;
      for (const customer of customers) if (carriers.has(customer)) carrying++;
      result.segments[segment]!.tags[key] = round(carrying / customers.length);
    });
  });
  return result;
}
