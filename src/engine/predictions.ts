/**
 * Predict-then-run questions: a scenario, a measured number, and the outcomes a student can
 * predict, each a range of that number. The right outcome is whatever the engine measures with
 * the scenario's seed, so no answer is ever typed in by hand. Lessons name a prediction with
 * `::::quiz{kind="predict" prediction="…"}` and give one option per outcome, with the outcome's id.
 */
import type { MeasureFormat } from './measure-format.ts';
import type { MeasureId } from './measures.ts';
import { evaluate, experimentSetup, resolvedRun, type MeasurementRun } from './measurements.ts';
import type { ScenarioId } from './scenarios/index.ts';
import type { SchedulingMeasureId } from './scheduling/experiments.ts';
import type { ExperimentId } from './scheduling/records.ts';

export interface PredictionOutcome {
  id: string;
  /** Inclusive lower bound; open below when absent. */
  min?: number;
  /** Exclusive upper bound; open above when absent. */
  max?: number;
}

interface PredictionBase {
  id: string;
  format: MeasureFormat;
  /** Ranges that together cover every value, in order; each is one quiz option. */
  outcomes: PredictionOutcome[];
}

/** A question about the packet simulation: the quiz replays the scenario, script included. */
export interface PacketPrediction extends PredictionBase {
  scenario: ScenarioId;
  measure: MeasureId;
}

/** A question about the scheduling model: the quiz replays the experiment in its widget. */
export interface SchedulingPrediction extends PredictionBase {
  experiment: ExperimentId;
  measure: SchedulingMeasureId;
}

export type Prediction = PacketPrediction | SchedulingPrediction;

const RATIO: MeasureFormat = { unit: 'ratio' };
const PERCENT: MeasureFormat = { unit: 'percent' };
const COUNT: MeasureFormat = { unit: 'count' };

export const PREDICTIONS: Prediction[] = [
  {
    id: 'nat-ip-hash-skew',
    scenario: 'sticky-ip-hash-nat',
    measure: 'imbalance',
    format: RATIO,
    outcomes: [
      { id: 'even', max: 1.3 },
      { id: 'mild', min: 1.3, max: 2 },
      { id: 'melts', min: 2 },
    ],
  },
  {
    id: 'crash-memory-sessions',
    scenario: 'crash-memory-sessions-replay',
    measure: 'sessionsLostShare',
    format: PERCENT,
    outcomes: [
      { id: 'none', max: 0.01 },
      { id: 'some', min: 0.01, max: 0.6 },
      { id: 'all', min: 0.6 },
    ],
  },
  {
    id: 'dsr-balancer-bytes',
    scenario: 'nat-vs-dsr',
    measure: 'balancerByteShare',
    format: PERCENT,
    outcomes: [
      { id: 'few', max: 0.1 },
      { id: 'half', min: 0.1, max: 0.75 },
      { id: 'all', min: 0.75 },
    ],
  },
  {
    id: 'http2-busy-backends',
    scenario: 'http2-pinning',
    measure: 'busyBackends',
    format: COUNT,
    outcomes: [
      { id: 'few', max: 4 },
      { id: 'most', min: 4, max: 8 },
      { id: 'all', min: 8 },
    ],
  },
  {
    id: 'websocket-new-servers',
    scenario: 'websocket-scale-out-replay',
    measure: 'newBackendsWindowShare',
    format: PERCENT,
    outcomes: [
      { id: 'none', max: 0.05 },
      { id: 'some', min: 0.05, max: 0.35 },
      { id: 'half', min: 0.35 },
    ],
  },
  {
    id: 'maglev-keys-moved',
    scenario: 'hash-churn-replay',
    measure: 'remapFraction',
    format: PERCENT,
    outcomes: [
      { id: 'sixth', max: 0.3 },
      { id: 'half', min: 0.3, max: 0.7 },
      { id: 'most', min: 0.7 },
    ],
  },
  {
    id: 'deploy-failed-requests',
    scenario: 'rolling-deploy',
    measure: 'failedRequests',
    format: COUNT,
    outcomes: [
      { id: 'none', max: 1 },
      { id: 'handful', min: 1, max: 10 },
      { id: 'dozens', min: 10, max: 300 },
      { id: 'most', min: 300 },
    ],
  },
  {
    id: 'gray-failure-errors',
    scenario: 'health-gray-failure',
    measure: 'errorShare',
    format: PERCENT,
    outcomes: [
      { id: 'none', max: 0.02 },
      { id: 'fifth', min: 0.02, max: 0.5 },
      { id: 'most', min: 0.5 },
    ],
  },
  {
    id: 'graham-list-worst',
    experiment: 'graham-worst-case',
    measure: 'makespanOverLowerBound',
    format: { unit: 'number', digits: 2 },
    outcomes: [
      { id: 'optimal', max: 1.05 },
      { id: 'close', min: 1.05, max: 1.5 },
      { id: 'nearly-double', min: 1.5 },
    ],
  },
  {
    id: 'balls-two-choices',
    experiment: 'balls-two-choices',
    measure: 'maxLoad',
    format: COUNT,
    outcomes: [
      { id: 'two', max: 3 },
      { id: 'few', min: 3, max: 6 },
      { id: 'nine', min: 6, max: 12 },
      { id: 'dozens', min: 12 },
    ],
  },
  {
    id: 'ecmp-flows-moved',
    scenario: 'ecmp-rehash',
    measure: 'ecmpMovedShare',
    format: PERCENT,
    outcomes: [
      { id: 'fifth', max: 1 / 3 },
      { id: 'half', min: 1 / 3, max: 2 / 3 },
      { id: 'most', min: 2 / 3 },
    ],
  },
  {
    id: 'quic-migration-lost',
    scenario: 'quic-migration',
    measure: 'migratedLostShare',
    format: PERCENT,
    outcomes: [
      { id: 'none', max: 0.01 },
      { id: 'few', min: 0.01, max: 0.35 },
      { id: 'half', min: 0.35, max: 0.65 },
      { id: 'most', min: 0.65, max: 0.99 },
      { id: 'all', min: 0.99 },
    ],
  },
];

