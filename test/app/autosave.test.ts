import 'fake-indexeddb/auto';
import { act, renderHook } from '@testing-library/react';
import { createDexieRepository } from '../../src/app/persist/dexieRepository';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { persistMessages } from '../../src/app/persist/persistMessages';
import type { JourneyRepository } from '../../src/app/persist/repository';
import { createUnsavedCopies, loadForEditing, type UnsavedCopies } from '../../src/app/persist/unsavedCopy';
import { createEditorStore, type EditorStore } from '../../src/app/store/editorStore';
import { useAutosave } from '../../src/app/store/useAutosave';
import { moveNodes, renameJourney } from '../../src/core/editor/commands';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';
import { MapStorage } from './mapStorage';
import { inEnglish, inChinese } from '../support/messages.ts';

const journey = (): JourneyDocument => checkJourney(validJourney()).document!;
const writer = 'this-tab';
let databaseCounter = 0;

function openStore(document: JourneyDocument, { restored = false } = {}): EditorStore {
  const store = createEditorStore();
  store.getState().open(document);
  if (restored) store.getState().changeWithoutHistory(document);
  return store;
}

const rename = (store: EditorStore, name: string) => act(() => store.getState().change(renameJourney(store.getState().journey!, name)));

/** A repository whose saves never come back, like an IndexedDB write started while the page unloads. */
const droppingWrites = (repository: JourneyRepository): JourneyRepository => ({ ...repository, save: () => new Promise(() => {}) });

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

