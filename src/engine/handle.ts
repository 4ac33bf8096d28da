/**
 * A running simulation as the rest of the code sees it: step it, read metrics, trace and topology,
 * and change it live. Times are milliseconds here (whole microseconds inside).
 */
import type { BackendConfig, BackendState, DeepPartial, SimConfig } from './config.ts';
import { readMetrics, type Metrics } from './metrics.ts';
import type { RemapReport } from './sim/state.ts';
import { Simulation } from './simulation.ts';
import { readTopology, type Topology } from './topology.ts';
import type { Hop } from './trace.ts';

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
  /** Ids of the servers in the run now. */
  backendIds(): string[];
  update(patch: DeepPartial<SimConfig>): void;
  setWeight(backendId: string, weight: number): void;
  addBackend(poolId: string, config?: Partial<BackendConfig>): RemapReport;
  /** Drains for `drainMs` (default `balancer.drainMs`; 0 removes at once). */
  removeBackend(backendId: string, drainMs?: number): RemapReport;
  setBackendState(backendId: string, state: BackendState): void;
}

/** Starts a simulation of `config` with `seed` at time zero (see `startRun` for scripted runs). */
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
    backendIds: () => sim.backendIds(),
    update: (patch) => sim.update(patch),
    setWeight: (id, weight) => sim.setWeight(id, weight),
    addBackend: (poolId, backend) => sim.addBackend(poolId, backend),
    removeBackend: (id, drainMs) => sim.removeBackend(id, drainMs),
    setBackendState: (id, state) => sim.setBackendState(id, state),
  };
}
