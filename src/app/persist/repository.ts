// The storage interface of the app. IndexedDB (dexieRepository.ts) and memory (memoryRepository.ts)
// implement it, and the team server's API (httpRepository.ts) its journeys, without the store noticing.
//
// Contract (test/app/persist.test.ts runs it against every implementation):
// - Documents are stored as given; whatever comes back out goes through migrate + the registry's
//   schema (checkJourney). A stored document that fails is reported (LoadResult 'unreadable', and a
//   `problem` in list()), never silently dropped, and never overwritten without an explicit revision.
// - save() uses optimistic concurrency on `revision` and never rejects: a storage failure comes back
//   as { reason: 'failed' } and leaves what was stored before untouched.
// - watch() reports writes made by OTHER tabs (other repository instances), never this one's own.
import { message as catalogMessage, type Lang, type Message } from '../../core/i18n';
import { isPlainObject } from '../../core/journey';
import type { JourneyDocument } from '../../core/journey';
import type { Problem } from '../../core/journey';
import { checkJourney, readJourneyDocument } from '../../core/journey';
import { persistMessages, readFailed, saveFailedUnknown, storedJourneyUnreadable } from './persistMessages';
import type { CohortRepository } from './cohortRepository';
import type { PopulationRepository } from './populationRepository';
import type { RunRepository } from './runRepository';
import type { ScenarioRepository } from './scenarioRepository';
import { say } from '../i18n/say';
import { rememberProblems } from '../store/journeyProblems';

export interface StoredJourney {
  /** The document as checked on the way out (defaults filled in); on save, the very object given. */
  document: JourneyDocument;
  /** 1 on first save, +1 on each save after. */
  revision: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** Id of the tab that wrote it (see tabId.ts). */
  writer: string;
}

export interface JourneySummary {
  id: string;
  name: string;
  nodeCount: number;
  updatedAt: number;
  revision: number;
  /** The language the journey is written in, when it says (journey format 6). */
  language?: Lang;
  /** Set when the stored document cannot be opened by this build (newer version, malformed). */
  problem?: Message;
}

/** 'refused': the team server answered that this member may not make the change (their role): trying again will not help. */
export type StorageErrorCode = 'quota' | 'unavailable' | 'refused' | 'unknown';

export interface StorageError {
  code: StorageErrorCode;
  /** What to show the user. */
  message: Message;
  /** The browser's own error name and text, for logs. */
  detail: string;
  /** The storage kept the change itself, to write it later (a team workspace's offline queue): `message` says so. */
  queued?: boolean;
}

export type SaveResult =
  | { ok: true; stored: StoredJourney }
  | {
      ok: false;
      reason: 'conflict';
      /** What is stored now; null when it was deleted or cannot be read by this build (see `message`). */
      current: StoredJourney | null;
      /** The revision stored now (null: nothing stored). To keep your version, save again with this. */
      currentRevision: number | null;
      message: Message;
    }
  | { ok: false; reason: 'failed'; error: StorageError };

export type LoadResult =
  | {
      ok: true;
      stored: StoredJourney;
      /** What checkJourney found: warnings and info, and errors of the graph (unconnected edges…). */
      problems: Problem[];
      /** The stored format version when it was older and has been migrated in memory. */
      migratedFrom?: number;
    }
  | { ok: false; reason: 'missing' }
  | {
      ok: false;
      /** Stored, but newer than this build or malformed: shown, never overwritten behind the user's back. */
      reason: 'unreadable';
      problems: Problem[];
      message: Message;
      revision: number;
      updatedAt: number;
      writer: string;
      /** The stored value as it is, e.g. to offer "export the raw file". */
      raw: unknown;
    }
  | { ok: false; reason: 'failed'; error: StorageError };

export type JourneyChange = { id: string; revision: number; writer: string } | { removed: string };

export interface SaveOptions {
  /** The revision this document was loaded or last saved at; null for a journey never saved. */
  expectedRevision: number | null;
  writer: string;
}