describe('autosave with an unsaved copy', () => {
  let repository: ReturnType<typeof createDexieRepository>;
  let storage: MapStorage;
  let copies: UnsavedCopies;
  beforeEach(async () => {
    repository = createDexieRepository({ name: `journey-lab-autosave-${++databaseCounter}` });
    storage = new MapStorage();
    copies = createUnsavedCopies(() => storage);
    await repository.save(journey(), { expectedRevision: null, writer });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    setVisibility('visible');
    repository.close();
  });

  it('copies each change synchronously, and removes the copy once IndexedDB has committed the save', async () => {
    const store = openStore(journey());
    const { result, unmount } = renderHook(() => useAutosave(store, repository, writer, 1, copies));
    rename(store, 'Renamed');
    // Before any write to IndexedDB has even started.
    expect(copies.read('basic')).toMatchObject({ baseRevision: 1, writer, document: { name: 'Renamed' } });
    await vi.waitFor(() => expect(result.current.status.state).toBe('saved'));
    expect(copies.read('basic')).toBeNull();
    expect(await repository.load('basic')).toMatchObject({ ok: true, stored: { revision: 2, document: { name: 'Renamed' } } });
    unmount();
  });

  it('brings a drag into the copy when it ends, not on every frame', () => {
    const store = openStore(journey());
    const write = vi.spyOn(copies, 'write');
    renderHook(() => useAutosave(store, repository, writer, 1, copies));
    act(() => {
      store.getState().beginGesture();
      for (let x = 0; x < 20; x++) store.getState().changeDuringGesture(moveNodes(store.getState().journey!, [{ id: 'remind', position: { x, y: 5 } }]));
    });
    expect(write).not.toHaveBeenCalled();
    act(() => store.getState().endGesture());
    expect(write).toHaveBeenCalledTimes(1);
    expect(copies.read('basic')?.document.nodes.find((node) => node.id === 'remind')?.position).toEqual({ x: 19, y: 5 });
  });

  it('restores an edit whose save never committed before the page went away (issue 12, item 10)', async () => {
    const store = openStore(journey());
    const before = renderHook(() => useAutosave(store, droppingWrites(repository), writer, 1, copies));
    rename(store, 'Renamed just before the reload');
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    before.unmount();
    expect((await repository.load('basic')).ok && (await repository.load('basic'))).toMatchObject({ stored: { revision: 1, document: { name: 'Basic cart reminder' } } });

    // The reload: the page opens the journey again, in the same tab.
    const loaded = await loadForEditing(repository, 'basic', copies);
    expect(loaded).toMatchObject({ ok: true, restored: true, revision: 1, document: { name: 'Renamed just before the reload' } });
    if (!loaded.ok) return;
    const reopened = openStore(loaded.document, { restored: true });
    const after = renderHook(() => useAutosave(reopened, repository, 'tab-after-reload', loaded.revision, copies));
    expect(after.result.current.status.state).toBe('unsaved');
    await vi.waitFor(() => expect(after.result.current.status.state).toBe('saved'));
    expect(await repository.load('basic')).toMatchObject({ ok: true, stored: { revision: 2, document: { name: 'Renamed just before the reload' } } });
    expect(copies.read('basic')).toBeNull();
    after.unmount();
  });

  it('starts the save as soon as the page is hidden, without waiting for the autosave delay', async () => {
    vi.useFakeTimers();
    const memory = createMemoryRepository();
    await memory.save(journey(), { expectedRevision: null, writer });
    const save = vi.spyOn(memory, 'save');
    const store = openStore(journey());
    const { result } = renderHook(() => useAutosave(store, memory, writer, 1, copies));
    rename(store, 'Hidden right away');
    await act(async () => {});
    expect(save).not.toHaveBeenCalled();
    setVisibility('hidden');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.status.state).toBe('saved');
    expect(copies.read('basic')).toBeNull();
    memory.close();
  });

  it('asks before leaving only while a save is pending, and keeps the copy when it does', async () => {
    const store = openStore(journey());
    const { result } = renderHook(() => useAutosave(store, repository, writer, 1, copies));
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    rename(store, 'Pending');
    storage.items.clear();
    expect(leave()).toBe(true);
    expect(copies.read('basic')?.document.name).toBe('Pending');
    await vi.waitFor(() => expect(result.current.status.state).toBe('saved'));
    expect(leave()).toBe(false);
  });

  it('listens for leaving only while a save is pending, so the page may otherwise enter the back/forward cache', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const count = (spy: typeof added | typeof removed) => spy.mock.calls.filter(([type]) => type === 'beforeunload').length;
    const listening = () => count(added) - count(removed);
    const store = openStore(journey());
    const { result, unmount } = renderHook(() => useAutosave(store, repository, writer, 1, copies));
    expect(listening()).toBe(0);
    rename(store, 'Pending');
    expect(listening()).toBe(1);
    rename(store, 'Pending still');
    expect(listening()).toBe(1);
    await vi.waitFor(() => expect(result.current.status.state).toBe('saved'));
    expect(listening()).toBe(0);
    rename(store, 'Pending again');
    expect(listening()).toBe(1);
    unmount();
    expect(listening()).toBe(0);
  });

  it('tells the user when IndexedDB is full, keeps the changes in the copy, and saves them once there is room', async () => {
    const store = openStore(journey());
    const { result } = renderHook(() => useAutosave(store, repository, writer, 1, copies));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    rename(store, 'Kept while the disk is full');
    await vi.waitFor(() => expect(result.current.status.state).toBe('failed'));
    const status = result.current.status;
    if (status.state !== 'failed') return;
    expect(inEnglish(status.message)).toContain(inEnglish(persistMessages.saveFailedQuota));
    expect(inEnglish(status.message)).toContain(inEnglish(persistMessages.unsavedCopyKept));
    expect(inChinese(status.message)).toContain(inChinese(persistMessages.unsavedCopyKept));
    expect(copies.read('basic')?.document.name).toBe('Kept while the disk is full');
    // A reload now would restore it.
    expect(await loadForEditing(repository, 'basic', copies)).toMatchObject({ restored: true, document: { name: 'Kept while the disk is full' } });

    put.mockRestore();
    await act(() => result.current.retry());
    expect(result.current.status.state).toBe('saved');
    expect(copies.read('basic')).toBeNull();
    expect(await repository.load('basic')).toMatchObject({ ok: true, stored: { revision: 2, document: { name: 'Kept while the disk is full' } } });
  });

  it('says so when not even the copy could be kept (both storages full)', async () => {
    const full = createUnsavedCopies(() => new MapStorage(0));
    const store = openStore(journey());
    const { result } = renderHook(() => useAutosave(store, repository, writer, 1, full));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    rename(store, 'Only on this page');
    await vi.waitFor(() => expect(result.current.status.state).toBe('failed'));
    const status = result.current.status;
    expect(status.state === 'failed' && inEnglish(status.message)).toContain(inEnglish(persistMessages.unsavedCopyNotKept));
  });
});