export function getPrediction(id: string): Prediction | undefined {
  return PREDICTIONS.find((p) => p.id === id);
}

export interface PredictionResult {
  prediction: Prediction;
  seed: number;
  durationMs: number;
  value: number;
  /** The outcome whose range holds the value; undefined means the ranges have a gap. */
  outcome: string | undefined;
}

/** The outcome whose range holds `value`. */
export function outcomeOf(prediction: Prediction, value: number): string | undefined {
  return prediction.outcomes.find(
    (o) => (o.min === undefined || value >= o.min) && (o.max === undefined || value < o.max),
  )?.id;
}

/**
 * What to run to settle a prediction: its scenario with the scenario's own seed and duration, or its
 * experiment. Another `seed` checks that the answer is not a lucky draw.
 */
export function predictionRun(prediction: Prediction, seed?: number): MeasurementRun {
  if ('experiment' in prediction) {
    const run = { experiment: prediction.experiment, measure: prediction.measure };
    if (seed === undefined) return run;
    const setup = experimentSetup(run);
    const patch = setup.model === 'schedule' ? { seed } : setup.model === 'balls' ? { seeds: [seed] } : {};
    return { ...run, patch };
  }
  return { scenario: prediction.scenario, measure: prediction.measure, ...(seed === undefined ? {} : { seed }) };
}

/**
 * Runs the prediction's scenario and finds the outcome. `run` may be swapped for a cached one
 * (the content build caches every engine run by engine source hash).
 */
export function resolvePrediction(
  prediction: Prediction,
  seed?: number,
  run: (request: MeasurementRun) => number = evaluate,
): PredictionResult {
  const request = predictionRun(prediction, seed);
  const value = run(request);
  const { seed: usedSeed, durationMs } = resolvedRun(request);
  return { prediction, seed: usedSeed, durationMs, value, outcome: outcomeOf(prediction, value) };
}
