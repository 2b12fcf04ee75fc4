// Signing in, sessions and CSRF, API tokens, the login rate limit, the first administrator, members.
import { expect, it } from 'vitest';
import { bootstrap } from '../../src/server/bootstrap';
import { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword } from '../../src/server/secrets';
import { addMember, as, journey, onEveryDatabase, PASSWORD, signIn, team, TEST_COST } from './support';

it('hashes passwords with scrypt at N = 2^15, r = 8, p = 3 by default, the cost kept with the hash', async () => {
  expect(DEFAULT_PASSWORD_COST).toEqual({ N: 2 ** 15, r: 8, p: 3 });
  const hash = await hashPassword('a long enough password', TEST_COST);
  expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  expect(await verifyPassword('a long enough password', hash)).toBe(true);
  expect(await verifyPassword('a long enough passwore', hash)).toBe(false);
  expect(await hashPassword('a long enough password', TEST_COST)).not.toBe(hash);
});

onEveryDatabase(
  'auth',
  (harness) => {
    it('signs in with an httpOnly SameSite=Strict cookie, tells who is signed in, and signs out', async () => {
      const { app, db } = harness();
      await addMember(db, 'ana@example.com', 'editor');
      expect((await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'ana@example.com', password: 'wrong password' } })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'nobody@example.com', password: PASSWORD } })).json().error.code).toBe('bad-credentials');
      const answer = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'ANA@example.com ', password: PASSWORD } });
      expect(answer.statusCode).toBe(200);
      const cookie = answer.cookies[0]!;
      expect(cookie).toMatchObject({ name: 'journey_lab_session', httpOnly: true, sameSite: 'Strict', path: '/api' });
      expect(String(answer.headers['set-cookie'])).not.toMatch(/Secure/);
      const headers = { cookie: `${cookie.name}=${cookie.value}` };
      const me = await app.inject({ method: 'GET', url: '/api/session', headers });
      expect(me.json()).toMatchObject({ member: { email: 'ana@example.com', role: 'editor' }, csrfToken: answer.json().csrfToken });
      expect((await app.inject({ method: 'DELETE', url: '/api/session', headers })).statusCode).toBe(403);
      expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { ...headers, 'x-csrf-token': answer.json().csrfToken } })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(401);
    });

    it('marks the cookie Secure over https', async () => {
      const { app, db } = harness();
      await addMember(db, 'ana@example.com', 'viewer');
      const answer = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'ana@example.com', password: PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
      expect(answer.cookies[0]).toMatchObject({ name: 'journey_lab_session', secure: true });
    });

    it('ends a session when it expires', async () => {
      const { app, clock } = harness();
      const { viewer } = await team(harness());
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(viewer) })).statusCode).toBe(200);
      clock.advance(7 * 24 * 3_600_000 + 1);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(viewer) })).statusCode).toBe(401);
    });

    it('needs the CSRF value on every change made with the session cookie, and none with a token', async () => {
      const { app } = harness();
      const { editor } = await team(harness());
      const cookieOnly = { cookie: editor.cookie };
      for (const csrf of [undefined, 'jl_csrf_forged', `${editor.csrfToken}x`]) {
        const answer = await app.inject({ method: 'POST', url: '/api/journeys', headers: { ...cookieOnly, ...(csrf ? { 'x-csrf-token': csrf } : {}) }, payload: journey('csrf') });
        expect([answer.statusCode, answer.json().error.code]).toEqual([403, 'csrf']);
      }
      expect((await app.inject({ method: 'GET', url: '/api/journeys', headers: cookieOnly })).statusCode).toBe(200);
      const made = await app.inject({ method: 'POST', url: '/api/tokens', headers: as(editor), payload: { name: 'CLI' } });
      expect(made.statusCode).toBe(201);
      const { token, id } = made.json() as { token: string; id: string };
      expect(token).toMatch(/^jl_token_/);
      const bearer = { authorization: `Bearer ${token}` };
      expect((await app.inject({ method: 'POST', url: '/api/journeys', headers: bearer, payload: journey('by-token') })).statusCode).toBe(201);
      const listed = (await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer })).json();
      expect(listed).toMatchObject([{ id, name: 'CLI', email: 'editor@example.com' }]);
      expect(JSON.stringify(listed)).not.toContain(token);
      const stored = await harness().db.selectFrom('api_tokens').select('token_hash').executeTakeFirstOrThrow();
      expect(stored.token_hash).not.toContain(token);
      expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/journeys', headers: bearer })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/journeys', headers: { authorization: 'Bearer jl_token_made_up' } })).statusCode).toBe(401);
    });

    it('lets members manage only their own tokens; an administrator manages everyone’s', async () => {
      const { app } = harness();
      const { viewer, editor, admin } = await team(harness());
      const forEditor = await app.inject({ method: 'POST', url: '/api/tokens', headers: as(admin), payload: { name: 'for the editor', memberId: editor.id } });
      expect(forEditor.json()).toMatchObject({ memberId: editor.id, email: 'editor@example.com' });
      expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: as(viewer), payload: { name: 'x', memberId: editor.id } })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: '/api/tokens', headers: as(viewer), payload: { name: 'x', memberId: 'no-such-member' } })).statusCode).toBe(404);
      expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${forEditor.json().id}`, headers: as(viewer) })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: as(viewer) })).json()).toEqual([]);
      expect((await app.inject({ method: 'GET', url: '/api/tokens', headers: as(editor) })).json()).toHaveLength(1);
      expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${forEditor.json().id}`, headers: as(admin) })).statusCode).toBe(204);
    });

    it('rate-limits sign-in per address and e-mail address', async () => {
      const { app, db } = harness();
      await addMember(db, 'ana@example.com', 'viewer');
      const attempt = (email: string, password = 'wrong password', ip = '10.0.0.1') => app.inject({ method: 'POST', url: '/api/session', remoteAddress: ip, payload: { email, password } });
      for (let i = 0; i < 4; i++) expect((await attempt('ana@example.com')).statusCode).toBe(401);
      const limited = await attempt('ana@example.com', PASSWORD);
      expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'rate-limited']);
      expect(limited.json().error.message['zh-CN']).toBeTruthy();
      // Another address, or another e-mail address from this one, is counted apart.
      expect((await attempt('ana@example.com', PASSWORD, '10.0.0.2')).statusCode).toBe(200);
      expect((await attempt('bo@example.com')).statusCode).toBe(401);
    });

    it('adds members, changes roles and removes them, and never leaves the workspace without an administrator', async () => {
      const { app } = harness();
      const { admin, viewer } = await team(harness());
      const added = await app.inject({ method: 'POST', url: '/api/members', headers: as(admin), payload: { email: 'New@Example.com', role: 'editor', password: PASSWORD } });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ email: 'new@example.com', role: 'editor' });
      expect((await app.inject({ method: 'POST', url: '/api/members', headers: as(admin), payload: { email: 'new@example.com', role: 'viewer', password: PASSWORD } })).statusCode).toBe(409);
      expect((await app.inject({ method: 'POST', url: '/api/members', headers: as(admin), payload: { email: 'short@example.com', role: 'viewer', password: 'short' } })).statusCode).toBe(400);
      await signIn(app, 'new@example.com');
      expect((await app.inject({ method: 'PATCH', url: `/api/members/${viewer.id}`, headers: as(admin), payload: { role: 'approver' } })).json().role).toBe('approver');
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(viewer) })).json().member.role).toBe('approver');
      const demoteSelf = await app.inject({ method: 'PATCH', url: `/api/members/${admin.id}`, headers: as(admin), payload: { role: 'viewer' } });
      expect([demoteSelf.statusCode, demoteSelf.json().error.code]).toEqual([409, 'last-admin']);
      expect((await app.inject({ method: 'DELETE', url: `/api/members/${admin.id}`, headers: as(admin) })).statusCode).toBe(409);
      expect((await app.inject({ method: 'DELETE', url: `/api/members/${viewer.id}`, headers: as(admin) })).statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: as(viewer) })).statusCode).toBe(401);
      expect((await app.inject({ method: 'DELETE', url: '/api/members/no-such-member', headers: as(admin) })).statusCode).toBe(404);
    });

    it('creates the first administrator from the environment, or hands out a one-time set-up token', async () => {
      const { app, db, clock } = harness();
      expect(await bootstrap(db, { JOURNEY_LAB_ADMIN_EMAIL: 'not an address', JOURNEY_LAB_ADMIN_PASSWORD: PASSWORD }, clock.now(), TEST_COST)).toEqual({ kind: 'bad-admin', field: 'JOURNEY_LAB_ADMIN_EMAIL' });
      const setup = await bootstrap(db, {}, clock.now(), TEST_COST);
      if (setup.kind !== 'setup') throw new Error('expected a set-up token');
      const payload = { token: setup.token, email: 'first@example.com', password: PASSWORD };
      expect((await app.inject({ method: 'POST', url: '/api/setup', payload: { ...payload, token: 'jl_setup_wrong' } })).statusCode).toBe(403);
      expect((await app.inject({ method: 'POST', url: '/api/setup', payload })).statusCode).toBe(201);
      expect((await app.inject({ method: 'POST', url: '/api/setup', payload })).json().error.code).toBe('already-set-up');
      expect((await signIn(app, 'first@example.com')).csrfToken).toBeTruthy();
      expect(await bootstrap(db, { JOURNEY_LAB_ADMIN_EMAIL: 'other@example.com', JOURNEY_LAB_ADMIN_PASSWORD: PASSWORD }, clock.now(), TEST_COST)).toEqual({ kind: 'ready' });

      await db.deleteFrom('members').execute();
      expect(await bootstrap(db, { JOURNEY_LAB_ADMIN_EMAIL: 'Boss@example.com', JOURNEY_LAB_ADMIN_PASSWORD: PASSWORD }, clock.now(), TEST_COST)).toEqual({ kind: 'admin-created', email: 'boss@example.com' });
      const boss = await signIn(app, 'boss@example.com');
      expect((await app.inject({ method: 'GET', url: '/api/session', headers: boss.headers })).json().member.role).toBe('admin');
    });

    it('refuses an expired set-up token', async () => {
      const { app, db, clock } = harness();
      const setup = await bootstrap(db, {}, clock.now(), TEST_COST);
      if (setup.kind !== 'setup') throw new Error('expected a set-up token');
      clock.advance(24 * 3_600_000 + 1);
      expect((await app.inject({ method: 'POST', url: '/api/setup', payload: { token: setup.token, email: 'late@example.com', password: PASSWORD } })).json().error.code).toBe('bad-setup-token');
    });
  },
  { loginAttempts: 4, trustProxy: true },
);
