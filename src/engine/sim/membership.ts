/**
 * Which backends are in the pools and fit to serve: active health checks, live changes (weight,
 * add, remove, crash, revive) and the remap report that says how many users or flows a change
 * moved. Rare events, so clarity wins over speed here; the hot path only sees their effect through
 * `membershipVersion`, which invalidates the cached candidate lists.
 */
import type { BackendConfig, BackendState, SimConfig } from '../config.ts';
import { backend as defaultBackend } from '../config.ts';
import type { Tracer } from '../trace.ts';
import { EngineParamError } from '../validate.ts';
import { dropConnectionsTo } from './connections.ts';
import { fail, loseSessionsOn } from './outcomes.ts';
import { candidates, effectiveAlgorithm } from './routing.ts';
import { startRamp } from './slow-start.ts';
import { DRAIN_DEADLINE, HEALTH, STATE_CODE, STATE_CRASHED, US, type RemapReport, type SimState } from './state.ts';

/** Schedules every backend's first health check, spread over one interval. */
export function scheduleHealthChecks(s: SimState): void {
  const active = s.config.health.active;
  if (!active) return;
  const n = s.backends.length;
  for (let b = 0; b < n; b++) s.queue.push(s.nowUs + ((b + 1) / (n + 1)) * active.intervalMs * US, HEALTH, b);
}

/** One active health check of backend `b`: thresholds move it in or out of the candidates. */
export function healthCheck(s: SimState, tracer: Tracer, b: number): void {
  const active = s.config.health.active;
  const backend = s.backends[b];
  if (!active || !backend || backend.removed) return;
  s.queue.push(s.nowUs + active.intervalMs * US, HEALTH, b);
  // A gray or slow backend still answers its health endpoint: that is what makes it gray (or slow).
  const passed = s.status[b] !== STATE_CRASHED;
  const streak = s.checkStreak[b] as number;
  s.checkStreak[b] = passed ? Math.max(streak, 0) + 1 : Math.min(streak, 0) - 1;
  if (!s.healthy[b] && passed && (s.checkStreak[b] as number) >= active.healthyThreshold) {
    s.healthy[b] = true;
    s.membershipVersion++;
    // Back in service after failing checks: slow start (Envoy starts it on the first passed check).
    startRamp(s, b);
  }
  if (s.healthy[b] && !passed && -(s.checkStreak[b] as number) >= active.unhealthyThreshold) {
    s.healthy[b] = false;
    s.membershipVersion++;
    dropConnectionsTo(s, b);
  }
  tracer.healthCheck(s, b, passed);
}

/** Sets a backend's weight (0–999); weight 0 takes it out of the candidates. */
export function setWeight(s: SimState, backendId: string, weight: number): void {
  const b = backendIndex(s, backendId);
  if (!(weight >= 0 && weight <= 999))
    throw new EngineParamError(`weight of ${backendId}`, 'a number from 0 to 999', weight);
  s.weights[b] = weight;
  s.membershipVersion++;
  s.backends[b]!.config = { ...s.backends[b]!.config, weight };
}

/** Adds a backend and reports how many users or flows now map elsewhere. */
export function addBackend(s: SimState, poolId: string, config: Partial<BackendConfig> = {}): RemapReport {
  const poolIndex = s.poolIndex(poolId);
  if (poolIndex < 0) throw new EngineParamError('poolId', `one of ${s.pools.map((p) => p.id).join(', ')}`, poolId);
  const id = config.id ?? `${poolId}-${s.pools[poolIndex]!.backends.length + 1}`;
  const before = snapshotChoices(s, poolIndex);
  const base = s.pools[poolIndex]!.backends.map((b) => s.backends[b]!.config).find(() => true);
  // A new server is a copy of the pool's first one (same size and speed), healthy and at weight 1.
  const b = s.registerBackend(poolIndex, {
    ...defaultBackend(id),
    ...(base ?? {}),
    id,
    weight: 1,
    state: 'up',
    ...config,
  });
  const active = s.config.health.active;
  if (active) s.queue.push(s.nowUs + active.intervalMs * US, HEALTH, b);
  startRamp(s, b);
  return reportRemap(s, poolIndex, before);
}

