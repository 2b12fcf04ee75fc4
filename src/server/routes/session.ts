// Signing in and out, who is signed in, and the first administrator's set-up.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { message } from '../../core/i18n';
import { CSRF_HEADER, SESSION_COOKIE, signedIn } from '../auth';
import type { ServerContext, ZodApp } from '../context';
import { ApiError, refusals } from '../errors';
import { emailSchema, errors, memberSchema, nameSchema, passwordSchema } from '../apiSchemas';
import { decoyHash, hashPassword, newSecret, sha256Hex, verifyPassword } from '../secrets';
import { audited } from '../transactions';

const credentials = z.object({ email: emailSchema, password: z.string().min(1).max(1024) });
const sessionAnswer = z.object({ member: memberSchema, csrfToken: z.string().nullable().meta({ description: `Send it back in ${CSRF_HEADER} on every POST, PUT, PATCH and DELETE made with the session cookie; null when signed in with an API token.` }) });

export function sessionRoutes(app: ZodApp, context: ServerContext): void {
  const { db } = context;
  let decoy: Promise<string> | null = null;

  app.post(
    '/api/session',
    {
      config: {
        public: true,
        // Per address and e-mail address, counted after the body is read (the key needs the address).
        rateLimit: {
          max: context.loginAttempts,
          timeWindow: context.loginWindowMs,
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}\u0000${String((request.body as { email?: unknown } | undefined)?.email ?? '')}`,
        },
      },
      schema: {
        tags: ['session'],
        summary: 'Sign in',
        description: `Answers the CSRF value and sets the session cookie (${SESSION_COOKIE}: httpOnly, SameSite=Strict, Secure over https). Rate-limited per client address and e-mail address.`,
        body: credentials,
        response: { 200: sessionAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const member = await db.selectFrom('members').selectAll().where('email', '=', email).executeTakeFirst();
      // An unknown address costs as much as a wrong password, so the time does not tell which addresses exist.
      decoy ??= decoyHash(context.passwordCost);
      const valid = await verifyPassword(password, member?.password_hash ?? (await decoy));
      if (!member || !valid) throw refusals.badCredentials();
      const token = newSecret('jl_session_');
      const csrfToken = newSecret('jl_csrf_');
      const now = context.now();
      const expires = new Date(now.getTime() + context.sessionLifetimeMs);
      await db.insertInto('sessions').values({ token_hash: sha256Hex(token), member_id: member.id, csrf_token: csrfToken, created_at: now, expires_at: expires }).execute();
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
      reply.setCookie(SESSION_COOKIE, token, { path: '/api', httpOnly: true, sameSite: 'strict', secure: context.secureCookies, expires });
      return { member: { id: member.id, email: member.email, name: member.name, role: member.role }, csrfToken };
    },
  );

  app.get('/api/session', { schema: { tags: ['session'], summary: 'Who is signed in', response: { 200: sessionAnswer, ...errors } } }, async (request) => {
    const member = signedIn(request);
    return { member: { id: member.id, email: member.email, name: member.name, role: member.role }, csrfToken: member.via.kind === 'session' ? member.via.csrfToken : null };
  });

  app.delete('/api/session', { schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.undefined(), ...errors } } }, async (request, reply) => {
    const member = signedIn(request);
    if (member.via.kind === 'session') await db.deleteFrom('sessions').where('token_hash', '=', member.via.tokenHash).execute();
    reply.clearCookie(SESSION_COOKIE, { path: '/api' });
    return reply.code(204).send();
  });

  app.post(
    '/api/setup',
    {
      config: { public: true, rateLimit: { max: context.loginAttempts, timeWindow: context.loginWindowMs } },
      schema: {
        tags: ['session'],
        summary: 'Create the first administrator',
        description: 'Only while the workspace has no member, with the one-time token `journey-lab serve` printed.',
        body: z.object({ token: z.string().min(1).max(200), email: emailSchema, password: passwordSchema, name: nameSchema.optional() }),
        response: { 201: z.object({ member: memberSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const { token, email, password, name } = request.body;
      const passwordHash = await hashPassword(password, context.passwordCost);
      const now = context.now();
      const member = { id: randomUUID(), email, name: name ?? email, role: 'admin' as const };
      await audited(db, now, member, 'setup.admin', `members/${member.id}`, { email }, async (trx) => {
        const anyMember = await trx.selectFrom('members').select('id').limit(1).executeTakeFirst();
        if (anyMember) throw new ApiError(409, 'already-set-up', message('cli.serve.errors.alreadySetUp'));
        const found = await trx.deleteFrom('setup_tokens').where('token_hash', '=', sha256Hex(token)).where('expires_at', '>', now).returning('token_hash').executeTakeFirst();
        if (!found) throw new ApiError(403, 'bad-setup-token', message('cli.serve.errors.badSetupToken'));
        await trx.deleteFrom('setup_tokens').execute();
        await trx.insertInto('members').values({ ...member, password_hash: passwordHash, created_at: now }).execute();
      });
      return reply.code(201).send({ member });
    },
  );
}
