import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { createDexieRepository } from '../../src/app/persist/dexieRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { http, HttpResponse } from 'msw';
import type { JourneyRepository, RepositoryError } from '../../src/app/persist/repository';
import { inChinese, inEnglish } from '../support/messages';
import { createHttpRepository } from '../../src/app/persist/httpRepository';
import { createWorkspaceClient } from '../../src/app/workspace/client';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { createWorkspaceServer, mockApiForThisFile, PASSWORD, type WorkspaceServer } from '../support/workspaceServer';

// The team server's API, mocked (test/support/workspaceServer.ts), for the HTTP implementation.
const mockServer = mockApiForThisFile();

/** A page of a team workspace signed in as `email`, its repository on the mock server; reopening is a fresh page. */
async function workspacePage(workspace: WorkspaceServer, email = 'editor@example.com') {
  const client = createWorkspaceClient({ base: '/api' });
  const answer = await client.call('POST', '/session', { body: { email, password: PASSWORD } });
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}`);
  client.setCsrfToken((answer.body as { csrfToken: string }).csrfToken);
  const local = createMemoryRepository();
  const open = () => createHttpRepository({ client, local, channelName: `cohorts-${++counter}` });
  return { repository: open(), reopen: open, local };
}

let counter = 0;
const spec = (id: string, name = id) => ({ ...structuredClone(ecommercePreset.spec), id, name });

describe.each<[string, () => Promise<{ repository: JourneyRepository; reopen(): JourneyRepository }>]>([
  [
    'dexie (fake-indexeddb)',
    async () => {
      const name = `journey-lab-cohorts-${++counter}`;
      let at = 1_000;
      const now = () => (at += 1000);
      return { repository: createDexieRepository({ name, now }), reopen: () => createDexieRepository({ name, now }) };
    },
  ],
  [
    'memory',
    async () => {
      const repository = createMemoryRepository({ now: (() => { let at = 1_000; return () => (at += 1000); })() });
      return { repository, reopen: () => repository };
    },
  ],
  [
    'http (the team server, msw)',
    async () => {
      const workspace = createWorkspaceServer();
      mockServer.use(...workspace.handlers);
      return workspacePage(workspace);
    },
  ],
])('saved cohorts in %s', (_, make) => {
  it('saves, lists newest first, reads, replaces and removes cohorts', async () => {
    const { repository, reopen } = await make();
    await repository.cohorts.put(spec('a', 'First'));
    await repository.cohorts.put(spec('b', 'Second'));
    expect((await repository.cohorts.list()).map((record) => record.id)).toEqual(['b', 'a']);
    await repository.cohorts.put(spec('a', 'First, renamed'));
    const again = reopen();
    expect((await again.cohorts.list()).map((record) => record.id)).toEqual(['a', 'b']);
    expect((await again.cohorts.get('a'))?.spec).toMatchObject({ name: 'First, renamed', segments: ecommercePreset.spec.segments });
    await again.cohorts.remove('a');
    await again.cohorts.remove('missing');
    expect((await again.cohorts.list()).map((record) => record.id)).toEqual(['b']);
    expect(await again.cohorts.get('a')).toBeUndefined();
  });
});

describe('saved cohorts on a team workspace', () => {
  let workspace: WorkspaceServer;
  beforeEach(() => {
    workspace = createWorkspaceServer([
      { email: 'editor@example.com', role: 'editor' },
      { email: 'other@example.com', role: 'editor' },
      { email: 'viewer@example.com', role: 'viewer' },
    ]);
    mockServer.use(...workspace.handlers);
  });

  it('are the workspace’s: one member’s cohort is another’s, written with If-Match from the version read', async () => {
    const mine = await workspacePage(workspace);
    await mine.repository.cohorts.put(spec('shared', 'Shared'));
    await mine.repository.cohorts.put(spec('shared', 'Shared, again'));
    const theirs = await workspacePage(workspace, 'other@example.com');
    expect((await theirs.repository.cohorts.get('shared'))?.spec).toMatchObject({ name: 'Shared, again' });
    await theirs.repository.cohorts.put(spec('shared', 'Theirs'));
    const writes = workspace.requests.filter((request) => request.method !== 'GET' && request.path.startsWith('/api/cohorts'));
    expect(writes.map(({ method, path, ifMatch }) => [method, path, ifMatch])).toEqual([
      ['POST', '/api/cohorts', null],
      ['PUT', '/api/cohorts/shared', '"1"'],
      ['PUT', '/api/cohorts/shared', '"2"'],
    ]);
  });

  it('never overwrites unseen: a save over someone else’s newer version is refused in the server’s words, and the next save (told) goes through', async () => {
    const mine = await workspacePage(workspace);
    // Another page (jsdom keeps one cookie jar: the same member; the server sees the same versions either way).
    const theirs = { repository: mine.reopen() };
    await mine.repository.cohorts.put(spec('shared', 'Mine'));
    await theirs.repository.cohorts.get('shared');
    await theirs.repository.cohorts.put(spec('shared', 'Theirs'));
    const refused = mine.repository.cohorts.put(spec('shared', 'Mine again'));
    await expect(refused).rejects.toMatchObject({ name: 'RepositoryError', code: 'unknown' });
    const error = (await refused.catch((caught: unknown) => caught)) as RepositoryError;
    expect(inEnglish(error.localizedMessage)).toMatch(/Someone saved another version since you opened this one/);
    expect(inChinese(error.localizedMessage)).toMatch(/已有人保存了另一个版本/);
    expect((await theirs.repository.cohorts.get('shared'))?.spec).toMatchObject({ name: 'Theirs' });
    await mine.repository.cohorts.put(spec('shared', 'Mine again'));
    expect((await theirs.repository.cohorts.get('shared'))?.spec).toMatchObject({ name: 'Mine again' });
  });

  it('keeps populations in this browser: removing a cohort removes its population here, and none is ever sent', async () => {
    const page = await workspacePage(workspace);
    await page.repository.cohorts.put(spec('fitted', 'Fitted'));
    const removed = vi.spyOn(page.local.populations, 'remove');
    await page.repository.cohorts.remove('fitted');
    expect(removed).toHaveBeenCalledWith('fitted');
    expect(page.repository.populations).toBe(page.local.populations);
    expect(workspace.requests.some((request) => request.path.includes('population'))).toBe(false);
  });

  it('says in both languages that the server cannot be reached, and that a viewer may not save one', async () => {
    const viewer = await workspacePage(workspace, 'viewer@example.com');
    const forbidden = (await viewer.repository.cohorts.put(spec('v')).catch((caught: unknown) => caught)) as RepositoryError;
    expect(forbidden).toMatchObject({ name: 'RepositoryError', code: 'unknown' });
    expect(inEnglish(forbidden.localizedMessage)).toMatch(/needs editor or above/);
    mockServer.use(http.all('*/api/*', () => HttpResponse.error()));
    const offline = (await viewer.repository.cohorts.list().catch((caught: unknown) => caught)) as RepositoryError;
    expect(offline).toMatchObject({ name: 'RepositoryError', code: 'unavailable' });
    expect(inEnglish(offline.localizedMessage)).toMatch(/could not reach the team server/i);
    expect(inChinese(offline.localizedMessage)).toMatch(/无法连接团队服务器/);
  });
});

describe('database version 2', () => {
  it('upgrades a version 1 database, keeping its journeys and settings, and adds the cohorts table', async () => {
    const name = `journey-lab-upgrade-${++counter}`;
    const old = new Dexie(name);
    old.version(1).stores({ journeys: 'id, updatedAt', settings: 'key' });
    await old.table('settings').put({ key: 'lastJourneyId', value: 'kept' });
    old.close();
    const repository = createDexieRepository({ name });
    expect(await repository.getSetting('lastJourneyId')).toBe('kept');
    await repository.cohorts.put(spec('c'));
    expect((await repository.cohorts.list()).map((record) => record.id)).toEqual(['c']);
    repository.close();
  });
});
