/**
 * What a measurement is: one run of a model and the number read from it, optionally as a table
 * whose rows and columns each change the run. Two models answer: the packet simulation (a
 * scenario) and the scheduling model (an experiment).
 */
import type { DeepPartial, SimConfig } from './config.ts';
import type { MeasureFormat } from './measure-format.ts';
import type { MeasureId } from './measures.ts';
import type { ScenarioId } from './scenarios/index.ts';
import type { ScriptStep } from './scenarios/types.ts';
import type { ExperimentSetup, SchedulingMeasureId } from './scheduling/experiments.ts';
import type { ExperimentId } from './scheduling/records.ts';

/** One packet-engine run and the number read from it. */
export interface PacketRun {
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

/** Fields of an experiment's setup to change (its model stays the same). */
export type ExperimentPatch = { [K in keyof ExperimentSetup]?: ExperimentSetup[K] } & Record<string, unknown>;

/** One scheduling-model run and the number read from it. */
export interface SchedulingRun {
  experiment: ExperimentId;
  /** Setup changes on top of the experiment's (a variant). */
  patch?: ExperimentPatch;
  measure: SchedulingMeasureId;
}

export type MeasurementRun = PacketRun | SchedulingRun;

export function isSchedulingRun(run: MeasurementRun): run is SchedulingRun {
  return 'experiment' in run;
}

type PacketPart = Partial<Omit<PacketRun, 'patch'>> & { patch?: DeepPartial<SimConfig> };
type SchedulingPart = { patch?: ExperimentPatch; measure?: SchedulingMeasureId };

interface MeasurementBase {
  id: string;
  format: MeasureFormat;
  /** What the number is, for people editing lessons (and the registry test). */
  describe: string;
}

/** A table: each row and column changes the base run; cells combine one of each. */
export interface PacketMeasurement extends MeasurementBase {
  base: PacketRun;
  rows?: Record<string, PacketPart>;
  cols?: Record<string, PacketPart>;
}

export interface SchedulingMeasurement extends MeasurementBase {
  base: SchedulingRun;
  rows?: Record<string, SchedulingPart>;
  cols?: Record<string, SchedulingPart>;
}

export type Measurement = PacketMeasurement | SchedulingMeasurement;
