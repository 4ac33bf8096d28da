/**
 * The scheduling experiments lessons name, by id: measurements and predictions run them, and a
 * widget starts from one (`::gantt{experiment="…"}`, `::balls{experiment="…"}`) with its knobs
 * and goal.
 */
import type { ExperimentSetup } from './experiments.ts';
import type { Schedule, SchedulingAlgorithm } from './schedule.ts';

export const GANTT_KNOBS = ['algorithm', 'servers', 'distribution', 'jobs', 'staleness', 'd'] as const;
export type GanttKnob = (typeof GANTT_KNOBS)[number];

/** A "try this" goal the widget checks on every change. */
export type SchedulingGoal = 'graham-worst-case';

export interface SchedulingWidgetSpec {
  /** Knobs shown, in order. */
  knobs: readonly GanttKnob[];
  /** The student adds jobs of sizes they choose, instead of drawing them. */
  builder?: boolean;
  goal?: SchedulingGoal;
}

export interface ExperimentRecord {
  setup: ExperimentSetup;
  widget?: SchedulingWidgetSpec;
}

const ALL_KNOBS = GANTT_KNOBS;

export const EXPERIMENTS = {
  /** Sized jobs, one greedy decision each: the widget a student explores the algorithms with. */
  'greedy-jobs': {
    setup: {
      model: 'schedule',
      jobs: { kind: 'drawn', distribution: 'uniform', count: 24, seed: 7 },
      servers: 4,
      algorithm: 'list',
      d: 2,
      staleness: 4,
      seed: 42,
    },
    widget: { knobs: ALL_KNOBS },
  },
  /** An empty instance on three servers: the student builds list scheduling's worst case. */
  'graham-builder': {
    setup: {
      model: 'schedule',
      jobs: { kind: 'sizes', sizes: [] },
      servers: 3,
      algorithm: 'list',
      d: 2,
      staleness: 1,
      seed: 42,
    },
    widget: { knobs: ['algorithm', 'servers'], builder: true, goal: 'graham-worst-case' },
  },
  /** Graham's tight instance on four servers: twelve unit jobs, then one of size four. */
  'graham-worst-case': {
    setup: { model: 'schedule', jobs: { kind: 'graham' }, servers: 4, algorithm: 'list', d: 2, staleness: 1, seed: 42 },
    widget: { knobs: ['algorithm', 'servers'] },
  },
  /** Eight servers whose loads the scheduler sees only once per round of eight jobs. */
  'stale-herding': {
    setup: {
      model: 'schedule',
      jobs: { kind: 'drawn', distribution: 'uniform', count: 100, seed: 2 },
      servers: 8,
      algorithm: 'stale-least-loaded',
      d: 2,
      staleness: 8,
      seed: 42,
    },
    widget: { knobs: ['algorithm', 'staleness', 'd', 'distribution'] },
  },
  /** Heavy-tailed job sizes on eight servers. */
  'heavy-tail': {
    setup: {
      model: 'schedule',
      jobs: { kind: 'drawn', distribution: 'heavy-tail', count: 64, seed: 7 },
      servers: 8,
      algorithm: 'list',
      d: 2,
      staleness: 1,
      seed: 42,
    },
    widget: { knobs: ['algorithm', 'distribution', 'servers'] },
  },
  /** A million balls into a million bins, five seeds. */
  'balls-million': { setup: { model: 'balls', n: 1_000_000, choices: 1, seeds: [1, 2, 3, 4, 5] } },
  /** The predict quiz's run: a million balls, two choices, one seed (the replay shows this very run). */
  'balls-two-choices': { setup: { model: 'balls', n: 1_000_000, choices: 2, seeds: [42] } },
  /** The balls-into-bins widget's start: ten thousand balls, one seed, 1, 2 and 3 choices side by side. */
  'balls-widget': { setup: { model: 'balls', n: 10_000, choices: 1, seeds: [42] } },
  /** First-fit decreasing packs six items into three bins of ten, where two suffice. */
  'ffd-example': { setup: { model: 'packing', items: [5, 4, 3, 3, 3, 2], capacity: 10 } },
  /** Greedy by value per unit of weight takes the small item and leaves no room for the big one. */
  'knapsack-example': {
    setup: {
      model: 'knapsack',
      items: [
        { weight: 1, value: 2 },
        { weight: 10, value: 10 },
      ],
      capacity: 10,
    },
  },
} as const satisfies Record<string, ExperimentRecord>;

export type ExperimentId = keyof typeof EXPERIMENTS;
export const EXPERIMENT_IDS = Object.keys(EXPERIMENTS) as ExperimentId[];

export function isExperimentId(id: string): id is ExperimentId {
  return Object.hasOwn(EXPERIMENTS, id);
}

export function getExperiment(id: ExperimentId): ExperimentRecord {
  return EXPERIMENTS[id];
}

/**
 * Whether a schedule meets a widget's goal. Graham's worst case: list scheduling on m ≥ 2 servers
 * finishing at exactly (2 − 1/m) times the lower bound. List scheduling never exceeds
 * (2 − 1/m) × the lower bound, so reaching it also means the optimum equals the bound; compared in
 * integers (m · makespan ≥ (2m − 1) · bound) so no rounding can grant or deny it.
 */
export function goalReached(
  goal: SchedulingGoal,
  run: { algorithm: SchedulingAlgorithm; servers: number; schedule: Schedule },
): boolean {
  switch (goal) {
    case 'graham-worst-case': {
      const m = run.servers;
      const { makespan, lowerBound } = run.schedule;
      if (run.algorithm !== 'list' || m < 2 || run.schedule.placements.length === 0) return false;
      return m * makespan >= (2 * m - 1) * lowerBound - 1e-9;
    }
  }
}
