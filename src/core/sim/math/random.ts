/**
 * Counter-based randomness: every draw is a pure function of its key (seed, user, node, visit,
 * purpose), so any engine visiting users in any order draws the same numbers. The mixer is
 * MurmurHash3's 32-bit body and finaliser over the key's words.
 */

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function mixWord(h: number, word: number): number {
  let k = Math.imul(word | 0, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalise(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of a string, to turn node ids and purposes into key words. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A uniform 32-bit integer from a key of up to five words. */
export function hashKey(seed: number, user: number, node: number, visit: number, purpose: number): number {
  let h = seed | 0;
  h = mixWord(h, user);
  h = mixWord(h, node);
  h = mixWord(h, visit);
  h = mixWord(h, purpose);
  return finalise(h, 20);
}

/**
 * The same hash in two halves, for the hot loops: a key's leading words mixed once (`keyPrefix`), then
 * the rest for each draw (`hashAfter`, `hashAfter2`). `hashAfter(keyPrefix(seed, user), node, visit,
 * purpose)` is `hashKey(seed, user, node, visit, purpose)` bit for bit; a user's draws share the prefix.
 */
export function keyPrefix(seed: number, user: number): number {
  return mixWord(seed | 0, user);
}

/** hashKey's value from the prefix of (seed, user) and the key's last three words. */
export function hashAfter(prefix: number, node: number, visit: number, purpose: number): number {
  return finalise(mixWord(mixWord(mixWord(prefix, node), visit), purpose), 20);
}

/** hashKey's value from the prefix of (seed, user, node) — `mixWord(keyPrefix(seed, user), node)` — and the key's last two words. */
export function hashAfter2(prefix: number, visit: number, purpose: number): number {
  return finalise(mixWord(mixWord(prefix, visit), purpose), 20);
}

/** The prefix of (seed, user, node): see hashAfter2. */
export function keyPrefix2(seed: number, user: number, node: number): number {
  return mixWord(mixWord(seed | 0, user), node);
}

/** A uniform number in [0, 1) for (seed, user, node, visit, purpose). */
export function draw(seed: number, user: number, node: string, visit: number, purpose: string): number {
  return hashKey(seed, user, hashString(node), visit, hashString(purpose)) / 4294967296;
}
