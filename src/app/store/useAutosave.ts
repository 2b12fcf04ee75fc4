import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Localized } from '../../core/i18n';
import type { JourneyRepository, StoredJourney } from '../persist/repository';
import { persistMessages } from '../persist/messages';
import type { EditorStore } from './editorStore';

export type SaveStatus =
  | { state: 'saved' | 'saving' | 'unsaved' }
  | { state: 'failed'; message: Localized }
  /** Another tab saved a newer version: nothing more is written until the user chooses. */
  | { state: 'conflict'; message: Localized; current: StoredJourney | null; currentRevision: number | null }
  /** Another tab saved (or deleted) this journey while we had nothing unsaved. */
  | { state: 'changedElsewhere'; message: Localized };

const SAVE_DELAY_MS = 300;
const UNSAVED: SaveStatus = { state: 'unsaved' };

/**
 * Saves the open journey a moment after each change, with the revision it was loaded at so a write
 * from another tab is detected, never overwritten. A failed write leaves the document in memory,
 * marked unsaved, and is retried on the next change or by `retry`.
 */
export function useAutosave(store: EditorStore, repository: JourneyRepository, writer: string, loadedRevision: number | null) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const revision = useRef(loadedRevision);
  const blocked = useRef(false);
  const saving = useRef<Promise<void> | null>(null);

  const save = useCallback(async () => {
    const { journey, dirty } = store.getState();
    if (!journey || !dirty || blocked.current) return;
    setStatus({ state: 'saving' });
    const result = await repository.save(journey, { expectedRevision: revision.current, writer });
    if (result.ok) {
      revision.current = result.stored.revision;
      store.getState().markSaved(journey);
      setStatus(store.getState().dirty ? { state: 'unsaved' } : { state: 'saved' });
    } else if (result.reason === 'conflict') {
      blocked.current = true;
      setStatus({ state: 'conflict', message: result.message, current: result.current, currentRevision: result.currentRevision });
    } else setStatus({ state: 'failed', message: result.error.message });
  }, [repository, store, writer]);

  const saveSoon = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(async () => {
    if (saveSoon.current) clearTimeout(saveSoon.current);
    saveSoon.current = null;
    await saving.current;
    saving.current = save().finally(() => (saving.current = null));
    await saving.current;
    // Changes made while that write was in flight get their own.
    if (store.getState().dirty && !blocked.current) await save();
  }, [save, store]);

  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.journey === previous.journey || !state.dirty || blocked.current) return;
        // Keep the same object when nothing changes: a new one would re-render the editor on every drag move.
        setStatus((current) => (current.state === 'failed' || current.state === 'unsaved' ? current : UNSAVED));
        if (saveSoon.current) clearTimeout(saveSoon.current);
        saveSoon.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
      }),
    [store, flush],
  );

  useEffect(() => {
    const id = store.getState().journey?.id;
    return repository.watch((change) => {
      if ('removed' in change ? change.removed !== id : change.id !== id || change.writer === writer) return;
      setStatus({ state: 'changedElsewhere', message: 'removed' in change ? persistMessages.removedElsewhere : persistMessages.changedElsewhere });
    });
  }, [repository, store, writer]);

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  /** Loads what another tab saved, dropping our unsaved changes (the user chose so). */
  const loadTheirs = useCallback(async () => {
    const id = store.getState().journey?.id;
    if (!id) return;
    const loaded = await repository.load(id);
    if (!loaded.ok) return;
    revision.current = loaded.stored.revision;
    blocked.current = false;
    store.getState().replace(loaded.stored.document);
    setStatus({ state: 'saved' });
  }, [repository, store]);

  /** Writes our version over theirs (the user chose so). */
  const keepMine = useCallback(async () => {
    const id = store.getState().journey?.id;
    if (!id) return;
    const loaded = await repository.load(id);
    revision.current = loaded.ok ? loaded.stored.revision : loaded.reason === 'unreadable' ? loaded.revision : null;
    blocked.current = false;
    const { journey } = store.getState();
    if (journey) store.getState().changeWithoutHistory(journey);
    await flush();
  }, [flush, repository, store]);

  return useMemo(() => ({ status, retry: flush, loadTheirs, keepMine, flush }), [status, flush, loadTheirs, keepMine]);
}

export type Autosave = ReturnType<typeof useAutosave>;
