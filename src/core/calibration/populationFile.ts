/**
 * The population file (*.population.json, format version 1), through the shared versioned-format
 * module like journeys, cohorts and lessons: the cohort it belongs to, the day it describes, and one
 * column per field with one entry per customer — columnar, so pandas (`pd.DataFrame(doc["columns"])`),
 * polars or DuckDB read it as a table. Customer ids are salted SHA-256 hashes unless the user asked
 * for them as they are. It holds customer-level data: it stays on the user's machine.
 */
import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { message, type Message } from '../i18n';
import { upgrade, type VersionedFormat } from '../format';
import { calendarDate } from '../journey/schema';
import { dayNumber } from '../calendar';
import type { SimulationPopulation } from '../sim/engine/population';
import { isoDate } from './import/civil';
import type { BuiltPopulation } from './population';

export const POPULATION_SCHEMA_VERSION = 1;
/** The most customers a population file may hold (the simulator's limit on users). */
export const MAX_POPULATION = 10_000_000;

const column = (item: z.ZodNumber) => z.array(item).max(MAX_POPULATION);
const score = z.number().int().min(1).max(5);

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
  })
  .meta({ id: 'Population', title: 'Journey Lab population', description: 'Real customers to simulate, one user each.' });

export const populationFormat: VersionedFormat<'population-invalid'> = {
  name: 'population',
  current: POPULATION_SCHEMA_VERSION,
  oldest: 1,
  migrations: [],
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

/** The file's document for a built population; `salt` null keeps the ids as they are. */
export function populationDocument(population: BuiltPopulation, ids: readonly string[], options: { cohort: string; seed: number; salt: string | null; segments: readonly string[]; source: string | null }) {
  const customer = Array.from(population.customer, (index) => (options.salt === null ? ids[index]! : hashedId(options.salt, ids[index]!)));
  return {
    kind: 'journey-lab-population' as const,
    schemaVersion: POPULATION_SCHEMA_VERSION,
    cohort: options.cohort,
    asOf: isoDate(population.asOf),
    seed: options.seed,
    idsHashed: options.salt !== null,
    segments: [...options.segments],
    source: options.source,
    columns: {
      customer,
      segment: Array.from(population.segment),
      recency: Array.from(population.recency),
      frequency: Array.from(population.frequency),
      monetary: Array.from(population.monetary),
      alive: Array.from(population.alive),
      lambdaPerDay: Array.from(population.lambdaPerDay),
      dropout: Array.from(population.dropout),
      spendRate: Array.from(population.spendRate),
    },
  };
}

export type PopulationRead = { ok: true; population: SimulationPopulation; cohort: string; asOf: number; segments: string[]; source: string | null } | { ok: false; problem: Message };

/** A population file's JSON checked and read into columns; a problem names what is wrong and where. */
export function readPopulation(input: unknown): PopulationRead {
  const migrated = upgrade(populationFormat, input);
  if (!migrated.ok) return { ok: false, problem: migrated.problem.message };
  const parsed = populationSchema.safeParse(migrated.document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: message('core.calibration.population.invalid', { path: issue.path.join('.') || '—' }) };
  }
  const { columns } = parsed.data;
  const size = columns.customer.length;
  for (const [name, values] of Object.entries(columns))
    if (values.length !== size) return { ok: false, problem: message('core.calibration.population.lengths', { column: name, length: values.length, size }) };
  return {
    ok: true,
    cohort: parsed.data.cohort,
    asOf: dayNumber(parsed.data.asOf)!,
    segments: parsed.data.segments,
    source: parsed.data.source,
    population: {
      size,
      asOf: dayNumber(parsed.data.asOf)!,
      segment: Uint16Array.from(columns.segment),
      recency: Uint8Array.from(columns.recency),
      frequency: Uint8Array.from(columns.frequency),
      monetary: Uint8Array.from(columns.monetary),
      alive: Uint8Array.from(columns.alive),
      lambdaPerDay: Float64Array.from(columns.lambdaPerDay),
      dropout: Float64Array.from(columns.dropout),
      spendRate: Float64Array.from(columns.spendRate),
    },
  };
}

/**
 * A read population made to fit the cohort it is run with: the same cohort id, the same data (when both
 * say what they were fitted on), and every segment it names found in the cohort by id — its `segment`
 * column renumbered to the cohort's order. Anything else would put customers in the wrong segments.
 */
export function populationForCohort(read: Extract<PopulationRead, { ok: true }>, cohort: { id?: unknown; segments?: readonly { id?: unknown }[]; provenance?: { sources?: readonly { role?: unknown; sha256?: unknown }[] } }): { ok: true; population: SimulationPopulation } | { ok: false; problem: Message } {
  if (read.cohort !== cohort.id) return { ok: false, problem: message('core.calibration.population.otherCohort', { population: read.cohort, cohort: String(cohort.id) }) };
  const fittedOn = cohort.provenance?.sources?.find((source) => source.role === 'transactions')?.sha256;
  if (read.source !== null && typeof fittedOn === 'string' && fittedOn !== read.source) return { ok: false, problem: message('core.calibration.population.otherData', { cohort: String(cohort.id) }) };
  const ids = (cohort.segments ?? []).map((segment) => segment.id);
  const index = read.segments.map((id) => ids.indexOf(id));
  const missing = read.segments.find((_, at) => index[at]! < 0);
  if (missing !== undefined) return { ok: false, problem: message('core.calibration.population.unknownSegment', { segment: missing, cohort: String(cohort.id) }) };
  const population = read.population;
  const segment = Uint16Array.from(population.segment, (at) => index[at] ?? 65_535);
  return { ok: true, population: { ...population, segment } };
}
