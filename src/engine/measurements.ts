/**
 * Named measurements: every number a lesson states about a model, as (run, measure, format). The
 * content build evaluates them (cached by engine source hash) and lessons show them with
 * `:measure{id="…"}`, so prose never holds a number typed by hand. A table measurement has rows and
 * columns, each cell its own run: `:measure{id row col}`. Packet runs name a scenario; scheduling
 * runs name an experiment.
 */
import { mergeConfig } from './config.ts';
import {
  isSchedulingRun,
  type Measurement,
  type MeasurementRun,
  type PacketRun,
  type SchedulingRun,
} from './measurement-types.ts';
import { measure, type RunView } from './measures.ts';
import { PACKET_MEASUREMENTS } from './packet-measurements.ts';
import { runScenario } from './run.ts';
import { getScenario } from './scenarios/index.ts';
import type { RunSpec } from './scenarios/types.ts';
import { measureExperiment, type ExperimentSetup } from './scheduling/experiments.ts';
import { SCHEDULING_MEASUREMENTS } from './scheduling/measurements.ts';
import { getExperiment } from './scheduling/records.ts';

export type { Measurement, MeasurementRun, PacketRun, SchedulingRun } from './measurement-types.ts';
export { isSchedulingRun } from './measurement-types.ts';

export const MEASUREMENTS: readonly Measurement[] = [...PACKET_MEASUREMENTS, ...SCHEDULING_MEASUREMENTS];

export function getMeasurement(id: string): Measurement | undefined {
  return MEASUREMENTS.find((m) => m.id === id);
}

/** The run behind one cell (or the whole measurement when it is not a table). */
export function cellRun(m: Measurement, row?: string, col?: string): MeasurementRun | undefined {
  if (!m.rows !== (row === undefined) || !m.cols !== (col === undefined)) return undefined;
  const parts = [row === undefined ? {} : m.rows?.[row], col === undefined ? {} : m.cols?.[col]];
  if (parts.some((p) => p === undefined)) return undefined;
  if (isSchedulingRun(m.base)) {
    let run: SchedulingRun = { ...m.base };
    for (const { patch, ...rest } of parts as { patch?: SchedulingRun['patch'] }[])
      run = { ...run, ...rest, ...(patch ? { patch: { ...run.patch, ...patch } } : {}) };
    return run;
  }
  let run: PacketRun = { ...m.base };
  for (const { patch, ...rest } of parts as { patch?: PacketRun['patch'] }[])
    run = { ...run, ...rest, ...(patch ? { patch: mergeConfig(run.patch ?? {}, patch) } : {}) };
  return run;
}

/** An experiment's setup with a run's changes applied. */
export function experimentSetup(run: SchedulingRun): ExperimentSetup {
  const setup = getExperiment(run.experiment).setup;
  return (run.patch ? { ...setup, ...run.patch, model: setup.model } : setup) as ExperimentSetup;
}

/**
 * The seed and duration a run actually uses (the scenario's unless it names its own). A scheduling
 * run has no duration; its seed is the one its picks (or its first throw of balls) use.
 */
export function resolvedRun(run: MeasurementRun): { seed: number; durationMs: number } {
  if (isSchedulingRun(run)) {
    const setup = experimentSetup(run);
    const seed = setup.model === 'schedule' ? setup.seed : setup.model === 'balls' ? (setup.seeds[0] ?? 0) : 0;
    return { seed, durationMs: 0 };
  }
  const scenario = getScenario(run.scenario);
  return { seed: run.seed ?? scenario.seed, durationMs: run.durationMs ?? scenario.durationMs };
}

/**
 * The last runs, by what they run (config, script, seed, duration): a table's cells often read two
 * measures of one run (mean and p99), and runs are deterministic, so the second read is free.
 */
const recentRuns = new Map<string, RunView>();
const RECENT_RUNS = 32;

function runOnce(spec: RunSpec, seed: number, durationMs: number): RunView {
  const key = JSON.stringify([spec.config, spec.script, seed, durationMs]);
  const known = recentRuns.get(key);
  if (known) {
    recentRuns.delete(key);
    recentRuns.set(key, known);
    return known;
  }
  const view = runScenario(spec, { seed, durationMs });
  recentRuns.set(key, view);
  if (recentRuns.size > RECENT_RUNS) recentRuns.delete(recentRuns.keys().next().value as string);
  return view;
}

/** Runs one measurement headless. Deterministic: the same request always gives the same number. */
export function evaluate(run: MeasurementRun): number {
  if (isSchedulingRun(run)) return measureExperiment(experimentSetup(run), run.measure);
  const scenario = getScenario(run.scenario);
  const spec: RunSpec = {
    config: run.patch ? mergeConfig(scenario.config, run.patch) : scenario.config,
    script: run.script ?? scenario.script,
    seed: scenario.seed,
    durationMs: scenario.durationMs,
  };
  const { seed, durationMs } = resolvedRun(run);
  return measure(run.measure, runOnce(spec, seed, durationMs));
}
