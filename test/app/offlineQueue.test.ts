// Edits made while the team server cannot be reached (src/app/persist/offlineQueue.ts): kept in this
// browser, opened from it while offline, and sent when the server answers again — a conflict meanwhile
// keeps the member's version as a new journey. The server goes away as msw handlers that answer
// HttpResponse.error() (a network error, as fetch reports a stopped server), and comes back as the mock
// workspace server of test/support/workspaceServer.ts.
import { http, HttpResponse } from 'msw';
import { createHttpRepository } from '../../src/app/persist/httpRepository';
import { createMemoryBackend, createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { createQueuedRepository, offlineMessages, type QueuedRepository, type QueuedRepositoryOptions } from '../../src/app/persist/offlineQueue';
import { RepositoryError } from '../../src/app/persist/repository';
import { createWorkspaceClient } from '../../src/app/workspace/client';
import type { JourneyDocument } from '../../src/core/journey';
import { MAX_LABEL_CHARS } from '../../src/core/journey/limits';
import { checkedJourney } from '../fixtures/journeys';
import { inChinese, inEnglish } from '../support/messages.ts';
import { createWorkspaceServer, mockApiForThisFile, PASSWORD, type WorkspaceServer } from '../support/workspaceServer';

const mockServer = mockApiForThisFile();
const TAB = 'tab-a';
let workspace: WorkspaceServer;
let backend: ReturnType<typeof createMemoryBackend>;
let counter = 0;
const opened: QueuedRepository[] = [];

const serverGoesAway = () => mockServer.use(http.all('*/api/*', () => HttpResponse.error()));
const serverComesBack = () => {
  mockServer.resetHandlers();
  mockServer.use(...workspace.handlers);
};

/** A page of this browser on the workspace: signed in, its IndexedDB (`backend`) shared with later pages. */
async function openPage(options: QueuedRepositoryOptions = {}): Promise<QueuedRepository> {
  const client = createWorkspaceClient({ base: '/api' });
  const answer = await client.call('POST', '/session', { body: { email: 'editor@example.com', password: PASSWORD } });
  client.setCsrfToken((answer.body as { csrfToken: string }).csrfToken);
  const local = createMemoryRepository({ backend });
  const inner = createHttpRepository({ client, local, channelName: `offline-queue-test-${++counter}` });
  const repository = createQueuedRepository(inner, local, { pageLanguage: () => 'en', ...options });
  opened.push(repository);
  return repository;
}

const stored = (id: string) => workspace.journeys.get(id);
const renamed = (name: string, id = 'basic'): JourneyDocument => checkedJourney(id, name);

beforeEach(() => {
  workspace = createWorkspaceServer();
  backend = createMemoryBackend();
  mockServer.use(...workspace.handlers);
});
afterEach(() => {
  for (const repository of opened.splice(0)) repository.close();
});

describe('a save while the team server cannot be reached', () => {
  it('is kept in this browser, said so in both languages, and sent when the browser is online again', async () => {
    const page = await openPage();
    expect(await page.save(renamed('On the server'), { expectedRevision: null, writer: TAB })).toMatchObject({ ok: true, stored: { revision: 1 } });

    serverGoesAway();
    const offline = await page.save(renamed('Edited on the train'), { expectedRevision: 1, writer: TAB });
    expect(offline).toMatchObject({ ok: false, reason: 'failed', error: { code: 'unavailable', message: offlineMessages.queued } });
    if (offline.ok || offline.reason !== 'failed') return;
    expect(inEnglish(offline.error.message)).toMatch(/kept in this browser and will be sent when the server answers/);
    expect(inChinese(offline.error.message)).toMatch(/已保存在本浏览器中/);
    expect(page.offline.state()).toMatchObject({ pending: 1, offline: true });
    expect(stored('basic')).toMatchObject({ version: 1, document: { name: 'On the server' } });

    serverComesBack();
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(page.offline.state()).toMatchObject({ pending: 0, sent: 1, sending: false, offline: false }));
    expect(stored('basic')).toMatchObject({ version: 2, document: { name: 'Edited on the train' } });
    expect(workspace.requests.filter((request) => request.method === 'PUT').at(-1)).toMatchObject({ ifMatch: '"1"' });
  });

  it('keeps only the newest document of a journey, and a later successful save of it makes the queued one needless', async () => {
    const page = await openPage();
    await page.save(renamed('First'), { expectedRevision: null, writer: TAB });
    serverGoesAway();
    await page.save(renamed('Second'), { expectedRevision: 1, writer: TAB });
    await page.save(renamed('Third'), { expectedRevision: 1, writer: TAB });
    expect(page.offline.state().pending).toBe(1);

    serverComesBack();
    expect(await page.save(renamed('Fourth'), { expectedRevision: 1, writer: TAB })).toMatchObject({ ok: true, stored: { revision: 2 } });
    expect(page.offline.state().pending).toBe(0);
    expect(await page.offline.sync()).toEqual({ sent: 0, copies: [], pending: 0 });
    expect(stored('basic')).toMatchObject({ version: 2, document: { name: 'Fourth' } });
  });

  it('lets the tab that queued a change go on from the version it became, instead of conflicting with itself', async () => {
    const page = await openPage();
    await page.save(renamed('First'), { expectedRevision: null, writer: TAB });
    serverGoesAway();
    await page.save(renamed('Offline'), { expectedRevision: 1, writer: TAB });
    serverComesBack();
    expect(await page.offline.sync()).toMatchObject({ sent: 1, pending: 0 });
    // The editor still holds revision 1 (its save failed); its next save is not a conflict with its own change.
    expect(await page.save(renamed('Offline, then more'), { expectedRevision: 1, writer: TAB })).toMatchObject({ ok: true, stored: { revision: 3 } });
    // Another tab that opened revision 1 does conflict: it never saw the change.
    expect(await page.save(renamed('Stale'), { expectedRevision: 1, writer: 'tab-b' })).toMatchObject({ ok: false, reason: 'conflict', currentRevision: 3 });
  });

  it('stays waiting while the server is still away, tries again on its own, and stops when closed', async () => {
    const page = await openPage({ retryEveryMs: 40 });
    await page.save(renamed('First'), { expectedRevision: null, writer: TAB });
    serverGoesAway();
    await page.save(renamed('Offline'), { expectedRevision: 1, writer: TAB });
    expect(await page.offline.sync()).toEqual({ sent: 0, copies: [], pending: 1 });
    expect(page.offline.state()).toMatchObject({ pending: 1, offline: true });

    serverComesBack();
    // No 'online' event: the timer finds the server back.
    await vi.waitFor(() => expect(stored('basic')).toMatchObject({ version: 2, document: { name: 'Offline' } }));

    const other = await openPage({ retryEveryMs: 40 });
    serverGoesAway();
    await other.save(renamed('Never sent'), { expectedRevision: 2, writer: TAB });
    other.close();
    serverComesBack();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stored('basic')).toMatchObject({ version: 2 });
  });

  it('is sent by the next page of this browser when the one that queued it was closed', async () => {
    const first = await openPage();
    await first.save(renamed('First'), { expectedRevision: null, writer: TAB });
    serverGoesAway();
    await first.save(renamed('Before the reload'), { expectedRevision: 1, writer: TAB });
    first.close();

    serverComesBack();
    const next = await openPage();
    await vi.waitFor(() => expect(stored('basic')).toMatchObject({ version: 2, document: { name: 'Before the reload' } }));
    await vi.waitFor(() => expect(next.offline.state()).toMatchObject({ pending: 0, sent: 1 }));
  });
});

