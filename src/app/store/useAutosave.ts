import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { message as catalogMessage, type Message } from '../../core/i18n';
import type { JourneyRepository, StorageError, StoredJourney } from '../persist/repository';
import { persistMessages } from '../persist/persistMessages';
import type { UnsavedCopies } from '../persist/unsavedCopy';
import type { EditorStore } from './editorStore';
import { editorFor } from './journeyEditor';

export type SaveStatus =
  | { state: 'saved' | 'saving' | 'unsaved' }
  /** `retryable`: storage was out of reach (offline, the server down), so trying again later may work; a refusal (no right to edit, no space) is not retried by itself. */
  | { state: 'failed'; message: Message; retryable: boolean }
  /** Another tab saved a newer version: nothing more is written until the user chooses. */
  | { state: 'conflict'; message: Message; current: StoredJourney | null; currentRevision: number | null }
  /** Another tab saved (or deleted) this journey while we had nothing unsaved. */
  | { state: 'changedElsewhere'; message: Message };

const SAVE_DELAY_MS = 300;
/** After a failed save, tries again after 5 s, then 10, 20, 40, and every 60 s from there. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;
/** The wait before the next automatic try, after `failures` failed ones in a row (the first included). */
export const retryDelay = (failures: number): number => Math.min(RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1), RETRY_MAX_MS);
const UNSAVED: SaveStatus = { state: 'unsaved' };
const SAVED: SaveStatus = { state: 'saved' };

/** The failure, and whether the unsaved changes are at least kept in this tab meanwhile. */
function failedMessage(message: Message, copyError: StorageError | null, refused: boolean): Message {
  const note = copyError ? persistMessages.unsavedCopyNotKept : refused ? persistMessages.unsavedCopyKeptRefused : persistMessages.unsavedCopyKept;
  return catalogMessage('app.store.useAutosave.text', { message, note });
}

/**
 * Saves the open journey a moment after each change, with the revision it was loaded at so a write
 * from another tab is detected, never overwritten. A failed write leaves the document in memory,
 * marked unsaved, and is retried on the next change, by `retry`, when the browser says it is online
 * again, and by itself with a growing wait (retryDelay) until a save succeeds, a conflict stops saving,
 * or the editor closes.
 *
 * With `copies`, the unsaved document is also written synchronously to this tab's storage on every
 * change and whenever the page is hidden or unloads (see persist/unsavedCopy.ts): an IndexedDB write
 * started during unload never commits, the synchronous copy survives the reload. The copy goes once
 * IndexedDB has committed. Leaving the page while a save is pending asks first.
 */
