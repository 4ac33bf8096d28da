/**
 * Job sizes for the scheduling model. Sizes are whole units of work, so small instances can be
 * solved exactly and a Gantt chart lines up on a grid.
 */
import { Rng } from '../core/rng.ts';

export const JOB_SIZE_DISTRIBUTIONS = ['uniform', 'bimodal', 'heavy-tail'] as const;
export type JobSizeDistribution = (typeof JOB_SIZE_DISTRIBUTIONS)[number];

/** The largest job a distribution may draw: keeps a heavy tail drawable on a chart. */
export const MAX_JOB_SIZE = 100;

/**
 * `count` job sizes drawn from `distribution` with `seed`.
 * - uniform: 1–10 units, each equally likely;
 * - bimodal: nine jobs in ten are small (1–2 units), one in ten is large (8–12 units);
 * - heavy-tail: Pareto with shape 1.1 and minimum 1, rounded and capped at MAX_JOB_SIZE, so a
 *   rare job is tens of times the typical one.
 */
export function drawJobs(distribution: JobSizeDistribution, count: number, seed: number): number[] {
  const rng = new Rng(seed);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) sizes.push(drawOne(distribution, rng));
  return sizes;
}

function drawOne(distribution: JobSizeDistribution, rng: Rng): number {
  switch (distribution) {
    case 'uniform':
      return 1 + rng.int(10);
    case 'bimodal':
      return rng.next() < 0.9 ? 1 + rng.int(2) : 8 + rng.int(5);
    case 'heavy-tail': {
      // Inverse transform of Pareto(x_m = 1, alpha = 1.1); 1 - u avoids a zero.
      const size = Math.round(1 / Math.pow(1 - rng.next(), 1 / 1.1));
      return Math.min(MAX_JOB_SIZE, Math.max(1, size));
    }
  }
}

/**
 * Graham's tight instance for list scheduling on `m` servers: m(m − 1) unit jobs, then one job of
 * size m. List scheduling spreads the unit jobs evenly (m − 1 each) and then adds the big job on
 * top, finishing at 2m − 1; an optimal schedule puts the big job alone and finishes at m.
 */
export function grahamWorstCase(m: number): number[] {
  return [...Array<number>(m * (m - 1)).fill(1), m];
}
