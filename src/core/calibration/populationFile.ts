/**
 * The population file (*.population.json, format version 2), through the shared versioned-format
 * module like journeys, cohorts and lessons: the cohort it belongs to, the day it describes, and one
 * column per field with one entry per customer — columnar, so pandas (`pd.DataFrame(doc["columns"])`),
 * polars or DuckDB read it as a table. Customer ids are salted SHA-256 hashes unless the user asked
 * for them as they are. Version 2 adds the customers' own profile values (`profile`). It holds
 * customer-level data: it stays on the user's machine.
 */
import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { message, type Message } from '../i18n';
import { upgrade, type Migration, type VersionedFormat } from '../format';
import { calendarDate } from '../journey/schema';
import { dayNumber } from '../calendar';
import type { PopulationAttribute, SimulationPopulation } from '../sim/engine/population';
import { ATTRIBUTE_KEY, MAX_CATEGORY_VALUES, TAG_KEY } from './profileDistributions';
import { isoDate } from './import/civil';
import type { BuiltPopulation } from './population';

export const POPULATION_SCHEMA_VERSION = 2;
/** The most customers a population file may hold (the simulator's limit on users). */
export const MAX_POPULATION = 10_000_000;

const column = (item: z.ZodNumber) => z.array(item).max(MAX_POPULATION);
const score = z.number().int().min(1).max(5);
/** Profile columns a population may carry: as many as a cohort declares at most. */
const MAX_PROFILE_COLUMNS = 100;

const profileSchema = z
  .strictObject({
    attributes: z
      .array(
        z.discriminatedUnion('kind', [
          z.strictObject({ key: z.string().regex(ATTRIBUTE_KEY), kind: z.literal('categorical'), values: z.array(z.string().max(100)).max(MAX_CATEGORY_VALUES), codes: column(z.number().int().min(-1).max(MAX_CATEGORY_VALUES - 1)) }),
          z.strictObject({ key: z.string().regex(ATTRIBUTE_KEY), kind: z.literal('numeric'), values: z.array(z.number().nullable()).max(MAX_POPULATION) }),
        ]),
      )
      .max(MAX_PROFILE_COLUMNS),
    tags: z.array(z.strictObject({ key: z.string().regex(TAG_KEY), carriers: column(z.number().int().min(0).max(1)) })).max(MAX_PROFILE_COLUMNS),
  })
  .meta({ description: 'Each customer’s own profile values, one entry per customer in each column, under the cohort keys the fit gave them: a category’s `codes` index `values` (−1: none), a number is null where the profile has none, a tag’s `carriers` is 1 where the customer carries it.' });

/**
 * Version 2 adds each customer's own profile values. `up` gives a version 1 file none (its customers
 * draw attributes and tags from their segment, as they did); `down` drops them.
 */
export const AddProfileColumns: Migration = {
  name: 'AddProfileColumns',
  from: 1,
  up: (document) => ({ ...document, schemaVersion: 2, profile: { attributes: [], tags: [] } }),
  down: ({ profile: _profile, ...document }) => ({ ...document, schemaVersion: 1 }),
};

export const populationSchema = z
  .strictObject({
    kind: z.literal('journey-lab-population'),
    schemaVersion: z.literal(POPULATION_SCHEMA_VERSION),
    cohort: z.string().min(1).max(64).meta({ description: 'The id of the fitted cohort whose segments the customers belong to.' }),
    asOf: calendarDate.meta({ description: 'The last day of the data: the customers as they stood at its end, when the journey launches.' }),
    seed: z.number().int().min(0).meta({ description: 'Seed of the posterior draws.' }),
    idsHashed: z.boolean().meta({ description: 'Whether `customer` holds salted SHA-256 hashes (the default; the salt is not kept, so they cannot be joined back) rather than the ids of the data.' }),
    segments: z.array(z.string().min(1).max(64)).min(1).max(100).meta({ description: 'The cohort’s segment ids the `segment` column counts from 0: a population is read against its cohort by id.' }),
    source: z.string().regex(/^[0-9a-f]{64}$/).nullable().meta({ description: 'SHA-256 of the transaction file it was fitted on (the cohort’s provenance has the same), so a population is never run with a cohort of other data.' }),
    columns: z.strictObject({
      customer: z.array(z.string().min(1).max(200)).max(MAX_POPULATION),
      segment: column(z.number().int().min(0).max(65_535)),
      recency: column(score),
      frequency: column(score),
      monetary: column(score),
      alive: column(z.number().int().min(0).max(1)),
      lambdaPerDay: column(z.number().min(0)),
      dropout: column(z.number().min(0).max(1)),
      spendRate: column(z.number().positive()),
    }),
    profile: profileSchema,
  })
  .meta({ id: 'Population', title: 'Journey Lab population', description: 'Real customers to simulate, one user each.' });

