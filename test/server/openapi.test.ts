// The server's OpenAPI document, kept in test/fixtures/openapi.json: the app's tests mock the server
// with msw handlers (test/app/support/workspaceServer.ts) and check every route they answer against
// that file, so the file must be the server's own. This test fails when it is not, saying how to
// refresh it; review the diff of the refreshed file, and the handlers with it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import type { ZodApp } from '../../src/server/context';
import { openDatabase, type WorkspaceDatabase } from '../../src/server/db';

const FIXTURE = fileURLToPath(new URL('../fixtures/openapi.json', import.meta.url));
const REFRESH = 'JOURNEY_LAB_UPDATE_OPENAPI=1 npx vitest run test/server/openapi.test.ts';

let db: WorkspaceDatabase;
let app: ZodApp;
beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
  app = await buildServer({ db });
}, 60_000);
afterAll(async () => {
  await app.close();
  await db.destroy();
});

it('test/fixtures/openapi.json is the server’s /api/openapi.json', async () => {
  const answer = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(answer.statusCode).toBe(200);
  const served = `${JSON.stringify(answer.json(), null, 2)}\n`;
  if (process.env.JOURNEY_LAB_UPDATE_OPENAPI === '1') writeFileSync(FIXTURE, served);
  const kept = existsSync(FIXTURE) ? readFileSync(FIXTURE, 'utf8') : '';
  expect(kept === served, `test/fixtures/openapi.json is ${kept ? 'stale' : 'missing'}: the server's API changed. Refresh it with\n  ${REFRESH}\nand check the app's msw handlers (test/app/support/workspaceServer.ts) against the change.`).toBe(true);
});
