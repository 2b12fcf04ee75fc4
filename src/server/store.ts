// Documents and their versions. Every write (create, update, delete, restore) is a new version in the
// same transaction as the document's row; an update names the version it was based on, and the row is
// changed only where it still has that version (one conditional UPDATE), so of two writers racing on one
// version exactly one wins, on PGlite and PostgreSQL alike.
import type { Kysely, Transaction } from 'kysely';
import { audited } from './transactions';
import { documentHash } from './hash';
import type { Actor } from './audit';
import type { Database, DocumentsTable, ResourceKind } from './schema';
import { refusals } from './errors';

export type DocumentRow = Omit<DocumentsTable, 'updated_at'> & { updated_at: Date };

export interface Current {
  row: DocumentRow;
  document: unknown;
  hash: string;
}

/** The strong entity tag of a version: what GET answers in ETag and PUT, DELETE and restore take in If-Match. */
export const etagOf = (version: number): string => `"${version}"`;

/** Whether an If-Match header names this version (a list of tags may be given; weak tags never match). */
export function matches(ifMatch: string, version: number): boolean {
  const wanted = etagOf(version);
  return ifMatch.split(',').some((tag) => tag.trim() === wanted);
}

export async function findDocument(db: Kysely<Database>, kind: ResourceKind, id: string): Promise<Current | null> {
  const row = await db.selectFrom('documents').selectAll().where('kind', '=', kind).where('id', '=', id).where('deleted', '=', false).executeTakeFirst();
  if (!row) return null;
  const version = await db
    .selectFrom('document_versions')
    .select(['document', 'hash'])
    .where('kind', '=', kind)
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirstOrThrow();
  return { row, document: version.document, hash: version.hash ?? '' };
}

/** Throws 428 without If-Match and 412 when it names another version than the current one. */
export function checkIfMatch(ifMatch: string | undefined, current: DocumentRow): void {
  if (ifMatch === undefined || ifMatch.trim() === '') throw refusals.preconditionRequired();
  if (!matches(ifMatch, current.version)) throw refusals.preconditionFailed(etagOf(current.version));
}

interface Write {
  kind: ResourceKind;
  id: string;
  document: Record<string, unknown> | null;
  name: string;
  actor: Actor;
  at: Date;
}

async function insertVersion(trx: Transaction<Database>, write: Write, version: number, action: 'create' | 'update' | 'delete' | 'restore'): Promise<void> {
  await trx
    .insertInto('document_versions')
    .values({
      kind: write.kind,
      id: write.id,
      version,
      document: write.document === null ? null : JSON.stringify(write.document),
      hash: write.document === null ? null : documentHash(write.document),
      action,
      created_at: write.at,
      created_by: write.actor.email,
    })
    .execute();
}

/** PostgreSQL's unique_violation: a row with this key was written meanwhile. */
const isUniqueViolation = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** Creates a document; 409 when one with its id exists (a deleted one's id may be used again: its history goes on). */
export async function createDocument(db: Kysely<Database>, write: Write & { document: Record<string, unknown> }): Promise<number> {
  try {
    return await audited(db, write.at, write.actor, `${write.kind}.create`, `${write.kind}/${write.id}`, {}, async (trx) => {
      const existing = await trx.selectFrom('documents').select(['version', 'deleted']).where('kind', '=', write.kind).where('id', '=', write.id).forUpdate().executeTakeFirst();
      if (existing && !existing.deleted) throw refusals.exists(write.id);
      const fresh = { name: write.name, state: 'draft' as const, submitted_by: null, submitted_version: null, scenario_id: null, approved_by: null, updated_at: write.at, updated_by: write.actor.email };
      const version = existing ? existing.version + 1 : 1;
      if (existing) await trx.updateTable('documents').set({ ...fresh, version, deleted: false }).where('kind', '=', write.kind).where('id', '=', write.id).execute();
      else await trx.insertInto('documents').values({ ...fresh, kind: write.kind, id: write.id, version, deleted: false }).execute();
      await insertVersion(trx, write, version, 'create');
      return version;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw refusals.exists(write.id);
    throw error;
  }
}

/**
 * Writes a new version over `basedOn` (update, restore, delete). Any change makes a journey a draft
 * again: what was approved or is in review is a version, and this is another one.
 */
export async function writeVersion(db: Kysely<Database>, write: Write, basedOn: number, action: 'update' | 'delete' | 'restore', detail: Record<string, unknown> = {}): Promise<number> {
  return audited(db, write.at, write.actor, `${write.kind}.${action}`, `${write.kind}/${write.id}`, { basedOn, ...detail }, async (trx) => {
    const changed = await trx
      .updateTable('documents')
      .set({
        version: basedOn + 1,
        deleted: write.document === null,
        name: write.name,
        state: 'draft',
        submitted_by: null,
        submitted_version: null,
        scenario_id: null,
        approved_by: null,
        updated_at: write.at,
        updated_by: write.actor.email,
      })
      .where('kind', '=', write.kind)
      .where('id', '=', write.id)
      .where('version', '=', basedOn)
      .where('deleted', '=', false)
      .returning('version')
      .executeTakeFirst();
    if (!changed) {
      // Someone else wrote (or deleted) it since the caller read it.
      const now = await trx.selectFrom('documents').select(['version', 'deleted']).where('kind', '=', write.kind).where('id', '=', write.id).executeTakeFirst();
      if (!now || now.deleted) throw refusals.notFound();
      throw refusals.preconditionFailed(etagOf(now.version));
    }
    await insertVersion(trx, write, changed.version, action);
    return changed.version;
  });
}