export interface JourneyRepository {
  /** 'indexeddb' keeps data across reloads; 'memory' does not (show persistMessages.storageNotKept); 'workspace': journeys on the team server. */
  readonly kind: 'indexeddb' | 'memory' | 'workspace';
  readonly persistent: boolean;
  /** Newest first. Rejects with a RepositoryError when storage fails. */
  list(): Promise<JourneySummary[]>;
  /** Never rejects. */
  load(id: string): Promise<LoadResult>;
  /** Never rejects. */
  save(document: JourneyDocument, options: SaveOptions): Promise<SaveResult>;
  /** Rejects with a RepositoryError when storage fails; removing a missing id is fine. Removes its saved run too. */
  remove(id: string): Promise<void>;
  /** Small key-value settings (e.g. the last opened journey id). Values must be structured-cloneable. */
  getSetting(key: string): Promise<unknown>;
  setSetting(key: string, value: unknown): Promise<void>;
  /** Saved cohorts (see cohortRepository.ts). */
  readonly cohorts: CohortRepository;
  /** The latest finished simulation run of each journey (see runRepository.ts). */
  readonly runs: RunRepository;
  /** Named runs kept for comparison, of every journey (see scenarioRepository.ts). */
  readonly scenarios: ScenarioRepository;
  /** The populations of fitted cohorts (see populationRepository.ts); a cohort removed takes its population with it. */
  readonly populations: PopulationRepository;
  /**
   * Imported lessons kept apart from the settings: on a team workspace they are the workspace's (everyone
   * sees what a trainer imported). Absent: kept in this browser's settings (lessonLibrary.ts).
   */
  readonly lessons?: LessonStore;
  /** Writes by other tabs; returns the unsubscribe function. */
  watch(listener: (change: JourneyChange) => void): () => void;
  /** Closes the database connection and the broadcast channel. */
  close(): void;
}

/** Imported lessons as they were stored (each checked again by parseLesson when read). */
export interface LessonStore {
  /** Every stored lesson, oldest first. Rejects with a RepositoryError when storage fails. */
  list(): Promise<unknown[]>;
  /** Keeps (or replaces) the lesson under its id. Rejects with a RepositoryError when storage fails. */
  put(lesson: { id: string }): Promise<void>;
  /** Removing a missing id is fine. Rejects with a RepositoryError when storage fails. */
  remove(id: string): Promise<void>;
}

/** Settings keys the app uses. */
export const settingKeys = { lastJourneyId: 'lastJourneyId' } as const;

export class RepositoryError extends Error {
  readonly code: StorageErrorCode;
  readonly localizedMessage: Message;
  constructor(error: StorageError) {
    super(error.detail || say(error.message, 'en'));
    this.name = 'RepositoryError';
    this.code = error.code;
    this.localizedMessage = error.message;
  }
}

// ---------------------------------------------------------------------------------------------------
// Helpers shared by the implementations.

/** The row every implementation keeps: the document as it was given, plus bookkeeping. */
export interface JourneyRecord {
  id: string;
  revision: number;
  updatedAt: number;
  writer: string;
  document: unknown;
}

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';

const errorText = (error: unknown): string =>
  error instanceof Error || (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    ? `${errorName(error) || 'Error'}: ${(error as { message: string }).message}`
    : String(error);

/** The error and the errors it wraps (Dexie's `inner`, the standard `cause`). */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let at: unknown = error; at !== undefined && at !== null && chain.length < 8; ) {
    chain.push(at);
    const next = typeof at === 'object' ? ((at as { inner?: unknown }).inner ?? (at as { cause?: unknown }).cause) : undefined;
    if (next === at) break;
    at = next;
  }
  return chain;
}

const quotaNames = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// MissingAPIError: no indexedDB at all. InvalidStateError: Firefox private mode ("a mutation operation
// was attempted on a database that did not allow mutations"). SecurityError: storage blocked (sandboxed
// frame, third-party context, cookies off). OpenFailed / DatabaseClosed / Version: the database cannot
// be used from this page (e.g. a newer Journey Lab upgraded it in another tab).
const unavailableNames = new Set([
  'MissingAPIError',
  'InvalidStateError',
  'SecurityError',
  'OpenFailedError',
  'DatabaseClosedError',
  'VersionError',
  'VersionChangeError',
]);

/** Maps whatever storage threw onto the three codes the UI distinguishes. */
export function toStorageError(error: unknown): StorageError {
  const chain = errorChain(error);
  const detail = chain.map(errorText).join(' ← ');
  const isQuota = chain.some(
    (item) => quotaNames.has(errorName(item)) || (typeof DOMException !== 'undefined' && item instanceof DOMException && item.code === 22),
  );
  if (isQuota) return { code: 'quota', message: persistMessages.saveFailedQuota, detail };
  if (chain.some((item) => unavailableNames.has(errorName(item))))
    return { code: 'unavailable', message: persistMessages.saveFailedUnavailable, detail };
  return { code: 'unknown', message: saveFailedUnknown(detail), detail };
}

