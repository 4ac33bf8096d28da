/**
 * Named experiments on the scheduling model, like the packet engine's scenario records: what to
 * build (jobs and servers, balls and bins, items and capacity), what to run, and, for a lesson
 * widget, its knobs and goal. Measurements, predictions and widgets all start from these, so a
 * number in the text, a quiz's answer and a widget's replay come from the same run.
 */
import { throwBalls } from './balls.ts';
import { drawJobs, grahamWorstCase, type JobSizeDistribution } from './jobs.ts';
import { greedyKnapsack, optimalKnapsack, type Item } from './knapsack.ts';
import { optimalMakespan } from './optimal.ts';
import { firstFitDecreasing, optimalBinCount } from './packing.ts';
import { schedule, type Schedule, type SchedulingAlgorithm } from './schedule.ts';

/** Where a schedule's jobs come from. */
export type JobsSpec =
  /** Drawn from a size distribution with a seed. */
  | { kind: 'drawn'; distribution: JobSizeDistribution; count: number; seed: number }
  /** Graham's tight instance for the experiment's number of servers. */
  | { kind: 'graham' }
  /** Sizes written out, in arrival order (the student's own instance). */
  | { kind: 'sizes'; sizes: readonly number[] };

export interface ScheduleSetup {
  model: 'schedule';
  jobs: JobsSpec;
  servers: number;
  algorithm: SchedulingAlgorithm;
  /** power-of-d: servers sampled per job. */
  d: number;
  /** stale-least-loaded: jobs placed between refreshes of the loads the scheduler sees. */
  staleness: number;
  /** Seed for random and power-of-d picks (job sizes have their own in `jobs`). */
  seed: number;
}

export interface BallsSetup {
  model: 'balls';
  /** Balls and bins alike: n balls into n bins. */
  n: number;
  /** Bins each ball looks at. */
  choices: number;
  /** One run per seed; measures read the median, lowest or highest maximum over them. */
  seeds: readonly number[];
}

export interface PackingSetup {
  model: 'packing';
  items: readonly number[];
  capacity: number;
}

export interface KnapsackSetup {
  model: 'knapsack';
  items: readonly Item[];
  capacity: number;
}

export type ExperimentSetup = ScheduleSetup | BallsSetup | PackingSetup | KnapsackSetup;

/** The largest instances a setup may ask for: a widget link is untrusted input. */
export const LIMITS = { servers: 64, jobs: 400, jobSize: 100, n: 1_000_000, choices: 4, staleness: 64 } as const;

/** The jobs a schedule setup describes. */
export function jobsOf(setup: ScheduleSetup): number[] {
  const spec = setup.jobs;
  switch (spec.kind) {
    case 'drawn':
      return drawJobs(spec.distribution, Math.min(LIMITS.jobs, spec.count), spec.seed);
    case 'graham':
      return grahamWorstCase(setup.servers);
    case 'sizes':
      return spec.sizes.slice(0, LIMITS.jobs).map((s) => Math.min(LIMITS.jobSize, Math.max(1, Math.round(s))));
  }
}

export function runSchedule(setup: ScheduleSetup): Schedule {
  return schedule(jobsOf(setup), {
    algorithm: setup.algorithm,
    servers: setup.servers,
    d: setup.d,
    staleness: setup.staleness,
    seed: setup.seed,
  });
}

export const SCHEDULING_MEASURES = [
  'makespan',
  'lowerBound',
  'makespanOverLowerBound',
  'makespanOverOptimal',
  'jobCount',
  'servers',
  'seedCount',
  'maxLoad',
  'maxLoadLowest',
  'maxLoadHighest',
  'ffdBins',
  'optimalBins',
  'greedyValue',
  'optimalValue',
] as const;
export type SchedulingMeasureId = (typeof SCHEDULING_MEASURES)[number];

/**
 * The fullest bin of each seed's run. A million balls take a tenth of a second, and a table reads
 * the same runs three ways (median, lowest, highest), so the last few results are kept.
 */
const recentMaxima = new Map<string, number[]>();
function ballsMaxima(setup: BallsSetup): number[] {
  const key = JSON.stringify([setup.n, setup.choices, setup.seeds]);
  let maxima = recentMaxima.get(key);
  if (!maxima) {
    maxima = setup.seeds.map(
      (seed) => throwBalls({ balls: setup.n, bins: setup.n, choices: setup.choices, seed }).maxLoad,
    );
    recentMaxima.set(key, maxima);
    if (recentMaxima.size > 16) recentMaxima.delete(recentMaxima.keys().next().value as string);
  }
  return maxima;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Reads one number from a setup. NaN when the measure does not apply to the setup's model (the
 * registry test evaluates every measurement and refuses NaN).
 */
export function measureExperiment(setup: ExperimentSetup, measure: SchedulingMeasureId): number {
  switch (setup.model) {
    case 'schedule': {
      const result = runSchedule(setup);
      switch (measure) {
        case 'makespan':
          return result.makespan;
        case 'lowerBound':
          return result.lowerBound;
        case 'makespanOverLowerBound':
          return result.makespan / result.lowerBound;
        case 'makespanOverOptimal':
          // Exact search: only for instances small enough (the registry keeps them small).
          return result.makespan / optimalMakespan(jobsOf(setup), setup.servers);
        case 'jobCount':
          return result.placements.length;
        case 'servers':
          return setup.servers;
        default:
          return NaN;
      }
    }
    case 'balls': {
      const maxima = ballsMaxima(setup);
      if (measure === 'maxLoad') return median(maxima);
      if (measure === 'maxLoadLowest') return Math.min(...maxima);
      if (measure === 'maxLoadHighest') return Math.max(...maxima);
      if (measure === 'seedCount') return setup.seeds.length;
      return NaN;
    }
    case 'packing':
      if (measure === 'ffdBins') return firstFitDecreasing(setup.items, setup.capacity).length;
      if (measure === 'optimalBins') return optimalBinCount(setup.items, setup.capacity);
      return NaN;
    case 'knapsack':
      if (measure === 'greedyValue') return greedyKnapsack(setup.items, setup.capacity).value;
      if (measure === 'optimalValue') return optimalKnapsack(setup.items, setup.capacity).value;
      return NaN;
  }
}
