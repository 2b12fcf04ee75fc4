import 'fake-indexeddb/auto';
import { createDexieRepository, openJourneyRepository } from '../../src/app/persist/dexieRepository';
import { createMemoryBackend, createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { RepositoryError, toStorageError, type JourneyChange, type JourneyRepository } from '../../src/app/persist/repository';
import { persistMessages } from '../../src/app/persist/persistMessages';
import { newTabId, tabId } from '../../src/app/persist/tabId';
import { checkedJourney, validJourney } from '../fixtures/journeys';
import { inEnglish, inChinese } from '../support/messages.ts';
import { createHttpRepository } from '../../src/app/persist/httpRepository';
import { createQueuedRepository } from '../../src/app/persist/offlineQueue';
import { createWorkspaceClient } from '../../src/app/workspace/client';
import { workspaceConflictMessages } from '../../src/app/workspace/messages';
import { createWorkspaceServer, mockApiForThisFile, PASSWORD } from '../support/workspaceServer';

// The team server's API, mocked (test/support/workspaceServer.ts), for the HTTP implementation.
const mockServer = mockApiForThisFile();

const journey = checkedJourney;

/** A clock that moves one second per call, so list order is predictable. */
function steppingClock(start = 1_700_000_000_000) {
  let at = start;
  return () => (at += 1000);
}

/** Two "tabs" on the same storage, plus a way to put a raw row in that storage. */
interface Fixture {
  tabA: JourneyRepository;
  tabB: JourneyRepository;
  putRaw(id: string, document: unknown, revision?: number): Promise<void>;
  /** What this backend's conflicts say (a team server's are about other members, not other tabs). */
  conflictMessages?: Pick<typeof persistMessages, 'conflict' | 'conflictDeleted' | 'conflictUnreadable'>;
}

let databaseCounter = 0;

const implementations: [string, () => Promise<Fixture>][] = [
  [
    'dexie (fake-indexeddb)',
    async () => {
      const name = `journey-lab-test-${++databaseCounter}`;
      const clock = steppingClock();
      const tabA = createDexieRepository({ name, now: clock });
      const tabB = createDexieRepository({ name, now: clock });
      return {
        tabA,
        tabB,
        async putRaw(id, document, revision = 1) {
          const { default: Dexie } = await import('dexie');
          const db = new Dexie(name);
          db.version(1).stores({ journeys: 'id, updatedAt', settings: 'key' });
          await db.table('journeys').put({ id, revision, updatedAt: clock(), writer: 'someone-else', document });
          db.close();
        },
      };
    },
  ],
  [
    'memory',
    async () => {
      const backend = createMemoryBackend();
      const clock = steppingClock();
      return {
        tabA: createMemoryRepository({ backend, now: clock }),
        tabB: createMemoryRepository({ backend, now: clock }),
        async putRaw(id, document, revision = 1) {
          backend.journeys.set(id, { id, revision, updatedAt: clock(), writer: 'someone-else', document });
        },
      };
    },
  ],
  [
    'http (the team server, msw)',
    async () => {
      const workspace = createWorkspaceServer();
      mockServer.use(...workspace.handlers);
      // This browser's IndexedDB, as both tabs share it, for what stays local (settings, which tab saved what).
      const backend = createMemoryBackend();
      const clock = steppingClock();
      const channelName = `journey-lab-workspace-test-${++databaseCounter}`;
      const signIn = createWorkspaceClient({ base: '/api' });
      const signed = await signIn.call('POST', '/session', { body: { email: 'editor@example.com', password: PASSWORD } });
      expect(signed.status).toBe(200);
      /** A tab: like a page loaded with the session cookie, it learns the CSRF value from GET /api/session. */
      const tab = async () => {
        const client = createWorkspaceClient({ base: '/api' });
        const session = await client.call('GET', '/session');
        client.setCsrfToken((session.body as { csrfToken: string }).csrfToken);
        return createHttpRepository({ client, local: createMemoryRepository({ backend, now: clock }), channelName, now: clock });
      };
      return {
        tabA: await tab(),
        tabB: await tab(),
        async putRaw(id, document, revision = 1) {
          workspace.putRaw(id, document, revision);
        },
        conflictMessages: workspaceConflictMessages,
      };
    },
  ],
];

// The offline queue over the HTTP implementation (offlineQueue.ts): with the server answering, the same contract.
implementations.push([
  'queued (offline queue over http)',
  async () => {
    const overHttp = await implementations.find(([name]) => name.startsWith('http'))![1]();
    const queued = (tab: JourneyRepository) => createQueuedRepository(tab, tab, { events: null });
    return { ...overHttp, tabA: queued(overHttp.tabA), tabB: queued(overHttp.tabB) };
  },
]);

describe.each(implementations)('journey repository contract: %s', (_name, make) => {
  let fixture: Fixture;
  let tabA: JourneyRepository;
  let tabB: JourneyRepository;
  const writerA = newTabId();
  const writerB = newTabId();

  beforeEach(async () => {
    fixture = await make();
    ({ tabA, tabB } = fixture);
  });
  afterEach(() => {
    tabA.close();
    tabB.close();
  });

  it('saves, loads, lists newest first and removes', async () => {
    const first = await tabA.save(journey('first', 'First'), { expectedRevision: null, writer: writerA });
    expect(first).toMatchObject({ ok: true, stored: { revision: 1, writer: writerA } });
    const second = await tabA.save(journey('second', 'Second'), { expectedRevision: null, writer: writerA });
    expect(second.ok).toBe(true);

    const loaded = await tabB.load('first');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.stored.document).toEqual(journey('first', 'First'));
    expect(loaded.stored).toMatchObject({ revision: 1, writer: writerA });
    expect(loaded.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(loaded.migratedFrom).toBeUndefined();

    let list = await tabB.list();
    expect(list.map((summary) => summary.id)).toEqual(['second', 'first']);
    expect(list[1]).toMatchObject({ id: 'first', name: 'First', nodeCount: 6, revision: 1 });
    expect(list[1]!.problem).toBeUndefined();

    // Saving "first" again makes it the newest.
    const again = await tabA.save({ ...journey('first', 'First'), description: 'edited' }, { expectedRevision: 1, writer: writerA });
    expect(again).toMatchObject({ ok: true, stored: { revision: 2 } });
    list = await tabA.list();
    expect(list.map((summary) => summary.id)).toEqual(['first', 'second']);
    expect(list[0]!.updatedAt).toBeGreaterThan(list[1]!.updatedAt);

    await tabA.remove('first');
    await tabA.remove('never-there'); // no error
    expect(await tabB.load('first')).toEqual({ ok: false, reason: 'missing' });
    expect((await tabB.list()).map((summary) => summary.id)).toEqual(['second']);
  });

  it('keeps a copy: later changes to the saved object do not reach storage', async () => {
    const document = journey();
    await tabA.save(document, { expectedRevision: null, writer: writerA });
    document.name = 'Changed after saving';
    const loaded = await tabA.load(document.id);
    expect(loaded.ok && loaded.stored.document.name).toBe('Basic cart reminder');
  });

  it('detects a conflict between two writers and lets the loser keep theirs explicitly', async () => {
    await tabA.save(journey(), { expectedRevision: null, writer: writerA });
    // Both tabs opened revision 1; B saves first.
    const fromB = await tabB.save({ ...journey(), name: 'B’s version' }, { expectedRevision: 1, writer: writerB });
    expect(fromB).toMatchObject({ ok: true, stored: { revision: 2, writer: writerB } });

    const fromA = await tabA.save({ ...journey(), name: 'A’s version' }, { expectedRevision: 1, writer: writerA });
    expect(fromA.ok).toBe(false);
    if (fromA.ok || fromA.reason !== 'conflict') throw new Error('expected a conflict');
    expect(fromA.currentRevision).toBe(2);
    expect(fromA.current).toMatchObject({ revision: 2, writer: writerB, document: { name: 'B’s version' } });
    expect(fromA.message).toEqual((fixture.conflictMessages ?? persistMessages).conflict);
    // Nothing was overwritten.
    const stored = await tabA.load('basic');
    expect(stored.ok && stored.stored.document.name).toBe('B’s version');

    // A decides to keep theirs: save against the revision now stored.
    const kept = await tabA.save({ ...journey(), name: 'A’s version' }, { expectedRevision: fromA.currentRevision, writer: writerA });
    expect(kept).toMatchObject({ ok: true, stored: { revision: 3 } });
  });

  it('treats a new journey whose id is taken, and a journey deleted elsewhere, as conflicts', async () => {
    await tabA.save(journey(), { expectedRevision: null, writer: writerA });
    const taken = await tabB.save(journey(), { expectedRevision: null, writer: writerB });
    expect(taken).toMatchObject({ ok: false, reason: 'conflict', currentRevision: 1 });

    await tabB.remove('basic');
    const deleted = await tabA.save(journey(), { expectedRevision: 1, writer: writerA });
    expect(deleted).toMatchObject({ ok: false, reason: 'conflict', current: null, currentRevision: null, message: (fixture.conflictMessages ?? persistMessages).conflictDeleted });
  });

  it.each([
    ['a newer format version', { ...validJourney(), id: 'odd', schemaVersion: 99 }, 'unsupported-version'],
    ['an older, unsupported version', { ...validJourney(), id: 'odd', schemaVersion: 0 }, 'unsupported-version'],
    ['a malformed document', { ...validJourney(), id: 'odd', name: '' }, 'schema-invalid'],
    ['something that is not a journey', 'just a string', 'not-a-journey'],
  ])('reports a stored document with %s instead of dropping it, and never overwrites it', async (_case, raw, code) => {
    await fixture.putRaw('odd', raw, 4);
    await tabA.save(journey('fine', 'Fine'), { expectedRevision: null, writer: writerA });

    const list = await tabA.list();
    expect(list.map((summary) => summary.id).sort()).toEqual(['fine', 'odd']);
    const odd = list.find((summary) => summary.id === 'odd')!;
    expect(inEnglish(odd.problem)).toMatch(/cannot be opened/);
    expect(inChinese(odd.problem)).toMatch(/无法打开/);
    expect(list.find((summary) => summary.id === 'fine')!.problem).toBeUndefined();

    const loaded = await tabA.load('odd');
    expect(loaded).toMatchObject({ ok: false, reason: 'unreadable', revision: 4 });
    if (loaded.ok || loaded.reason !== 'unreadable') return;
    expect(loaded.problems[0]!.code).toBe(code);
    expect(loaded.raw).toEqual(raw);

    // A save that does not know the stored revision is refused; the stored row is untouched.
    const overwrite = await tabA.save(journey('odd', 'Mine'), { expectedRevision: null, writer: writerA });
    expect(overwrite).toMatchObject({ ok: false, reason: 'conflict', current: null, currentRevision: 4, message: (fixture.conflictMessages ?? persistMessages).conflictUnreadable });
    const still = await tabA.load('odd');
    expect(still.ok === false && still.reason === 'unreadable' && still.raw).toEqual(raw);
  });

  it('gets and sets settings', async () => {
    expect(await tabA.getSetting('lastJourneyId')).toBeUndefined();
    await tabA.setSetting('lastJourneyId', 'basic');
    await tabA.setSetting('layout', { inspector: true, width: 320 });
    expect(await tabB.getSetting('lastJourneyId')).toBe('basic');
    expect(await tabB.getSetting('layout')).toEqual({ inspector: true, width: 320 });
    await tabB.setSetting('lastJourneyId', 'other');
    expect(await tabA.getSetting('lastJourneyId')).toBe('other');
  });

  it('tells a tab about saves and removals made by another tab, not about its own', async () => {
    const heardByA: JourneyChange[] = [];
    const heardByB: JourneyChange[] = [];
    tabA.watch((change) => heardByA.push(change));
    const stopB = tabB.watch((change) => heardByB.push(change));

    await tabB.save(journey(), { expectedRevision: null, writer: writerB });
    await vi.waitFor(() => expect(heardByA).toEqual([{ id: 'basic', revision: 1, writer: writerB }]));
    await tabB.remove('basic');
    await vi.waitFor(() => expect(heardByA).toEqual([{ id: 'basic', revision: 1, writer: writerB }, { removed: 'basic' }]));

    stopB();
    await tabA.save(journey(), { expectedRevision: null, writer: writerA });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heardByB).toEqual([]); // unsubscribed
    expect(heardByA).toHaveLength(2); // its own save is not echoed back
  });
});

