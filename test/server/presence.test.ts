// Who has a journey open: marks by any member (CSRF like every change), the caller included, gone 60 s
// after the last mark or when the member leaves or is removed; bounded per journey and overall.
import { expect, it } from 'vitest';
import { PresenceBoard } from '../../src/server/presence';
import { as, journey, onEveryDatabase, team } from './support';

const url = (id: string) => `/api/journeys/${id}/presence`;

onEveryDatabase('presence', (harness) => {
  it('tells who has a journey open, keeps "since" across heartbeats, and drops a member 60 s after their last mark', async () => {
    const { app, clock } = harness();
    const { viewer, editor, admin } = await team(harness());
    expect((await app.inject({ method: 'POST', url: '/api/journeys', headers: as(editor), payload: journey('open-one') })).statusCode).toBe(201);
    const opened = clock.now().toISOString();
    const first = await app.inject({ method: 'PUT', url: url('open-one'), headers: as(viewer) });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual([{ email: 'viewer@example.com', name: 'viewer@example.com', since: opened, lastSeen: opened }]);

    clock.advance(30_000);
    await app.inject({ method: 'PUT', url: url('open-one'), headers: as(editor) });
    clock.advance(20_000);
    const heartbeat = (await app.inject({ method: 'PUT', url: url('open-one'), headers: as(viewer) })).json() as { email: string; since: string; lastSeen: string }[];
    expect(heartbeat.map((found) => found.email)).toEqual(['viewer@example.com', 'editor@example.com']);
    expect(heartbeat[0]).toMatchObject({ since: opened, lastSeen: clock.now().toISOString() });

    // The editor marked at 30 s: still there 59 s later, gone at 60 s; the viewer (at 50 s) stays.
    clock.advance(39_000);
    expect((await app.inject({ method: 'GET', url: url('open-one'), headers: as(admin) })).json()).toHaveLength(2);
    clock.advance(1_000);
    expect((await app.inject({ method: 'GET', url: url('open-one'), headers: as(admin) })).json()).toMatchObject([{ email: 'viewer@example.com' }]);

    expect((await app.inject({ method: 'DELETE', url: url('open-one'), headers: as(viewer) })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: url('open-one'), headers: as(admin) })).json()).toEqual([]);
  });

  it('needs the CSRF value to mark, 404s a journey that does not exist, and forgets a removed member', async () => {
    const { app } = harness();
    const { viewer, editor, admin } = await team(harness());
    await app.inject({ method: 'POST', url: '/api/journeys', headers: as(editor), payload: journey('open-two') });
    const noCsrf = await app.inject({ method: 'PUT', url: url('open-two'), headers: { cookie: viewer.cookie } });
    expect([noCsrf.statusCode, noCsrf.json().error.code]).toEqual([403, 'csrf']);
    const missing = await app.inject({ method: 'PUT', url: url('no-such-journey'), headers: as(viewer) });
    expect([missing.statusCode, missing.json().error.code, missing.json().error.message['zh-CN']]).toEqual([404, 'not-found', expect.any(String)]);
    expect((await app.inject({ method: 'GET', url: url('no-such-journey'), headers: as(viewer) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: url('open-two') })).statusCode).toBe(401);

    await app.inject({ method: 'PUT', url: url('open-two'), headers: as(viewer) });
    await app.inject({ method: 'PUT', url: url('open-two'), headers: as(editor) });
    expect((await app.inject({ method: 'DELETE', url: `/api/members/${viewer.id}`, headers: as(admin) })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: url('open-two'), headers: as(admin) })).json()).toMatchObject([{ email: 'editor@example.com' }]);
  });
});

it('keeps at most its bounds: per journey and overall, the mark seen longest ago makes room', () => {
  const board = new PresenceBoard({ ttlMs: 60_000, perJourney: 3, total: 5 });
  const at = (seconds: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, seconds));
  const member = (n: number) => ({ id: `m${n}`, email: `m${n}@example.com`, name: `M${n}` });
  for (let n = 1; n <= 4; n++) board.mark('a', member(n), at(n));
  expect(board.present('a', at(5)).map((found) => found.memberId)).toEqual(['m2', 'm3', 'm4']);
  board.mark('b', member(1), at(6));
  board.mark('b', member(5), at(7));
  expect(board.size).toBe(5);
  // Full overall: the stalest (m2 on a, seen at 2 s) goes.
  board.mark('c', member(6), at(8));
  expect(board.size).toBe(5);
  expect(board.present('a', at(8)).map((found) => found.memberId)).toEqual(['m3', 'm4']);
  expect(board.present('c', at(8)).map((found) => found.memberId)).toEqual(['m6']);
  // Expired marks are dropped and no longer counted.
  expect(board.present('a', at(63)).map((found) => found.memberId)).toEqual(['m4']);
  expect(board.size).toBe(4);
  board.leave('a', 'm4');
  board.forgetMember('m1');
  expect(board.size).toBe(2);
});
