// Bytes to text, chunk by chunk. Every TextDecoder here streams (`{ stream: true }`): a character whose
// bytes are split between two chunks is held back until its last byte arrives, so the text of a file is
// the same however it was cut into chunks.
import { message } from '../../i18n';
import { ImportFailure } from './failure';

/** The encodings customer files come in: UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030 (a superset of GBK and GB2312, what Chinese Excel writes). */
export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncoding = (typeof textEncodings)[number];

export interface StreamDecoder {
  /** The encoding in use; null until enough bytes have been seen to tell (detection only). */
  readonly encoding: TextEncoding | null;
  /** Bytes pushed so far, for progress. */
  readonly bytesRead: number;
  /** The text of the bytes so far that form whole characters (possibly '' while detecting). */
  push(bytes: Uint8Array): string;
  /** The rest of the text once the last chunk has been pushed. */
  finish(): string;
}

/**
 * How many bytes from the first non-ASCII byte are looked at before UTF-8 is chosen over GB18030: a
 * Chinese text of this length in GB18030 is practically never valid UTF-8.
 */
const DETECTION_BYTES = 4096;

/**
 * A streaming decoder. With an encoding, the bytes are decoded in it (a BOM is skipped; bytes that are
 * not valid become U+FFFD). Without one, it is detected: a BOM names it; otherwise ASCII passes
 * through until the first bytes above 0x7F, and those (up to DETECTION_BYTES of them) decide between
 * UTF-8 (if valid) and GB18030. A detected UTF-8 file that turns out invalid further on fails with a
 * message asking for the encoding, rather than filling the data with U+FFFD. Workbooks and other binary
 * files are recognised from their first bytes and refused.
 */
export function createDecoder(encoding?: TextEncoding): StreamDecoder {
  let chosen: TextEncoding | null = encoding ?? null;
  let decoder: TextDecoder | null = null;
  let start: Uint8Array | null = new Uint8Array(0); // the file's first bytes, held until a BOM or binary signature can be told
  let held: Uint8Array = new Uint8Array(0); // bytes from the first non-ASCII one on, held while detecting
  let bytesRead = 0;

  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      throw new ImportFailure(message('core.calibration.import.file.notUtf8', { offset: bytesRead }));
    }
  };

  /** While detecting: ASCII passes through; from the first byte above 0x7F bytes are held until there are enough to decide. */
  const detect = (bytes: Uint8Array, final: boolean): string => {
    let ascii = '';
    if (held.length === 0) {
      const firstHigh = bytes.findIndex((byte) => byte > 0x7f);
      if (firstHigh < 0) {
        if (final) chosen = 'utf-8';
        return asciiText(bytes);
      }
      ascii = asciiText(bytes.subarray(0, firstHigh));
      held = bytes.slice(firstHigh);
    } else held = concat(held, bytes);
    if (!final && held.length < DETECTION_BYTES) return ascii;
    const sample = held;
    held = new Uint8Array(0);
    chosen = isUtf8(sample, final) ? 'utf-8' : 'gb18030';
    // A detected UTF-8 is decoded strictly (see above); the sample starts mid-file, so no BOM is skipped there.
    decoder = new TextDecoder(chosen, { fatal: chosen === 'utf-8', ignoreBOM: true });
    return ascii + decode(sample, !final);
  };

  const begin = (bytes: Uint8Array, final: boolean): string => {
    refuseBinary(bytes);
    chosen ??= bomOf(bytes);
    if (chosen === null) return detect(bytes, final);
    decoder = new TextDecoder(chosen);
    return decode(bytes, !final);
  };

  return {
    get encoding() {
      return chosen;
    },
    get bytesRead() {
      return bytesRead;
    },
    push(bytes) {
      bytesRead += bytes.length;
      if (start !== null) {
        start = concat(start, bytes);
        if (start.length < SIGNATURE_BYTES) return '';
        const first = start;
        start = null;
        return begin(first, false);
      }
      return decoder ? decode(bytes, true) : detect(bytes, false);
    },
    finish() {
      if (start !== null) {
        const first = start;
        start = null;
        return begin(first, true);
      }
      return decoder ? decode(new Uint8Array(0), false) : detect(new Uint8Array(0), true);
    },
  };
}

/** Bytes enough to recognise a BOM and the signatures of binary files. */
const SIGNATURE_BYTES = 8;

function bomOf(bytes: Uint8Array): TextEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Workbooks (xlsx is a zip, xls an OLE2 file) and files with NUL bytes outside UTF-16 are not text. */
function refuseBinary(bytes: Uint8Array): void {
  const startsWith = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) throw new ImportFailure(message('core.calibration.import.file.workbook'));
  const bom = bomOf(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return;
  if (bytes.subarray(0, 1024).includes(0)) throw new ImportFailure(message('core.calibration.import.file.binary'));
}

function isUtf8(bytes: Uint8Array, final: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

const asciiDecoder = new TextDecoder('utf-8');
const asciiText = (bytes: Uint8Array): string => asciiDecoder.decode(bytes);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
