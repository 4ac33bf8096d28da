/**
 * Assigning sized jobs to identical servers, one decision per job, as a greedy balancer does.
 * A server's load is the total work assigned to it; a job starts when the work before it on its
 * server is done, so the makespan (when the last server finishes) is the largest load.
 */
import { Rng } from '../core/rng.ts';

export const SCHEDULING_ALGORITHMS = ['list', 'lpt', 'random', 'power-of-d', 'stale-least-loaded'] as const;
export type SchedulingAlgorithm = (typeof SCHEDULING_ALGORITHMS)[number];

export interface ScheduleOptions {
  algorithm: SchedulingAlgorithm;
  /** Identical servers, at least 1. */
  servers: number;
  /** power-of-d: how many distinct servers each job samples (clamped to the number of servers). */
  d?: number;
  /**
   * stale-least-loaded: how many jobs are placed between two refreshes of the loads the scheduler
   * sees. 1 is fresh information (list scheduling); larger values make every job of a round go to
   * the server that was least loaded at the last refresh.
   */
  staleness?: number;
  /** Seed for random and power-of-d. */
  seed?: number;
}

export interface Placement {
  /** The job's position in the input (arrival order). */
  job: number;
  size: number;
  server: number;
  start: number;
  end: number;
}

export interface Schedule {
  /** Placements in the order the algorithm made them (LPT: largest job first). */
  placements: Placement[];
  loads: number[];
  makespan: number;
  /** max(total / m, largest job): no schedule can finish earlier. */
  lowerBound: number;
}

/** max(total work / m, largest job): a floor under every schedule's makespan, optimal ones included. */
export function lowerBound(jobs: readonly number[], servers: number): number {
  let total = 0;
  let largest = 0;
  for (const size of jobs) {
    total += size;
    if (size > largest) largest = size;
  }
  return Math.max(total / servers, largest);
}

/** Index of the least-loaded server; ties go to the lowest index, so runs are reproducible. */
function leastLoaded(loads: ArrayLike<number>): number {
  let best = 0;
  for (let s = 1; s < loads.length; s++) if (loads[s]! < loads[best]!) best = s;
  return best;
}

/** Jobs in the order the algorithm considers them: LPT sorts by size, largest first (stable). */
function jobOrder(jobs: readonly number[], algorithm: SchedulingAlgorithm): number[] {
  const order = jobs.map((_, i) => i);
  if (algorithm === 'lpt') order.sort((a, b) => jobs[b]! - jobs[a]! || a - b);
  return order;
}

/** Schedule `jobs` (sizes, in arrival order) with one greedy decision per job. */
export function schedule(jobs: readonly number[], options: ScheduleOptions): Schedule {
  const m = Math.max(1, Math.floor(options.servers));
  const d = Math.min(m, Math.max(1, Math.floor(options.d ?? 2)));
  const staleness = Math.max(1, Math.floor(options.staleness ?? 1));
  const rng = new Rng(options.seed ?? 1);
  const loads = new Array<number>(m).fill(0);
  // What a stale scheduler believes the loads are; refreshed every `staleness` placements.
  const seen = new Array<number>(m).fill(0);
  const placements: Placement[] = [];

  for (const job of jobOrder(jobs, options.algorithm)) {
    const size = jobs[job]!;
    let server: number;
    switch (options.algorithm) {
      case 'list':
      case 'lpt':
        server = leastLoaded(loads);
        break;
      case 'random':
        server = rng.int(m);
        break;
      case 'power-of-d':
        server = bestOfSample(loads, d, rng);
        break;
      case 'stale-least-loaded':
        if (placements.length % staleness === 0) for (let s = 0; s < m; s++) seen[s] = loads[s]!;
        server = leastLoaded(seen);
        break;
    }
    const start = loads[server]!;
    loads[server] = start + size;
    placements.push({ job, size, server, start, end: start + size });
  }
  return { placements, loads, makespan: Math.max(...loads), lowerBound: lowerBound(jobs, m) };
}

/**
 * The least loaded of `d` distinct servers drawn uniformly (a partial Fisher–Yates shuffle, so no
 * server is sampled twice); ties go to the first drawn.
 */
function bestOfSample(loads: readonly number[], d: number, rng: Rng): number {
  const pool = loads.map((_, i) => i);
  let best = -1;
  for (let k = 0; k < d; k++) {
    const j = k + rng.int(pool.length - k);
    [pool[k], pool[j]] = [pool[j]!, pool[k]!];
    const candidate = pool[k]!;
    if (best < 0 || loads[candidate]! < loads[best]!) best = candidate;
  }
  return best;
}
