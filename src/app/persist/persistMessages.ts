// What the persistence layer tells the user, in both languages. Kept here (not in the i18n JSON files)
// because these travel inside results (SaveResult, LoadResult, share-link and import results) and are
// shown by whichever panel receives them: pick the language with `message[lang]`.
import { grouped, message, type Message, joinedMessages } from '../../core/i18n';
import { MAX_DOCUMENT_CHARS } from '../../core/journey';

export const persistMessages = {
  saveFailedQuota: message('app.persist.persistMessages.saveFailedQuota'),
  saveFailedUnavailable: message('app.persist.persistMessages.saveFailedUnavailable'),
  storageNotKept: message('app.persist.persistMessages.storageNotKept'),
  conflict: message('app.persist.persistMessages.anotherTabChangedThisJourney'),
  conflictDeleted: message('app.persist.persistMessages.conflictDeleted'),
  conflictUnreadable: message('app.persist.persistMessages.conflictUnreadable'),
  // Appended to a failed save (see useAutosave): whether the changes survive a reload meanwhile.
  unsavedCopyKept: message('app.persist.persistMessages.unsavedCopyKept'),
  unsavedCopyNotKept: message('app.persist.persistMessages.unsavedCopyNotKept'),
  // A save the server refused (the member's role): kept in the tab, but not going to be saved by trying again.
  unsavedCopyKeptRefused: message('app.persist.persistMessages.unsavedCopyKeptRefused'),
  // Shown on opening a journey whose unsaved copy lost to another tab's save (see unsavedCopy.ts).
  unsavedCopySetAside: message('app.persist.persistMessages.unsavedCopySetAside'),
  changedElsewhere: message('app.persist.persistMessages.changedElsewhere'),
  removedElsewhere: message('app.persist.persistMessages.removedElsewhere'),
  shareLinkInvalid: message('app.persist.persistMessages.shareLinkInvalid'),
  shareLinkEmpty: message('app.persist.persistMessages.shareLinkEmpty'),
  shareLinkNotJson: message('app.persist.persistMessages.shareLinkNotJson'),
  shareLinkTooLarge: message('app.persist.persistMessages.shareLinkTooLarge', { MAX_DOCUMENT_CHARS: grouped(MAX_DOCUMENT_CHARS) }),
  importCheckFailed: message('app.persist.persistMessages.importCheckFailed'),
  exportRefused: message('app.persist.persistMessages.exportRefused'),
} satisfies Record<string, Message>;

/** Storage failed for a reason the browser did not name; `detail` is the browser's own text. */
export const saveFailedUnknown = (detail: string): Message =>
  message('app.persist.persistMessages.saveFailedUnknown', { known: String(Boolean(detail)), detail });

export const readFailed = (detail: string): Message =>
  message('app.persist.persistMessages.readFailed', { known: String(Boolean(detail)), detail });

/** A stored journey that this build cannot open; `reason` is its first problem. */
export const storedJourneyUnreadable = (reason: Message): Message =>
  message('app.persist.persistMessages.storedJourneyUnreadable', { reason });

export const shareLinkTooLong = (length: number, limit: number): Message =>
  message('app.persist.persistMessages.shareLinkTooLong', { length: grouped(length), limit: grouped(limit) });

/** A chosen file refused for its size (from its bytes, before reading, or its characters). */
export const fileTooLarge = (name: string, size: { megabytes: number } | { characters: number }): Message =>
  message('app.persist.persistMessages.fileTooLarge', { name, choice: String(Boolean('megabytes' in size)), megabytes: ('megabytes' in size) ? grouped(size.megabytes) : '', characters: ('megabytes' in size) ? '' : grouped(size.characters), MAX_DOCUMENT_CHARS: grouped(MAX_DOCUMENT_CHARS) });

export const fileUnreadable = (name: string): Message =>
  message('app.persist.persistMessages.fileUnreadable', { name });

export const notJson = (detail: string): Message =>
  message('app.persist.persistMessages.notJson', { detail });

export const importRefused = (errorCount: number): Message =>
  message('app.persist.persistMessages.importRefused', { errorCount });

export const importMigrated = (from: number, to: number): Message =>
  message('app.persist.persistMessages.importMigrated', { from, to });

export const edgesDropped = (ids: string[]): Message =>
  message('app.persist.persistMessages.edgesDropped', { idsCount: ids.length, ids: joinedMessages(ids, 'list') });
