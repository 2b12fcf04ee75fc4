import { grouped, message as catalogMessage, type Message } from '../i18n';
import { MAX_DOCUMENT_CHARS } from '../journey/limits';
import { compressForLink, decompressLink } from '../linkCompression';
import { parseLesson, type ParsedLesson } from './load';
import type { LessonInput } from './schema';

/**
 * Lessons travel in links as lz-string's URL-safe compression of their JSON, like journey share
 * links (src/app/persist/shareLink.ts); decoding goes through parseLesson, so a shared lesson is
 * checked exactly like a file. A link is untrusted: it is unpacked with a cap (MAX_DOCUMENT_CHARS, the
 * same as a file), so a short link that unpacks to hundreds of megabytes is refused before it is built.
 */

/** Longest encoded lesson decoded; a link is not the way to move megabytes. */
const MAX_ENCODED_LENGTH = 2_000_000;

export function encodeLesson(lesson: LessonInput): string {
  return compressForLink(JSON.stringify(lesson));
}

const damaged = catalogMessage('core.lessons.share.theLessonLinkIsDamaged');
const tooLarge = catalogMessage('core.lessons.share.tooLarge', { MAX_DOCUMENT_CHARS: grouped(MAX_DOCUMENT_CHARS) });

const unreadable = (message: Message = damaged): ParsedLesson => ({
  ok: false,
  problems: [{ severity: 'error', code: 'lesson-invalid', message, location: { path: [] } }],
});

/** Reads an encoded lesson (percent-encoded on the way or not); never throws, never unpacks past the cap. */
export function decodeLesson(encoded: string): ParsedLesson {
  let payload = encoded.trim();
  if (!payload || payload.length > MAX_ENCODED_LENGTH) return unreadable();
  // Some apps percent-encode characters when passing a link on; the lz-string alphabet never has "%".
  if (payload.includes('%'))
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return unreadable();
    }
  if (!/^[A-Za-z0-9+\-$]+$/.test(payload)) return unreadable();
  const unpacked = decompressLink(payload, MAX_DOCUMENT_CHARS);
  if (!unpacked.ok) return unreadable(unpacked.reason === 'too-large' ? tooLarge : damaged);
  if (!unpacked.text) return unreadable();
  try {
    return parseLesson(JSON.parse(unpacked.text) as unknown);
  } catch {
    return unreadable();
  }
}
