// Editing on a team workspace while its server cannot be reached. The queued repository wraps the HTTP
// one (httpRepository.ts) and passes everything through, except:
// - a save the server did not get (code 'unavailable') is kept in this browser's IndexedDB (one change
//   per journey, the newest document, with the version it was based on) and still reported as failed,
//   saying it is kept and will be sent; a later successful save by the same tab makes it needless;
// - load() and list() the server does not answer come from what this browser last read from it, with
//   a waiting change over its journey's copy, so a member opens offline what they had;
// - sync() sends the waiting changes against their base version. Accepted: gone from the queue.
//   Refused because someone saved meanwhile (412, or the journey deleted): nothing is lost — the
//   member's version becomes a new draft journey, "<name> (offline copy)". Unreachable: kept. It runs
//   at start, on the browser's 'online' event, and every 30 s while changes wait; close() stops it.
// A change sent by sync is one the tab that made it still has open and saves again, against the base
// version it knows: that save goes on from the version the change became (SentChange), not into a
// conflict with itself. Saves and sends of one journey run one at a time in this tab.
import { message, type Message } from '../../core/i18n';
import { MAX_LABEL_CHARS, type JourneyDocument } from '../../core/journey';
import { currentLanguage } from '../i18n';
import { say } from '../i18n/say';
import { newJourneyId } from '../home/newJourneyId';
import { createExclusive, createOfflineStore, type QueuedChange } from './offlineQueueStore';
import {
  checkRecord,
  newestFirst,
  RepositoryError,
  summarise,
  type JourneyRepository,
  type JourneySummary,
  type LoadResult,
  type SaveOptions,
  type SaveResult,
} from './repository';

export const offlineMessages = {
  /** Why a save failed, when its change is kept for later (shown by autosave). */
  queued: message('app.workspace.offline.queued'),
};

/** A member's version kept as a new journey because the server's had moved on. */
export interface KeptCopy {
  id: string;
  name: string;
  /** The journey it was a change of. */
  of: string;
}

export interface OfflineQueueState {
  /** Journeys with a change waiting in this browser. */
  pending: number;
  /** The last call to the server got no answer. */
  offline: boolean;
  sending: boolean;
  /** Changes the last sync delivered (as themselves or as copies). */
  sent: number;
  /** Copies the last syncs made; cleared by dismiss(). */
  copies: KeptCopy[];
  /** Why waiting changes were refused by the server (not a conflict: a role, a document it will not take). */
  refused: Message | null;
}

export interface SyncReport {
  sent: number;
  copies: KeptCopy[];
  /** Changes still waiting. */
  pending: number;
}

export interface OfflineQueue {
  state(): OfflineQueueState;
  /** Hears every change of state; returns the unsubscribe function. */
  subscribe(listener: (state: OfflineQueueState) => void): () => void;
  /** Sends what waits; never rejects. A sync under way is joined, not started twice. */
  sync(): Promise<SyncReport>;
  /** Forgets what the last syncs reported (sent, copies), once the member has seen it. */
  dismiss(): void;
}

export interface QueuedRepository extends JourneyRepository {
  readonly offline: OfflineQueue;
}

