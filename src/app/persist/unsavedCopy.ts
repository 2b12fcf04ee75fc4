// The synchronous safety net under autosave. An IndexedDB write started while the page unloads (a
// reload, a closed tab) is dropped by the browser before it commits, so the last ~300 ms of edits — the
// autosave delay — used to be lost. The editor therefore also writes the unsaved document, synchronously,
// into Web Storage on every change and when the page is hidden or unloads; the editor restores it on load
// when it is newer than what IndexedDB committed, and removes it once IndexedDB has committed the save.
//
// Why sessionStorage and not localStorage: sessionStorage belongs to this tab. It survives a reload and
// is restored with the tab (session restore after a crash, a discarded background tab on mobile), which
// are the cases IndexedDB loses. localStorage is shared by every tab of the site, so a second tab opening
// the same journey would adopt the first tab's in-progress document and both would then write it, turning
// one person's edit into a conflict between two tabs. What sessionStorage cannot cover — a tab killed
// and then opened afresh — loses at most the edits of the autosave delay, and never the committed save.
//
// Newer is decided by revisions, which the repository tracks for every save, never by clocks (two tabs'
// clocks and a restored session's need not agree). The copy records the revision its document was based
// on and the tab that wrote it: it wins when nothing was committed since that revision, or when the one
// commit since is that same tab's save (its autosave committed, then the tab died before removing the
// copy; the copy is that save or newer). Anything else — another tab's save, a deletion — wins over it.
// A copy that loses to another tab's save still holds edits the user never chose to drop: it is handed
// to the editor as set aside, which opens the stored version and offers the user their own back.
//
// A copy read back is untrusted like any file: checked by readJourney (migrate, schema, limits); a corrupt
// or foreign entry is removed and ignored, never thrown.
import { z } from 'zod';
import type { JourneyDocument } from '../../core/journey';
import { MAX_DOCUMENT_CHARS } from '../../core/journey';
import { readJourney } from './files';
import { toStorageError, type JourneyRepository, type LoadResult, type StorageError } from './repository';

const KEY_PREFIX = 'journey-lab:unsaved:';
const FORMAT = 'journey-lab-unsaved-copy';

const copyEnvelope = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  journeyId: z.string().min(1).max(200),
  /** The revision the document was loaded or last saved at; null before the journey's first save. */
  baseRevision: z.number().int().nonnegative().nullable(),
  writer: z.string().max(200),
  /** Milliseconds since the epoch; shown and logged only, never compared (see above). */
  savedAt: z.number(),
  document: z.unknown(),
});

export interface UnsavedCopy {
  journeyId: string;
  document: JourneyDocument;
  baseRevision: number | null;
  writer: string;
  savedAt: number;
}

export interface UnsavedCopies {
  /** Writes the copy now (synchronously). Returns the storage error when it could not be kept (quota…), else null. */
  write(copy: { document: JourneyDocument; baseRevision: number | null; writer: string }): StorageError | null;
  /** The checked copy of that journey; null when there is none or it cannot be trusted (then it is removed). */
  read(journeyId: string): UnsavedCopy | null;
  remove(journeyId: string): void;
}

/** The subset of Web Storage used, so tests can hand in their own. */
export type CopyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Copies kept in `storage`, which is looked up on each use: reading `window.sessionStorage` itself
 * throws where the browser blocks site data, and then there is simply no copy.
 */
export function createUnsavedCopies(storage: () => CopyStorage | null, now: () => number = Date.now): UnsavedCopies {
  const keyOf = (journeyId: string) => `${KEY_PREFIX}${journeyId}`;
  const remove = (journeyId: string) => {
    try {
      storage()?.removeItem(keyOf(journeyId));
    } catch {
      // Storage that cannot be reached holds no copy to remove.
    }
  };
  return {
    write({ document, baseRevision, writer }) {
      try {
        const target = storage();
        if (!target) return toStorageError(new DOMException('Web Storage is not available', 'SecurityError'));
        const envelope: z.input<typeof copyEnvelope> = { format: FORMAT, version: 1, journeyId: document.id, baseRevision, writer, savedAt: now(), document };
        target.setItem(keyOf(document.id), JSON.stringify(envelope));
        return null;
      } catch (error) {
        // An earlier copy stays: older than the document, but still newer than what IndexedDB committed.
        return toStorageError(error);
      }
    },
    read(journeyId) {
      try {
        const raw = storage()?.getItem(keyOf(journeyId));
        if (raw === null || raw === undefined) return null;
        const copy = raw.length <= MAX_DOCUMENT_CHARS ? checkCopy(JSON.parse(raw), journeyId) : null;
        if (!copy) remove(journeyId);
        return copy;
      } catch {
        remove(journeyId);
        return null;
      }
    },
    remove,
  };
}

