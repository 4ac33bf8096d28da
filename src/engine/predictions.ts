/**
 * Predict-then-run questions: a preset, a measured number, and the outcomes a student can
 * predict, each a range of that number. The right outcome is whatever the engine measures with
 * the preset's seed, so no answer is ever typed in by hand. Lessons name a prediction with
 * `::::quiz{kind="predict" prediction="…"}` and give one option per outcome, with the outcome's id.
 */
import { MEASURES, runPreset } from './scenario-run.ts';
import { getScenario } from './scenarios.ts';

/** How the measured number reads: a ratio to fair share (×), a share (%) or a count. */
export type PredictionUnit = 'ratio' | 'share' | 'count';

export interface PredictionOutcome {
  id: string;
  /** Inclusive lower bound; open below when absent. */
  min?: number;
  /** Exclusive upper bound; open above when absent. */
  max?: number;
}

export interface Prediction {
  id: string;
  scenario: string;
  measure: string;
  unit: PredictionUnit;
  /** Ranges that together cover every value, in order; each is one quiz option. */
  outcomes: PredictionOutcome[];
}

export const PREDICTIONS: Prediction[] = [
  {
    // Fact base §4: one NAT hashes 30% of users onto one server.
    id: 'nat-ip-hash-skew',
    scenario: 'sticky-ip-hash-nat',
    measure: 'imbalance',
    unit: 'ratio',
    outcomes: [
      { id: 'even', max: 1.3 },
      { id: 'mild', min: 1.3, max: 2 },
      { id: 'melts', min: 2 },
    ],
  },
  {
    id: 'crash-memory-sessions',
    scenario: 'crash-memory-sessions',
    measure: 'sessionsLostShare',
    unit: 'share',
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
    unit: 'share',
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
    unit: 'count',
    outcomes: [
      { id: 'few', max: 4 },
      { id: 'most', min: 4, max: 8 },
      { id: 'all', min: 8 },
    ],
  },
  {
    id: 'websocket-new-servers',
    scenario: 'websocket-scale-out',
    measure: 'newBackendsWindowShare',
    unit: 'share',
    outcomes: [
      { id: 'none', max: 0.05 },
      { id: 'some', min: 0.05, max: 0.35 },
      { id: 'half', min: 0.35 },
    ],
  },
  {
    id: 'maglev-keys-moved',
    scenario: 'hash-churn',
    measure: 'remapFraction',
    unit: 'share',
    outcomes: [
      { id: 'sixth', max: 0.3 },
      { id: 'half', min: 0.3, max: 0.7 },
      { id: 'most', min: 0.7 },
    ],
  },
  {
    id: 'gray-failure-errors',
    scenario: 'health-gray-failure',
    measure: 'errorShare',
    unit: 'share',
    outcomes: [
      { id: 'none', max: 0.02 },
      { id: 'fifth', min: 0.02, max: 0.5 },
      { id: 'most', min: 0.5 },
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

/** Runs the prediction's preset (with its own seed unless given one) and finds the outcome. */
export function resolvePrediction(prediction: Prediction, seed?: number): PredictionResult {
  const scenario = getScenario(prediction.scenario);
  const measure = MEASURES[prediction.measure];
  if (!measure) throw new Error(`prediction ${prediction.id}: unknown measure "${prediction.measure}"`);
  const value = measure(runPreset(scenario, seed ?? scenario.seed));
  const outcome = prediction.outcomes.find(
    (o) => (o.min === undefined || value >= o.min) && (o.max === undefined || value < o.max),
  )?.id;
  return { prediction, seed: seed ?? scenario.seed, durationMs: scenario.durationMs, value, outcome };
}
