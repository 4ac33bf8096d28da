/**
 * The scheduling model's public door: greedy assignment of sized jobs to identical servers, exact
 * optima for small instances, balls into bins, bin packing and knapsack. Pure and seeded like the
 * packet engine, and separate from it, so the greedy lesson's widgets load without the simulation.
 */
export { drawJobs, grahamWorstCase, JOB_SIZE_DISTRIBUTIONS, MAX_JOB_SIZE, type JobSizeDistribution } from './jobs.ts';
export {
  schedule,
  lowerBound,
  SCHEDULING_ALGORITHMS,
  type Placement,
  type Schedule,
  type ScheduleOptions,
  type SchedulingAlgorithm,
} from './schedule.ts';
export { optimalMakespan } from './optimal.ts';
export { throwBalls, type BallsOptions, type BallsResult } from './balls.ts';
export { BallsStepper } from './balls-stepper.ts';
export { firstFitDecreasing, optimalBinCount } from './packing.ts';
export { greedyKnapsack, optimalKnapsack, type Item, type Packed } from './knapsack.ts';
export {
  jobsOf,
  runSchedule,
  measureExperiment,
  LIMITS,
  SCHEDULING_MEASURES,
  type BallsSetup,
  type ExperimentSetup,
  type JobsSpec,
  type KnapsackSetup,
  type PackingSetup,
  type ScheduleSetup,
  type SchedulingMeasureId,
} from './experiments.ts';
export {
  EXPERIMENTS,
  EXPERIMENT_IDS,
  GANTT_KNOBS,
  getExperiment,
  goalReached,
  isExperimentId,
  type ExperimentId,
  type ExperimentRecord,
  type GanttKnob,
  type SchedulingGoal,
  type SchedulingWidgetSpec,
} from './records.ts';
