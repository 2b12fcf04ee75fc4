// Reading a file the user chose to import (a journey, cohort or lesson) as text, within the limit on
// documents. One guard for every import: a file far over the limit is refused from its size alone,
// before a byte of it is read (reading 1 GB into a string could crash the tab), and a text over
// MAX_DOCUMENT_CHARS is refused before anyone parses it. Never throws.
import type { Message } from '../../core/i18n';
import { checkDocumentText } from '../../core/journey';
import { MAX_DOCUMENT_CHARS } from '../../core/journey';
import { readFileAsText } from './files';
import { fileTooLarge, fileUnreadable } from './persistMessages';

/**
 * Bytes beyond which a file surely has more than MAX_DOCUMENT_CHARS characters (UTF-8 spends at most
 * three bytes on one UTF-16 unit): refused without reading it into memory at all.
 */
export const MAX_FILE_BYTES_READ = 3 * MAX_DOCUMENT_CHARS + 3;

export type DocumentFileText = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'unreadable'; message: Message };

/** The text of a chosen file, or why it was not read, in a sentence that names the file. */
export async function readDocumentFile(file: File): Promise<DocumentFileText> {
  if (file.size > MAX_FILE_BYTES_READ) return { ok: false, reason: 'too-large', message: fileTooLarge(file.name, { megabytes: Math.ceil(file.size / 1_000_000) }) };
  let text: string;
  try {
    text = await readFileAsText(file);
  } catch {
    return { ok: false, reason: 'unreadable', message: fileUnreadable(file.name) };
  }
  if (checkDocumentText(text)) return { ok: false, reason: 'too-large', message: fileTooLarge(file.name, { characters: text.length }) };
  return { ok: true, text };
}
