/**
 * String and integer hashes, stable across runs and platforms. They live apart from the random
 * streams because they draw nothing: a hash of a name or an id always gives the same number, which
 * is what hash rings, client keys and ephemeral ports need. No imports, so `pure.ts` can offer them
 * to other layers without pulling in the engine.
 */

/** Plain 32-bit FNV-1a of a string (unsigned). `seed` replaces the standard offset basis. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Integer mixer (murmur3 finaliser): spreads sequential ids across the 32-bit range. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * FNV-1a with a murmur3 finaliser, for hash rings and Maglev. Plain FNV clusters names that differ
 * only in their last characters ("web-5#17", "web-6#17"), which skews a ring; the finaliser
 * spreads them.
 */
export function hashString(text: string, seed = 0x811c9dc5): number {
  return mix32(fnv1a(text, seed));
}
