// Hostile input for tests: a decompression bomb written straight in lz-string's URL-safe format, and a
// journey whose condition nests far deeper than any limit. Plain JavaScript, so that the unit tests
// (through linkBombs.ts) and the e2e tests (plain Node) build the very same input.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * A link that unpacks to `repeat(codes)` = 'a' × codes·(codes+1)/2: one literal "a", then each code
 * names the entry being made (previous + its first letter), so every step adds one more character.
 * 6,500 codes (a 13 KB link) unpack to 21 million characters; 45,000 (109 KB) to a billion, more
 * than a JavaScript string can hold. Written the way lz-string's compressor writes bits.
 */
export function bombLink(codes) {
  let out = '';
  let accumulator = 0;
  let filled = 0;
  const write = (value, bits) => {
    for (let bit = 0; bit < bits; bit += 1) {
      accumulator = (accumulator << 1) | ((value >> bit) & 1);
      filled += 1;
      if (filled === 6) {
        out += ALPHABET[accumulator];
        accumulator = 0;
        filled = 0;
      }
    }
  };
  write(0, 2); // an 8-bit character follows
  write('a'.charCodeAt(0), 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let step = 0; step < codes; step += 1) {
    write(dictSize, numBits);
    dictSize += 1;
    enlargeIn -= 1;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
  }
  write(2, numBits); // end of stream
  if (filled > 0) write(0, 6 - filled);
  return out;
}

/** How many characters bombLink(codes) unpacks to. */
export const bombSize = (codes) => 1 + (codes * (codes + 3)) / 2;

/**
 * The JSON of a small valid journey, "Deep", with one more branch whose condition is `not` nested
 * `depth` times (built as text: no recursion, which is what a hostile file does too).
 */
export function deepJourneyJson(depth) {
  const node = (id, kind, params) => ({ id, kind, stage: 'decision', label: id, position: { x: 0, y: 0 }, params });
  const journey = {
    schemaVersion: 2,
    id: 'deep',
    name: 'Deep',
    nodes: [
      node('start', 'entry', { trigger: { type: 'event', event: 'add_to_cart' } }),
      node('done', 'exit', { reason: 'done' }),
      node('deep', 'branch', { cases: [{ label: 'deep', condition: '__DEEP__' }] }),
    ],
    edges: [{ id: 'e1', source: 'start', sourcePort: 'next', target: 'done' }],
  };
  const condition = `${'{"not":'.repeat(depth)}{"attribute":"age","op":"<","value":20}${'}'.repeat(depth)}`;
  return JSON.stringify(journey).replace('"__DEEP__"', condition);
}
