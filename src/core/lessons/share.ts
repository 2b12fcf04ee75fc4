import * as lzModule from 'lz-string';
import { localized } from '../i18n';
import { parseLesson, type ParsedLesson } from './load';
import type { LessonInput } from './schema';

/**
 * Lessons travel in links as lz-string's URL-safe compression of their JSON, like journey share
 * links (src/app/persist/shareLink.ts); decoding goes through parseLesson, so a shared lesson is
 * checked exactly like a file.
 */

// lz-string is a CommonJS module: under Node its functions sit on `default`, under the bundler on the namespace.
const lz = (lzModule as typeof lzModule & { default?: typeof lzModule }).default ?? lzModule;

/** Longest encoded lesson decoded; a link is not the way to move megabytes. */
const MAX_ENCODED_LENGTH = 2_000_000;

export function encodeLesson(lesson: LessonInput): string {
  return lz.compressToEncodedURIComponent(JSON.stringify(lesson));
}

const unreadable = (): ParsedLesson => ({
  ok: false,
  problems: [
    {
      severity: 'error',
      code: 'lesson-invalid',
      message: localized('The lesson link is damaged or incomplete: ask for the link again, or for the lesson file.', '课程链接已损坏或不完整：请重新获取链接或课程文件。'),
      location: { path: [] },
    },
  ],
});

/** Reads an encoded lesson (percent-encoded on the way or not); never throws. */
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
  let json: string | null;
  try {
    json = lz.decompressFromEncodedURIComponent(payload);
  } catch {
    json = null;
  }
  if (!json) return unreadable();
  try {
    return parseLesson(JSON.parse(json) as unknown);
  } catch {
    return unreadable();
  }
}
