// Share links and lesson links carry their JSON compressed with lz-string's URL-safe encoding
// (compressToEncodedURIComponent). Compression packs repeats very tightly, so a short link can unpack
// to hundreds of megabytes (a 44 KB link to 200 MB): a "decompression bomb". lz-string can only unpack
// everything at once, so links are read here with a port of its decompression loop that counts what
// it has produced and stops as soon as that passes a cap, before the whole text is ever built.
//
// decompressLink is a port of `_decompress` and `decompressFromEncodedURIComponent` from lz-string
// 1.5.0 (node_modules/lz-string/libs/lz-string.js), which is:
//
//   Copyright (c) 2013 pieroxy
//
//   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
//   associated documentation files (the "Software"), to deal in the Software without restriction,
//   including without limitation the rights to use, copy, modify, merge, publish, distribute,
//   sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
//   furnished to do so, subject to the following conditions:
//
//   The above copyright notice and this permission notice shall be included in all copies or
//   substantial portions of the Software.
//
//   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
//   NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
//   NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
//   DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
//   OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
//
// Changes from the original: the output cap; a stream that ends without its end mark, or whose first
// code is not a character, is reported as damaged (lz-string returns "" for the one and builds text
// from `undefined` for the other); each entry's first character is kept beside it, so reading it never
// forces a joined string to be copied. Otherwise it returns exactly what lz-string returns.
import * as lzModule from 'lz-string';

// lz-string is a CommonJS module (module.exports = LZString): under Node its functions sit on
// `default`, under the bundler on the namespace itself.
const lz = (lzModule as typeof lzModule & { default?: typeof lzModule }).default ?? lzModule;

export type UnpackedLink = { ok: true; text: string } | { ok: false; reason: 'damaged' | 'too-large' };

/** lz-string's compressToEncodedURIComponent: the text as link-safe characters (A–Z a–z 0–9 + - $). */
export function compressForLink(text: string): string {
  return lz.compressToEncodedURIComponent(text);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
/** Six-bit value of each character code below 128; anything else reads as 0, as in lz-string. */
const SIX_BITS = new Uint8Array(128);
for (let index = 0; index < ALPHABET.length; index += 1) SIX_BITS[ALPHABET.charCodeAt(index)] = index;

const DAMAGED: UnpackedLink = { ok: false, reason: 'damaged' };
const TOO_LARGE: UnpackedLink = { ok: false, reason: 'too-large' };

/**
 * Reverses compressForLink, refusing with 'too-large' as soon as the text would pass `maxChars`
 * (UTF-16 code units, i.e. JavaScript string length) and with 'damaged' when the input is not a
 * complete compressed text. Never throws; the work is linear in the input's length, the memory
 * bounded by the cap.
 */
export function decompressLink(encoded: string, maxChars: number): UnpackedLink {
  if (encoded === '') return DAMAGED;
  // Some apps turn "+" into a space on the way; lz-string reads spaces back as "+".
  const input = encoded.replace(/ /g, '+');
  const length = input.length;
  const sixBitsAt = (index: number): number => {
    if (index >= length) return 0;
    const code = input.charCodeAt(index);
    return code < 128 ? (SIX_BITS[code] ?? 0) : 0;
  };

  // The bit reader: values are stored lowest bit first, six bits to a character, highest bit first.
  let value = sixBitsAt(0);
  let position = 32;
  let index = 1;
  // A bit read from past the last character: the link was cut off (the padding of the last one is not).
  let overran = false;
  const readBits = (count: number): number => {
    let bits = 0;
    for (let bit = 0; bit < count; bit += 1) {
      if (index - 1 >= length) overran = true;
      if (value & position) bits += 2 ** bit;
      position >>= 1;
      if (position === 0) {
        position = 32;
        value = sixBitsAt(index);
        index += 1;
      }
    }
    return bits;
  };
  // Codes 0 and 1 are followed by an 8- or 16-bit character code; 2 ends the stream.
  const readCharacter = (code: 0 | 1): string => String.fromCharCode(readBits(code === 0 ? 8 : 16));

  const head = readBits(2);
  if (head === 2) return { ok: true, text: '' };
  if (head !== 0 && head !== 1) return DAMAGED;
  let previous = readCharacter(head);
  let previousFirst = previous;
  if (previous.length > maxChars) return TOO_LARGE;

  // Entries 0–2 are the codes above; each entry keeps its first character beside it.
  const dictionary: string[] = ['', '', '', previous];
  const firstOf: string[] = ['', '', '', previous];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const parts: string[] = [previous];
  let total = previous.length;
  const grow = () => {
    enlargeIn -= 1;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
  };

  for (;;) {
    // Past the last character without an end mark: the link was cut off.
    if (index > length) return DAMAGED;
    let code = readBits(numBits);
    if (overran) return DAMAGED;
    if (code === 2) return { ok: true, text: parts.join('') };
    if (code === 0 || code === 1) {
      const character = readCharacter(code);
      dictionary[dictSize] = character;
      firstOf[dictSize] = character;
      code = dictSize;
      dictSize += 1;
      grow();
    }
    let entry: string;
    let entryFirst: string;
    if (code < dictSize) {
      entry = dictionary[code] ?? '';
      entryFirst = firstOf[code] ?? '';
    } else if (code === dictSize) {
      entry = previous + previousFirst;
      entryFirst = previousFirst;
    } else {
      return DAMAGED;
    }
    total += entry.length;
    if (total > maxChars) return TOO_LARGE;
    parts.push(entry);
    dictionary[dictSize] = previous + entryFirst;
    firstOf[dictSize] = previousFirst;
    dictSize += 1;
    grow();
    previous = entry;
    previousFirst = entryFirst;
  }
}
