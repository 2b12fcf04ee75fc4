// Where the offline queue (offlineQueue.ts) keeps its state: in this browser's IndexedDB, as settings
// of the local repository (the storage contract's key-value store; there is no table of its own to
// migrate). Per journey: the change waiting to be sent, the last version read from the server (to open
// it offline), and which version a sent change became (so the tab that queued it goes on from there).
// Plus the last list read from the server, and an index of the journeys with a change waiting.
//
// Everything read back is checked: a value of another build, or a half-written one, counts as absent.
// Removing is writing null: the settings store has no delete, and null is as cheap as nothing.
import { isPlainObject, type JourneyDocument } from '../../core/journey';
import type { JourneyRecord, JourneyRepository, JourneySummary } from './repository';

/** A save the server did not get: the newest document of that journey, and what it was based on. */
export interface QueuedChange {
  document: JourneyDocument;
  /** The server version the document was loaded or last saved at; null for a journey never on the server. */
  baseRevision: number | null;
  /** The tab that made the change (tabId.ts). */
  writer: string;
  /** Milliseconds since the epoch: shown and used to tell one queued change from a newer one, never to order versions. */
  queuedAt: number;
}

/** A queued change that reached the server: the tab that wrote it continues from `revision`, not from its base. */
export interface SentChange {
  baseRevision: number | null;
  writer: string;
  revision: number;
}

const KEYS = {
  index: 'workspace.offline.queue',
  list: 'workspace.offline.list',
  waiting: (id: string) => `workspace.offline.change.${id}`,
  journey: (id: string) => `workspace.offline.journey.${id}`,
  sent: (id: string) => `workspace.offline.sent.${id}`,
};

const isRevision = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0);

function readChange(id: string, value: unknown): QueuedChange | null {
  if (!isPlainObject(value) || !isPlainObject(value.document) || value.document.id !== id) return null;
  const { baseRevision, writer, queuedAt } = value;
  if (!isRevision(baseRevision) || typeof writer !== 'string' || typeof queuedAt !== 'number') return null;
  return { document: value.document as unknown as JourneyDocument, baseRevision, writer, queuedAt };
}

function readRecord(id: string, value: unknown): JourneyRecord | null {
  if (!isPlainObject(value)) return null;
  const { revision, updatedAt, writer, document } = value;
  if (typeof revision !== 'number' || typeof updatedAt !== 'number' || typeof writer !== 'string') return null;
  return { id, revision, updatedAt, writer, document };
}

function readSent(value: unknown): SentChange | null {
  if (!isPlainObject(value)) return null;
  const { baseRevision, writer, revision } = value;
  return isRevision(baseRevision) && typeof writer === 'string' && typeof revision === 'number' ? { baseRevision, writer, revision } : null;
}

const isSummary = (value: unknown): value is JourneySummary =>
  isPlainObject(value) && typeof value.id === 'string' && typeof value.name === 'string' && typeof value.revision === 'number' && typeof value.updatedAt === 'number' && typeof value.nodeCount === 'number';

/** Web Locks where the browser has them: tabs of this browser then change the index one at a time. */
interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const browserLocks = (): LockManagerLike | null => {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
};

/** Runs `work` alone under `name`: in this tab always, across this browser's tabs where Web Locks exist. */
export function createExclusive(): <T>(name: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const locks = browserLocks();
    const run = () => (locks ? locks.request(`journey-lab:${name}`, work) : work());
    const result = (tails.get(name) ?? Promise.resolve()).then(run, run);
    const tail = result.catch(() => undefined);
    tails.set(name, tail);
    void tail.then(() => tails.get(name) === tail && tails.delete(name));
    return result;
  };
}

export interface OfflineStore {
  /** The journeys with a change waiting, in the order they were first queued. */
  queuedIds(): Promise<string[]>;
  readQueued(id: string): Promise<QueuedChange | null>;
  putQueued(change: QueuedChange): Promise<void>;
  /** Removes the change, but only the one given (a newer one, queued meanwhile, stays). */
  removeQueued(id: string, only?: QueuedChange): Promise<void>;
  readCached(id: string): Promise<JourneyRecord | null>;
  putCached(record: JourneyRecord): Promise<void>;
  /** Forgets the journey's copy and where its sent change went (it was removed, or is gone from the server). */
  forget(id: string): Promise<void>;
  readList(): Promise<JourneySummary[] | null>;
  putList(list: JourneySummary[]): Promise<void>;
  readSent(id: string): Promise<SentChange | null>;
  putSent(id: string, sent: SentChange): Promise<void>;
}

export function createOfflineStore(local: Pick<JourneyRepository, 'getSetting' | 'setSetting'>, exclusive = createExclusive()): OfflineStore {
  const read = (key: string) => local.getSetting(key).catch(() => undefined);
  const readIndex = async () => {
    const value = await read(KEYS.index);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  };
  const editIndex = (edit: (ids: string[]) => string[]) =>
    exclusive('offline-index', async () => {
      const before = await readIndex();
      const after = edit(before);
      if (after.length !== before.length || after.some((id, at) => id !== before[at])) await local.setSetting(KEYS.index, after);
    });

  return {
    queuedIds: readIndex,
    readQueued: async (id) => readChange(id, await read(KEYS.waiting(id))),
    async putQueued(queued) {
      const id = queued.document.id;
      await exclusive(`offline-change:${id}`, async () => {
        await local.setSetting(KEYS.waiting(id), queued);
        await editIndex((ids) => (ids.includes(id) ? ids : [...ids, id]));
      });
    },
    async removeQueued(id, only) {
      await exclusive(`offline-change:${id}`, async () => {
        const stored = readChange(id, await read(KEYS.waiting(id)));
        if (only && stored && stored.queuedAt !== only.queuedAt) return;
        if (stored) await local.setSetting(KEYS.waiting(id), null);
        await editIndex((ids) => ids.filter((queued) => queued !== id));
      });
    },
    readCached: async (id) => readRecord(id, await read(KEYS.journey(id))),
    putCached: ({ id, revision, updatedAt, writer, document }) => local.setSetting(KEYS.journey(id), { revision, updatedAt, writer, document }).catch(() => undefined),
    forget: (id) =>
      Promise.all([local.setSetting(KEYS.journey(id), null), local.setSetting(KEYS.sent(id), null)]).then(
        () => undefined,
        () => undefined,
      ),
    async readList() {
      const value = await read(KEYS.list);
      return Array.isArray(value) ? value.filter(isSummary) : null;
    },
    putList: (list) => local.setSetting(KEYS.list, list).catch(() => undefined),
    readSent: async (id) => readSent(await read(KEYS.sent(id))),
    putSent: (id, sent) => local.setSetting(KEYS.sent(id), sent).catch(() => undefined),
  };
}