/**
 * Removes a backend. Without draining (`balancer.drainMs` 0) it goes at once: its flows reset, its
 * queue and whatever it was serving fail, its in-memory sessions are lost. With draining it first
 * takes no new work and leaves when idle or at the deadline (see `startDrain`). Removing a
 * draining backend again cuts it now.
 */
export function removeBackend(
  s: SimState,
  backendId: string,
  drainMs: number = s.config.balancer.drainMs,
): RemapReport {
  if (!(drainMs >= 0 && drainMs <= 3_600_000))
    throw new EngineParamError(`drainMs for ${backendId}`, 'a number of ms from 0 to 3,600,000', drainMs);
  const b = backendIndex(s, backendId);
  const poolIndex = s.backends[b]!.pool;
  const before = snapshotChoices(s, poolIndex);
  const backend = s.backends[b]!;
  if (drainMs > 0 && backend.drain === null) startDrain(s, b, drainMs);
  else {
    if (backend.drain === null) beginLeaving(s, b, 0);
    leave(s, b);
  }
  return reportRemap(s, poolIndex, before);
}

/**
 * Draining: the backend leaves the candidates, so new requests and connections go elsewhere, and
 * it finishes what it holds. Its HTTP connections close once their request is answered (HTTP/1.1
 * `Connection: close`, HTTP/2 GOAWAY), so a client's next request opens a connection to another
 * server. A WebSocket has no such signal at the HTTP layer: it stays until the deadline.
 */
function startDrain(s: SimState, b: number, drainMs: number): void {
  beginLeaving(s, b, drainMs);
  s.membershipVersion++;
  if (s.config.clients.protocol !== 'websocket') dropConnectionsTo(s, b);
  s.queue.push(s.nowUs + drainMs * US, DRAIN_DEADLINE, b);
  settleDrain(s, b);
}

/** Opens the backend's record in `s.drains`: it leaves at once (`drainMs` 0) or by the deadline. */
function beginLeaving(s: SimState, b: number, drainMs: number): void {
  const backend = s.backends[b]!;
  const nowMs = s.nowUs / US;
  backend.drain = {
    backend: backend.id,
    startedMs: nowMs,
    deadlineMs: nowMs + drainMs,
    leftMs: null,
    cutRequests: 0,
    cutConnections: 0,
  };
  s.drains.push(backend.drain);
  s.drainingCount++;
}

/** Called when a draining backend may have run out of work: it leaves once nothing is left. */
export function settleDrain(s: SimState, b: number): void {
  const backend = s.backends[b]!;
  if (backend.drain === null || backend.removed) return;
  if ((s.outstanding[b] as number) === 0 && (s.openConns[b] as number) === 0) leave(s, b);
}

/** The drain deadline: a backend still draining leaves now, cutting what it holds. */
export function drainDeadline(s: SimState, b: number): void {
  const backend = s.backends[b]!;
  if (backend.drain !== null && !backend.removed) leave(s, b);
}

/** The backend leaves the pool: what it still holds is cut and counted in its drain record. */
function leave(s: SimState, b: number): void {
  const backend = s.backends[b]!;
  const record = backend.drain!;
  record.leftMs = s.nowUs / US;
  // Everything sent to it and not answered fails: on the wire, queued or being served.
  record.cutRequests = s.outstanding[b] as number;
  record.cutConnections = s.openConns[b] as number;
  s.drainingCount--;
  backend.removed = true;
  s.membershipVersion++;
  dropConnectionsTo(s, b);
  failQueued(s, b);
  backend.epoch++;
  loseSessionsOn(s, b);
}

