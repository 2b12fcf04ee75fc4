// The audit log: every change, who made it and when, written in the same transaction as the change.
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface Actor {
  id: string;
  email: string;
}

export async function recordAudit(db: Kysely<Database>, at: Date, actor: Actor | null, action: string, target: string, detail: Record<string, unknown> = {}): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at, actor: actor?.email ?? null, action, target, detail: JSON.stringify(detail) })
    .execute();
}
