// What the import checker does, on whichever thread runs it (the worker in journeyImport.worker.ts, or
// this one where there is no Worker): exactly parseJourneyFile / readJourney, with every exception
// turned into a message to show. Kept apart from journeyImport.ts so the worker bundle does not
// contain the code that starts the worker.
import type { Message } from '../../core/i18n';
import { parseJourneyFile, readJourney, type ReadJourneyResult } from './files';
import { persistMessages } from './persistMessages';
import { decodeShareLink } from './shareLink';

export type JourneyImportRequest =
  /** The text of a .journey.json file. */
  | { source: 'file'; text: string }
  /** A URL fragment (or whole URL) that carries a share link. */
  | { source: 'share'; hash: string };

export type JourneyImportResult =
  /** Read: opened (`read.ok`) or refused with its problems. */
  | { kind: 'read'; read: ReadJourneyResult }
  /** Not read at all: a damaged or oversized link, or checking itself failed. */
  | { kind: 'unreadable'; message: Message }
  /** The fragment had no share link. */
  | { kind: 'none' };

/** Reads one import request. Never throws. */
export function readJourneyImport(request: JourneyImportRequest): JourneyImportResult {
  try {
    if (request.source === 'file') return { kind: 'read', read: parseJourneyFile(request.text) };
    const decoded = decodeShareLink(request.hash);
    if (!decoded) return { kind: 'none' };
    if (!decoded.ok) return { kind: 'unreadable', message: decoded.message };
    return { kind: 'read', read: readJourney(decoded.document) };
  } catch {
    // A stack overflow or an out-of-memory error on input no limit foresaw: say so, never crash.
    return { kind: 'unreadable', message: persistMessages.importCheckFailed };
  }
}