export function useAutosave(store: EditorStore, repository: JourneyRepository, writer: string, loadedRevision: number | null, copies: UnsavedCopies | null = null) {
  // A document restored from the unsaved copy opens dirty, and is saved as soon as the editor is up.
  const [status, setStatus] = useState<SaveStatus>(() => (store.getState().dirty ? UNSAVED : SAVED));
  const revision = useRef(loadedRevision);
  const blocked = useRef(false);
  const saving = useRef<Promise<void> | null>(null);
  /** Why the last copy could not be kept (quota…); null when it was, or none was needed. */
  const copyError = useRef<StorageError | null>(null);

  /** Brings the synchronous copy up to date now: the unsaved document, or nothing once all is saved. */
  const keepCopy = useCallback(() => {
    const { journey, dirty } = store.getState();
    if (!copies || !journey) return;
    if (dirty) copyError.current = copies.write({ document: journey, baseRevision: revision.current, writer });
    else {
      copies.remove(journey.id);
      copyError.current = null;
    }
  }, [copies, store, writer]);

  const save = useCallback(async () => {
    const { journey, dirty } = store.getState();
    if (!journey || !dirty || blocked.current) return;
    setStatus({ state: 'saving' });
    const result = await repository.save(journey, { expectedRevision: revision.current, writer });
    if (result.ok) {
      revision.current = result.stored.revision;
      store.getState().markSaved(journey);
      // Committed: the copy goes, or (changed meanwhile) is rewritten against the new revision.
      keepCopy();
      setStatus(store.getState().dirty ? UNSAVED : SAVED);
    } else if (result.reason === 'conflict') {
      blocked.current = true;
      setStatus({ state: 'conflict', message: result.message, current: result.current, currentRevision: result.currentRevision });
    } else {
      keepCopy();
      // A change the storage queued itself is said by its own message: the tab's copy is no news then.
      const said = copies && !result.error.queued ? failedMessage(result.error.message, copyError.current, result.error.code === 'refused') : result.error.message;
      setStatus({ state: 'failed', message: said, retryable: result.error.code === 'unavailable' });
    }
  }, [copies, keepCopy, repository, store, writer]);

  const saveSoon = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(async () => {
    if (saveSoon.current) clearTimeout(saveSoon.current);
    saveSoon.current = null;
    await saving.current;
    const sent = store.getState().journey;
    saving.current = save().finally(() => (saving.current = null));
    await saving.current;
    // Changes made while that write was in flight get their own (a failed write is not simply repeated: retries wait, see below).
    const { journey, dirty } = store.getState();
    if (dirty && !blocked.current && journey !== sent) await save();
  }, [save, store]);

  // A failed save tries again by itself: at once when the browser is back online, else after a wait
  // that grows with each failure in a row (a server down for long is not asked every few seconds).
  const failuresInARow = useRef({ count: 0, last: null as SaveStatus | null });
  useEffect(() => {
    const failures = failuresInARow.current;
    if (status.state === 'saved' || status.state === 'conflict') failures.count = 0;
    if (status.state !== 'failed' || !status.retryable) return;
    // Each failure is a new status object; counted once even when the effect runs again for it.
    if (failures.last !== status) failures.count += 1;
    failures.last = status;
    const timer = setTimeout(() => void flush(), retryDelay(failures.count));
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [status, flush]);

  const saveLater = useCallback(() => {
    if (saveSoon.current) clearTimeout(saveSoon.current);
    saveSoon.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  // The journey's editor tells us of each unsaved change (journeyEditor.ts), and asks us to flush.
  useEffect(
    () =>
      editorFor(store).attachAutosave({
        changed(duringGesture) {
          if (blocked.current) return;
          // Every change, except each frame of a drag (copying a large journey 60 times a second would stall it).
          if (!duringGesture) keepCopy();
          // Keep the same object when nothing changes: a new one would re-render the editor on every drag move.
          setStatus((current) => (current.state === 'failed' || current.state === 'unsaved' ? current : UNSAVED));
          saveLater();
        },
        // A drag ends: the copy, skipped while it moved, catches up.
        gestureEnded() {
          if (!blocked.current) keepCopy();
        },
        flush,
      }),
    [store, keepCopy, saveLater, flush],
  );

  // A restored copy is saved (and rewritten against the revision loaded, under this tab's id) at once.
  useEffect(() => {
    if (!store.getState().dirty) return;
    keepCopy();
    saveLater();
  }, [store, keepCopy, saveLater]);

  useEffect(() => {
    const id = store.getState().journey?.id;
    return repository.watch((change) => {
      if ('removed' in change ? change.removed !== id : change.id !== id || change.writer === writer) return;
      setStatus({ state: 'changedElsewhere', message: 'removed' in change ? persistMessages.removedElsewhere : persistMessages.changedElsewhere });
    });
  }, [repository, store, writer]);

  useEffect(() => {
    // Hidden or unloading: keep the copy synchronously (the only write sure to land) and start the save.
    const onHide = () => {
      keepCopy();
      void flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush, keepCopy, store]);

  // Asks "Leave site?" while a save is pending, and only then: a page with a beforeunload listener is
  // kept out of the back/forward cache (Firefox, Safari), so the listener is there only while the
  // document has changes not yet committed (pending, failed or held back by a conflict).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!store.getState().dirty) return;
      keepCopy();
      // returnValue for browsers before the standard way.
      event.preventDefault();
      event.returnValue = '';
    };
    let listening = false;
    const listen = (pending: boolean) => {
      if (pending === listening) return;
      listening = pending;
      if (pending) window.addEventListener('beforeunload', onBeforeUnload);
      else window.removeEventListener('beforeunload', onBeforeUnload);
    };
    listen(store.getState().dirty);
    const stop = store.subscribe((state) => listen(state.dirty));
    return () => {
      stop();
      listen(false);
    };
  }, [keepCopy, store]);

  /** Loads what another tab saved, dropping our unsaved changes (the user chose so). */
  const loadTheirs = useCallback(async () => {
    const id = store.getState().journey?.id;
    if (!id) return;
    const loaded = await repository.load(id);
    if (!loaded.ok) return;
    revision.current = loaded.stored.revision;
    blocked.current = false;
    editorFor(store).takeStored(loaded.stored.document);
    keepCopy();
    setStatus(SAVED);
  }, [keepCopy, repository, store]);

  /** Writes our version over theirs (the user chose so). */
  const keepMine = useCallback(async () => {
    const id = store.getState().journey?.id;
    if (!id) return;
    const loaded = await repository.load(id);
    revision.current = loaded.ok ? loaded.stored.revision : loaded.reason === 'unreadable' ? loaded.revision : null;
    blocked.current = false;
    editorFor(store).markUnsaved();
    await flush();
  }, [flush, repository, store]);

  return useMemo(() => ({ status, retry: flush, loadTheirs, keepMine, flush }), [status, flush, loadTheirs, keepMine]);
}

export type Autosave = ReturnType<typeof useAutosave>;