/** The envelope and its document checked like an imported file; null for anything else. */
function checkCopy(value: unknown, journeyId: string): UnsavedCopy | null {
  const envelope = copyEnvelope.safeParse(value);
  if (!envelope.success || envelope.data.journeyId !== journeyId) return null;
  const read = readJourney(envelope.data.document);
  if (!read.ok || read.document.id !== journeyId) return null;
  const { baseRevision, writer, savedAt } = envelope.data;
  return { journeyId, document: read.document, baseRevision, writer, savedAt };
}

const sessionStorageOrNull = (): CopyStorage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
};

let sessionCopies: UnsavedCopies | null = null;

/** This tab's copies, in sessionStorage. */
export function sessionUnsavedCopies(): UnsavedCopies {
  sessionCopies ??= createUnsavedCopies(sessionStorageOrNull);
  return sessionCopies;
}

/**
 * The copies the editor keeps for this repository: none for the in-memory one (nothing it holds
 * survives a reload, so a copy could only be restored over a different journey of the same id).
 */
export function unsavedCopiesFor(repository: JourneyRepository, given?: UnsavedCopies): UnsavedCopies | null {
  return repository.persistent ? (given ?? sessionUnsavedCopies()) : null;
}

/** Whether the copy holds edits newer than what is stored (see the top of this file). */
export function copyIsNewer(stored: { revision: number; writer: string }, copy: Pick<UnsavedCopy, 'baseRevision' | 'writer'>): boolean {
  const base = copy.baseRevision ?? 0;
  return stored.revision === base || (stored.revision === base + 1 && stored.writer === copy.writer);
}

export type EditingLoad =
  | {
      ok: true;
      document: JourneyDocument;
      /** The revision to save against next. */
      revision: number;
      /** True when the document is this tab's unsaved copy, newer than the stored one: it still has to be saved. */
      restored: boolean;
      /**
       * This tab's unsaved edits from before the reload, when another tab saved the journey in between:
       * the stored version opens, and these are the user's to take back (they are no longer in storage).
       */
      setAside?: UnsavedCopy;
    }
  | Exclude<LoadResult, { ok: true }>;

/**
 * Loads a journey to edit: what IndexedDB committed, or this tab's unsaved copy when that is newer. A
 * copy that lost to another tab's save is removed from storage and returned as `setAside`, for the
 * user to restore or keep. When the stored journey cannot be read (storage failing, a newer format),
 * the copy is kept: it may be all there is of the user's last edits.
 */
export async function loadForEditing(repository: JourneyRepository, journeyId: string, copies: UnsavedCopies | null): Promise<EditingLoad> {
  const loaded = await repository.load(journeyId);
  if (!loaded.ok) {
    if (loaded.reason === 'missing') copies?.remove(journeyId);
    return loaded;
  }
  const copy = copies?.read(journeyId) ?? null;
  if (copy && copyIsNewer(loaded.stored, copy)) return { ok: true, document: copy.document, revision: loaded.stored.revision, restored: true };
  if (!copy) return { ok: true, document: loaded.stored.document, revision: loaded.stored.revision, restored: false };
  // Out of storage, or the next edit (which rewrites the copy against the new revision) would replace it
  // unseen; from here it lives in the editor, which tells the user.
  copies?.remove(journeyId);
  return { ok: true, document: loaded.stored.document, revision: loaded.stored.revision, restored: false, setAside: copy };
}
