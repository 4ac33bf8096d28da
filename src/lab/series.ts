/**
 * The Lab's time series: one sample every `intervalMs` (250 ms) of simulated time, kept columnar so
 * the charts read arrays without copying. Counts per interval come from deltas of the engine's
 * cumulative totals, so no request is counted twice or missed however the caller steps the clock;
 * p95 comes from the engine's recent window, which the Lab sets to 250 ms (one interval).
 *
 * Intervals end on multiples of `intervalMs`, except that a change ends one early, so "the first
 * sample after a change reflects the change":
 * - a fault on the run's timeline (its script) ends an interval at its time, automatically;
 * - a live change (`run.act`) is followed by `cut(run)`, which closes the interval at that instant.
 * Such a short interval counts fewer requests; `times` gives every interval's length.
 *
 * Pure TypeScript: no DOM, no wall clock. Memory stays flat: at most `maxSamples` samples, and a
 * server's column goes once its last sample has been dropped.
 */
import type { Metrics, ScenarioRun } from '../engine';

export interface LabSamples {
  /** End of each interval (ms of simulated time). */
  readonly times: number[];
  /**
   * p95 latency over the engine's recent window at the sample time (250 ms in 25 ms slots), NaN
   * when nothing completed in it. The window is the engine's, not the interval's: after a cut it
   * still holds up to 250 ms from before the change.
   */
  readonly p95Ms: number[];
  /** Requests that failed in the interval. */
  readonly errors: number[];
  /** Sessions lost in the interval (a server holding in-memory sessions went away). */
  readonly sessionsLost: number[];
  /** Requests completed in the interval. */
  readonly requests: number[];
  /**
   * Per server: its share of the requests the balancer routed in the interval (0 when none were
   * routed). NaN before the server existed and after it left. A crashed server keeps its share
   * until health checks take it out: that is what a student should see, with errors beside it.
   */
  readonly share: Map<string, number[]>;
  /** Server ids in the order they first appeared. */
  readonly serverIds: string[];
}

interface Totals {
  timeMs: number;
  failed: number;
  completed: number;
  sessionsLost: number;
  /** Cumulative requests routed to each server present at that time. */
  routed: Map<string, number>;
}

const MICROSECOND_MS = 0.001;

export class LabSampler implements LabSamples {
  readonly times: number[] = [];
  readonly p95Ms: number[] = [];
  readonly errors: number[] = [];
  readonly sessionsLost: number[] = [];
  readonly requests: number[] = [];
  readonly share = new Map<string, number[]>();
  readonly serverIds: string[] = [];
  /** Bumped on every sample or reset, so a React subscription compares one number. */
  version = 0;
  private last: Totals | null = null;
  /** Samples taken since the last reset, including those dropped: absolute sample numbers. */
  private taken = 0;
  /** Absolute number of each server's latest sample in which it was present. */
  private lastSeen = new Map<string, number>();

  constructor(
    readonly intervalMs = 250,
    readonly maxSamples = 2400,
  ) {
    if (!(intervalMs >= 1) || !Number.isFinite(intervalMs)) throw new RangeError('intervalMs must be at least 1 ms');
    if (!(maxSamples >= 1)) throw new RangeError('maxSamples must be at least 1');
  }

  /** The columns on their own (the sampler itself, typed read-only for charts). */
  get samples(): LabSamples {
    return this;
  }

  /**
   * Steps `run` to `toMs`, sampling at every interval boundary (and every scripted change) on the
   * way. The sampler should own the stepping: time the run passed without it becomes one sample.
   */
  advance(run: ScenarioRun, toMs: number): void {
    if (this.last === null) this.last = totalsOf(run.sim.metrics());
    for (;;) {
      const stop = this.nextStop(run);
      if (stop > toMs) break;
      const before: Totals | null = this.last;
      run.advanceTo(stop);
      this.sample(run.sim.metrics());
      if (this.last === before) break; // no time passed: never spin
    }
    run.advanceTo(toMs);
  }

  /** Call right after a live change: ends the current interval now, so the next one starts after it. */
  cut(run: ScenarioRun): void {
    if (this.last === null) {
      this.last = totalsOf(run.sim.metrics());
      return;
    }
    if (run.timeMs > this.last.timeMs) this.sample(run.sim.metrics());
  }

  /** Forgets everything (a restarted run). */
  reset(): void {
    for (const column of [this.times, this.p95Ms, this.errors, this.sessionsLost, this.requests]) column.length = 0;
    this.share.clear();
    this.serverIds.length = 0;
    this.last = null;
    this.taken = 0;
    this.lastSeen.clear();
    this.version++;
  }

