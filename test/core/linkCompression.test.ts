// The capped link decompressor: exactly lz-string's answer for every link it accepts, and a refusal
// for a decompression bomb before its text is ever built.
import fc from 'fast-check';
import * as lzModule from 'lz-string';
import { compressForLink, decompressLink } from '../../src/core/linkCompression';
import { MAX_DOCUMENT_CHARS } from '../../src/core/journey/limits';
import { bombLink, bombSize } from '../support/linkBombs';
import { validJourney } from '../fixtures/journeys';

const lz = (lzModule as typeof lzModule & { default?: typeof lzModule }).default ?? lzModule;
const SEED = 20_241_012;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

describe('link decompression with a cap', () => {
  it('gives back any text compressed for a link, exactly as lz-string does (unicode and lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.json({ maxDepth: 3 })), (text) => {
        const encoded = compressForLink(text);
        expect(encoded).toBe(lz.compressToEncodedURIComponent(text));
        expect(decompressLink(encoded, MAX_DOCUMENT_CHARS)).toEqual({ ok: true, text });
        expect(lz.decompressFromEncodedURIComponent(encoded)).toBe(text);
      }),
      { numRuns: 200, seed: SEED },
    );
    // lz-string's compressor is the slow part; a generous limit only catches a hang on a busy machine.
  }, 30_000);

  it('agrees with lz-string on arbitrary link characters, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 60 }), (encoded) => {
        const unpacked = decompressLink(encoded, MAX_DOCUMENT_CHARS);
        let theirs: string | null | 'threw';
        try {
          theirs = lz.decompressFromEncodedURIComponent(encoded);
        } catch {
          theirs = 'threw';
        }
        // Whatever it accepts, lz-string reads the same; what lz-string calls broken, it refuses.
        if (unpacked.ok) expect(theirs).toBe(unpacked.text);
        if (theirs === null || theirs === 'threw') expect(unpacked).toEqual({ ok: false, reason: 'damaged' });
      }),
      { numRuns: 600, seed: SEED },
    );
  });

  it('reads old links: a journey compressed by lz-string 1.5.0 opens unchanged', () => {
    const text = JSON.stringify(validJourney());
    expect(decompressLink(lz.compressToEncodedURIComponent(text), MAX_DOCUMENT_CHARS)).toEqual({ ok: true, text });
    // Spaces where a "+" was (some apps change it on the way) read as "+", as in lz-string.
    const withPlus = compressForLink('{"name":"Basic cart reminder"}');
    expect(withPlus).toBe('N4IgdghgtgpiBcIBCEDOBLAxgAkxATgC7b4xTpgAmM+IAvkA');
    expect(decompressLink(withPlus.replace(/\+/g, ' '), MAX_DOCUMENT_CHARS)).toEqual({ ok: true, text: '{"name":"Basic cart reminder"}' });
  });

  it('reads a text of exactly the cap and refuses one character more', () => {
    const link = bombLink(100);
    const size = bombSize(100);
    expect(decompressLink(link, size)).toEqual({ ok: true, text: 'a'.repeat(size) });
    expect(decompressLink(link, size - 1)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('refuses a bomb past the cap without building its text', () => {
    // Unpacked in full this would be a billion characters: more than a JavaScript string can hold,
    // so only stopping at the cap can answer at all.
    const bomb = bombLink(45_000);
    expect(bomb.length).toBeLessThan(120_000);
    expect(bombSize(45_000)).toBeGreaterThan(2 ** 29);
    expect(decompressLink(bomb, MAX_DOCUMENT_CHARS)).toEqual({ ok: false, reason: 'too-large' });
    // And one just past the cap (21 million characters from a 13 KB link).
    expect(bombSize(6_500)).toBeGreaterThan(MAX_DOCUMENT_CHARS);
    expect(decompressLink(bombLink(6_500), MAX_DOCUMENT_CHARS)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('calls a cut-off or empty link damaged, never a different journey', () => {
    const text = JSON.stringify(validJourney());
    const encoded = compressForLink(text);
    // However much is cut off: the bits read past the end would otherwise decode as a shorter text. The
    // last character may hold only padding (when the end mark fills the one before): without it the link
    // is whole.
    for (const cut of [1, 2, 3, 5, 8, 13, 20, Math.floor(encoded.length / 2)]) {
      const result = decompressLink(encoded.slice(0, encoded.length - cut), MAX_DOCUMENT_CHARS);
      if (result.ok) expect([cut, result.text], `cut ${cut}`).toEqual([1, text]);
      else expect(result, `cut ${cut}`).toEqual({ ok: false, reason: 'damaged' });
    }
    // A longer journey's link, cut anywhere in its body, is damaged.
    const long = compressForLink(JSON.stringify({ ...validJourney(), description: 'x'.repeat(500) }));
    for (const cut of [2, 3, 5, 8, 13]) expect(decompressLink(long.slice(0, long.length - cut), MAX_DOCUMENT_CHARS), `long cut ${cut}`).toEqual({ ok: false, reason: 'damaged' });
    expect(decompressLink('', MAX_DOCUMENT_CHARS)).toEqual({ ok: false, reason: 'damaged' });
  });
});
