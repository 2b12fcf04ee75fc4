// The HTTP journey repository beyond the contract (test/app/persist.test.ts runs that against it): the
// headers it sends, what it says when the server cannot be reached or refuses, and that the msw
// handlers it is tested against answer only routes the server's OpenAPI document has.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { createHttpRepository } from '../../src/app/persist/httpRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { createWorkspaceClient, type WorkspaceClient } from '../../src/app/workspace/client';
import { workspaceApiBase } from '../../src/app/workspace/marker';
import { checkedJourney } from '../fixtures/journeys';
import { inChinese, inEnglish } from '../support/messages';
import { createWorkspaceServer, mockApiForThisFile, PASSWORD, type WorkspaceServer } from '../support/workspaceServer';

const mockServer = mockApiForThisFile();

const journey = checkedJourney;

async function signedInClient(email = 'editor@example.com'): Promise<WorkspaceClient> {
  const client = createWorkspaceClient({ base: '/api' });
  const answer = await client.call('POST', '/session', { body: { email, password: PASSWORD } });
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}`);
  client.setCsrfToken((answer.body as { csrfToken: string }).csrfToken);
  return client;
}

let workspace: WorkspaceServer;
beforeEach(() => {
  workspace = createWorkspaceServer([
    { email: 'editor@example.com', role: 'editor' },
    { email: 'viewer@example.com', role: 'viewer' },
  ]);
  mockServer.use(...workspace.handlers);
});

describe('the msw handlers', () => {
  it('answer only routes and methods the server’s OpenAPI document (test/fixtures/openapi.json) has', () => {
    const openapi = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const answered = workspace.handlers.map((handler) => {
      const { method, path } = handler.info as { method: string; path: string };
      return `${String(method).toLowerCase()} ${String(path).replace(/^\*/, '').replace(/:(\w+)/g, '{$1}')}`;
    });
    expect(answered.length).toBeGreaterThan(5);
    const known = new Set(Object.entries(openapi.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`)));
    expect(answered.filter((route) => !known.has(route))).toEqual([]);
    // And the check itself would see a route the server does not have.
    expect(known.has('put /api/journeys/{id}/secret')).toBe(false);
  });
});