/** The same, for reads (the quota/unavailable texts talk about saving; reads say "could not read"). */
export function toReadError(error: unknown): StorageError {
  const mapped = toStorageError(error);
  return mapped.code === 'unavailable' ? mapped : { ...mapped, message: readFailed(mapped.detail) };
}

const storedJourneyUnreadableFallback = catalogMessage('app.persist.repository.storedJourneyUnreadableFallback');

const isObject = isPlainObject;

/** Reads a stored row back as a journey (migrate + schema + analysis). */
export function checkRecord(record: JourneyRecord): LoadResult {
  const { document, problems, from = document?.schemaVersion } = checkJourney(record.document);
  if (!document) {
    const first = problems[0]?.message ?? storedJourneyUnreadableFallback;
    return {
      ok: false,
      reason: 'unreadable',
      problems,
      message: storedJourneyUnreadable(first),
      revision: record.revision,
      updatedAt: record.updatedAt,
      writer: record.writer,
      raw: record.document,
    };
  }
  // The editor that opens it draws from this analysis instead of running it again.
  rememberProblems(document, problems);
  return {
    ok: true,
    stored: { document, revision: record.revision, updatedAt: record.updatedAt, writer: record.writer },
    problems,
    ...(from !== document.schemaVersion ? { migratedFrom: from } : {}),
  };
}

export function summarise(record: JourneyRecord): JourneySummary {
  const raw = isObject(record.document) ? record.document : {};
  // Listing needs the name and size, not the graph analysis that opening a journey runs.
  const { document, problems } = readJourneyDocument(record.document);
  const name = document?.name ?? (typeof raw.name === 'string' && raw.name ? raw.name : record.id);
  const nodeCount = document?.nodes.length ?? (Array.isArray(raw.nodes) ? raw.nodes.length : 0);
  const summary: JourneySummary = { id: record.id, name, nodeCount, updatedAt: record.updatedAt, revision: record.revision };
  if (document?.language) summary.language = document.language;
  if (!document) summary.problem = storedJourneyUnreadable(problems[0]?.message ?? storedJourneyUnreadableFallback);
  return summary;
}

/** Newest first; ties by id so the order is stable. */
export const newestFirst = (a: { updatedAt: number; id: string }, b: { updatedAt: number; id: string }): number =>
  b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);

/** Decides a save against what is stored; null means go ahead. */
export function conflictWith(stored: JourneyRecord | undefined, expectedRevision: number | null): Extract<SaveResult, { reason: 'conflict' }> | null {
  const storedRevision = stored?.revision ?? null;
  if (storedRevision === expectedRevision) return null;
  if (!stored) return { ok: false, reason: 'conflict', current: null, currentRevision: null, message: persistMessages.conflictDeleted };
  const checked = checkRecord(stored);
  return checked.ok
    ? { ok: false, reason: 'conflict', current: checked.stored, currentRevision: stored.revision, message: persistMessages.conflict }
    : { ok: false, reason: 'conflict', current: null, currentRevision: stored.revision, message: persistMessages.conflictUnreadable };
}

// ---------------------------------------------------------------------------------------------------
// Cross-tab notification over BroadcastChannel (absent in very old browsers: then watch() is silent).

type Broadcast = { type: 'saved'; id: string; revision: number; writer: string } | { type: 'removed'; id: string };

export interface ChangeChannel {
  post(message: Broadcast): void;
  watch(listener: (change: JourneyChange) => void): () => void;
  close(): void;
}

export function openChangeChannel(name: string): ChangeChannel {
  const listeners = new Set<(change: JourneyChange) => void>();
  let channel: BroadcastChannel | null = null;
  try {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
  } catch {
    channel = null;
  }
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (!isObject(data) || typeof data.id !== 'string') return;
      const change: JourneyChange | null =
        data.type === 'removed'
          ? { removed: data.id }
          : data.type === 'saved' && typeof data.revision === 'number' && typeof data.writer === 'string'
            ? { id: data.id, revision: data.revision, writer: data.writer }
            : null;
      if (change) for (const listener of [...listeners]) listener(change);
    };
  }
  return {
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel or a browser quirk must not turn a successful save into a failure.
      }
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
      channel = null;
    },
  };
}
