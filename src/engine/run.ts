/**
 * The one way to run a scenario: its config, its script, a seed, and any actions a student took,
 * each at its simulated time. Headless runs (the build's predictions and measurements, tests) and
 * widgets (lesson widgets, predict replays) all go through `startRun`, so a replay ends exactly
 * where the build's measurement says it does.
 */
import { createSimulation, type SimulationHandle } from './handle.ts';
import { measure as readMeasure, type MeasureId, type RunView } from './measures.ts';
import type { Action, RunSpec, ScriptStep } from './scenarios/types.ts';
import type { RemapReport } from './sim/state.ts';
import type { Hop } from './trace.ts';

/** Who made a change: the scenario's script, or the student. */
export type StepSource = 'script' | 'student';

export interface RunEvent {
  atMs: number;
  source: StepSource;
  step: ScriptStep;
  /** For adds and removes: how many keys or flows moved. */
  remap?: RemapReport;
  /** The id of a server an add created. */
  added?: string;
  /** Why the engine refused the step (say, removing a server that is already gone). */
  refused?: string;
}

export interface RunOptions {
  /** Defaults to the spec's seed. */
  seed?: number;
  /** Changes a student made earlier (a shared link), replayed at their times. */
  actions?: readonly ScriptStep[];
  /** Whether to play the spec's script (predict replays do; a sandbox may not). Default true. */
  script?: boolean;
  /** Keeps a trace of hops for animation or measures; 0 leaves the spec's own setting. */
  traceCapacity?: number;
  /** Keep every traced hop (headless measures over hops); widgets keep their own window. */
  collectHops?: boolean;
}

interface Pending {
  step: ScriptStep;
  source: StepSource;
}

export class ScenarioRun {
  /** The simulation itself: read it freely; change it through `act` so the change is recorded. */
  readonly sim: SimulationHandle;
  readonly seed: number;
  readonly events: RunEvent[] = [];
  readonly remaps: RemapReport[] = [];
  readonly added: string[] = [];
  readonly hops: Hop[] = [];
  /** Script steps and replayed actions not applied yet, in time order. */
  private pending: Pending[];
  private readonly collectHops: boolean;
  private seenSeq = 0;

  constructor(
    readonly spec: RunSpec,
    options: RunOptions = {},
  ) {
    this.seed = options.seed ?? spec.seed;
    const traceCapacity = Math.max(spec.config.traceCapacity, options.traceCapacity ?? 0);
    this.sim = createSimulation({ ...spec.config, traceCapacity }, { seed: this.seed });
    this.collectHops = options.collectHops ?? false;
    const script = options.script === false ? [] : spec.script;
    // A stable sort: the script's steps come before a student's at the same instant.
    this.pending = [
      ...script.map((step) => ({ step, source: 'script' as const })),
      ...(options.actions ?? []).map((step) => ({ step, source: 'student' as const })),
    ].sort((a, b) => a.step.atMs - b.step.atMs);
    // Steps at time zero belong to the starting state (a link whose crash came first).
    this.advanceTo(0);
  }

  get timeMs(): number {
    return this.sim.timeMs;
  }

  /** The next scripted or replayed step still to come, if any. */
  get upcoming(): readonly Pending[] {
    return this.pending;
  }

  /**
   * Replaces the script's steps still to come (the Lab's timeline edited ahead of the clock);
   * steps already applied stay applied and recorded. A step at or before now is not scheduled:
   * the caller starts a new run for a change to the past.
   */
  reschedule(script: readonly ScriptStep[]): void {
    const now = this.timeMs;
    this.pending = [
      ...script.filter((step) => step.atMs > now).map((step) => ({ step, source: 'script' as const })),
      ...this.pending.filter((p) => p.source !== 'script'),
    ].sort((a, b) => a.step.atMs - b.step.atMs);
  }

  /** Runs to `timeMs`, applying every step due on the way at its own time. */
  advanceTo(timeMs: number): void {
    while (this.pending.length > 0 && (this.pending[0] as Pending).step.atMs <= timeMs) {
      const { step, source } = this.pending.shift() as Pending;
      this.sim.advanceTo(Math.max(step.atMs, this.timeMs));
      this.collect();
      this.apply(step, source, true);
    }
    this.sim.advanceTo(timeMs);
    this.collect();
  }

  /** A change the student makes now; it is recorded with the current time. */
  act(action: Action): RunEvent {
    return this.apply({ ...action, atMs: this.timeMs } as ScriptStep, 'student', false);
  }

  /** Plain data for measures, the same shape headless and live. */
  view(): RunView {
    return {
      config: this.sim.config,
      metrics: this.sim.metrics(),
      remaps: this.remaps,
      added: this.added,
      hops: this.hops,
    };
  }

  measure(id: MeasureId): number {
    return readMeasure(id, this.view());
  }

  /** `queued`: a script step or a replayed link action, which may not fit this run any more. */
  private apply(step: ScriptStep, source: StepSource, queued: boolean): RunEvent {
    const event: RunEvent = { atMs: this.timeMs, source, step };
    try {
      switch (step.action) {
        case 'crash':
          this.sim.setBackendState(step.backend, 'crashed');
          break;
        case 'gray':
          this.sim.setBackendState(step.backend, 'gray');
          break;
        case 'slow':
          this.sim.setBackendState(step.backend, 'slow');
          break;
        case 'revive':
          this.sim.setBackendState(step.backend, 'up');
          break;
        case 'remove':
          event.remap = this.sim.removeBackend(step.backend, step.drainMs);
          break;
        case 'add': {
          const before = new Set(this.sim.backendIds());
          event.remap = this.sim.addBackend(step.pool, step.backend);
          event.added = this.sim.backendIds().find((id) => !before.has(id));
          if (event.added) this.added.push(event.added);
          break;
        }
        case 'update':
          this.sim.update(step.patch);
          break;
      }
    } catch (error) {
      // Replayed actions come from links and are untrusted: a step the engine refuses is kept in
      // the log with the reason, and the run goes on. A live action throws to its caller.
      if (!queued) throw error;
      event.refused = error instanceof Error ? error.message : String(error);
    }
    if (event.remap) this.remaps.push(event.remap);
    this.events.push(event);
    return event;
  }

  private collect(): void {
    if (!this.collectHops) return;
    for (const hop of this.sim.traceSince(this.seenSeq)) this.hops.push(hop);
    this.seenSeq = this.sim.lastTraceSeq;
  }
}

/** Starts a run that a caller steps (widgets animate it; `runScenario` runs it to the end). */
export function startRun(spec: RunSpec, options: RunOptions = {}): ScenarioRun {
  return new ScenarioRun(spec, options);
}

export interface RunResult extends RunView {
  seed: number;
  durationMs: number;
  events: readonly RunEvent[];
}

/** Runs a scenario headless to its duration (or `durationMs`) and returns what measures read. */
export function runScenario(spec: RunSpec, options: RunOptions & { durationMs?: number } = {}): RunResult {
  const run = startRun(spec, { collectHops: true, ...options });
  const durationMs = options.durationMs ?? spec.durationMs;
  run.advanceTo(durationMs);
  return { ...run.view(), seed: run.seed, durationMs, events: run.events };
}
