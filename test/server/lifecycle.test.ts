// Migrations up and down on every database, and `journey-lab serve`: the app with its policy, the API
// on one port, the first administrator, and a workspace that outlives a restart.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAllDown, migrateToLatest } from '../../src/server/migrations';
import { contentSecurityPolicy } from '../../src/server/static';
import { serveCommand, viteCli } from '../../src/cli/serve';
import { backends, journey, PASSWORD } from './support';
import type { WorkspaceDatabase } from '../../src/server/db';

const tables = async (db: WorkspaceDatabase) =>
  (await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(db)).rows.map((row) => row.table_name);

for (const backend of backends())
  describe(`migrations (${backend.name})`, () => {
    let opened: Awaited<ReturnType<typeof backend.open>>;
    beforeAll(async () => {
      opened = await backend.open();
    }, 60_000);
    afterAll(() => opened.drop());

    it('go down to nothing and up again', async () => {
      const { db } = opened;
      const schema = ['api_tokens', 'audit_log', 'comments', 'document_versions', 'documents', 'members', 'sessions', 'setup_tokens'];
      expect((await tables(db)).filter((name) => !name.startsWith('kysely_'))).toEqual(schema);
      await migrateAllDown(db);
      expect((await tables(db)).filter((name) => !name.startsWith('kysely_'))).toEqual([]);
      await migrateToLatest(db);
      expect((await tables(db)).filter((name) => !name.startsWith('kysely_'))).toEqual(schema);
      // Up to date: running them again changes nothing.
      expect((await migrateToLatest(db)).results).toEqual([]);
    });
  });

it('sends the build’s policy as a header, with connect-src and frame-ancestors made sure of', () => {
  const html = `<meta charset="UTF-8" />\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; connect-src https://elsewhere.example" />`;
  expect(contentSecurityPolicy(html)).toBe("default-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
});

describe('journey-lab serve', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'journey-lab-serve-'));
  const appDir = path.join(work, 'app');
  const dataDir = path.join(work, 'data');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Runs serve until `use` is done with its address; answers what it printed. */
  async function serving(env: Record<string, string>, use: (url: string) => Promise<void>): Promise<{ status: number; stderr: string }> {
    let stderr = '';
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    let used: Promise<void> = Promise.resolve();
    const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text), readFile: () => '', writeFile: () => undefined, env, version: '0' };
    const status = await serveCommand(['--port', '0', '--data', dataDir], 'en', io, {
      appDir,
      until,
      onListening: (url) => {
        used = use(url).finally(stop);
      },
    });
    await used;
    return { status, stderr };
  }

  it('serves the app and the API on one port, and keeps the workspace across a restart', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(appDir, { recursive: true });
    writeFileSync(path.join(appDir, 'index.html'), `<!doctype html><meta charset="UTF-8" />\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'" /><title>Journey Lab</title>`);
    const env = { JOURNEY_LAB_ADMIN_EMAIL: 'boss@example.com', JOURNEY_LAB_ADMIN_PASSWORD: PASSWORD };
    const first = await serving(env, async (url) => {
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });
      const page = await fetch(`${url}/journey/anything`);
      expect(await page.text()).toContain('<title>Journey Lab</title>');
      expect(page.headers.get('content-security-policy')).toBe("default-src 'self'; connect-src 'self'; frame-ancestors 'none'");
      expect((await fetch(`${url}/api/no-such-route`)).status).toBe(404);
      const signedIn = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'boss@example.com', password: PASSWORD }) });
      const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      const created = await fetch(`${url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(journey('kept')) });
      expect(created.status).toBe(201);
    });
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('Created the first administrator, boss@example.com');
    expect(first.stderr).toContain(`PGlite in ${dataDir}`);

    const second = await serving({}, async (url) => {
      const signedIn = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'boss@example.com', password: PASSWORD }) });
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      const kept = await fetch(`${url}/api/journeys/kept`, { headers: { cookie } });
      expect([kept.status, kept.headers.get('etag')]).toEqual([200, '"1"']);
    });
    expect(second.stderr).not.toContain('Created the first administrator');
    expect(second.stderr).not.toContain('one-time token');
  }, 120_000);

  it('finds vite’s command line to build the app on a fresh clone (vite 8 does not export bin/vite.js)', () => {
    const cli = viteCli();
    expect(existsSync(cli)).toBe(true);
    expect(readFileSync(cli, 'utf8')).toMatch(/^#!.*node/);
  });

  it('says a port in use is in use, in the language asked for, and stops', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      for (const [lang, words] of [['en', `Cannot listen on http://127.0.0.1:${port}: the port is in use or not allowed (EADDRINUSE)`], ['zh-CN', `http://127.0.0.1:${port}`]] as const) {
        let stderr = '';
        const io = { stdout: () => undefined, stderr: (text: string) => void (stderr += text), readFile: () => '', writeFile: () => undefined, env: {}, version: '0' };
        const status = await serveCommand(['--port', String(port), '--host', '127.0.0.1', '--data', path.join(work, `busy-${lang}`)], lang, io, { appDir, until: Promise.resolve() });
        expect(status).not.toBe(0);
        expect(stderr).toContain(words);
        expect(stderr).not.toMatch(/internal error|at .*\.ts:\d+/i);
      }
    } finally {
      taken.close();
    }
  }, 60_000);
});
