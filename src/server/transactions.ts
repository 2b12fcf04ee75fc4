// A change and its audit entry commit together or not at all.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type Actor } from './audit';
import type { Database } from './schema';

export function audited<T>(
  db: Kysely<Database>,
  at: Date,
  actor: Actor | null,
  action: string,
  target: string,
  detail: Record<string, unknown>,
  change: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await change(trx);
    await recordAudit(trx, at, actor, action, target, detail);
    return result;
  });
}
