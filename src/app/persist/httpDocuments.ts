// One kind of document on the team server (/api/cohorts, /api/scenarios, /api/lessons; src/server/routes/resources.ts):
// the document's own id is its resource id; one this page has not read is POSTed (when the server
// answers that the id exists, its version is read and it is PUT), one it has read is PUT with If-Match
// from the ETag the last read or write answered, and DELETE sends it too, so nobody silently overwrites
// what someone else saved after this page read it. Every failure rejects with a RepositoryError:
// 'unavailable' when the server cannot be reached, the server's own words otherwise.
import { isPlainObject } from '../../core/journey';
import { errorCode, errorMessage, versionOfEtag, WorkspaceUnreachable, type ApiAnswer, type WorkspaceClient } from '../workspace/client';
import { message } from '../../core/i18n';
import { unreachable, workspaceMessages } from '../workspace/messages';
import { RepositoryError } from './repository';

export type DocumentKind = 'cohorts' | 'scenarios' | 'lessons';

export interface ServerDocument {
  id: string;
  /** The document as the server stored it (checked and normalised by the core's code there). */
  document: unknown;
  version: number;
  /** Milliseconds since the epoch: the server's time of the version when a list said it, else when this page read it. */
  updatedAt: number;
}

export interface HttpDocuments {
  /** Every live document of the kind, in the server's order (newest first); only what changed since the last list is read again. */
  list(): Promise<ServerDocument[]>;
  /** Undefined when the server has none with this id. */
  get(id: string): Promise<ServerDocument | undefined>;
  /** Creates or replaces the document under its id; answers what the server stored. */
  put(document: { id: string }): Promise<ServerDocument>;
  /** Removing a missing id is fine. */
  remove(id: string): Promise<void>;
}

/** Not deleted: someone saved it since this page read it. */
const removeConflict = message('app.workspace.data.removeConflict');

/** Lists fetch at most this many documents at once. */
const PARALLEL_READS = 6;

const failedWith = (answer: ApiAnswer) => new RepositoryError({ code: 'unknown', message: errorMessage(answer), detail: `HTTP ${answer.status} ${errorCode(answer)}`.trim() });
const badAnswer = (answer: ApiAnswer, what: string) => new RepositoryError({ code: 'unknown', message: workspaceMessages.badAnswer, detail: `HTTP ${answer.status}: ${what}` });

export function createHttpDocuments(client: WorkspaceClient, kind: DocumentKind, now: () => number = Date.now): HttpDocuments {
  const path = (id?: string) => (id === undefined ? `/${kind}` : `/${kind}/${encodeURIComponent(id)}`);
  /** What this page last read or wrote of each document: its version (the If-Match of the next change) and content. */
  const known = new Map<string, ServerDocument>();

  /** Every call: a server that cannot be reached is a RepositoryError 'unavailable', said in both languages. */
  async function call(...args: Parameters<WorkspaceClient['call']>): Promise<ApiAnswer> {
    try {
      return await client.call(...args);
    } catch (error) {
      if (error instanceof WorkspaceUnreachable) throw new RepositoryError({ code: 'unavailable', message: unreachable(error.detail), detail: error.detail });
      throw error;
    }
  }

  /** Keeps what a read or write answered; `updatedAt` of the same version is kept from before. */
  function remember(id: string, answer: ApiAnswer, updatedAt?: number): ServerDocument {
    const version = versionOfEtag(answer.etag);
    if (version === null) throw badAnswer(answer, `${kind}/${id} without a version (ETag)`);
    const before = known.get(id);
    const stored = { id, document: answer.body, version, updatedAt: updatedAt ?? (before?.version === version ? before.updatedAt : now()) };
    known.set(id, stored);
    return stored;
  }

  async function get(id: string, updatedAt?: number): Promise<ServerDocument | undefined> {
    const answer = await call('GET', path(id));
    if (answer.status === 404) {
      known.delete(id);
      return undefined;
    }
    if (answer.status !== 200) throw failedWith(answer);
    return remember(id, answer, updatedAt);
  }

  async function listed(row: unknown): Promise<ServerDocument | undefined> {
    if (!isPlainObject(row) || typeof row.id !== 'string' || typeof row.version !== 'number') return undefined;
    const parsed = typeof row.updatedAt === 'string' ? Date.parse(row.updatedAt) : Number.NaN;
    const updatedAt = Number.isFinite(parsed) ? parsed : undefined;
    const seen = known.get(row.id);
    if (seen?.version === row.version) return updatedAt === undefined ? seen : { ...seen, updatedAt };
    // Deleted between the list and this read: not in the list any more.
    return get(row.id, updatedAt);
  }

  return {
    async list() {
      const answer = await call('GET', path());
      if (answer.status !== 200) throw failedWith(answer);
      if (!Array.isArray(answer.body)) throw badAnswer(answer, `${kind} list is not an array`);
      const rows: unknown[] = answer.body;
      const found: ServerDocument[] = [];
      for (let start = 0; start < rows.length; start += PARALLEL_READS)
        for (const stored of await Promise.all(rows.slice(start, start + PARALLEL_READS).map(listed))) if (stored) found.push(stored);
      return found;
    },
    get: (id) => get(id),
    async put(document) {
      const { id } = document;
      const replace = (base: ServerDocument) => call('PUT', path(id), { body: document, ifMatch: `"${base.version}"` });
      const base = known.get(id);
      // Never read here: most likely new (a new scenario, say), so POST; should the id exist, read its version and PUT.
      let answer = base ? await replace(base) : await call('POST', path(), { body: document });
      if (!base && answer.status === 409 && errorCode(answer) === 'exists') {
        const current = await get(id);
        if (current) answer = await replace(current);
      }
      // Deleted meanwhile: saving it creates it again (its earlier versions stay in the server's history).
      if (base && answer.status === 404) answer = await call('POST', path(), { body: document });
      if (answer.status === 412) {
        // Someone saved another version since this page read it: said, not overwritten. Forgetting the
        // version makes the next save read the server's first, so saving again (having been told) keeps this one.
        known.delete(id);
        throw failedWith(answer);
      }
      if (answer.status !== 200 && answer.status !== 201) throw failedWith(answer);
      return remember(id, answer, now());
    },
    async remove(id) {
      const base = known.get(id) ?? (await get(id));
      if (!base) return;
      const answer = await call('DELETE', path(id), { ifMatch: `"${base.version}"` });
      known.delete(id);
      if (answer.status === 412) throw new RepositoryError({ code: 'unknown', message: removeConflict, detail: `HTTP 412 ${kind}/${id} stale` });
      if (answer.status !== 204 && answer.status !== 200 && answer.status !== 404) throw failedWith(answer);
    },
  };
}
