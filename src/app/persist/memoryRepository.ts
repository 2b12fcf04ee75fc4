// The repository in memory: for tests, and the fallback when the browser gives the page no IndexedDB
// (the app keeps working; `persistent: false` tells the UI to say that nothing is kept).
import type { JourneyDocument } from '../../core/journey';
import {
  checkRecord,
  conflictWith,
  newestFirst,
  RepositoryError,
  summarise,
  toReadError,
  toStorageError,
  type JourneyChange,
  type JourneyRecord,
  type JourneyRepository,
  type SaveOptions,
  type SaveResult,
} from './repository';
import type { PopulationData } from '../../core/calibration';
import { isPopulationData, populationSummary, type PopulationSummary } from './populationRepository';
import type { CohortRecord } from './cohortRepository';
import { isRunRecord, type RunRecord } from './runRepository';
import { isScenarioRecord, newestScenarioFirst, type ScenarioRecord } from './scenarioRepository';

/**
 * What several memory repositories can share, the way tabs share one IndexedDB: give two instances the
 * same backend and each one's watch() hears the other's writes.
 */
export interface MemoryBackend {
  journeys: Map<string, JourneyRecord>;
  settings: Map<string, unknown>;
  cohorts: Map<string, CohortRecord>;
  runs: Map<string, RunRecord>;
  scenarios: Map<string, ScenarioRecord>;
  populations: Map<string, { data: PopulationData; summary: PopulationSummary }>;
  instances: Set<{ notify(change: JourneyChange): void }>;
}

export function createMemoryBackend(): MemoryBackend {
  return { journeys: new Map(), settings: new Map(), cohorts: new Map(), runs: new Map(), scenarios: new Map(), populations: new Map(), instances: new Set() };
}

export interface MemoryRepositoryOptions {
  backend?: MemoryBackend;
  /** The clock, for tests. */
  now?: () => number;
}

export function createMemoryRepository(options: MemoryRepositoryOptions = {}): JourneyRepository {
  const backend = options.backend ?? createMemoryBackend();
  const now = options.now ?? Date.now;
  const listeners = new Set<(change: JourneyChange) => void>();
  const self = { notify: (change: JourneyChange) => [...listeners].forEach((listener) => listener(change)) };
  backend.instances.add(self);
  const broadcast = (change: JourneyChange) => {
    // Like BroadcastChannel: every other instance, asynchronously, never the sender.
    const others = [...backend.instances].filter((instance) => instance !== self);
    queueMicrotask(() => others.forEach((instance) => instance.notify(change)));
  };

  return {
    kind: 'memory',
    persistent: false,
    async list() {
      return [...backend.journeys.values()].map(summarise).sort(newestFirst);
    },
    async load(id) {
      try {
        const record = backend.journeys.get(id);
        return record ? checkRecord(structuredClone(record)) : { ok: false, reason: 'missing' };
      } catch (error) {
        return { ok: false, reason: 'failed', error: toReadError(error) };
      }
    },
    async save(document: JourneyDocument, { expectedRevision, writer }: SaveOptions): Promise<SaveResult> {
      try {
        const stored = backend.journeys.get(document.id);
        const conflict = conflictWith(stored, expectedRevision);
        if (conflict) return conflict;
        const record: JourneyRecord = {
          id: document.id,
          revision: (stored?.revision ?? 0) + 1,
          updatedAt: now(),
          writer,
          // A copy, as IndexedDB would keep: later edits to the caller's object must not leak in.
          document: structuredClone(document),
        };
        backend.journeys.set(record.id, record);
        broadcast({ id: record.id, revision: record.revision, writer });
        return { ok: true, stored: { document, revision: record.revision, updatedAt: record.updatedAt, writer } };
      } catch (error) {
        return { ok: false, reason: 'failed', error: toStorageError(error) };
      }
    },
    async remove(id) {
      backend.runs.delete(id);
      if (!backend.journeys.delete(id)) return;
      broadcast({ removed: id });
    },
    async getSetting(key) {
      const value = backend.settings.get(key);
      return value === undefined ? undefined : structuredClone(value);
    },
    async setSetting(key, value) {
      try {
        backend.settings.set(key, structuredClone(value));
      } catch (error) {
        throw new RepositoryError(toStorageError(error));
      }
    },
    cohorts: {
      async list() {
        return [...backend.cohorts.values()].map((record) => structuredClone(record)).sort(newestFirst);
      },
      async get(id) {
        const record = backend.cohorts.get(id);
        return record ? structuredClone(record) : undefined;
      },
      async put(spec) {
        try {
          const record: CohortRecord = { id: spec.id, spec: structuredClone(spec), updatedAt: now() };
          backend.cohorts.set(record.id, record);
          return structuredClone(record);
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async remove(id) {
        backend.cohorts.delete(id);
        backend.populations.delete(id);
      },
    },
    populations: {
      async list() {
        return [...backend.populations.values()].map((stored) => ({ ...stored.summary }));
      },
      async get(cohortId) {
        const stored = backend.populations.get(cohortId);
        return stored && isPopulationData(stored.data) ? structuredClone(stored.data) : undefined;
      },
      async put(data) {
        try {
          const summary = populationSummary(data, now());
          backend.populations.set(data.cohort, { data: structuredClone(data), summary });
          return { ...summary };
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async remove(cohortId) {
        backend.populations.delete(cohortId);
      },
    },
    runs: {
      async get(journeyId) {
        const record = backend.runs.get(journeyId);
        return isRunRecord(record) ? structuredClone(record) : undefined;
      },
      async put(record) {
        try {
          backend.runs.set(record.journeyId, structuredClone(record));
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async remove(journeyId) {
        backend.runs.delete(journeyId);
      },
    },
    scenarios: {
      async list() {
        return [...backend.scenarios.values()].filter(isScenarioRecord).map((record) => structuredClone(record)).sort(newestScenarioFirst);
      },
      async get(id) {
        const record = backend.scenarios.get(id);
        return isScenarioRecord(record) ? structuredClone(record) : undefined;
      },
      async put(record) {
        try {
          backend.scenarios.set(record.id, structuredClone(record));
        } catch (error) {
          throw new RepositoryError(toStorageError(error));
        }
      },
      async rename(id, name) {
        const record = backend.scenarios.get(id);
        if (!record) return false;
        backend.scenarios.set(id, { ...record, name });
        return true;
      },
      async remove(id) {
        backend.scenarios.delete(id);
      },
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      backend.instances.delete(self);
    },
  };
}