export const populationFormat: VersionedFormat<'population-invalid'> = {
  name: 'population',
  current: POPULATION_SCHEMA_VERSION,
  oldest: 1,
  migrations: [AddProfileColumns],
  codes: { notAnObject: 'population-invalid', missingVersion: 'population-invalid', unsupportedVersion: 'population-invalid', newerVersion: 'population-invalid' },
  words: {
    subject: message('core.calibration.population.thePopulation'),
    formatVersion: message('core.calibration.population.formatVersion'),
    action: message('core.calibration.population.useIt'),
    notAnObject: message('core.calibration.population.notAnObject'),
  },
  schema: () => populationSchema,
  describedAs: { title: 'Journey Lab population', description: 'Real customers to simulate with a fitted cohort, one user each (*.population.json).' },
};

/** A customer id as the file keeps it: the first 16 bytes of SHA-256(salt + id), in hex. */
export const hashedId = (salt: string, id: string): string => bytesToHex(sha256(utf8ToBytes(`${salt}\u0000${id}`))).slice(0, 32);

/** A population with what its file says of it besides the columns. */
export interface PopulationData {
  /** The fitted cohort's id. */
  cohort: string;
  /** The day (since 1970-01-01) the customers are described at. */
  asOf: number;
  seed: number;
  idsHashed: boolean;
  /** The cohort's segment ids that `population.segment` counts from 0. */
  segments: string[];
  /** SHA-256 of the transaction file. */
  source: string | null;
  /** Each user's customer id (hashed unless kept). */
  customer: string[];
  population: SimulationPopulation;
}

/** A built population as stored and written; `salt` null keeps the ids as they are. */
export function populationData(population: BuiltPopulation, ids: readonly string[], options: { cohort: string; seed: number; salt: string | null; segments: readonly string[]; source: string | null }): PopulationData {
  const { customer: indexes, ...columns } = population;
  return {
    cohort: options.cohort,
    asOf: population.asOf,
    seed: options.seed,
    idsHashed: options.salt !== null,
    segments: [...options.segments],
    source: options.source,
    customer: Array.from(indexes, (index) => (options.salt === null ? ids[index]! : hashedId(options.salt, ids[index]!))),
    population: columns,
  };
}

const attributeColumn = (attribute: PopulationAttribute) =>
  attribute.kind === 'categorical'
    ? { key: attribute.key, kind: attribute.kind, values: [...attribute.values], codes: Array.from(attribute.codes) }
    : { key: attribute.key, kind: attribute.kind, values: Array.from(attribute.values, (value) => (Number.isFinite(value) ? value : null)) };

/** The file's document (plain JSON) of a population. */
export function populationDocument(data: PopulationData) {
  const { population } = data;
  return {
    kind: 'journey-lab-population' as const,
    schemaVersion: POPULATION_SCHEMA_VERSION,
    cohort: data.cohort,
    asOf: isoDate(data.asOf),
    seed: data.seed,
    idsHashed: data.idsHashed,
    segments: [...data.segments],
    source: data.source,
    columns: {
      customer: [...data.customer],
      segment: Array.from(population.segment),
      recency: Array.from(population.recency),
      frequency: Array.from(population.frequency),
      monetary: Array.from(population.monetary),
      alive: Array.from(population.alive),
      lambdaPerDay: Array.from(population.lambdaPerDay),
      dropout: Array.from(population.dropout),
      spendRate: Array.from(population.spendRate),
    },
    profile: {
      attributes: (population.attributes ?? []).map(attributeColumn),
      tags: (population.tags ?? []).map((tag) => ({ key: tag.key, carriers: Array.from(tag.carriers) })),
    },
  };
}

export type PopulationRead = ({ ok: true } & PopulationData) | { ok: false; problem: Message };

