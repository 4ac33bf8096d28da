/**
 * Seeded PRNG (mulberry32): tiny, fast, and good enough for simulation. The engine draws from one
 * stream per purpose (see RandomStreams), so the same seed replays the same run bit for bit.
 */
import { mix32 } from './hash.ts';

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
}

/**
 * One seeded stream per purpose, all derived from one seed. Arrivals (who sends what, when) and
 * service times never share a stream with balancing decisions, so two designs run with the same
 * seed see the same clients and the same service times, and differ only where the designs differ.
 */
export class RandomStreams {
  /** Inter-arrival gaps, which user sends, and which request template. */
  readonly arrivals: Rng;
  /** One uniform draw per request, turned into a service time by the backend that serves it. */
  readonly service: Rng;
  /** Random and power-of-d picks, weighted forwards (canary splits). */
  readonly balance: Rng;
  /** Fault injection: which requests a gray backend fails. */
  readonly faults: Rng;
  /** Client moves (QUIC connection migration). A stream of its own, added last: no other stream shifts. */
  readonly mobility: Rng;

  constructor(seed: number) {
    this.arrivals = new Rng(streamSeed(seed, 1));
    this.service = new Rng(streamSeed(seed, 2));
    this.balance = new Rng(streamSeed(seed, 3));
    this.faults = new Rng(streamSeed(seed, 4));
    this.mobility = new Rng(streamSeed(seed, 5));
  }
}

/** A well-spread seed for stream `k` of a run seeded with `seed`. */
function streamSeed(seed: number, k: number): number {
  return mix32((seed >>> 0) ^ Math.imul(k, 0x9e3779b9)) || k;
}
