// What no route answers is still answered in the API's error shape, in both languages: an address the
// router cannot decode (refused before any hook runs), a path or a method no route has.
import { expect, it } from 'vitest';
import { onEveryDatabase } from './support';

onEveryDatabase('error shape outside the routes', (harness) => {
  it('answers an undecodable address, an unknown path and an unknown method as { error: { code, message: { en, zh-CN } } }', async () => {
    const { app } = harness();
    const cases = [
      { method: 'GET', url: '/api/journeys/%E0%A4%A/presence', status: 400, code: 'bad-request' },
      { method: 'GET', url: '/api/no-such-route', status: 404, code: 'not-found' },
      { method: 'TRACE', url: '/api/health', status: 404, code: 'not-found' },
    ] as const;
    for (const { method, url, status, code } of cases) {
      const answer = await app.inject({ method, url });
      expect([answer.statusCode, String(answer.headers['content-type'])]).toEqual([status, 'application/json; charset=utf-8']);
      const { error } = answer.json() as { error: { code: string; message: Record<string, string> } };
      expect(error.code).toBe(code);
      expect(Object.keys(error.message).sort()).toEqual(['en', 'zh-CN']);
      expect(answer.body).not.toMatch(/FST_|statusCode|stack/);
    }
  });
});
