// The repository on IndexedDB, through Dexie 4. Database 'journey-lab': table `journeys` (primary key
// id, index updatedAt) holds each document as given plus its revision; table `settings` holds small
// key-value pairs. Writes by other tabs are announced on BroadcastChannel 'journey-lab' (the database
// name), which watch() listens to. Version 2 adds table `cohorts` (primary key id, index updatedAt):
// the saved cohort specs. Version 3 adds table `runs` (primary key journeyId): the latest finished
// simulation run of each journey (see runRepository.ts). Version 4 adds table `scenarios` (primary key
// id, indexes journeyId and savedAt): runs saved by name for comparison (see scenarioRepository.ts).
// Version 5 adds tables `populations` and `populationSummaries` (primary key cohortId): the customers
// of fitted cohorts, one simulated user each (see populationRepository.ts).
import Dexie, { type EntityTable } from 'dexie';
import type { JourneyDocument } from '../../core/journey';
import { createMemoryRepository } from './memoryRepository';
import { persistMessages } from './persistMessages';
import type { CohortRecord } from './cohortRepository';
import { isRunRecord, type RunRecord } from './runRepository';
import type { PopulationData } from '../../core/calibration';
import { isPopulationData, populationSummary, type PopulationSummary } from './populationRepository';
import { isScenarioRecord, newestScenarioFirst, type ScenarioRecord } from './scenarioRepository';
import {
  checkRecord,
  conflictWith,
  newestFirst,
  openChangeChannel,
  RepositoryError,
  summarise,
  toReadError,
  toStorageError,
  type JourneyRecord,
  type JourneyRepository,
  type SaveOptions,
  type SaveResult,
  type StorageError,
} from './repository';

export const DATABASE_NAME = 'journey-lab';

interface SettingRecord {
  key: string;
  value: unknown;
}

type JourneyDatabase = Dexie & {
  journeys: EntityTable<JourneyRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  cohorts: EntityTable<CohortRecord, 'id'>;
  runs: EntityTable<RunRecord, 'journeyId'>;
  scenarios: EntityTable<ScenarioRecord, 'id'>;
  populations: EntityTable<PopulationData & { cohortId: string }, 'cohortId'>;
  populationSummaries: EntityTable<PopulationSummary, 'cohortId'>;
};

export interface DexieRepositoryOptions {
  /** Database (and broadcast channel) name; tests use their own. */
  name?: string;
  /** The clock, for tests. */
  now?: () => number;
  /** An IndexedDB other than the global one (e.g. fake-indexeddb's, in tests). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

function openDatabase(options: DexieRepositoryOptions): JourneyDatabase {
  const db = new Dexie(options.name ?? DATABASE_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as JourneyDatabase;
  // Version 1 of the database layout (not of the journey format, which lives inside each document).
  db.version(1).stores({ journeys: 'id, updatedAt', settings: 'key' });
  // Version 2 keeps version 1's tables and adds the saved cohorts.
  db.version(2).stores({ journeys: 'id, updatedAt', settings: 'key', cohorts: 'id, updatedAt' });
  // Version 3 keeps version 2's tables and adds the latest simulation run of each journey.
  db.version(3).stores({ journeys: 'id, updatedAt', settings: 'key', cohorts: 'id, updatedAt', runs: 'journeyId' });
  // Version 4 keeps version 3's tables and adds the saved scenarios.
  db.version(4).stores({ journeys: 'id, updatedAt', settings: 'key', cohorts: 'id, updatedAt', runs: 'journeyId', scenarios: 'id, journeyId, savedAt' });
  // Version 5 keeps version 4's tables and adds the populations of fitted cohorts, with their summaries.
  db.version(5).stores({
    journeys: 'id, updatedAt',
    settings: 'key',
    cohorts: 'id, updatedAt',
    runs: 'journeyId',
    scenarios: 'id, journeyId, savedAt',
    populations: 'cohortId',
    populationSummaries: 'cohortId',
  });
  return db;
}

/**
 * The IndexedDB repository. Opening is lazy (the first call opens the database); use
 * openJourneyRepository() at startup to find out first whether IndexedDB works at all.
 */
export function createDexieRepository(options: DexieRepositoryOptions = {}): JourneyRepository & { open(): Promise<void> } {
  const name = options.name ?? DATABASE_NAME;
  const now = options.now ?? Date.now;
  const db = openDatabase(options);
  const channel = openChangeChannel(name);

  const reading = async <T>(read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      throw new RepositoryError(toReadError(error));
    }
  };

