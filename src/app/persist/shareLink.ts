// Share links carry the whole journey in the URL fragment, compressed with lz-string:
//   https://…/#share=<compressToEncodedURIComponent(JSON)>
// The fragment never reaches a server, so nothing is uploaded. URLs have practical limits, though:
// browsers take very long URLs (Chrome about 2 MB), but chat apps, mail clients, URL shorteners and
// some servers and proxies cut or refuse URLs beyond roughly 8 kB (2 kB for old tools), so links longer
// than SHARE_LINK_WARN_LENGTH come back with `tooLong` and a message suggesting a file export instead.
// A link someone sent is untrusted: it is unpacked with a cap (MAX_DOCUMENT_CHARS, the same as a file),
// so a short link that unpacks to hundreds of megabytes is refused before it is ever built.
import type { Message } from '../../core/i18n';
import type { JourneyDocument } from '../../core/journey';
import { MAX_DOCUMENT_CHARS } from '../../core/journey';
import { compressForLink, decompressLink } from '../../core/linkCompression';
import { persistMessages, shareLinkTooLong } from './persistMessages';

export const SHARE_PREFIX = 'share=';
/** Links longer than this (characters) may be cut off on the way; see the note at the top. */
export const SHARE_LINK_WARN_LENGTH = 8000;
/** Fragments longer than this are not even tried (a link is not the way to move megabytes). */
const MAX_FRAGMENT_LENGTH = 4_000_000;

export interface ShareLink {
  /** "#share=…", to put in location.hash. */
  hash: string;
  /** The full URL when a base URL was given, otherwise the hash alone. */
  url: string;
  /** Length of `url`. */
  length: number;
  tooLong: boolean;
  /** Set when tooLong: what to tell the user. */
  warning?: Message;
}

/** Encodes a journey as a share fragment; with `baseUrl` (e.g. location.href) also the whole link. */
export function encodeShareLink(document: JourneyDocument, baseUrl?: string): ShareLink {
  const hash = `#${SHARE_PREFIX}${compressForLink(JSON.stringify(document))}`;
  const url = baseUrl === undefined ? hash : `${baseUrl.split('#')[0]}${hash}`;
  const tooLong = url.length > SHARE_LINK_WARN_LENGTH;
  return { hash, url, length: url.length, tooLong, ...(tooLong ? { warning: shareLinkTooLong(url.length, SHARE_LINK_WARN_LENGTH) } : {}) };
}

export type DecodedShareLink = { ok: true; document: unknown } | { ok: false; message: Message };

/** The share part of a fragment ("#share=…", "share=…", or a whole URL), if it has one. */
function sharePart(hash: string): string | undefined {
  const fragment = hash.includes('#') ? hash.slice(hash.indexOf('#') + 1) : hash;
  // Not URLSearchParams: lz-string's alphabet has "+", which it would turn into a space.
  return fragment.split('&').find((piece) => piece.startsWith(SHARE_PREFIX));
}

/** Whether the fragment carries a share link (without reading it: cheap, and never throws). */
export const hasShareLink = (hash: string): boolean => sharePart(hash) !== undefined;

/**
 * Reads a share fragment ("#share=…", "share=…", or a whole URL). Returns null when there is no share
 * fragment at all; never throws on garbage, and refuses a link that unpacks to more than
 * MAX_DOCUMENT_CHARS characters without unpacking all of it. The document comes back unchecked: pass
 * it to readJourney() (files.ts) before using it.
 */
export function decodeShareLink(hash: string): DecodedShareLink | null {
  const part = sharePart(hash);
  if (part === undefined) return null;
  let payload = part.slice(SHARE_PREFIX.length).trim();
  if (!payload) return { ok: false, message: persistMessages.shareLinkEmpty };
  if (payload.length > MAX_FRAGMENT_LENGTH) return { ok: false, message: persistMessages.shareLinkInvalid };
  // Some apps percent-encode characters when passing a link on; the lz-string alphabet never has "%".
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return { ok: false, message: persistMessages.shareLinkInvalid };
    }
  }
  if (!/^[A-Za-z0-9+\-$]+$/.test(payload)) return { ok: false, message: persistMessages.shareLinkInvalid };
  const unpacked = decompressLink(payload, MAX_DOCUMENT_CHARS);
  if (!unpacked.ok) return { ok: false, message: unpacked.reason === 'too-large' ? persistMessages.shareLinkTooLarge : persistMessages.shareLinkInvalid };
  if (!unpacked.text) return { ok: false, message: persistMessages.shareLinkInvalid };
  let document: unknown;
  try {
    document = JSON.parse(unpacked.text);
  } catch {
    return { ok: false, message: persistMessages.shareLinkInvalid };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return { ok: false, message: persistMessages.shareLinkNotJson };
  return { ok: true, document };
}

/** The fragment without the share part, e.g. to clear it from the address bar after opening. */
export function withoutShare(hash: string): string {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const rest = fragment.split('&').filter((piece) => piece && !piece.startsWith(SHARE_PREFIX));
  return rest.length ? `#${rest.join('&')}` : '';
}