describe('a change someone else overtook on the server', () => {
  /** Queues a change against version 1, then another member saves version 2. */
  async function overtaken(document: JourneyDocument, options: QueuedRepositoryOptions = {}) {
    const page = await openPage(options);
    await page.save({ ...document, name: 'Shared' }, { expectedRevision: null, writer: TAB });
    serverGoesAway();
    await page.save(document, { expectedRevision: 1, writer: TAB });
    serverComesBack();
    workspace.putRaw(document.id, { ...document, name: 'Theirs' }, 2);
    return page;
  }

  it('keeps the member’s version as a new draft journey named as an offline copy, and leaves theirs as it is', async () => {
    const page = await overtaken(renamed('Mine'), { newId: () => 'basic-copy' });
    const report = await page.offline.sync();
    expect(report).toEqual({ sent: 1, pending: 0, copies: [{ id: 'basic-copy', name: 'Mine (offline copy)', of: 'Mine' }] });
    expect(stored('basic')).toMatchObject({ version: 2, document: { name: 'Theirs' } });
    expect(stored('basic-copy')).toMatchObject({ version: 1, state: 'draft', document: { id: 'basic-copy', name: 'Mine (offline copy)', nodes: renamed('Mine').nodes } });
    expect(page.offline.state().copies).toEqual(report.copies);
    page.offline.dismiss();
    expect(page.offline.state()).toMatchObject({ copies: [], sent: 0 });
  });

  it('names the copy in the journey’s language, else the page’s', async () => {
    const chinese = await overtaken({ ...renamed('我的旅程'), language: 'zh-CN' }, { newId: () => 'copy-zh' });
    expect((await chinese.offline.sync()).copies[0]?.name).toBe('我的旅程（离线副本）');

    workspace = createWorkspaceServer();
    serverComesBack();
    const page = await overtaken(renamed('Unmarked'), { newId: () => 'copy-page', pageLanguage: () => 'zh-CN' });
    expect((await page.offline.sync()).copies[0]?.name).toBe('Unmarked（离线副本）');
  });

  it('shortens a long name so that the copy, named, still fits the schema', async () => {
    const long = 'L'.repeat(MAX_LABEL_CHARS);
    const page = await overtaken(renamed(long), { newId: () => 'long-copy' });
    const { copies } = await page.offline.sync();
    expect(copies[0]?.name).toHaveLength(MAX_LABEL_CHARS);
    expect(copies[0]?.name).toMatch(/^L+… \(offline copy\)$/);
    expect(stored('long-copy')).toMatchObject({ version: 1, document: { name: copies[0]?.name } });
  });

  it('tries another id when the new one is taken, and keeps a copy of a journey deleted meanwhile too', async () => {
    const ids = ['taken', 'free'];
    workspace.putRaw('taken', checkedJourney('taken', 'Someone’s'), 1);
    const page = await overtaken(renamed('Mine'), { newId: () => ids.shift()! });
    workspace.journeys.set('basic', { ...stored('basic')!, version: 3, document: null });
    expect(await page.offline.sync()).toMatchObject({ sent: 1, copies: [{ id: 'free' }] });
    expect(stored('taken')).toMatchObject({ document: { name: 'Someone’s' } });
  });
});

