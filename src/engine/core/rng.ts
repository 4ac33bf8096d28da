/**
 * Seeded PRNG (mulberry32): tiny, fast, and good enough for simulation. All randomness in the
 * engine flows from one instance, so the same seed replays the same run bit for bit.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Exponential with the given mean (inverse transform; 1 - u avoids log(0)). */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** The generator's position, so a run can be resumed or compared. */
  get position(): number {
    return this.state >>> 0;
  }
}

/**
 * 32-bit FNV-1a hash of a string with a murmur3 finaliser: stable across runs and platforms.
 * Plain FNV clusters names that differ only in their last characters ("web-5#17", "web-6#17"),
 * which skews a hash ring; the finaliser spreads them.
 */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
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
