// Journeys on the team server (src/server, /api/journeys), behind the same contract as IndexedDB
// (repository.ts; test/app/persist.test.ts runs it against this one too):
// - revision ↔ the server's version (its ETag "<n>"); save of a journey never saved POSTs it, any other
//   save PUTs it with If-Match, so two people never silently overwrite each other: the server's 412 (or
//   409 for an id taken, 404 for one deleted meanwhile) comes back as the contract's conflict, with what
//   the server holds now;
// - a request that gets no answer is { reason: 'failed' }, code 'unavailable', said in both languages.
// Cohorts, scenarios and imported lessons are the workspace's too (httpStores.ts). Runs, populations
// (customer-level data, which the server refuses) and settings stay in this browser (`local`, its
// IndexedDB), and so does which tab wrote which version (the server knows members, not tabs: the
// editor tells its own saves from others' by it). Other tabs of this browser hear saves over a
// BroadcastChannel; other members' saves are seen on the next load or conflict.
import type { JourneyDocument } from '../../core/journey';
import { isPlainObject } from '../../core/journey';
import {
  checkRecord,
  conflictWith,
  newestFirst,
  openChangeChannel,
  RepositoryError,
  summarise,
  type JourneyRecord,
  type JourneyRepository,
  type JourneySummary,
  type SaveResult,
  type StorageError,
} from './repository';
import { errorCode, errorMessage, etagOfVersion, versionOfEtag, WorkspaceUnreachable, type ApiAnswer, type WorkspaceClient } from '../workspace/client';
import { unreachable, workspaceConflictMessages, workspaceMessages } from '../workspace/messages';
import { createHttpCohorts, createHttpLessons, createHttpScenarios } from './httpStores';

/** The writer of a version saved elsewhere (another browser, another member): never one of this browser's tabs. */
export const ELSEWHERE = 'workspace';

export interface HttpRepositoryOptions {
  client: WorkspaceClient;
  /** This browser's storage for everything but journeys, and for which tab saved which version. */
  local: JourneyRepository;
  /** The BroadcastChannel tabs of this browser share; tests give each fixture its own. */
  channelName?: string;
  /** The clock, for tests. */
  now?: () => number;
}

/** Which tab of this browser saved a journey's version, and when (kept in `local`'s settings). */
interface SaveNote {
  revision: number;
  writer: string;
  updatedAt: number;
}

const noteKey = (id: string) => `workspace.saved.${id}`;
const journeyPath = (id: string) => `/journeys/${encodeURIComponent(id)}`;

const isSaveNote = (value: unknown): value is SaveNote =>
  isPlainObject(value) && typeof value.revision === 'number' && typeof value.writer === 'string' && typeof value.updatedAt === 'number';

/** Lists fetch at most this many documents at once. */
const PARALLEL_READS = 6;