export interface QueuedRepositoryOptions {
  /** Milliseconds between tries while changes wait. */
  retryEveryMs?: number;
  now?: () => number;
  /** The language a copy's name is in when its journey does not say. */
  pageLanguage?: () => string;
  /** Where the 'online' event is heard; none in tests that want no such event. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  newId?: () => string;
}

const RETRY_EVERY_MS = 30_000;
/** A copy's new id is taken (most unlikely): try a few others before leaving the change waiting. */
const COPY_ID_TRIES = 3;

const unreachable = (result: SaveResult | LoadResult): boolean => !result.ok && result.reason === 'failed' && result.error.code === 'unavailable';

/** A copy's name in its journey's language (else the page's), cut to the schema's limit. */
function copyName(document: JourneyDocument, lang: string): string {
  const named = (name: string) => say(message('app.workspace.offline.copyName', { name }), lang);
  const full = named(document.name);
  if (full.length <= MAX_LABEL_CHARS) return full;
  return named(`${document.name.slice(0, Math.max(1, document.name.length - (full.length - MAX_LABEL_CHARS) - 1))}…`);
}

type Outcome = { sent: true; copy?: KeptCopy } | { sent: false; unreachable: boolean; refused?: Message };

/**
 * `inner` is the HTTP repository; `local` this browser's IndexedDB, of which only the settings are used.
 * close() closes `inner` (which closes its own local storage).
 */
export function createQueuedRepository(inner: JourneyRepository, local: Pick<JourneyRepository, 'getSetting' | 'setSetting'>, options: QueuedRepositoryOptions = {}): QueuedRepository {
  const now = options.now ?? Date.now;
  const pageLanguage = options.pageLanguage ?? currentLanguage;
  const newId = options.newId ?? newJourneyId;
  const events = options.events === undefined ? (typeof window === 'undefined' ? null : window) : options.events;
  const exclusive = createExclusive();
  const store = createOfflineStore(local, exclusive);
  const listeners = new Set<(state: OfflineQueueState) => void>();
  let state: OfflineQueueState = { pending: 0, offline: false, sending: false, sent: 0, copies: [], refused: null };
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let syncing: Promise<SyncReport> | null = null;

  const update = (change: Partial<OfflineQueueState>) => {
    state = { ...state, ...change };
    for (const listener of [...listeners]) listener(state);
  };
  const reached = (result: SaveResult | LoadResult) => {
    if (unreachable(result) !== state.offline) update({ offline: unreachable(result) });
  };
  const schedule = () => {
    if (closed || timer || state.pending === 0) return;
    timer = setTimeout(() => {
      timer = null;
      void sync();
    }, options.retryEveryMs ?? RETRY_EVERY_MS);
  };
  const countPending = async () => {
    const pending = (await store.queuedIds()).length;
    if (pending !== state.pending) update({ pending });
    schedule();
  };
  /** One journey's saves and sends, one at a time. */
  const alone = <T>(id: string, work: () => Promise<T>) => exclusive(`offline-journey:${id}`, work);

  /** The revision a save is really based on (see the top of this file). */
  async function baseOf(id: string, { expectedRevision, writer }: SaveOptions): Promise<number | null> {
    // Revision 0 is how an offline load shows a journey never on the server (versions start at 1).
    const expected = expectedRevision === 0 ? null : expectedRevision;
    const sent = await store.readSent(id);
    return sent && sent.writer === writer && sent.baseRevision === expected ? sent.revision : expected;
  }

  async function saveNow(document: JourneyDocument, options: SaveOptions): Promise<SaveResult> {
    const id = document.id;
    const expectedRevision = await baseOf(id, options);
    const result = await inner.save(document, { expectedRevision, writer: options.writer });
    reached(result);
    if (result.ok) {
      const waiting = await store.readQueued(id);
      if (waiting?.writer === options.writer) await store.removeQueued(id, waiting).catch(() => undefined);
      await store.putCached({ id, ...result.stored });
      await countPending();
      return result;
    }
    if (!unreachable(result) || result.reason !== 'failed') return result;
    const change: QueuedChange = { document: structuredClone(document), baseRevision: expectedRevision, writer: options.writer, queuedAt: now() };
    try {
      await store.putQueued(change);
    } catch {
      // Not even this browser could keep it: say what failed, as it is.
      return result;
    }
    await countPending();
    return { ...result, error: { ...result.error, message: offlineMessages.queued, queued: true } };
  }

  /** A waiting change as a load shows it: at its base version (0 for one never on the server). */
  const asLoaded = (change: QueuedChange): LoadResult =>
    checkRecord({ id: change.document.id, revision: change.baseRevision ?? 0, updatedAt: change.queuedAt, writer: change.writer, document: change.document });

  async function keepAsCopy(change: QueuedChange): Promise<Outcome> {
    const name = copyName(change.document, change.document.language ?? pageLanguage());
    for (let attempt = 0; attempt < COPY_ID_TRIES; attempt++) {
      const copy: JourneyDocument = { ...change.document, id: newId(), name };
      const result = await inner.save(copy, { expectedRevision: null, writer: change.writer });
      reached(result);
      if (result.ok) {
        await store.putCached({ id: copy.id, ...result.stored });
        return { sent: true, copy: { id: copy.id, name, of: change.document.name } };
      }
      if (result.reason === 'failed') return { sent: false, unreachable: unreachable(result), refused: result.error.message };
    }
    return { sent: false, unreachable: false };
  }

  /** Sends one journey's waiting change. */
  async function send(id: string): Promise<Outcome> {
    const change = await store.readQueued(id);
    if (!change) {
      await store.removeQueued(id);
      return { sent: false, unreachable: false };
    }
    const result = await inner.save(change.document, { expectedRevision: change.baseRevision, writer: change.writer });
    reached(result);
    let outcome: Outcome;
    if (result.ok) {
      await store.putSent(id, { baseRevision: change.baseRevision, writer: change.writer, revision: result.stored.revision });
      await store.putCached({ id, ...result.stored });
      outcome = { sent: true };
    } else if (result.reason === 'conflict') outcome = await keepAsCopy(change);
    else return { sent: false, unreachable: unreachable(result), refused: unreachable(result) ? undefined : result.error.message };
    if (outcome.sent) await store.removeQueued(id, change);
    return outcome;
  }

  function sync(): Promise<SyncReport> {
    syncing ??= exclusive('offline-sync', async () => {
      const report: SyncReport = { sent: 0, copies: [], pending: 0 };
      const ids = await store.queuedIds();
      if (ids.length === 0 || closed) return { ...report, pending: ids.length };
      update({ sending: true, pending: ids.length });
      let refused: Message | null = null;
      for (const id of ids) {
        const outcome = await alone(id, () => send(id)).catch((): Outcome => ({ sent: false, unreachable: false }));
        if (outcome.sent) {
          report.sent++;
          if (outcome.copy) report.copies.push(outcome.copy);
        } else if (outcome.unreachable) break;
        else refused = outcome.refused ?? refused;
      }
      report.pending = (await store.queuedIds()).length;
      update({ sending: false, sent: report.sent || state.sent, copies: [...state.copies, ...report.copies], refused, pending: report.pending });
      return report;
    })
      .catch(() => ({ sent: 0, copies: [], pending: state.pending }))
      .finally(() => {
        syncing = null;
        if (state.sending) update({ sending: false });
        schedule();
      });
    return syncing;
  }

  const onOnline = () => void sync();
  events?.addEventListener('online', onOnline);
  void countPending().then(() => (state.pending > 0 ? sync() : undefined)).catch(() => undefined);

  const offline: OfflineQueue = {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sync,
    dismiss: () => update({ sent: 0, copies: [] }),
  };

  return {
    kind: 'workspace',
    persistent: inner.persistent,
    offline,
    async list() {
      if (state.pending > 0) await sync();
      let summaries: JourneySummary[];
      try {
        summaries = await inner.list();
      } catch (error) {
        if (!(error instanceof RepositoryError) || error.code !== 'unavailable') throw error;
        if (!state.offline) update({ offline: true });
        const cached = await store.readList();
        const waiting = await Promise.all((await store.queuedIds()).map((id) => store.readQueued(id)));
        if (!cached && !waiting.some(Boolean)) throw error;
        // A waiting change over its journey's listing, and journeys made offline listed too.
        const byId = new Map((cached ?? []).map((summary) => [summary.id, summary]));
        for (const change of waiting)
          if (change) byId.set(change.document.id, summarise({ id: change.document.id, revision: change.baseRevision ?? 0, updatedAt: change.queuedAt, writer: change.writer, document: change.document }));
        return [...byId.values()].sort(newestFirst);
      }
      if (state.offline) update({ offline: false });
      await store.putList(summaries);
      return summaries;
    },
    async load(id) {
      // A change waiting for this journey goes first, so what opens is the server's after it.
      if (await store.readQueued(id)) await alone(id, () => send(id)).then(countPending, () => undefined);
      const result = await inner.load(id);
      reached(result);
      if (result.ok) await store.putCached({ id, ...result.stored });
      else if (result.reason === 'missing') await store.forget(id);
      if (!unreachable(result)) return result;
      const waiting = await store.readQueued(id);
      if (waiting) return asLoaded(waiting);
      const cached = await store.readCached(id);
      return cached ? checkRecord(cached) : result;
    },
    save: (document, saveOptions) => alone(document.id, () => saveNow(document, saveOptions)),
    async remove(id) {
      await inner.remove(id);
      await store.removeQueued(id).catch(() => undefined);
      await store.forget(id);
      const listed = await store.readList();
      if (listed?.some((summary) => summary.id === id)) await store.putList(listed.filter((summary) => summary.id !== id));
      await countPending().catch(() => undefined);
    },
    getSetting: (key) => inner.getSetting(key),
    setSetting: (key, value) => inner.setSetting(key, value),
    cohorts: inner.cohorts,
    runs: inner.runs,
    scenarios: inner.scenarios,
    populations: inner.populations,
    watch: (listener) => inner.watch(listener),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      events?.removeEventListener('online', onOnline);
      listeners.clear();
      inner.close();
    },
  };
}
