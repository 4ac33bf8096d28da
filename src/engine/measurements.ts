/**
 * Named measurements: every simulated number a lesson states, as (scenario, variant, seed,
 * duration, measure, format). The content build evaluates them (cached by engine source hash) and
 * lessons show them with `:measure{id="…"}`, so prose never holds a number typed by hand.
 * A table measurement has rows and columns, each cell its own run: `:measure{id row col}`.
 */
import type { DeepPartial, SimConfig } from './config.ts';
import { mergeConfig } from './config.ts';
import type { MeasureFormat } from './measure-format.ts';
import { measure, type MeasureId } from './measures.ts';
import { runScenario } from './run.ts';
import { getScenario, type ScenarioId } from './scenarios/index.ts';
import type { ScriptStep } from './scenarios/types.ts';

/** One engine run and the number read from it. */
export interface MeasurementRun {
  scenario: ScenarioId;
  /** Config changes on top of the scenario's (a variant). */
  patch?: DeepPartial<SimConfig>;
  /** Replaces the scenario's script. */
  script?: readonly ScriptStep[];
  /** Defaults to the scenario's seed and duration. */
  seed?: number;
  durationMs?: number;
  measure: MeasureId;
}

type RunPart = Partial<Omit<MeasurementRun, 'patch'>> & { patch?: DeepPartial<SimConfig> };

export interface Measurement {
  id: string;
  format: MeasureFormat;
  /** What the number is, for people editing lessons (and the registry test). */
  describe: string;
  base: MeasurementRun;
  /** A table: each row and column changes the base run; cells combine one of each. */
  rows?: Record<string, RunPart>;
  cols?: Record<string, RunPart>;
}

/** The run behind one cell (or the whole measurement when it is not a table). */
export function cellRun(m: Measurement, row?: string, col?: string): MeasurementRun | undefined {
  if (!m.rows !== (row === undefined) || !m.cols !== (col === undefined)) return undefined;
  const parts = [row === undefined ? {} : m.rows?.[row], col === undefined ? {} : m.cols?.[col]];
  if (parts.some((p) => p === undefined)) return undefined;
  let run: MeasurementRun = { ...m.base };
  for (const part of parts as RunPart[]) {
    const { patch, ...rest } = part;
    run = { ...run, ...rest, ...(patch ? { patch: mergeConfig(run.patch ?? {}, patch) } : {}) };
  }
  return run;
}

/** The seed and duration a run actually uses (the scenario's unless it names its own). */
export function resolvedRun(run: MeasurementRun): { seed: number; durationMs: number } {
  const scenario = getScenario(run.scenario);
  return { seed: run.seed ?? scenario.seed, durationMs: run.durationMs ?? scenario.durationMs };
}

/** Runs one measurement headless. Deterministic: the same request always gives the same number. */
export function evaluate(run: MeasurementRun): number {
  const scenario = getScenario(run.scenario);
  const spec = {
    ...scenario,
    config: run.patch ? mergeConfig(scenario.config, run.patch) : scenario.config,
    script: run.script ?? scenario.script,
  };
  const { seed, durationMs } = resolvedRun(run);
  return measure(run.measure, runScenario(spec, { seed, durationMs }));
}

const PERCENT: MeasureFormat = { unit: 'percent' };
const RATIO: MeasureFormat = { unit: 'ratio' };

export const MEASUREMENTS: Measurement[] = [
  {
    id: 'nat-skew',
    describe: 'busiest server over its fair share, 30% of users behind one NAT, IP hashing',
    format: RATIO,
    base: { scenario: 'sticky-ip-hash-nat', measure: 'imbalance' },
  },
  {
    id: 'nat-busiest-share',
    describe: 'busiest server’s share of requests, 30% of users behind one NAT, IP hashing',
    format: PERCENT,
    base: { scenario: 'sticky-ip-hash-nat', measure: 'maxShare' },
  },
  {
    id: 'dsr-byte-share',
    describe: 'share of all bytes on the wire that cross a DSR balancer',
    format: PERCENT,
    base: { scenario: 'nat-vs-dsr', measure: 'balancerByteShare' },
  },
  {
    id: 'crash-sessions-lost',
    describe: 'share of users whose in-memory session died with web-2',
    format: PERCENT,
    base: { scenario: 'crash-memory-sessions-replay', measure: 'sessionsLostShare' },
  },
  {
    id: 'gray-error-share',
    describe: 'share of requests failing while a gray server passes its health checks',
    format: PERCENT,
    base: { scenario: 'health-gray-failure', measure: 'errorShare' },
  },
  {
    id: 'hash-churn',
    describe: 'share of 100,000 users that map to another server when 5 servers change',
    format: PERCENT,
    base: { scenario: 'hash-churn', patch: { clients: { count: 100_000 } }, measure: 'remapFraction' },
    rows: {
      remove: { script: [{ atMs: 1000, action: 'remove', backend: 'web-5' }] },
      add: { script: [{ atMs: 1000, action: 'add', pool: 'web' }] },
    },
    cols: {
      modulo: { patch: { balancer: { algorithm: 'ip-hash' } } },
      ring: { patch: { balancer: { algorithm: 'ring-hash' } } },
      maglev: { patch: { balancer: { algorithm: 'maglev' } } },
    },
  },
  {
    id: 'algorithm-tail',
    describe: 'latency in mean service times, 10 single-worker servers at 90% load',
    format: { unit: 'number', digits: 1 },
    base: { scenario: 'algorithm-race', measure: 'p99OverService' },
    rows: {
      'exponential-mean': { measure: 'meanOverService', patch: distribution('exponential') },
      'exponential-p99': { patch: distribution('exponential') },
      'bimodal-mean': { measure: 'meanOverService', patch: distribution('bimodal') },
      'bimodal-p99': { patch: distribution('bimodal') },
    },
    cols: {
      random: { patch: { balancer: { algorithm: 'random' } } },
      'round-robin': { patch: { balancer: { algorithm: 'round-robin' } } },
      p2c: { patch: { balancer: { algorithm: 'p2c' } } },
      'least-outstanding': { patch: { balancer: { algorithm: 'least-outstanding' } } },
    },
  },
  {
    id: 'herding',
    describe: 'latency in mean service times when load figures are T service times old',
    format: { unit: 'number', digits: 1 },
    base: { scenario: 'herding-stale-stats', measure: 'p99OverService' },
    rows: {
      't0-mean': { measure: 'meanOverService', patch: { balancer: { statsRefreshMs: 0 } } },
      't0-p99': { patch: { balancer: { statsRefreshMs: 0 } } },
      't1-mean': { measure: 'meanOverService', patch: { balancer: { statsRefreshMs: 10 } } },
      't1-p99': { patch: { balancer: { statsRefreshMs: 10 } } },
      't5-mean': { measure: 'meanOverService', patch: { balancer: { statsRefreshMs: 50 } } },
      't5-p99': { patch: { balancer: { statsRefreshMs: 50 } } },
    },
    cols: {
      'least-outstanding': { patch: { balancer: { algorithm: 'least-outstanding' } } },
      p2c: { patch: { balancer: { algorithm: 'p2c' } } },
      random: { patch: { balancer: { algorithm: 'random' } } },
    },
  },
];

function distribution(kind: 'exponential' | 'bimodal'): DeepPartial<SimConfig> {
  const base = getScenario('algorithm-race').config.pools;
  return { pools: base.map((p) => ({ ...p, backends: p.backends.map((b) => ({ ...b, distribution: kind })) })) };
}

export function getMeasurement(id: string): Measurement | undefined {
  return MEASUREMENTS.find((m) => m.id === id);
}
