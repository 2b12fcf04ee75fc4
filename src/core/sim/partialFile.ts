/**
 * The partial file (*.partial.json, format version 1): what one shard of a run — one contiguous range
 * of its users, every replication — counted, so that shards run on several machines add up to the
 * one-machine report (`journey-lab simulate --shard K/N --partial OUT`, then `journey-lab merge`).
 *
 * Counters are whole numbers (counters.ts): wide counters are kept in limbs below 2^53, so every entry
 * is a safe integer and JSON carries it exactly; adding the shards' arrays and building the report
 * gives the very report one machine gives. The file carries the checked journey and cohort documents
 * (a merge needs their shape to build the report) and their SHA-256, so partials of different runs are
 * refused rather than added.
 */
import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { message, type Message } from '../i18n';
import { upgrade, type VersionedFormat } from '../format';
import { engines, runTask, type CheckedSimulation, type RangeRunner, type SimulationPopulation } from './engine';
import { MAX_REPLICATIONS, MAX_SEED, MAX_SHARDED_USERS, splitUsers } from './engine/simulate';

export const PARTIAL_SCHEMA_VERSION = 1;
/** The largest partial file read, in characters (a 10-year horizon, many nodes, 100 replications fit). */
export const MAX_PARTIAL_CHARS = 256 * 1024 * 1024;
/** The most counters one replication of a run has (the layout of the largest journey and horizon). */
const MAX_COUNTERS = 4_000_000;
/** The most shards a run is split into. */
export const MAX_SHARDS = 100_000;

const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const partialSchema = z
  .strictObject({
    kind: z.literal('journey-lab-partial'),
    schemaVersion: z.literal(PARTIAL_SCHEMA_VERSION),
    journey: z.strictObject({ sha256: hash, document: z.record(z.string(), z.unknown()) }).meta({ description: 'The checked journey document and the SHA-256 of its JSON.' }),
    cohort: z.strictObject({ sha256: hash, document: z.record(z.string(), z.unknown()) }).meta({ description: 'The checked cohort spec and the SHA-256 of its JSON.' }),
    population: hash.nullable().meta({ description: 'SHA-256 of the real customers simulated (their columns), or null for synthetic users.' }),
    seed: z.number().int().min(0).max(MAX_SEED),
    users: z.number().int().min(1).max(MAX_SHARDED_USERS).meta({ description: 'Users of the whole run, all shards together (each shard at most 10,000,000).' }),
    horizon: z.string().max(100).meta({ description: 'The journey’s horizon, as its settings write it.' }),
    replications: z.number().int().min(1).max(MAX_REPLICATIONS),
    engine: z.enum(engines),
    shard: z
      .strictObject({ index: z.number().int().min(0), count: z.number().int().min(1).max(MAX_SHARDS), start: z.number().int().min(0), end: z.number().int().min(1) })
      .meta({ description: 'Shard index of count (from 0): users start … end − 1 of the run.' }),
    counters: z
      .array(z.array(z.number().int()).max(MAX_COUNTERS))
      .min(1)
      .max(MAX_REPLICATIONS)
      .meta({ description: 'The shard’s exact counters, one array per replication (seeds seed, seed + 1, …), in the engine’s counter layout; safe integers.' }),
  })
  .meta({ id: 'Partial', title: 'Journey Lab partial run', description: 'What one shard of a simulation counted; journey-lab merge adds the shards into the report.' });

export type PartialDocument = z.infer<typeof partialSchema>;

export const partialFormat: VersionedFormat<'partial-invalid'> = {
  name: 'partial',
  current: PARTIAL_SCHEMA_VERSION,
  oldest: PARTIAL_SCHEMA_VERSION,
  migrations: [],
  codes: { notAnObject: 'partial-invalid', missingVersion: 'partial-invalid', unsupportedVersion: 'partial-invalid', newerVersion: 'partial-invalid' },
  words: {
    subject: message('core.sim.partial.thePartial'),
    formatVersion: message('core.sim.partial.formatVersion'),
    action: message('core.sim.partial.mergeIt'),
    notAnObject: message('core.sim.partial.notAnObject'),
  },
  schema: () => partialSchema,
  describedAs: { title: 'Journey Lab partial run', description: 'The exact counters of one shard of a simulation (*.partial.json).' },
};

/** SHA-256 of a document's JSON: the same document gives the same hash on every machine. */
export const documentHash = (document: unknown): string => bytesToHex(sha256(utf8ToBytes(JSON.stringify(document))));

