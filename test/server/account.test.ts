// A member changes their own password: the current one is needed (403 in both languages otherwise), the
// new one is at least the server's minimum, attempts are rate-limited like signing in, the member's other
// sessions end and this one stays, and the change is audited.
import { expect, it } from 'vitest';
import { addMember, as, onEveryDatabase, PASSWORD, signIn, team } from './support';

const NEW_PASSWORD = 'a brand new passphrase';
const change = (currentPassword: string, newPassword: string) => ({ method: 'PUT' as const, url: '/api/account/password', payload: { currentPassword, newPassword } });

onEveryDatabase(
  'own password',
  (harness) => {
    it('changes the password with the current one, ends the other sessions, keeps this one, and audits it', async () => {
      const { app, db } = harness();
      const { editor, viewer } = await team(harness());
      const elsewhere = await signIn(app, 'editor@example.com');
      const answer = await app.inject({ ...change(PASSWORD, NEW_PASSWORD), headers: as(editor) });
      expect(answer.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(editor) })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: elsewhere.headers })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(viewer) })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'editor@example.com', password: PASSWORD } })).statusCode).toBe(401);
      expect((await signIn(app, 'editor@example.com', NEW_PASSWORD)).csrfToken).toBeTruthy();
      const audit = await db.selectFrom('audit_log').select(['actor', 'action', 'target']).where('action', '=', 'member.password').execute();
      expect(audit).toEqual([{ actor: 'editor@example.com', action: 'member.password', target: `members/${editor.id}` }]);
    });

    it('refuses a wrong current password (403, not a sign-out) and a short new one, in both languages, changing nothing', async () => {
      const { app, db } = harness();
      const { editor } = await team(harness());
      const wrong = await app.inject({ ...change('not my password', NEW_PASSWORD), headers: as(editor) });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error).toEqual({ code: 'wrong-password', message: { en: 'Your current password is not right, so the password was not changed.', 'zh-CN': '当前密码不正确，密码未更改。' } });
      const short = await app.inject({ ...change(PASSWORD, 'too short'), headers: as(editor) });
      expect([short.statusCode, short.json().error.code, short.json().error.message.en]).toEqual([422, 'password-too-short', 'The new password needs at least 10 characters; it was not changed.']);
      expect(short.json().error.message['zh-CN']).toContain('10');
      expect((await app.inject({ ...change(PASSWORD, NEW_PASSWORD), headers: { cookie: editor.cookie } })).json().error.code).toBe('csrf');
      expect((await app.inject(change(PASSWORD, NEW_PASSWORD))).statusCode).toBe(401);
      expect((await signIn(app, 'editor@example.com')).csrfToken).toBeTruthy();
      expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'member.password').execute()).toEqual([]);
    });

    it('is rate-limited per member like signing in', async () => {
      const { app } = harness();
      await addMember(harness().db, 'ana@example.com', 'viewer');
      await addMember(harness().db, 'bo@example.com', 'viewer');
      const ana = await signIn(app, 'ana@example.com');
      for (let attempt = 0; attempt < 4; attempt++) expect((await app.inject({ ...change('guess number x', NEW_PASSWORD), headers: ana.headers })).statusCode).toBe(403);
      const limited = await app.inject({ ...change(PASSWORD, NEW_PASSWORD), headers: ana.headers });
      expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'rate-limited']);
      const bo = await signIn(app, 'bo@example.com');
      expect((await app.inject({ ...change(PASSWORD, NEW_PASSWORD), headers: bo.headers })).statusCode).toBe(204);
    });

    it('ends every session when the change comes with an API token', async () => {
      const { app } = harness();
      const { approver } = await team(harness());
      const { token } = (await app.inject({ method: 'POST', url: '/api/tokens', headers: as(approver), payload: { name: 'CLI' } })).json() as { token: string };
      const bearer = { authorization: `Bearer ${token}` };
      expect((await app.inject({ ...change(PASSWORD, NEW_PASSWORD), headers: bearer })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(approver) })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: bearer })).statusCode).toBe(200);
    });
  },
  { loginAttempts: 4 },
);