describe('reading while the team server cannot be reached', () => {
  it('opens and lists what this browser last read, with waiting changes over it', async () => {
    const page = await openPage();
    await page.save(renamed('Opened before', 'seen'), { expectedRevision: null, writer: 'someone' });
    workspace.putRaw('listed', renamed('Listed only', 'listed'));
    expect((await page.list()).map((summary) => summary.id)).toEqual(['listed', 'seen']);
    expect(await page.load('seen')).toMatchObject({ ok: true });

    serverGoesAway();
    expect(await page.load('seen')).toMatchObject({ ok: true, stored: { revision: 1, document: { name: 'Opened before' } } });
    expect(page.offline.state().offline).toBe(true);
    // Listed, never opened here: its document is not in this browser (the list says it exists).
    expect(await page.load('listed')).toMatchObject({ ok: false, reason: 'failed', error: { code: 'unavailable' } });

    await page.save(renamed('Changed offline', 'seen'), { expectedRevision: 1, writer: TAB });
    await page.save(renamed('Made offline', 'new'), { expectedRevision: null, writer: TAB });
    expect(await page.load('seen')).toMatchObject({ ok: true, stored: { revision: 1, document: { name: 'Changed offline' } } });
    // Never on the server: revision 0, which a save takes as "new".
    const made = await page.load('new');
    expect(made).toMatchObject({ ok: true, stored: { revision: 0, document: { name: 'Made offline' } } });
    const list = await page.list();
    expect(list.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: 'new', name: 'Made offline' },
      { id: 'seen', name: 'Changed offline' },
      { id: 'listed', name: 'Listed only' },
    ]);

    serverComesBack();
    expect(await page.save(renamed('Made offline, saved', 'new'), { expectedRevision: 0, writer: TAB })).toMatchObject({ ok: true, stored: { revision: 1 } });
    // Opening sends the journey's waiting change first, so what opens is the server's after it.
    expect(await page.load('seen')).toMatchObject({ ok: true, stored: { revision: 2, document: { name: 'Changed offline' } } });
    expect(page.offline.state()).toMatchObject({ pending: 0, offline: false });
  });

  it('says the server cannot be reached when there is nothing in this browser to show', async () => {
    const page = await openPage();
    serverGoesAway();
    const listing = page.list();
    await expect(listing).rejects.toBeInstanceOf(RepositoryError);
    await expect(listing).rejects.toMatchObject({ code: 'unavailable' });
    expect(await page.load('basic')).toMatchObject({ ok: false, reason: 'failed', error: { code: 'unavailable' } });
  });

  it('forgets a removed journey', async () => {
    const page = await openPage();
    await page.save(renamed('Going'), { expectedRevision: null, writer: TAB });
    await page.list();
    await page.load('basic');
    await page.remove('basic');
    serverGoesAway();
    expect(await page.load('basic')).toMatchObject({ ok: false, reason: 'failed' });
    await expect(page.list()).resolves.toEqual([]);
  });
});