describe('the HTTP journey repository', () => {
  it('POSTs a new journey, then PUTs with If-Match and the CSRF value; reads send neither', async () => {
    const repository = createHttpRepository({ client: await signedInClient(), local: createMemoryRepository(), channelName: 'http-headers' });
    const created = await repository.save(journey(), { expectedRevision: null, writer: 'tab-1' });
    expect(created).toMatchObject({ ok: true, stored: { revision: 1 } });
    const saved = await repository.save({ ...journey(), description: 'second' }, { expectedRevision: 1, writer: 'tab-1' });
    expect(saved).toMatchObject({ ok: true, stored: { revision: 2 } });
    expect(await repository.load('basic')).toMatchObject({ ok: true, stored: { revision: 2, writer: 'tab-1', document: { description: 'second' } } });
    expect(workspace.requests).toEqual([
      { method: 'POST', path: '/api/journeys', ifMatch: null, csrf: 'jl_csrf_1' },
      { method: 'PUT', path: '/api/journeys/basic', ifMatch: '"1"', csrf: 'jl_csrf_1' },
      { method: 'GET', path: '/api/journeys/basic', ifMatch: null, csrf: null },
    ]);
    expect(workspace.journeys.get('basic')).toMatchObject({ version: 2, document: { description: 'second' } });
    repository.close();
  });

  it('says in both languages that the server cannot be reached, and changes nothing', async () => {
    const repository = createHttpRepository({ client: await signedInClient(), local: createMemoryRepository(), channelName: 'http-offline' });
    await repository.save(journey(), { expectedRevision: null, writer: 'tab-1' });
    mockServer.use(http.all('*/api/*', () => HttpResponse.error()));

    const failed = await repository.save({ ...journey(), name: 'Offline edit' }, { expectedRevision: 1, writer: 'tab-1' });
    expect(failed).toMatchObject({ ok: false, reason: 'failed', error: { code: 'unavailable' } });
    if (failed.ok || failed.reason !== 'failed') return;
    expect(inEnglish(failed.error.message)).toMatch(/could not reach the team server/i);
    expect(inChinese(failed.error.message)).toMatch(/无法连接团队服务器/);
    expect(await repository.load('basic')).toMatchObject({ ok: false, reason: 'failed', error: { code: 'unavailable' } });
    await expect(repository.list()).rejects.toMatchObject({ name: 'RepositoryError', code: 'unavailable' });

    mockServer.resetHandlers(...workspace.handlers);
    expect(await repository.load('basic')).toMatchObject({ ok: true, stored: { revision: 1, document: { name: 'Basic cart reminder' } } });
    repository.close();
  });

  it('passes on the server’s own words when it refuses, in both languages', async () => {
    const editor = createHttpRepository({ client: await signedInClient(), local: createMemoryRepository(), channelName: 'http-refused-1' });
    await editor.save(journey(), { expectedRevision: null, writer: 'tab-1' });
    const viewer = createHttpRepository({ client: await signedInClient('viewer@example.com'), local: createMemoryRepository(), channelName: 'http-refused-2' });
    const refused = await viewer.save({ ...journey(), name: 'Not mine to change' }, { expectedRevision: 1, writer: 'tab-2' });
    expect(refused).toMatchObject({ ok: false, reason: 'failed', error: { code: 'refused', detail: 'HTTP 403 forbidden' } });
    if (refused.ok || refused.reason !== 'failed') return;
    expect(inEnglish(refused.error.message)).toMatch(/Your role may not do this: it needs editor or above/);
    expect(inChinese(refused.error.message)).not.toBe(inEnglish(refused.error.message));
    await expect(viewer.remove('basic')).rejects.toMatchObject({ name: 'RepositoryError' });
    expect(workspace.journeys.get('basic')).toMatchObject({ version: 1, document: { name: 'Basic cart reminder' } });

    // An answer without the server's words (a proxy's error page) says its status.
    mockServer.use(http.get('*/api/journeys/:id', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })));
    const proxied = await editor.load('basic');
    expect(proxied.ok === false && proxied.reason === 'failed' && inEnglish(proxied.error.message)).toMatch(/502/);
    editor.close();
    viewer.close();
  });

  it('tells the app when the session is over (401), so it can ask to sign in again', async () => {
    const client = await signedInClient();
    const heard = vi.fn();
    client.onSignedOut(heard);
    const repository = createHttpRepository({ client, local: createMemoryRepository(), channelName: 'http-401' });
    expect(await client.call('DELETE', '/session')).toMatchObject({ status: 204 });
    expect(heard).not.toHaveBeenCalled();
    await expect(repository.list()).rejects.toMatchObject({ name: 'RepositoryError' });
    expect(heard).toHaveBeenCalledTimes(1);
    repository.close();
  });

  it('lists with one read of each document, again only for what changed', async () => {
    const repository = createHttpRepository({ client: await signedInClient(), local: createMemoryRepository(), channelName: 'http-list' });
    await repository.save(journey('one', 'One'), { expectedRevision: null, writer: 'tab-1' });
    await repository.save(journey('two', 'Two'), { expectedRevision: null, writer: 'tab-1' });
    workspace.requests.length = 0;
    expect((await repository.list()).map((summary) => [summary.id, summary.revision])).toEqual([['two', 1], ['one', 1]]);
    await repository.save(journey('one', 'One again'), { expectedRevision: 1, writer: 'tab-1' });
    expect((await repository.list()).map((summary) => [summary.name, summary.revision])).toEqual([['One again', 2], ['Two', 1]]);
    expect(workspace.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/journeys',
      'GET /api/journeys/two',
      'GET /api/journeys/one',
      'PUT /api/journeys/one',
      'GET /api/journeys',
      'GET /api/journeys/one',
    ]);
    repository.close();
  });
});

describe('the workspace marker', () => {
  const page = (head: string) => new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body></body></html>`, 'text/html');

  it('names the API on a page `journey-lab serve` served, and nothing on a local-only page', () => {
    expect(workspaceApiBase(page('<meta name="journey-lab-workspace" content="/api" />'))).toBe('/api');
    expect(workspaceApiBase(page('<meta name="journey-lab-workspace" content="/team/api/" />'))).toBe('/team/api');
    expect(workspaceApiBase(page('<meta charset="UTF-8" />'))).toBeNull();
    expect(workspaceApiBase(document)).toBeNull();
  });

  it('names only a path on this origin', () => {
    for (const content of ['//elsewhere.example/api', 'https://elsewhere.example/api', 'api', '', 'javascript:alert(1)'])
      expect(workspaceApiBase(page(`<meta name="journey-lab-workspace" content="${content}" />`))).toBeNull();
  });
});