/** SHA-256 of a population's columns, so partials of different customers are never added. */
export function populationHash(population: SimulationPopulation): string {
  const parts: Uint8Array[] = [utf8ToBytes(JSON.stringify({ size: population.size, asOf: population.asOf }))];
  for (const column of [population.segment, population.recency, population.frequency, population.monetary, population.alive, population.lambdaPerDay, population.dropout, population.spendRate])
    parts.push(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  for (const attribute of population.attributes ?? []) {
    parts.push(utf8ToBytes(JSON.stringify({ key: attribute.key, kind: attribute.kind, values: attribute.kind === 'categorical' ? attribute.values : [] })));
    const column = attribute.kind === 'categorical' ? attribute.codes : attribute.values;
    parts.push(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  for (const tag of population.tags ?? []) parts.push(utf8ToBytes(tag.key), tag.carriers);
  const hasher = sha256.create();
  for (const part of parts) hasher.update(part);
  return bytesToHex(hasher.digest());
}

export interface Shard {
  index: number;
  count: number;
}

/**
 * The users of shard `index` of `count`: the same contiguous ranges `simulate --workers` splits a run
 * into, so a shard is exactly what one worker of a one-machine run would do.
 */
export function shardRange(users: number, shard: Shard): [number, number] {
  return splitUsers(users, shard.count)[shard.index]!;
}

/**
 * Runs one shard of a checked run, every replication: its range split again over the caller's workers.
 * Returns one counter array per replication.
 */
export async function simulateShard(
  checked: CheckedSimulation,
  shard: Shard,
  options: { workers?: number; runner?: RangeRunner; onProgress?: (fraction: number) => void } = {},
): Promise<Float64Array[]> {
  const [start, end] = shardRange(checked.users, shard);
  const runner: RangeRunner = options.runner ?? (async (task, onProgress) => runTask(task, { onProgress }));
  const ranges = splitUsers(end - start, options.workers ?? 1).map(([from, to]): [number, number] => [start + from, start + to]);
  const done = new Map<string, number>();
  const total = (end - start) * checked.replications;
  return Promise.all(
    Array.from({ length: checked.replications }, async (_, replication) => {
      const parts = await Promise.all(
        ranges.map(([from, to]) =>
          runner(
            { journey: checked.journey, cohort: checked.cohort, seed: checked.seed + replication, users: checked.users, engine: checked.engine, start: from, end: to, population: checked.population ?? null },
            (count) => {
              done.set(`${replication}:${from}`, count);
              options.onProgress?.([...done.values()].reduce((sum, value) => sum + value, 0) / total);
            },
          ),
        ),
      );
      const sum = new Float64Array(parts[0]!.length);
      for (const part of parts) for (let index = 0; index < sum.length; index++) sum[index]! += part[index]!;
      return sum;
    }),
  );
}

/** The partial file's document of one shard's counters. */
export function partialDocument(checked: CheckedSimulation, shard: Shard, counters: Float64Array[]): PartialDocument {
  const [start, end] = shardRange(checked.users, shard);
  return {
    kind: 'journey-lab-partial',
    schemaVersion: PARTIAL_SCHEMA_VERSION,
    journey: { sha256: documentHash(checked.journey), document: checked.journey as unknown as Record<string, unknown> },
    cohort: { sha256: documentHash(checked.cohort), document: checked.cohort as unknown as Record<string, unknown> },
    population: checked.population ? populationHash(checked.population) : null,
    seed: checked.seed,
    users: checked.users,
    horizon: checked.journey.settings.horizon,
    replications: checked.replications,
    engine: checked.engine,
    shard: { index: shard.index, count: shard.count, start, end },
    counters: counters.map((array) => Array.from(array)),
  };
}

export type PartialRead = { ok: true; partial: PartialDocument } | { ok: false; problem: Message };

/** A partial file's JSON checked: its format version, its fields, and that its hashes match its documents. */
export function readPartial(input: unknown): PartialRead {
  const migrated = upgrade(partialFormat, input);
  if (!migrated.ok) return { ok: false, problem: migrated.problem.message };
  const parsed = partialSchema.safeParse(migrated.document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: message('core.sim.partial.invalid', { path: issue.path.join('.') || '—' }) };
  }
  const partial = parsed.data;
  const { index, count, start, end } = partial.shard;
  if (index >= count || end > partial.users || start >= end) return { ok: false, problem: message('core.sim.partial.invalid', { path: 'shard' }) };
  if (partial.counters.length !== partial.replications) return { ok: false, problem: message('core.sim.partial.invalid', { path: 'counters' }) };
  for (const part of ['journey', 'cohort'] as const)
    if (documentHash(partial[part].document) !== partial[part].sha256) return { ok: false, problem: message('core.sim.partial.changed', { part }) };
  return { ok: true, partial };
}
