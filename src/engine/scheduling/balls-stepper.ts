/**
 * Balls into bins thrown in slices, so a widget can throw a million balls without freezing the
 * page: `throwSome(k)` continues exactly where the last slice stopped, drawing from the same
 * seeded stream in the same order as `throwBalls`, so any slicing ends bit-identical to the
 * one-shot run (a unit test checks this). It also keeps the histogram current as it goes.
 */
import { Rng } from '../core/rng.ts';
import type { BallsOptions, BallsResult } from './balls.ts';

export class BallsStepper {
  readonly balls: number;
  readonly bins: number;
  readonly choices: number;
  private readonly rng: Rng;
  private readonly loads: Uint32Array;
  /** counts[k] = bins holding exactly k balls right now (grows as the fullest bin does). */
  private readonly counts: number[];
  private thrownSoFar = 0;
  private max = 0;

  constructor(options: BallsOptions) {
    // The same clamping as throwBalls, so both read the same options the same way.
    this.bins = Math.max(1, Math.floor(options.bins));
    this.choices = Math.max(1, Math.floor(options.choices));
    this.balls = Math.max(0, Math.floor(options.balls));
    this.rng = new Rng(options.seed);
    this.loads = new Uint32Array(this.bins);
    this.counts = [this.bins];
  }

  get thrown(): number {
    return this.thrownSoFar;
  }

  get done(): boolean {
    return this.thrownSoFar >= this.balls;
  }

  get maxLoad(): number {
    return this.max;
  }

  /** Throws up to `count` more balls; returns how many it threw. */
  throwSome(count: number): number {
    const end = Math.min(this.balls, this.thrownSoFar + Math.max(0, Math.floor(count)));
    const { rng, loads, counts, bins, choices } = this;
    const start = this.thrownSoFar;
    for (let ball = start; ball < end; ball++) {
      let target = rng.int(bins);
      for (let c = 1; c < choices; c++) {
        const other = rng.int(bins);
        if (loads[other]! < loads[target]!) target = other;
      }
      const load = ++loads[target]!;
      counts[load - 1]!--;
      if (load > this.max) {
        this.max = load;
        counts.push(0);
      }
      counts[load]!++;
    }
    this.thrownSoFar = end;
    return end - start;
  }

  /** The histogram and the fullest bin so far (after the last ball: the one-shot result). */
  result(): BallsResult {
    return { maxLoad: this.max, loadCounts: this.counts.slice() };
  }
}
