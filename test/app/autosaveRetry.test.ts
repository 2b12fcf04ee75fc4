// A failed autosave tries again by itself (src/app/store/useAutosave.ts): at once on the browser's
// 'online' event, else after 5 s, 10 s, 20 s, 40 s and then every 60 s; it stops on success, on a
// conflict and when the editor closes. Fake timers: the waits are the behaviour under test.
import { act, renderHook } from '@testing-library/react';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { persistMessages } from '../../src/app/persist/persistMessages';
import type { JourneyRepository, SaveResult } from '../../src/app/persist/repository';
import { createEditorStore, type EditorStore } from '../../src/app/store/editorStore';
import { retryDelay, useAutosave } from '../../src/app/store/useAutosave';
import { renameJourney } from '../../src/core/editor/commands';
import { checkedJourney } from '../fixtures/journeys';

const writer = 'this-tab';
const unavailable: SaveResult = { ok: false, reason: 'failed', error: { code: 'unavailable', message: persistMessages.saveFailedUnavailable, detail: 'offline' } };

const refused: SaveResult = { ok: false, reason: 'failed', error: { code: 'unknown', message: persistMessages.saveFailedUnavailable, detail: 'HTTP 403 forbidden' } };

/** A repository whose saves fail while `down` says so (out of reach, or `failure`); counts every try. */
async function flakyRepository(failure: SaveResult = unavailable) {
  const repository = createMemoryRepository();
  await repository.save(checkedJourney(), { expectedRevision: null, writer });
  const control = { down: true, tries: 0 };
  const save: JourneyRepository['save'] = async (document, options) => {
    control.tries++;
    return control.down ? failure : repository.save(document, options);
  };
  return { repository: { ...repository, save } as JourneyRepository, control, inner: repository };
}

function openStore(): EditorStore {
  const store = createEditorStore();
  store.getState().open(checkedJourney());
  return store;
}

const rename = (store: EditorStore, name: string) => act(() => store.getState().change(renameJourney(store.getState().journey!, name)));
/** Lets the clock run `ms` and the saves it starts settle. */
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('retrying a failed autosave', () => {
  it('waits 5, 10, 20, 40 and then at most 60 seconds between tries', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(retryDelay)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });

  it('tries again after each wait, with the wait growing, and stops once a save succeeds', async () => {
    const { repository, control, inner } = await flakyRepository();
    const store = openStore();
    const { result, unmount } = renderHook(() => useAutosave(store, repository, writer, 1));
    rename(store, 'Edited while offline');
    await wait(300);
    expect(result.current.status.state).toBe('failed');
    expect(control.tries).toBe(1);

    await wait(4_999);
    expect(control.tries).toBe(1);
    await wait(1);
    expect(control.tries).toBe(2);
    await wait(9_999);
    expect(control.tries).toBe(2);
    await wait(1);
    expect(control.tries).toBe(3);
    await wait(20_000);
    expect(control.tries).toBe(4);

    control.down = false;
    await wait(40_000);
    expect(control.tries).toBe(5);
    expect(result.current.status.state).toBe('saved');
    expect(await inner.load('basic')).toMatchObject({ ok: true, stored: { revision: 2, document: { name: 'Edited while offline' } } });
    await wait(600_000);
    expect(control.tries).toBe(5);
    unmount();
  });

  it('does not try again by itself after a refusal (a viewer’s save, say): only on the next change or Retry', async () => {
    const { repository, control } = await flakyRepository(refused);
    const store = openStore();
    const { result, unmount } = renderHook(() => useAutosave(store, repository, writer, 1));
    rename(store, 'Not mine to change');
    await wait(300);
    expect(result.current.status).toMatchObject({ state: 'failed', retryable: false });
    await wait(600_000);
    await act(async () => void window.dispatchEvent(new Event('online')));
    expect(control.tries).toBe(1);
    await act(() => result.current.retry());
    expect(control.tries).toBe(2);
    unmount();
  });

  it('tries at once when the browser says it is online again', async () => {
    const { repository, control } = await flakyRepository();
    const store = openStore();
    const { result } = renderHook(() => useAutosave(store, repository, writer, 1));
    rename(store, 'Edited while offline');
    await wait(300);
    expect(control.tries).toBe(1);
    control.down = false;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    await wait(0);
    expect(control.tries).toBe(2);
    expect(result.current.status.state).toBe('saved');
    // Saved: going online again tries nothing.
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(control.tries).toBe(2);
  });

  it('stops when the editor closes', async () => {
    const { repository, control } = await flakyRepository();
    const store = openStore();
    const { unmount } = renderHook(() => useAutosave(store, repository, writer, 1));
    rename(store, 'Edited while offline');
    await wait(300);
    unmount();
    // Closing flushes once more (useAutosave's unmount); after that, nothing.
    await wait(0);
    const afterClose = control.tries;
    await wait(600_000);
    window.dispatchEvent(new Event('online'));
    await wait(0);
    expect(control.tries).toBe(afterClose);
  });

  it('stops on a conflict: nothing is written until the user chooses', async () => {
    const { repository, control, inner } = await flakyRepository();
    const store = openStore();
    const { result } = renderHook(() => useAutosave(store, repository, writer, 1));
    rename(store, 'Mine');
    await wait(300);
    expect(result.current.status.state).toBe('failed');
    // Another tab saves meanwhile; the server is back for the next try, which finds the conflict.
    await inner.save({ ...checkedJourney(), name: 'Theirs' }, { expectedRevision: 1, writer: 'other-tab' });
    control.down = false;
    await wait(5_000);
    expect(result.current.status.state).toBe('conflict');
    const tries = control.tries;
    await wait(600_000);
    expect(control.tries).toBe(tries);
  });
});
