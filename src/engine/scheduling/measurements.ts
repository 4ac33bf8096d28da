/**
 * The scheduling model's measurements: every number the greedy-balancing lesson states about
 * schedules, balls and bins, packing and knapsack. See ../measurements.ts.
 */
import type { MeasureFormat } from '../measure-format.ts';
import type { SchedulingMeasurement } from '../measurement-types.ts';
import type { JobSizeDistribution } from './jobs.ts';

const COUNT: MeasureFormat = { unit: 'count' };
/** Ratios to a bound, "1.75": two decimals tell 1.75 from 1.8. */
const RATIO_2: MeasureFormat = { unit: 'number', digits: 2 };

const SERVERS = {
  m2: { patch: { servers: 2 } },
  m3: { patch: { servers: 3 } },
  m4: { patch: { servers: 4 } },
  m8: { patch: { servers: 8 } },
};
const N = {
  n1e3: { patch: { n: 1_000 } },
  n1e4: { patch: { n: 10_000 } },
  n1e5: { patch: { n: 100_000 } },
  n1e6: { patch: { n: 1_000_000 } },
};
const CHOICES = { d1: { patch: { choices: 1 } }, d2: { patch: { choices: 2 } }, d3: { patch: { choices: 3 } } };
const jobs = (distribution: JobSizeDistribution) => ({
  patch: { jobs: { kind: 'drawn', distribution, count: 64, seed: 7 } },
});

export const SCHEDULING_MEASUREMENTS: SchedulingMeasurement[] = [
  // Graham's tight instance: m(m − 1) unit jobs, then one of size m.
  {
    id: 'graham-makespan',
    describe: "makespan on Graham's instance: list scheduling, LPT, and the lower bound (= the optimum, m)",
    format: COUNT,
    base: { experiment: 'graham-worst-case', measure: 'makespan' },
    rows: SERVERS,
    cols: { list: {}, lpt: { patch: { algorithm: 'lpt' } }, bound: { measure: 'lowerBound' } },
  },
  {
    id: 'graham-ratio',
    describe: "list scheduling's makespan over the optimum on Graham's instance (2 − 1/m)",
    format: RATIO_2,
    base: { experiment: 'graham-worst-case', measure: 'makespanOverLowerBound' },
    rows: SERVERS,
  },
  {
    id: 'graham-jobs',
    describe: "how many jobs Graham's instance has on four servers (m(m − 1) + 1)",
    format: COUNT,
    base: { experiment: 'graham-worst-case', measure: 'jobCount' },
  },
  {
    id: 'graham-servers',
    describe: "the servers in the Graham predict quiz's instance",
    format: COUNT,
    base: { experiment: 'graham-worst-case', measure: 'servers' },
  },
  // Balls into bins: n balls, n bins, the least full of d random bins; median over five seeds.
  {
    id: 'balls-max',
    describe: 'the fullest bin after n balls into n bins, median over five seeds, by n and choices',
    format: COUNT,
    base: { experiment: 'balls-million', measure: 'maxLoad' },
    rows: N,
    cols: CHOICES,
  },
  {
    id: 'balls-max-lowest',
    describe: 'the lowest fullest bin over five seeds at a million balls, by choices',
    format: COUNT,
    base: { experiment: 'balls-million', measure: 'maxLoadLowest' },
    cols: CHOICES,
  },
  {
    id: 'balls-max-highest',
    describe: 'the highest fullest bin over five seeds at a million balls, by choices',
    format: COUNT,
    base: { experiment: 'balls-million', measure: 'maxLoadHighest' },
    cols: CHOICES,
  },
  {
    id: 'balls-seeds',
    describe: 'how many seeds the balls-into-bins figures run',
    format: COUNT,
    base: { experiment: 'balls-million', measure: 'seedCount' },
  },
  // Stale load information: eight servers, loads refreshed every s jobs.
  {
    id: 'stale-ratio',
    describe: 'makespan over the lower bound, 100 jobs on 8 servers, loads refreshed every 1, 4, 8, 16 or 32 jobs',
    format: RATIO_2,
    base: { experiment: 'stale-herding', measure: 'makespanOverLowerBound' },
    rows: {
      s1: { patch: { staleness: 1 } },
      s4: { patch: { staleness: 4 } },
      s8: { patch: { staleness: 8 } },
      s16: { patch: { staleness: 16 } },
      s32: { patch: { staleness: 32 } },
    },
  },
  {
    id: 'stale-servers',
    describe: 'the servers in the stale-information experiment',
    format: COUNT,
    base: { experiment: 'stale-herding', measure: 'servers' },
  },
  {
    id: 'stale-random',
    describe:
      'makespan over the lower bound in the stale-information experiment with random picks, which need no load data',
    format: RATIO_2,
    base: { experiment: 'stale-herding', measure: 'makespanOverLowerBound', patch: { algorithm: 'random' } },
  },
  {
    id: 'stale-jobs',
    describe: 'the jobs in the stale-information experiment',
    format: COUNT,
    base: { experiment: 'stale-herding', measure: 'jobCount' },
  },
  // The algorithms against each other on 64 jobs and 8 servers, by job-size distribution.
  {
    id: 'algorithm-ratio',
    describe: 'makespan over the lower bound, 64 jobs on 8 servers, by algorithm and job sizes',
    format: RATIO_2,
    base: { experiment: 'heavy-tail', measure: 'makespanOverLowerBound' },
    rows: {
      list: {},
      lpt: { patch: { algorithm: 'lpt' } },
      random: { patch: { algorithm: 'random' } },
      p2c: { patch: { algorithm: 'power-of-d', d: 2 } },
    },
    cols: { uniform: jobs('uniform'), bimodal: jobs('bimodal'), heavy: jobs('heavy-tail') },
  },
  {
    id: 'algorithm-servers',
    describe: 'the servers in the algorithm comparison and the heavy-tail experiment',
    format: COUNT,
    base: { experiment: 'heavy-tail', measure: 'servers' },
  },
  {
    id: 'heavy-tail-work',
    describe:
      "the heavy-tail instance's total work (its lower bound on one server) and its largest job (its lower bound on 64 servers, where a fair share is smaller than the largest job)",
    format: COUNT,
    base: { experiment: 'heavy-tail', measure: 'lowerBound' },
    cols: { total: { patch: { servers: 1 } }, largest: { patch: { servers: 64 } } },
  },
  {
    id: 'algorithm-jobs',
    describe: 'the jobs in the algorithm comparison',
    format: COUNT,
    base: { experiment: 'heavy-tail', measure: 'jobCount' },
  },
  // Placement and knapsack: worked examples, run rather than typed.
  {
    id: 'ffd-bins',
    describe: 'bins first-fit decreasing uses for 5, 4, 3, 3, 3, 2 into bins of 10, and the fewest possible',
    format: COUNT,
    base: { experiment: 'ffd-example', measure: 'ffdBins' },
    cols: { ffd: {}, optimal: { measure: 'optimalBins' } },
  },
  {
    id: 'knapsack-value',
    describe: 'value greedy-by-density packs in the knapsack example, and the best value',
    format: COUNT,
    base: { experiment: 'knapsack-example', measure: 'greedyValue' },
    cols: { greedy: {}, optimal: { measure: 'optimalValue' } },
  },
];