export function createHttpRepository(options: HttpRepositoryOptions): JourneyRepository {
  const { client, local } = options;
  const now = options.now ?? Date.now;
  // The workspace's cohorts, scenarios and lessons are shared on the server; populations never leave this browser.
  const cohorts = createHttpCohorts(client, local.populations, now);
  const scenarios = createHttpScenarios(client, now);
  const lessons = createHttpLessons(client, now);
  const channel = openChangeChannel(options.channelName ?? `journey-lab-workspace:${client.base}`);
  /** The documents lists have read, by id, at their version: a list reads again only what changed. */
  const listed = new Map<string, { revision: number; updatedAt: number; document: unknown }>();

  const unreachableError = (error: WorkspaceUnreachable): StorageError => ({ code: 'unavailable', message: unreachable(error.detail), detail: error.detail });
  const answerError = (answer: ApiAnswer): StorageError => ({ code: answer.status === 403 ? 'refused' : 'unknown', message: errorMessage(answer), detail: `HTTP ${answer.status} ${errorCode(answer)}`.trim() });
  /** What a call that threw means for the user; anything but WorkspaceUnreachable is a bug, passed on. */
  const thrown = (error: unknown): StorageError => {
    if (error instanceof WorkspaceUnreachable) return unreachableError(error);
    throw error;
  };
  const badAnswer = (answer: ApiAnswer): StorageError => ({ code: 'unknown', message: workspaceMessages.badAnswer, detail: `HTTP ${answer.status} without a version (ETag)` });

  const readNote = async (id: string): Promise<SaveNote | null> => {
    const note = await local.getSetting(noteKey(id)).catch(() => undefined);
    return isSaveNote(note) ? note : null;
  };

  /** The row the contract's helpers read, from a document the server answered at `revision`. */
  async function recordOf(id: string, revision: number, document: unknown): Promise<JourneyRecord> {
    const note = await readNote(id);
    if (note?.revision === revision) return { id, revision, updatedAt: note.updatedAt, writer: note.writer, document };
    const seen = listed.get(id);
    return { id, revision, updatedAt: seen?.revision === revision ? seen.updatedAt : now(), writer: ELSEWHERE, document };
  }

  /** The journey's current version on the server: a record, null when there is none, or an error. */
  async function fetchCurrent(id: string): Promise<JourneyRecord | null | StorageError> {
    const answer = await client.call('GET', journeyPath(id));
    if (answer.status === 404) return null;
    if (answer.status !== 200) return answerError(answer);
    const revision = versionOfEtag(answer.etag);
    return revision === null ? badAnswer(answer) : recordOf(id, revision, answer.body);
  }

  /** The conflict the server reported, with what it holds now. */
  async function conflictNow(id: string, expectedRevision: number | null): Promise<SaveResult> {
    const current = await fetchCurrent(id);
    if (current !== null && !('id' in current)) return { ok: false, reason: 'failed', error: current };
    // Versions only grow, so what the server holds now differs from what was expected; should it not, say so rather than guess.
    const conflict = conflictWith(current ?? undefined, expectedRevision);
    if (conflict) return { ...conflict, message: conflict.current ? workspaceConflictMessages.conflict : conflict.currentRevision === null ? workspaceConflictMessages.conflictDeleted : workspaceConflictMessages.conflictUnreadable };
    return { ok: false, reason: 'failed', error: { code: 'unknown', message: workspaceMessages.badAnswer, detail: 'conflict without a current version' } };
  }

  async function readSummary(row: unknown): Promise<JourneySummary | null> {
    if (!isPlainObject(row) || typeof row.id !== 'string' || typeof row.version !== 'number') return null;
    const { id, version } = row;
    const updatedAt = typeof row.updatedAt === 'string' ? Date.parse(row.updatedAt) : Number.NaN;
    let seen = listed.get(id);
    if (seen?.revision !== version) {
      const answer = await client.call('GET', journeyPath(id));
      // Deleted between the list and this read: not in the list any more.
      if (answer.status === 404) return null;
      if (answer.status !== 200) throw new RepositoryError(answerError(answer));
      seen = { revision: versionOfEtag(answer.etag) ?? version, updatedAt: Number.isFinite(updatedAt) ? updatedAt : now(), document: answer.body };
      listed.set(id, seen);
    }
    return summarise({ id, revision: seen.revision, updatedAt: seen.updatedAt, writer: ELSEWHERE, document: seen.document });
  }

  return {
    kind: 'workspace',
    persistent: true,
    async list() {
      let answer: ApiAnswer;
      try {
        answer = await client.call('GET', '/journeys');
      } catch (error) {
        throw new RepositoryError(thrown(error));
      }
      if (answer.status !== 200 || !Array.isArray(answer.body)) throw new RepositoryError(answer.status === 200 ? badAnswer(answer) : answerError(answer));
      const rows: unknown[] = answer.body;
      const summaries: (JourneySummary | null)[] = [];
      try {
        for (let start = 0; start < rows.length; start += PARALLEL_READS)
          for (const summary of await Promise.all(rows.slice(start, start + PARALLEL_READS).map(readSummary))) summaries.push(summary);
      } catch (error) {
        throw error instanceof RepositoryError ? error : new RepositoryError(thrown(error));
      }
      return summaries.filter((summary): summary is JourneySummary => summary !== null).sort(newestFirst);
    },
    async load(id) {
      try {
        const current = await fetchCurrent(id);
        if (current === null) return { ok: false, reason: 'missing' };
        if (!('id' in current)) return { ok: false, reason: 'failed', error: current };
        return checkRecord(current);
      } catch (error) {
        return { ok: false, reason: 'failed', error: thrown(error) };
      }
    },
    async save(document: JourneyDocument, { expectedRevision, writer }) {
      try {
        const answer =
          expectedRevision === null
            ? await client.call('POST', '/journeys', { body: document })
            : await client.call('PUT', journeyPath(document.id), { body: document, ifMatch: etagOfVersion(expectedRevision) });
        if (answer.status === 200 || answer.status === 201) {
          const revision = versionOfEtag(answer.etag);
          if (revision === null) return { ok: false, reason: 'failed', error: badAnswer(answer) };
          const updatedAt = now();
          await local.setSetting(noteKey(document.id), { revision, writer, updatedAt } satisfies SaveNote).catch(() => undefined);
          channel.post({ type: 'saved', id: document.id, revision, writer });
          return { ok: true, stored: { document, revision, updatedAt, writer } };
        }
        const conflicted =
          answer.status === 412 || (answer.status === 409 && errorCode(answer) === 'exists') || (answer.status === 404 && expectedRevision !== null);
        return conflicted ? await conflictNow(document.id, expectedRevision) : { ok: false, reason: 'failed', error: answerError(answer) };
      } catch (error) {
        return { ok: false, reason: 'failed', error: thrown(error) };
      }
    },
    async remove(id) {
      await local.runs.remove(id);
      try {
        const current = await client.call('GET', journeyPath(id));
        if (current.status === 404) return;
        if (current.status !== 200 || !current.etag) throw new RepositoryError(current.status === 200 ? badAnswer(current) : answerError(current));
        const answer = await client.call('DELETE', journeyPath(id), { ifMatch: current.etag });
        if (answer.status === 404) return;
        if (answer.status === 412) throw new RepositoryError({ code: 'unknown', message: workspaceMessages.removeConflict, detail: 'HTTP 412 stale' });
        if (answer.status !== 204 && answer.status !== 200) throw new RepositoryError(answerError(answer));
      } catch (error) {
        throw error instanceof RepositoryError ? error : new RepositoryError(thrown(error));
      }
      listed.delete(id);
      channel.post({ type: 'removed', id });
    },
    getSetting: (key) => local.getSetting(key),
    setSetting: (key, value) => local.setSetting(key, value),
    cohorts,
    runs: local.runs,
    scenarios,
    populations: local.populations,
    lessons,
    watch: (listener) => channel.watch(listener),
    close() {
      channel.close();
      local.close();
    },
  };
}