describe('dexie repository failures', () => {
  let repository: ReturnType<typeof createDexieRepository>;
  beforeEach(() => {
    repository = createDexieRepository({ name: `journey-lab-failures-${++databaseCounter}` });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    repository.close();
  });

  it('reports a full disk as quota and keeps the version stored before', async () => {
    const saved = await repository.save(journey(), { expectedRevision: null, writer: tabId });
    expect(saved.ok).toBe(true);

    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failed = await repository.save({ ...journey(), name: 'Too big to keep' }, { expectedRevision: 1, writer: tabId });
    expect(failed).toMatchObject({ ok: false, reason: 'failed', error: { code: 'quota', message: persistMessages.saveFailedQuota } });
    if (!failed.ok && failed.reason === 'failed') expect(failed.error.detail).toMatch(/QuotaExceededError/);
    vi.restoreAllMocks();

    const loaded = await repository.load('basic');
    expect(loaded).toMatchObject({ ok: true, stored: { revision: 1, document: { name: 'Basic cart reminder' } } });
    // And the next save, with space again, goes on from the stored revision.
    expect(await repository.save(journey(), { expectedRevision: 1, writer: tabId })).toMatchObject({ ok: true, stored: { revision: 2 } });
  });

  it('maps other failures onto unavailable or unknown, and settings failures reject with a RepositoryError', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    });
    expect(await repository.save(journey(), { expectedRevision: null, writer: tabId })).toMatchObject({
      ok: false,
      reason: 'failed',
      error: { code: 'unavailable' },
    });
    const rejection = repository.setSetting('x', 1);
    await expect(rejection).rejects.toBeInstanceOf(RepositoryError);
    await expect(rejection).rejects.toMatchObject({ code: 'unavailable' });

    expect(toStorageError(new Error('disk on fire')).code).toBe('unknown');
    expect(toStorageError(new DOMException('no', 'SecurityError')).code).toBe('unavailable');
    expect(toStorageError({ name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }).code).toBe('quota');
  });
});

describe('openJourneyRepository', () => {
  it('opens IndexedDB when it works', async () => {
    const { repository, fallbackReason } = await openJourneyRepository({ name: `journey-lab-open-${++databaseCounter}` });
    expect(fallbackReason).toBeNull();
    expect(repository).toMatchObject({ kind: 'indexeddb', persistent: true });
    repository.close();
  });

  it('falls back to memory, and says data will not be kept, when IndexedDB cannot be opened', async () => {
    const broken = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const { repository, fallbackReason } = await openJourneyRepository({ name: 'journey-lab-broken', indexedDB: broken });
    expect(repository).toMatchObject({ kind: 'memory', persistent: false });
    expect(fallbackReason).toMatchObject({ code: 'unavailable', message: persistMessages.storageNotKept });
    // The app keeps working on the fallback.
    expect(await repository.save(journey(), { expectedRevision: null, writer: tabId })).toMatchObject({ ok: true });
    repository.close();
  });
});

describe('tabId', () => {
  it('is a stable, random id per page load', () => {
    expect(tabId).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(newTabId()).not.toBe(newTabId());
  });
});
