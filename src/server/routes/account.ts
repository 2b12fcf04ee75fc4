// The signed-in member's own account: changing their password. It needs the current one (a session left
// open on a shared computer is not enough to take the account over), is rate-limited like signing in,
// ends the member's other sessions (whoever else signed in with the old password is signed out) and
// keeps this one; API tokens stay (they are revoked one by one, DELETE /api/tokens/:id).
import { z } from 'zod';
import { message } from '../../core/i18n';
import { signedIn } from '../auth';
import type { ServerContext, ZodApp } from '../context';
import { ApiError } from '../errors';
import { errors, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS } from '../apiSchemas';
import { hashPassword, verifyPassword } from '../secrets';
import { audited } from '../transactions';

const passwordChange = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_CHARS),
  newPassword: z.string().max(PASSWORD_MAX_CHARS).meta({ description: `At least ${PASSWORD_MIN_CHARS} characters (422 password-too-short).` }),
});

const wrongPassword = () => new ApiError(403, 'wrong-password', message('cli.serve.errors.wrongPassword'));
const tooShort = () => new ApiError(422, 'password-too-short', message('cli.serve.errors.passwordTooShort', { min: PASSWORD_MIN_CHARS }));

export function accountRoutes(app: ZodApp, context: ServerContext): void {
  const { db } = context;

  app.put(
    '/api/account/password',
    {
      config: {
        // Like signing in: per client address and member, counted once the member is known.
        rateLimit: { max: context.loginAttempts, timeWindow: context.loginWindowMs, hook: 'preHandler', keyGenerator: (request) => `${request.ip}\u0000${request.member?.id ?? ''}` },
      },
      schema: {
        tags: ['account'],
        summary: 'Change your own password',
        description:
          'With the current password (403 wrong-password otherwise). Ends your other sessions and keeps this one; API tokens stay. Rate-limited per client address and member like signing in.',
        body: passwordChange,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = signedIn(request);
      const { currentPassword, newPassword } = request.body;
      if (newPassword.length < PASSWORD_MIN_CHARS) throw tooShort();
      const stored = await db.selectFrom('members').select('password_hash').where('id', '=', caller.id).executeTakeFirst();
      if (!stored || !(await verifyPassword(currentPassword, stored.password_hash))) throw wrongPassword();
      const passwordHash = await hashPassword(newPassword, context.passwordCost);
      const kept = caller.via.kind === 'session' ? caller.via.tokenHash : null;
      await audited(db, context.now(), caller, 'member.password', `members/${caller.id}`, { email: caller.email }, async (trx) => {
        await trx.updateTable('members').set({ password_hash: passwordHash }).where('id', '=', caller.id).execute();
        let others = trx.deleteFrom('sessions').where('member_id', '=', caller.id);
        if (kept !== null) others = others.where('token_hash', '!=', kept);
        await others.execute();
      });
      return reply.code(204).send();
    },
  );
}
