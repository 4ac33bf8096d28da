/**
 * The engine's public surface: a deterministic simulation of L4 and L7 load balancing. (Its one
 * other door, `pure.ts`, offers only dependency-free helpers, for code that must not load this.)
 * Plain TypeScript: no UI libraries, no DOM, no unseeded randomness and no wall clock. Times are
 * milliseconds here (microseconds inside).
 */
import type { DeepPartial, SimConfig } from './config.ts';
import { defaultConfig, mergeConfig } from './config.ts';

export type * from './config.ts';
export type { Metrics, BackendMetrics, PoolMetrics, Percentiles } from './metrics.ts';
export type { Hop, HopKind } from './trace.ts';
export type { Topology, TopologyNode } from './topology.ts';
export type { DrainRecord, EcmpReport, RemapReport } from './sim/state.ts';
export type {
  Field,
  FieldGroup,
  FieldName,
  FieldNote,
  Hidden,
  L7View,
  PacketContent,
  PacketFacts,
  PacketView,
  TlsKeyHolder,
  Wire,
} from './model/views.ts';
export {
  viewAtL4,
  viewAtL7,
  answeredRequest,
  wireOf,
  ECH_PUBLIC_NAME,
  FIELD_GROUPS,
  HTTP_FIELDS,
  L4_FIELDS,
} from './model/views.ts';
export { EngineParamError } from './validate.ts';
export { defaultConfig, mergeConfig, backend, pool, DEFAULT_REQUEST, ALGORITHMS, TIER_ALGORITHMS } from './config.ts';
export { createSimulation, type SimulationHandle } from './handle.ts';
export {
  startRun,
  runScenario,
  ScenarioRun,
  type RunEvent,
  type RunOptions,
  type RunResult,
  type StepSource,
} from './run.ts';
export {
  SCENARIOS,
  SCENARIO_IDS,
  DEFAULT_SEED,
  getScenario,
  isScenarioId,
  scenarioConfig,
  type ScenarioId,
  type ScenarioRecord,
  type RunSpec,
  type ScriptStep,
  type Action,
  type Expectation,
  type KnobId,
  type ReadoutId,
  type GoalCheck,
  type WidgetSpec,
} from './scenarios/index.ts';
export {
  MEASURES,
  measure,
  isMeasureId,
  canaryShare,
  slowestLeaveSeconds,
  ecmpShare,
  migratedLostShare,
  type MeasureId,
  type RunView,
} from './measures.ts';
export {
  MEASUREMENTS,
  getMeasurement,
  cellRun,
  evaluate,
  experimentSetup,
  isSchedulingRun,
  resolvedRun,
  type Measurement,
  type MeasurementRun,
  type PacketRun,
  type SchedulingRun,
} from './measurements.ts';
export {
  EXPERIMENTS,
  EXPERIMENT_IDS,
  getExperiment,
  isExperimentId,
  type ExperimentId,
  type ExperimentRecord,
} from './scheduling/records.ts';
export {
  PREDICTIONS,
  getPrediction,
  outcomeOf,
  predictionRun,
  resolvePrediction,
  type Prediction,
  type PacketPrediction,
  type SchedulingPrediction,
  type PredictionOutcome,
  type PredictionResult,
} from './predictions.ts';
export type { MeasureFormat } from './measure-format.ts';
export { checkExpectations, type ExpectationResult } from './expectations.ts';

/** A config from the defaults plus a partial override. */
export function configWith(patch: DeepPartial<SimConfig>): SimConfig {
  return mergeConfig(defaultConfig(), patch);
}
