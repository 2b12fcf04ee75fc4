import { grouped, localized, type Localized } from '../i18n';
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

const damaged = localized('The lesson link is damaged or incomplete: ask for the link again, or for the lesson file.', '课程链接已损坏或不完整：请重新获取链接或课程文件。');
const tooLarge = localized(
  `The lesson link was not opened: it unpacks to more than ${grouped(MAX_DOCUMENT_CHARS)} characters, the most a lesson may have. Journey Lab never makes such links: ask the trainer for the lesson file.`,
  `未打开该课程链接：解压后超过 ${grouped(MAX_DOCUMENT_CHARS)} 个字符，超出了课程允许的最大长度。Journey Lab 不会生成这样的链接：请向培训师索取课程文件。`,
);

const unreadable = (message: Localized = damaged): ParsedLesson => ({
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