/** A population file's JSON checked and read into columns; a problem names what is wrong and where. */
export function readPopulation(input: unknown): PopulationRead {
  const migrated = upgrade(populationFormat, input);
  if (!migrated.ok) return { ok: false, problem: migrated.problem.message };
  const parsed = populationSchema.safeParse(migrated.document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: message('core.calibration.population.invalid', { path: issue.path.join('.') || '—' }) };
  }
  const { columns, profile } = parsed.data;
  const size = columns.customer.length;
  const lengths: [string, number][] = [
    ...Object.entries(columns).map(([name, values]): [string, number] => [name, values.length]),
    ...profile.attributes.map((attribute): [string, number] => [`profile.${attribute.key}`, attribute.kind === 'categorical' ? attribute.codes.length : attribute.values.length]),
    ...profile.tags.map((tag): [string, number] => [`profile.${tag.key}`, tag.carriers.length]),
  ];
  for (const [name, length] of lengths) if (length !== size) return { ok: false, problem: message('core.calibration.population.lengths', { column: name, length, size }) };
  const badCode = profile.attributes.find((attribute) => attribute.kind === 'categorical' && attribute.codes.some((code) => code >= attribute.values.length));
  if (badCode) return { ok: false, problem: message('core.calibration.population.invalid', { path: `profile.attributes.${badCode.key}.codes` }) };
  const asOf = dayNumber(parsed.data.asOf)!;
  return {
    ok: true,
    cohort: parsed.data.cohort,
    asOf,
    seed: parsed.data.seed,
    idsHashed: parsed.data.idsHashed,
    segments: parsed.data.segments,
    source: parsed.data.source,
    customer: columns.customer,
    population: {
      size,
      asOf,
      segment: Uint16Array.from(columns.segment),
      recency: Uint8Array.from(columns.recency),
      frequency: Uint8Array.from(columns.frequency),
      monetary: Uint8Array.from(columns.monetary),
      alive: Uint8Array.from(columns.alive),
      lambdaPerDay: Float64Array.from(columns.lambdaPerDay),
      dropout: Float64Array.from(columns.dropout),
      spendRate: Float64Array.from(columns.spendRate),
      attributes: profile.attributes.map((attribute): PopulationAttribute =>
        attribute.kind === 'categorical'
          ? { key: attribute.key, kind: 'categorical', values: attribute.values, codes: Int32Array.from(attribute.codes) }
          : { key: attribute.key, kind: 'numeric', values: Float64Array.from(attribute.values, (value) => value ?? NaN) },
      ),
      tags: profile.tags.map((tag) => ({ key: tag.key, carriers: Uint8Array.from(tag.carriers) })),
    },
  };
}

/**
 * A read population made to fit the cohort it is run with: the same cohort id, the same data (when both
 * say what they were fitted on), and every segment it names found in the cohort by id — its `segment`
 * column renumbered to the cohort's order. Anything else would put customers in the wrong segments.
 * Profile columns of attributes or tags the cohort no longer declares are left out: no journey run
 * with the cohort can ask for them.
 */
export function populationForCohort(
  read: PopulationData,
  cohort: { id?: unknown; segments?: readonly { id?: unknown }[]; attributes?: unknown; tags?: unknown; provenance?: { sources?: readonly { role?: unknown; sha256?: unknown }[] } },
): { ok: true; population: SimulationPopulation } | { ok: false; problem: Message } {
  if (read.cohort !== cohort.id) return { ok: false, problem: message('core.calibration.population.otherCohort', { population: read.cohort, cohort: String(cohort.id) }) };
  const fittedOn = cohort.provenance?.sources?.find((source) => source.role === 'transactions')?.sha256;
  if (read.source !== null && typeof fittedOn === 'string' && fittedOn !== read.source) return { ok: false, problem: message('core.calibration.population.otherData', { cohort: String(cohort.id) }) };
  const ids = (cohort.segments ?? []).map((segment) => segment.id);
  const index = read.segments.map((id) => ids.indexOf(id));
  const missing = read.segments.find((_, at) => index[at]! < 0);
  if (missing !== undefined) return { ok: false, problem: message('core.calibration.population.unknownSegment', { segment: missing, cohort: String(cohort.id) }) };
  const population = read.population;
  const segment = Uint16Array.from(population.segment, (at) => index[at] ?? 65_535);
  const declared = typeof cohort.attributes === 'object' && cohort.attributes !== null ? cohort.attributes : {};
  const tags = new Set(Array.isArray(cohort.tags) ? cohort.tags : []);
  return {
    ok: true,
    population: {
      ...population,
      segment,
      attributes: (population.attributes ?? []).filter((attribute) => Object.hasOwn(declared, attribute.key)),
      tags: (population.tags ?? []).filter((tag) => tags.has(tag.key)),
    },
  };
}
