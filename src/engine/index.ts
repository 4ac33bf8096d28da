/**
 * The engine's only public surface: a deterministic simulation of L4 and L7 load balancing.
 * Plain TypeScript: no UI libraries, no DOM, no unseeded randomness and no wall clock. Times are milliseconds here
 * (microseconds inside).
 */
import type { BackendConfig, DeepPartial, SimConfig } from './config.ts';
import { defaultConfig, mergeConfig } from './config.ts';
import { readMetrics, type Metrics } from './metrics.ts';
import { getScenario } from './scenarios.ts';
import { Simulation, type RemapReport } from './simulation.ts';
import { readTopology, type Topology } from './topology.ts';
import type { Hop } from './trace.ts';

export type * from './config.ts';
export type { Metrics, BackendMetrics, Percentiles } from './metrics.ts';
export type { Hop, HopKind } from './trace.ts';
export type { Topology, TopologyNode } from './topology.ts';
export type { RemapReport } from './simulation.ts';
export type { Field, Hidden, L7View, PacketFacts } from './model/views.ts';
export { viewAtL4, viewAtL7, plaintextAt, HTTP_FIELDS, L4_FIELDS } from './model/views.ts';
export { EngineParamError } from './validate.ts';
export { defaultConfig, mergeConfig, backend, pool, DEFAULT_REQUEST, ALGORITHMS } from './config.ts';
export {
  SCENARIOS,
  getScenario,
  scenarioConfig,
  type Scenario,
  type Expectation,
  type ScriptStep,
} from './scenarios.ts';
export {
  PREDICTIONS,
  getPrediction,
  resolvePrediction,
  type Prediction,
  type PredictionOutcome,
  type PredictionResult,
  type PredictionUnit,
} from './predictions.ts';
export { runPreset, checkExpectations, MEASURES, type PresetRun, type ExpectationResult } from './scenario-run.ts';

export interface SimulationHandle {
  readonly timeMs: number;
  /** Runs the simulation up to `timeMs` of simulated time (never backwards). */
  advanceTo(timeMs: number): void;
  advanceBy(deltaMs: number): void;
  metrics(): Metrics;
  /** Hops recorded after `afterSeq` (0 for all kept); tracing needs `traceCapacity > 0`. */
  traceSince(afterSeq: number): Hop[];
  readonly lastTraceSeq: number;
  topology(): Topology;
  readonly config: SimConfig;
  update(patch: DeepPartial<SimConfig>): void;
  setWeight(backendId: string, weight: number): void;
  addBackend(poolId: string, config?: Partial<BackendConfig>): RemapReport;
  removeBackend(backendId: string): RemapReport;
  setBackendState(backendId: string, state: 'up' | 'crashed' | 'gray'): void;
}

export function createSimulation(config: SimConfig, options: { seed: number }): SimulationHandle {
  const sim = new Simulation(config, options.seed);
  return {
    get timeMs() {
      return sim.nowUs / 1000;
    },
    advanceTo: (timeMs) => sim.advanceTo(Math.round(timeMs * 1000)),
    advanceBy: (deltaMs) => sim.advanceTo(sim.nowUs + Math.round(Math.max(0, deltaMs) * 1000)),
    metrics: () => readMetrics(sim),
    traceSince: (afterSeq) => sim.tracer.since(afterSeq),
    get lastTraceSeq() {
      return sim.tracer.lastSeq;
    },
    topology: () => readTopology(sim),
    get config() {
      return sim.config;
    },
    update: (patch) => sim.update(patch),
    setWeight: (id, weight) => sim.setWeight(id, weight),
    addBackend: (poolId, backend) => sim.addBackend(poolId, backend),
    removeBackend: (id) => sim.removeBackend(id),
    setBackendState: (id, state) => sim.setBackendState(id, state),
  };
}

/** Runs a config (or a preset id) headless for `durationMs` and returns its metrics. */
export function runScenario(config: SimConfig | string, options: { seed: number; durationMs: number }): Metrics {
  const resolved = typeof config === 'string' ? getScenario(config).config : config;
  const sim = createSimulation(resolved, { seed: options.seed });
  sim.advanceTo(options.durationMs);
  return sim.metrics();
}

/** A config from the defaults plus a partial override. */
export function configWith(patch: DeepPartial<SimConfig>): SimConfig {
  return mergeConfig(defaultConfig(), patch);
}
