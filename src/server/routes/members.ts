// The workspace's members and their roles (administrators), and API tokens: any member makes and
// revokes their own (for the CLI and scripts); administrators see, make and revoke everyone's.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { message } from '../../core/i18n';
import { requireRole, signedIn } from '../auth';
import type { ServerContext, ZodApp } from '../context';
import { ApiError, refusals } from '../errors';
import { emailSchema, errors, memberParams, memberSchema, nameSchema, passwordSchema, roleSchema } from '../apiSchemas';
import { hashPassword, newSecret, sha256Hex } from '../secrets';
import { audited } from '../transactions';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

const lastAdmin = () => new ApiError(409, 'last-admin', message('cli.serve.errors.lastAdmin'));

/**
 * Refuses a change that would leave the workspace without an administrator. It runs in the change's own
 * transaction and first locks every administrator's row (FOR UPDATE, in id order, so two such
 * transactions never deadlock): of two administrators demoting or removing each other at the same
 * instant, the second waits until the first commits, then reads one administrator fewer and is refused.
 * Without the lock both would count two administrators (READ COMMITTED) and both would succeed. Whether
 * `leaving` is an administrator is read under the same lock, not from before the transaction.
 */
async function keepAnAdmin(trx: Kysely<Database>, leaving: string): Promise<void> {
  const admins = await trx.selectFrom('members').select('id').where('role', '=', 'admin').orderBy('id').forUpdate().execute();
  if (admins.some((admin) => admin.id === leaving) && !admins.some((admin) => admin.id !== leaving)) throw lastAdmin();
}

const tokenSchema = z.object({ id: z.string(), name: z.string(), memberId: z.string(), email: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() }).meta({ id: 'ApiToken' });

export function memberRoutes(app: ZodApp, context: ServerContext): void {
  const { db } = context;

  app.get('/api/members', { schema: { tags: ['members'], summary: 'The members and their roles', response: { 200: z.array(memberSchema), ...errors } } }, async (request) => {
    requireRole(request, 'viewer');
    return db.selectFrom('members').select(['id', 'email', 'name', 'role']).orderBy('email').execute();
  });

  app.post(
    '/api/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Add a member',
        description: 'The administrator chooses the first password and hands it over.',
        body: z.object({ email: emailSchema, name: nameSchema.optional(), role: roleSchema, password: passwordSchema }),
        response: { 201: memberSchema, ...errors },
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, 'admin');
      const { email, name, role, password } = request.body;
      const member = { id: randomUUID(), email, name: name ?? email, role };
      const passwordHash = await hashPassword(password, context.passwordCost);
      const now = context.now();
      await audited(db, now, admin, 'member.add', `members/${member.id}`, { email, role }, async (trx) => {
        const taken = await trx.selectFrom('members').select('id').where('email', '=', email).executeTakeFirst();
        if (taken) throw new ApiError(409, 'exists', message('cli.serve.errors.memberExists', { email }));
        await trx.insertInto('members').values({ ...member, password_hash: passwordHash, created_at: now }).execute();
      });
      return reply.code(201).send(member);
    },
  );

  app.patch(
    '/api/members/:id',
    { schema: { tags: ['members'], summary: "Change a member's role", params: memberParams, body: z.object({ role: roleSchema }), response: { 200: memberSchema, ...errors } } },
    async (request) => {
      const member = await db.selectFrom('members').select(['id', 'email', 'name', 'role']).where('id', '=', request.params.id).executeTakeFirst();
      if (!member) throw refusals.notFound();
      const admin = requireRole(request, 'admin');
      const { role } = request.body;
      await audited(db, context.now(), admin, 'member.role', `members/${member.id}`, { email: member.email, from: member.role, to: role }, async (trx) => {
        if (role !== 'admin') await keepAnAdmin(trx, member.id);
        await trx.updateTable('members').set({ role }).where('id', '=', member.id).execute();
      });
      return { ...member, role };
    },
  );

  app.delete('/api/members/:id', { schema: { tags: ['members'], summary: 'Remove a member', params: memberParams, response: { 204: z.undefined(), ...errors } } }, async (request, reply) => {
    const member = await db.selectFrom('members').select(['id', 'email', 'role']).where('id', '=', request.params.id).executeTakeFirst();
    if (!member) throw refusals.notFound();
    const admin = requireRole(request, 'admin');
    await audited(db, context.now(), admin, 'member.remove', `members/${member.id}`, { email: member.email }, async (trx) => {
      await keepAnAdmin(trx, member.id);
      // Their sessions and tokens go with them (ON DELETE CASCADE).
      await trx.deleteFrom('members').where('id', '=', member.id).execute();
    });
    context.presence.forgetMember(member.id);
    return reply.code(204).send();
  });

  const tokenRows = () =>
    db
      .selectFrom('api_tokens')
      .innerJoin('members', 'members.id', 'api_tokens.member_id')
      .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.member_id', 'members.email', 'api_tokens.created_at', 'api_tokens.last_used_at']);
  const tokenOf = (row: { id: string; name: string; member_id: string; email: string; created_at: Date; last_used_at: Date | null }) => ({
    id: row.id,
    name: row.name,
    memberId: row.member_id,
    email: row.email,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  });

  app.get('/api/tokens', { schema: { tags: ['tokens'], summary: 'API tokens: your own; an administrator sees every one', response: { 200: z.array(tokenSchema), ...errors } } }, async (request) => {
    const member = signedIn(request);
    const query = member.role === 'admin' ? tokenRows() : tokenRows().where('api_tokens.member_id', '=', member.id);
    return (await query.orderBy('api_tokens.created_at').execute()).map(tokenOf);
  });

  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Make an API token',
        description: 'For yourself, or (administrators) for `memberId`. The token is in this answer only: the server keeps its SHA-256. Send it as `Authorization: Bearer <token>`.',
        body: z.object({ name: nameSchema, memberId: z.string().min(1).max(100).optional() }),
        response: { 201: tokenSchema.extend({ token: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const caller = signedIn(request);
      const memberId = request.body.memberId ?? caller.id;
      const owner = await db.selectFrom('members').select(['id', 'email']).where('id', '=', memberId).executeTakeFirst();
      if (!owner) throw refusals.notFound();
      if (owner.id !== caller.id) requireRole(request, 'admin');
      const token = newSecret('jl_token_');
      const now = context.now();
      const id = randomUUID();
      await audited(db, now, caller, 'token.create', `tokens/${id}`, { name: request.body.name, for: owner.email }, (trx) =>
        trx.insertInto('api_tokens').values({ id, member_id: owner.id, name: request.body.name, token_hash: sha256Hex(token), created_at: now, last_used_at: null }).execute(),
      );
      return reply.code(201).send({ ...tokenOf({ id, name: request.body.name, member_id: owner.id, email: owner.email, created_at: now, last_used_at: null }), token });
    },
  );

  app.delete('/api/tokens/:id', { schema: { tags: ['tokens'], summary: 'Revoke an API token', params: memberParams, response: { 204: z.undefined(), ...errors } } }, async (request, reply) => {
    const caller = signedIn(request);
    const token = await db.selectFrom('api_tokens').select(['id', 'member_id', 'name']).where('id', '=', request.params.id).executeTakeFirst();
    if (!token) throw refusals.notFound();
    if (token.member_id !== caller.id) requireRole(request, 'admin');
    await audited(db, context.now(), caller, 'token.revoke', `tokens/${token.id}`, { name: token.name }, (trx) => trx.deleteFrom('api_tokens').where('id', '=', token.id).execute());
    return reply.code(204).send();
  });
}
