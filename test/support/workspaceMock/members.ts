// The mock team server's members: the signed-in member's own password, answered as src/server does (see ../workspaceServer.ts):
// PUT /api/account/password { currentPassword, newPassword } → 204; 422 password-too-short under 10 characters, 403
// wrong-password, 429 after 10 attempts by one member. (The real server also ends the member's other sessions; the
// mock's sessions are the shared module's, so that part is tested against the server only, test/server/account.test.ts.)
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MockKit } from '../workspaceServer';

const PASSWORD_MIN_CHARS = 10;
const ATTEMPTS = 10;

export const memberHandlers = (kit: MockKit): HttpHandler[] => {
  const attempts = new Map<string, number>();
  return [
    http.put('*/api/account/password', async ({ request, cookies }) => {
      const who = kit.signedIn(request, cookies);
      if (who instanceof Response) return who;
      const tried = (attempts.get(who.member.id) ?? 0) + 1;
      attempts.set(who.member.id, tried);
      if (tried > ATTEMPTS) return kit.refuse(429, 'rate-limited', 'rateLimited');
      const body = (await request.json().catch(() => null)) as { currentPassword?: unknown; newPassword?: unknown } | null;
      if (typeof body?.currentPassword !== 'string' || !body.currentPassword) return kit.refuse(400, 'invalid-request', 'invalidRequest', {}, { where: 'body.currentPassword' });
      if (typeof body.newPassword !== 'string') return kit.refuse(400, 'invalid-request', 'invalidRequest', {}, { where: 'body.newPassword' });
      if (body.newPassword.length < PASSWORD_MIN_CHARS) return kit.refuse(422, 'password-too-short', 'passwordTooShort', {}, { min: PASSWORD_MIN_CHARS });
      if (body.currentPassword !== who.member.password) return kit.refuse(403, 'wrong-password', 'wrongPassword');
      who.member.password = body.newPassword;
      return new HttpResponse(null, { status: 204 });
    }),
  ];
};
