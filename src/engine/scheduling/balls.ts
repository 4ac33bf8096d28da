/**
 * Balls into bins: n balls thrown one by one into n bins; each ball looks at `choices` bins drawn
 * uniformly at random (with replacement, as in Azar, Broder, Karlin and Upfal 1999) and lands in
 * the least full. One choice is plain random placement.
 */
import { Rng } from '../core/rng.ts';

export interface BallsOptions {
  balls: number;
  bins: number;
  /** Bins each ball looks at, 1 or more. */
  choices: number;
  seed: number;
}

export interface BallsResult {
  maxLoad: number;
  /** loadCounts[k] = how many bins ended with exactly k balls. */
  loadCounts: number[];
}

export function throwBalls(options: BallsOptions): BallsResult {
  const bins = Math.max(1, Math.floor(options.bins));
  const choices = Math.max(1, Math.floor(options.choices));
  const rng = new Rng(options.seed);
  // A typed array: a million bins as one block of memory, not a million boxed numbers.
  const loads = new Uint32Array(bins);
  let maxLoad = 0;
  for (let ball = 0; ball < options.balls; ball++) {
    let target = rng.int(bins);
    for (let c = 1; c < choices; c++) {
      const other = rng.int(bins);
      if (loads[other]! < loads[target]!) target = other;
    }
    const load = ++loads[target]!;
    if (load > maxLoad) maxLoad = load;
  }
  const loadCounts = new Array<number>(maxLoad + 1).fill(0);
  for (let b = 0; b < bins; b++) loadCounts[loads[b]!]!++;
  return { maxLoad, loadCounts };
}