  /** The next interval end after the last sample, or a scripted change before it. */
  private nextStop(run: ScenarioRun): number {
    const lastMs = (this.last as Totals).timeMs;
    // Simulated time is whole microseconds: a sample at a boundary may read a hair below it.
    const boundary = (Math.floor((lastMs + MICROSECOND_MS) / this.intervalMs) + 1) * this.intervalMs;
    const change = run.upcoming[0]?.step.atMs;
    const stop = change !== undefined && change > lastMs && change < boundary ? change : boundary;
    // A run stepped past the sampler catches up in one sample instead of several impossible ones.
    return Math.max(stop, run.timeMs);
  }

  private sample(metrics: Metrics): void {
    const previous = this.last as Totals;
    const now = totalsOf(metrics);
    if (now.timeMs <= previous.timeMs) return;
    this.times.push(now.timeMs);
    this.p95Ms.push(metrics.window.requests > 0 ? metrics.window.latencyMs.p95 : NaN);
    this.errors.push(now.failed - previous.failed);
    this.requests.push(now.completed - previous.completed);
    this.sessionsLost.push(now.sessionsLost - previous.sessionsLost);
    this.pushShares(previous.routed, now.routed);
    this.last = now;
    this.taken++;
    this.dropOldest();
    this.version++;
  }

  private pushShares(before: Map<string, number>, after: Map<string, number>): void {
    const deltas = new Map<string, number>();
    let total = 0;
    for (const [id, count] of after) {
      // A server first seen now started from zero requests.
      const delta = count - (before.get(id) ?? 0);
      deltas.set(id, delta);
      total += delta;
    }
    const length = this.times.length;
    for (const [id, delta] of deltas) {
      let column = this.share.get(id);
      if (!column) {
        column = new Array<number>(length - 1).fill(NaN);
        this.share.set(id, column);
        this.serverIds.push(id);
      }
      column.push(total > 0 ? delta / total : 0);
      this.lastSeen.set(id, this.taken);
    }
    for (const [id, column] of this.share) if (!deltas.has(id)) column.push(NaN);
  }

  private dropOldest(): void {
    if (this.times.length <= this.maxSamples) return;
    // shift() on arrays of a few thousand numbers is cheap in modern engines (no copy).
    for (const column of [this.times, this.p95Ms, this.errors, this.sessionsLost, this.requests]) column.shift();
    for (const column of this.share.values()) column.shift();
    const oldest = this.taken - this.times.length;
    const gone = this.serverIds.filter((id) => (this.lastSeen.get(id) ?? -1) < oldest);
    for (const id of gone) {
      this.share.delete(id);
      this.lastSeen.delete(id);
    }
    if (gone.length > 0)
      this.serverIds.splice(0, this.serverIds.length, ...this.serverIds.filter((id) => this.share.has(id)));
  }
}

function totalsOf(metrics: Metrics): Totals {
  const routed = new Map<string, number>();
  for (const b of metrics.backends) routed.set(b.id, b.requests);
  return {
    timeMs: metrics.timeMs,
    failed: metrics.requests.failed,
    completed: metrics.requests.completed,
    sessionsLost: metrics.sessionsLost,
    routed,
  };
}

export interface LabTableRow {
  timeMs: number;
  p95Ms: number;
  errors: number;
  sessionsLost: number;
  requests: number;
  /** Servers present in the interval, in first-seen order. */
  shares: { id: string; share: number }[];
}

/** The last `lastN` samples as rows, oldest first: the charts' data-table alternative. */
export function toTable(sampler: LabSampler, lastN: number): LabTableRow[] {
  const s = sampler;
  const start = Math.max(0, s.times.length - Math.max(0, Math.floor(lastN)));
  const rows: LabTableRow[] = [];
  for (let i = start; i < s.times.length; i++) {
    const shares: LabTableRow['shares'] = [];
    for (const id of s.serverIds) {
      const share = s.share.get(id)?.[i];
      if (share !== undefined && !Number.isNaN(share)) shares.push({ id, share });
    }
    rows.push({
      timeMs: s.times[i] as number,
      p95Ms: s.p95Ms[i] as number,
      errors: s.errors[i] as number,
      sessionsLost: s.sessionsLost[i] as number,
      requests: s.requests[i] as number,
      shares,
    });
  }
  return rows;
}
