// Pure editing of a cohort draft's vocabulary: declared attributes (with their values or range), tags,
// and per-segment event rates. Drafts are specs as typed, possibly invalid, so every function takes
// and returns plain records and never throws; a rename or removal carries through to every segment,
// so no segment is left giving shares for a name that no longer exists.
import type { z } from 'zod';
import { message, type Message } from '../i18n';
import { eventNameSchema } from '../journey/events';
import { isPlainObject, localizeIssue } from '../journey/zodMessages';
import { attributeNameSchema, modelledEvents, tagNameSchema } from './schema';

type Raw = Record<string, unknown>;
export type AttributeKind = 'categorical' | 'numeric';

const record = (value: unknown): Raw => (isPlainObject(value) ? value : {});
const segmentsOf = (spec: Raw): unknown[] => (Array.isArray(spec.segments) ? spec.segments : []);

/** The first message of a failed parse, in both languages. */
function schemaMessage(schema: z.ZodType, value: string): Message | null {
  const parsed = schema.safeParse(value);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return issue ? localizeIssue(issue) : null;
}

const listedTwice = (name: string) => message('core.cohort.vocabulary.listedTwice', { name });

/** Why `name` cannot be a new attribute (not snake_case, or already declared); null when it can. */
export function attributeNameProblem(name: string, existing: readonly string[]): Message | null {
  return schemaMessage(attributeNameSchema, name) ?? (existing.includes(name) ? listedTwice(name) : null);
}

/** Why `tag` cannot be a new tag; null when it can. */
export function tagNameProblem(tag: string, existing: readonly string[]): Message | null {
  return schemaMessage(tagNameSchema, tag) ?? (existing.includes(tag) ? listedTwice(tag) : null);
}

/** Why `value` cannot be a new value of a categorical attribute (empty, too long, or already listed). */
export function attributeValueProblem(value: string, existing: readonly string[]): Message | null {
  if (value.trim() === '' || value.length > 100) return message('core.cohort.vocabulary.aValueIs1100');
  return existing.includes(value) ? listedTwice(value) : null;
}

/** Why a new attribute cannot be declared: its name, or (categorical) no values or a bad one. */
export function newAttributeProblem(name: string, existing: readonly string[], kind: AttributeKind, values: readonly string[]): Message | null {
  const problem = attributeNameProblem(name, existing);
  if (problem || kind === 'numeric') return problem;
  if (values.length === 0) return message('core.cohort.vocabulary.listAtLeastOneValue');
  return values.map((value, at) => attributeValueProblem(value, values.slice(0, at))).find(Boolean) ?? null;
}

/**
 * Why `event` cannot get a rate in a segment: not a snake_case event name, an event the behaviour
 * model makes itself (the same rule checkCohort reports as cohort-modelled-event), or already rated.
 */
export function eventRateProblem(event: string, existing: readonly string[]): Message | null {
  const invalid = schemaMessage(eventNameSchema, event);
  if (invalid) return invalid;
  if ((modelledEvents as readonly string[]).includes(event))
    return event === 'purchase'
      ? message('core.cohort.vocabulary.purchasesComeFromThePurchase')
      : message('core.cohort.vocabulary.comesFromResponsesToTouches', { event });
  return existing.includes(event) ? listedTwice(event) : null;
}

/** A copy of `source` with key `from` renamed to `to`, in the same place (later keys stay after it). */
function renameKey(source: Raw, from: string, to: string): Raw {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key === from ? to : key, value]));
}

function withoutKey(source: Raw, key: string): Raw {
  const { [key]: _removed, ...rest } = source;
  return rest;
}

/** Applies `change` to each segment that is a record (others are kept as typed). */
function eachSegment(spec: Raw, change: (segment: Raw) => Raw): Raw {
  if (!Array.isArray(spec.segments)) return spec;
  return { ...spec, segments: spec.segments.map((segment) => (isPlainObject(segment) ? change(segment) : segment)) };
}

/** Applies `change` to one record field of every segment, when the segment has it. */
function eachSegmentField(spec: Raw, field: string, change: (value: Raw) => Raw): Raw {
  return eachSegment(spec, (segment) => (isPlainObject(segment[field]) ? { ...segment, [field]: change(segment[field]) } : segment));
}

/** Declares a new attribute: categorical with the given values, or numeric over 0–100 to adjust. */
export function addAttribute(spec: Raw, name: string, kind: AttributeKind, values: readonly string[] = []): Raw {
  const declaration = kind === 'categorical' ? { values: [...values] } : { numeric: { min: 0, max: 100, integer: false } };
  return { ...spec, attributes: { ...record(spec.attributes), [name]: declaration } };
}

/** Renames an attribute in the declarations and in every segment's shares and normal distributions. */
export function renameAttribute(spec: Raw, from: string, to: string): Raw {
  const renamed = { ...spec, attributes: renameKey(record(spec.attributes), from, to) };
  const rename = (value: Raw) => renameKey(value, from, to);
  return eachSegmentField(eachSegmentField(renamed, 'attributes', rename), 'numeric', rename);
}

