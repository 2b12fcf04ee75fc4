// `journey-lab serve` marks the index.html it serves as a team workspace's page (a meta tag naming the
// API), so the app knows to sign in and keep journeys on the server; the build on disk, which
// `npm start` serves, stays unmarked and local-only. The policy is the same with and without it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import type { ZodApp } from '../../src/server/context';
import { openDatabase, type WorkspaceDatabase } from '../../src/server/db';
import { contentSecurityPolicy, withWorkspaceMarker, workspaceMarker } from '../../src/server/static';

const POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'";
const INDEX = `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />\n    <title>Journey Lab</title>\n  </head>\n  <body><div id="root"></div><script type="module" src="/assets/index.js"></script></body>\n</html>\n`;

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the workspace marker in the served index.html', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'journey-lab-marker-'));
  let db: WorkspaceDatabase;
  let app: ZodApp;
  beforeAll(async () => {
    mkdirSync(path.join(work, 'assets'));
    writeFileSync(path.join(work, 'index.html'), INDEX);
    writeFileSync(path.join(work, 'assets', 'index.js'), 'console.log("journey lab");\n');
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    app = await buildServer({ db, staticRoot: work });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it.each(['/', '/index.html', '/journey/anything', '/cohorts?x=1'])('is in the page served at %s, once, before the entry script, with the policy unchanged', async (url) => {
    const page = await app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(count(page.body, workspaceMarker)).toBe(1);
    expect(page.body.indexOf(workspaceMarker)).toBeLessThan(page.body.indexOf('<script'));
    // The page is the build's, plus one line.
    expect(page.body.replace(`\n    ${workspaceMarker}`, '')).toBe(INDEX);
    expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.body));
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy(INDEX));
    expect(page.body).toContain(`content="${POLICY}"`);
  });

  it('leaves the build on disk (what `npm start` serves), the scripts and the API untouched', async () => {
    expect(readFileSync(path.join(work, 'index.html'), 'utf8')).toBe(INDEX);
    const script = await app.inject({ method: 'GET', url: '/assets/index.js' });
    expect(script.body).toBe('console.log("journey lab");\n');
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ ok: true });
    expect(health.body).not.toContain(workspaceMarker);
  });

  it('goes after the policy, or the charset, and is added only once', () => {
    expect(withWorkspaceMarker('<meta charset="UTF-8" /><title>x</title>')).toBe(`<meta charset="UTF-8" />\n    ${workspaceMarker}<title>x</title>`);
    expect(withWorkspaceMarker(withWorkspaceMarker(INDEX))).toBe(withWorkspaceMarker(INDEX));
    expect(withWorkspaceMarker('<p>bare</p>')).toBe(`${workspaceMarker}\n<p>bare</p>`);
  });
});