/**
 * Crashes, grays, slows or revives a backend. A crash fails its queue and what it is serving. A
 * crashed server that comes back while the balancer still counts it healthy (the checks had not
 * noticed) starts its slow-start ramp now; one the checks took out starts it when they pass again.
 */
export function setBackendState(s: SimState, backendId: string, state: BackendState): void {
  const b = backendIndex(s, backendId);
  const code = STATE_CODE[state];
  if (s.status[b] === code) return;
  const wasCrashed = s.status[b] === STATE_CRASHED;
  if (code === STATE_CRASHED) {
    s.backends[b]!.epoch++;
    failQueued(s, b);
    loseSessionsOn(s, b);
  }
  s.status[b] = code;
  s.backends[b]!.config = { ...s.backends[b]!.config, state };
  if (wasCrashed && s.healthy[b]) startRamp(s, b);
  settleDrain(s, b);
}

/** Ids of the servers in the run now (removed ones excluded). */
export function backendIds(s: SimState): string[] {
  return s.backends.filter((b) => !b.removed).map((b) => b.id);
}

/** The pools as a config: what `update()` keeps while it merges a patch. */
export function currentPoolsConfig(s: SimState): SimConfig['pools'] {
  return s.pools.map((pool) => ({
    id: pool.id,
    backends: pool.backends.filter((b) => !s.backends[b]!.removed).map((b) => s.backends[b]!.config),
  }));
}

function backendIndex(s: SimState, id: string): number {
  const b = s.names.indexOf(id);
  if (b < 0 || s.backends[b]!.removed)
    throw new EngineParamError('backendId', `one of ${backendIds(s).join(', ')}`, id);
  return b;
}

function failQueued(s: SimState, b: number): void {
  const queue = s.backends[b]!.queue;
  for (let r = queue.shift(); r >= 0; r = queue.shift()) {
    s.totals.queued--;
    fail(s, r, b);
  }
}

/** Where every user would go now (by the routing key the algorithm uses). */
function snapshotChoices(s: SimState, poolIndex: number): Int32Array {
  const n = s.config.clients.count;
  const out = new Int32Array(n);
  const { balancer } = s.config;
  const algorithm = effectiveAlgorithm(balancer);
  if (algorithm !== 'ip-hash' && algorithm !== 'ring-hash' && algorithm !== 'maglev') {
    // No key decides: each user goes where its cookie or its open connection points.
    for (let c = 0; c < n; c++)
      out[c] = balancer.stickiness === 'cookie' ? (s.stickyBackend[c] as number) : (s.connBackend[c] as number);
    return out;
  }
  // Pure lookups: hashing moves no counters, so the report does not disturb the run.
  const pool = s.pools[poolIndex]!;
  const list = candidates(s, pool).slice();
  const ctx = {
    rng: s.random.balance,
    load: s.loadView,
    weight: s.weights,
    names: s.names,
    key: 0,
    ipKey: 0,
    choices: 1,
    ringVnodes: balancer.ringVnodes,
    maglevTableSize: balancer.maglevTableSize,
    ramp: null,
  };
  for (let c = 0; c < n; c++) {
    ctx.key = s.population.userKey[c] as number;
    ctx.ipKey = s.population.ipKey[c] as number;
    out[c] = pool.picker.pick(algorithm, list, ctx);
  }
  return out;
}

function reportRemap(s: SimState, poolIndex: number, before: Int32Array): RemapReport {
  const after = snapshotChoices(s, poolIndex);
  let keys = 0;
  let remapped = 0;
  for (let c = 0; c < before.length; c++) {
    if ((before[c] as number) < 0) continue;
    keys++;
    const left = s.backends[before[c] as number]!;
    const gone = left.removed || left.drain !== null;
    if (before[c] !== after[c] || gone) remapped++;
  }
  s.lastRemap = { keys, remapped, fraction: keys === 0 ? 0 : remapped / keys };
  return s.lastRemap;
}