/** Removes an attribute from the declarations and from every segment. */
export function removeAttribute(spec: Raw, name: string): Raw {
  const removed = { ...spec, attributes: withoutKey(record(spec.attributes), name) };
  const remove = (value: Raw) => withoutKey(value, name);
  return eachSegmentField(eachSegmentField(removed, 'attributes', remove), 'numeric', remove);
}

/** The declared values of a categorical attribute as text (the keys its shares use). */
export function attributeValues(spec: Raw, name: string): string[] {
  const values = record(record(spec.attributes)[name]).values;
  return Array.isArray(values) ? values.map(String) : [];
}

/** Changes the share records of one attribute: the declaration's and every segment's. */
function eachShares(spec: Raw, name: string, change: (shares: Raw) => Raw): Raw {
  const attributes = record(spec.attributes);
  const declaration = record(attributes[name]);
  const withDeclaration = isPlainObject(declaration.shares) ? { ...spec, attributes: { ...attributes, [name]: { ...declaration, shares: change(declaration.shares) } } } : spec;
  return eachSegmentField(withDeclaration, 'attributes', (shares) => (isPlainObject(shares[name]) ? { ...shares, [name]: change(shares[name]) } : shares));
}

function setValues(spec: Raw, name: string, values: unknown[]): Raw {
  const attributes = record(spec.attributes);
  return { ...spec, attributes: { ...attributes, [name]: { ...record(attributes[name]), values } } };
}

const valuesOf = (spec: Raw, name: string): unknown[] => {
  const values = record(record(spec.attributes)[name]).values;
  return Array.isArray(values) ? values : [];
};

/** Adds a value to a categorical attribute (as text; segments give it no share until edited). */
export function addAttributeValue(spec: Raw, name: string, value: string): Raw {
  return setValues(spec, name, [...valuesOf(spec, name), value]);
}

/**
 * Renames a value; its shares follow it. A number or boolean stays one when the new text still reads
 * as one, so a value like 3 is not turned into "3" by an edit that keeps it numeric.
 */
export function renameAttributeValue(spec: Raw, name: string, from: string, to: string): Raw {
  const retyped = (old: unknown): unknown => {
    if (typeof old === 'number' && to.trim() !== '' && Number.isFinite(Number(to))) return Number(to);
    if (typeof old === 'boolean' && (to === 'true' || to === 'false')) return to === 'true';
    return to;
  };
  const old = valuesOf(spec, name).find((value) => String(value) === from);
  const next = old === undefined ? to : retyped(old);
  const values = valuesOf(spec, name).map((value) => (String(value) === from ? next : value));
  // Shares are keyed by the value as text: "3.0" typed for the number 3 keys its shares "3", as it is shown.
  return eachShares(setValues(spec, name, values), name, (shares) => renameKey(shares, from, String(next)));
}

/** Removes a value and its shares everywhere (the shares left may then need normalising). */
export function removeAttributeValue(spec: Raw, name: string, value: string): Raw {
  const values = valuesOf(spec, name).filter((candidate) => String(candidate) !== value);
  return eachShares(setValues(spec, name, values), name, (shares) => withoutKey(shares, value));
}

const tagsOf = (spec: Raw): unknown[] => (Array.isArray(spec.tags) ? spec.tags : []);

/** Adds a tag to the vocabulary; every segment gives it 0 % until edited. */
export function addTag(spec: Raw, tag: string): Raw {
  return { ...spec, tags: [...tagsOf(spec), tag] };
}

/** Renames a tag in the vocabulary and in every segment's chances. */
export function renameTag(spec: Raw, from: string, to: string): Raw {
  const renamed = { ...spec, tags: tagsOf(spec).map((tag) => (tag === from ? to : tag)) };
  return eachSegmentField(renamed, 'tags', (chances) => renameKey(chances, from, to));
}

/** Removes a tag from the vocabulary and from every segment. */
export function removeTag(spec: Raw, tag: string): Raw {
  const removed = { ...spec, tags: tagsOf(spec).filter((candidate) => candidate !== tag) };
  return eachSegmentField(removed, 'tags', (chances) => withoutKey(chances, tag));
}

/** Gives segment `index` a rate of 0 a day for `event` (the caller checks eventRateProblem first). */
export function addEventRate(spec: Raw, index: number, event: string): Raw {
  const segments = segmentsOf(spec);
  const segment = segments[index];
  if (!isPlainObject(segment)) return spec;
  const behaviour = record(segment.behaviour);
  const next = { ...segment, behaviour: { ...behaviour, events: { ...record(behaviour.events), [event]: { perDay: 0 } } } };
  return { ...spec, segments: segments.map((candidate, at) => (at === index ? next : candidate)) };
}