  return {
    kind: 'indexeddb',
    persistent: true,
    async open() {
      await db.open();
    },
    list: () => reading(async () => (await db.journeys.orderBy('updatedAt').reverse().toArray()).map(summarise).sort(newestFirst)),
    async load(id) {
      try {
        const record = await db.journeys.get(id);
        return record ? checkRecord(record) : { ok: false, reason: 'missing' };
      } catch (error) {
        return { ok: false, reason: 'failed', error: toReadError(error) };
      }
    },
    async save(document: JourneyDocument, { expectedRevision, writer }: SaveOptions): Promise<SaveResult> {
      try {
        // One read-write transaction: IndexedDB runs read-write transactions on a store one at a time,
        // across tabs too, so no other tab can write between the revision check and the put. If the put
        // fails (quota), the transaction aborts and the previous row stays as it was.
        const outcome = await db.transaction('rw', db.journeys, async () => {
          const stored = await db.journeys.get(document.id);
          if ((stored?.revision ?? null) !== expectedRevision) return { stored, record: null };
          const record: JourneyRecord = { id: document.id, revision: (stored?.revision ?? 0) + 1, updatedAt: now(), writer, document };
          await db.journeys.put(record);
          return { stored, record };
        });
        if (!outcome.record) return conflictWith(outcome.stored, expectedRevision)!;
        const { record } = outcome;
        channel.post({ type: 'saved', id: record.id, revision: record.revision, writer });
        return { ok: true, stored: { document, revision: record.revision, updatedAt: record.updatedAt, writer } };
      } catch (error) {
        return { ok: false, reason: 'failed', error: toStorageError(error) };
      }
    },
    async remove(id) {
      try {
        const existed = await db.transaction('rw', db.journeys, db.runs, async () => {
          const found = (await db.journeys.where('id').equals(id).count()) > 0;
          if (found) await db.journeys.delete(id);
          // Its saved run goes with it (also when the journey row was already gone).
          await db.runs.delete(id);
          return found;
        });
        if (existed) channel.post({ type: 'removed', id });
      } catch (error) {
        throw new RepositoryError(toStorageError(error));
      }
    },
    getSetting: (key) => reading(async () => (await db.settings.get(key))?.value),
    async setSetting(key, value) {
      try {
        await db.settings.put({ key, value });
      } catch (error) {
        throw new RepositoryError(toStorageError(error));
      }
    },
    cohorts: {
      list: () => reading(async () => (await db.cohorts.toArray()).sort(newestFirst)),
      get: (id) => reading(() => db.cohorts.get(id)),
      async put(spec) {
        try {
          const record: CohortRecord = { id: spec.id, spec, updatedAt: now() };
          await db.cohorts.put(record);
          return record;
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async remove(id) {
        try {
          // Its population goes with it.
          await db.transaction('rw', db.cohorts, db.populations, db.populationSummaries, async () => {
            await db.cohorts.delete(id);
            await db.populations.delete(id);
            await db.populationSummaries.delete(id);
          });
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
    },
    populations: {
      list: () => reading(() => db.populationSummaries.toArray()),
      get: (cohortId) =>
        reading(async () => {
          const stored = await db.populations.get(cohortId);
          if (!stored) return undefined;
          const { cohortId: _key, ...data } = stored;
          return isPopulationData(data) ? data : undefined;
        }),
      async put(data) {
        try {
          const summary = populationSummary(data, now());
          // Both or neither: a summary never stands for a population that was not written (quota).
          await db.transaction('rw', db.populations, db.populationSummaries, async () => {
            await db.populations.put({ ...data, cohortId: data.cohort });
            await db.populationSummaries.put(summary);
          });
          return summary;
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async remove(cohortId) {
        try {
          await db.transaction('rw', db.populations, db.populationSummaries, async () => {
            await db.populations.delete(cohortId);
            await db.populationSummaries.delete(cohortId);
          });
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
    },
    runs: {
      get: (journeyId) =>
        reading(async () => {
          const record = await db.runs.get(journeyId);
          return isRunRecord(record) ? record : undefined;
        }),
      async put(record) {
        try {
          await db.runs.put(record);
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async remove(journeyId) {
        try {
          await db.runs.delete(journeyId);
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
    },
    scenarios: {
      list: () => reading(async () => (await db.scenarios.toArray()).filter(isScenarioRecord).sort(newestScenarioFirst)),
      get: (id) =>
        reading(async () => {
          const record = await db.scenarios.get(id);
          return isScenarioRecord(record) ? record : undefined;
        }),
      async put(record) {
        try {
          await db.scenarios.put(record);
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async rename(id, name) {
        try {
          return (await db.scenarios.update(id, { name })) > 0;
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async remove(id) {
        try {
          await db.scenarios.delete(id);
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
    },
    watch: (listener) => channel.watch(listener),
    close() {
      channel.close();
      db.close();
    },
  };
}

export interface OpenedRepository {
  repository: JourneyRepository;
  /** Set when IndexedDB could not be used and the repository is the in-memory fallback. */
  fallbackReason: StorageError | null;
}

/**
 * What the app calls at startup: the IndexedDB repository when the browser lets the page use it,
 * otherwise the memory one (the app still works; show persistMessages.storageNotKept).
 */
export async function openJourneyRepository(options: DexieRepositoryOptions = {}): Promise<OpenedRepository> {
  let repository: ReturnType<typeof createDexieRepository> | null = null;
  try {
    if (!options.indexedDB && typeof indexedDB === 'undefined') throw new Dexie.MissingAPIError('IndexedDB is not available in this browser');
    repository = createDexieRepository(options);
    await repository.open();
    return { repository, fallbackReason: null };
  } catch (error) {
    repository?.close();
    return {
      repository: createMemoryRepository(options.now ? { now: options.now } : {}),
      fallbackReason: { code: 'unavailable', message: persistMessages.storageNotKept, detail: toStorageError(error).detail },
    };
  }
}
