// The first start of an empty workspace: an administrator from JOURNEY_LAB_ADMIN_EMAIL and
// JOURNEY_LAB_ADMIN_PASSWORD, or else a one-time set-up token (valid a day) for POST /api/setup.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { emailSchema, passwordSchema } from './apiSchemas';
import { audited } from './transactions';
import type { Database } from './schema';
import { DEFAULT_PASSWORD_COST, hashPassword, newSecret, sha256Hex, type PasswordCost } from './secrets';

export type Bootstrap =
  | { kind: 'ready' }
  | { kind: 'admin-created'; email: string }
  | { kind: 'setup'; token: string }
  | { kind: 'bad-admin'; field: 'JOURNEY_LAB_ADMIN_EMAIL' | 'JOURNEY_LAB_ADMIN_PASSWORD' };

const SETUP_TOKEN_LIFETIME_MS = 24 * 3_600_000;

export async function bootstrap(db: Kysely<Database>, env: Record<string, string | undefined>, now: Date, cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<Bootstrap> {
  const anyMember = await db.selectFrom('members').select('id').limit(1).executeTakeFirst();
  if (anyMember) return { kind: 'ready' };
  const { JOURNEY_LAB_ADMIN_EMAIL: rawEmail, JOURNEY_LAB_ADMIN_PASSWORD: password } = env;
  if (rawEmail || password) {
    const email = emailSchema.safeParse(rawEmail ?? '');
    if (!email.success) return { kind: 'bad-admin', field: 'JOURNEY_LAB_ADMIN_EMAIL' };
    if (!passwordSchema.safeParse(password ?? '').success) return { kind: 'bad-admin', field: 'JOURNEY_LAB_ADMIN_PASSWORD' };
    const member = { id: randomUUID(), email: email.data, name: email.data, role: 'admin' as const };
    const passwordHash = await hashPassword(password!, cost);
    await audited(db, now, null, 'setup.admin', `members/${member.id}`, { email: member.email, from: 'environment' }, (trx) =>
      trx.insertInto('members').values({ ...member, password_hash: passwordHash, created_at: now }).execute(),
    );
    return { kind: 'admin-created', email: member.email };
  }
  const token = newSecret('jl_setup_');
  await db.deleteFrom('setup_tokens').execute();
  await db.insertInto('setup_tokens').values({ token_hash: sha256Hex(token), expires_at: new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS) }).execute();
  return { kind: 'setup', token };
}
