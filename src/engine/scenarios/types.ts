/**
 * The scenario record: everything about one scenario in one typed place. The engine runs it
 * (config, script, seed, duration), tests check it (expectations), and widgets read their part of
 * it (knobs, backend buttons, playback speed, the "Try this" goal and the headline measure).
 */
import type { BackendConfig, DeepPartial, SimConfig } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { MeasureId } from '../measures.ts';

/** A change at a simulated time: written into a scenario's script, or done by a student. */
export type ScriptStep =
  | { atMs: number; action: 'crash' | 'revive' | 'gray' | 'slow'; backend: string }
  /** `drainMs` overrides the balancer's draining for this one removal (0: cut at once). */
  | { atMs: number; action: 'remove'; backend: string; drainMs?: number }
  | { atMs: number; action: 'add'; pool: string; backend?: Partial<BackendConfig> }
  | { atMs: number; action: 'update'; patch: DeepPartial<SimConfig> };

/** A step without its time: what a student does now. */
export type Action = ScriptStep extends infer S ? (S extends ScriptStep ? Omit<S, 'atMs'> : never) : never;

/** A measured number and the range it must land in. */
export interface Expectation {
  measure: MeasureId;
  min?: number;
  max?: number;
  /** What the number means, for people reading a failing test. */
  why: string;
}

/** The controls a widget offers for this scenario (definitions live in `widgets/knobs.ts`). */
export type KnobId =
  | 'mode'
  | 'tls'
  | 'algorithm'
  | 'forwarding'
  | 'affinity'
  | 'sessions'
  | 'rate'
  | 'natShare'
  | 'canary'
  | 'responseKb'
  | 'drain'
  | 'protocol'
  | 'l4Nodes'
  | 'ecmp'
  | 'tierAlgorithm'
  | 'migration'
  | 'quicRouting';

/** Live numbers a widget can put in its headline, next to each server's load. */
export type ReadoutId =
  | 'imbalance'
  | 'latency'
  | 'balancerBytes'
  | 'errorRate'
  | 'sessionsLost'
  | 'remapped'
  | 'canaryOfV2'
  | 'busyServers'
  | 'cacheHits'
  | 'failedRequests'
  | 'slowestLeave'
  | 'ecmpMoved'
  | 'ecmpBroken'
  | 'migratedLost'
  | 'reconnects';

/** "Try this": checked live against the widget's own numbers and settings. */
export type GoalCheck = (metrics: Metrics, config: SimConfig) => boolean;

export interface WidgetSpec {
  knobs: readonly KnobId[];
  /** Crash and revive buttons per server. */
  backendButtons: boolean;
  /** Add and remove buttons. */
  addRemove: boolean;
  /** Simulated ms per wall second at 1× (the widget clock's default when absent). */
  timeScale?: number;
  goal: GoalCheck;
  /** What the headline shows: the numbers the goal (and the lesson's question) watch. */
  headline: readonly ReadoutId[];
}

/** What a run needs: the rest of a record is for tests and widgets. */
export interface RunSpec {
  config: SimConfig;
  script: readonly ScriptStep[];
  seed: number;
  durationMs: number;
}

export interface ScenarioRecord<Id extends string = string> extends RunSpec {
  id: Id;
  /** The preset as written: defaults plus this patch make `config`. */
  patch: DeepPartial<SimConfig>;
  expect: readonly Expectation[];
  widget: WidgetSpec;
}
