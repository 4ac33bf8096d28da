/**
 * Everything a running simulation knows, in one class of plain fields: the clock, the event queue,
 * the random streams, per-backend and per-client arrays, the request pool and the counters. The
 * function modules beside it (routing, costs, connections, outcomes, membership) take it as their
 * first argument, and the readers (metrics, topology, trace, packet facts) only read it, so none of
 * them needs the `Simulation` class (which extends this one) and the modules import each other
 * without cycles. Fields are typed arrays, plain arrays and numbers, all created in the
 * constructor, so every function on the hot path sees one object shape.
 */
import type { BackendConfig, SimConfig } from '../config.ts';
import { EventQueue } from '../core/event-queue.ts';
import { Histogram } from '../core/histogram.ts';
import { mix32 } from '../core/hash.ts';
import { IntQueue } from '../core/int-queue.ts';
import { RandomStreams, type Rng } from '../core/rng.ts';
import { WINDOW_SLOTS, WindowSlots } from '../core/window-slots.ts';
import { PickerState, type PickContext } from '../model/pickers.ts';
import { buildPopulation, type Population } from '../model/population.ts';
import { wireTable, type WireTable } from '../model/wire.ts';
import { EngineParamError, LIMITS } from '../validate.ts';
import { RequestPool } from './request-pool.ts';
import { compileRules, type CompiledRules } from './rules.ts';

/** Microseconds per millisecond: configs speak ms, the clock counts µs. */
export const US = 1000;

/** Event kinds in the queue (the next arrival is kept apart, see `Simulation.advanceTo`). */
export const AT_BACKEND = 2;
export const COMPLETE = 3;
export const HEALTH = 4;
export const REFRESH = 5;
/** A draining backend's deadline: whatever it still holds then is cut. */
export const DRAIN_DEADLINE = 6;
/** A step of a backend's slow-start ramp (see `sim/slow-start.ts`). */
export const SLOW_START = 7;

/** Backend states as stored in `SimState.status`. */
const STATE_UP = 0;
export const STATE_CRASHED = 1;
export const STATE_GRAY = 2;
export const STATE_SLOW = 3;
export const STATE_CODE = { up: STATE_UP, crashed: STATE_CRASHED, gray: STATE_GRAY, slow: STATE_SLOW } as const;

/** Window slot columns: per backend [requests, errors, busyUs], at `b * PER_BACKEND + column`. */
export const PER_BACKEND = 3;
export const COLUMN_REQUESTS = 0;
export const COLUMN_ERRORS = 1;
export const COLUMN_BUSY = 2;

export interface RemapReport {
  /** Keys considered: users for hashing algorithms, live flows otherwise. */
  keys: number;
  remapped: number;
  fraction: number;
}

/** What one change of the L4 node count did to the flows open at the time. */
export interface EcmpReport {
  flows: number;
  /** Flows the routers now send to another L4 node. */
  moved: number;
  /** Moved flows the new node sent to another proxy: reset. */
  broken: number;
}

/** How one backend left the pool: at once, or drained (and how long that took, and what was cut). */
export interface DrainRecord {
  backend: string;
  startedMs: number;
  /** When it would be cut at the latest (equals `startedMs` for an abrupt removal). */
  deadlineMs: number;
  /** When it left: it ran out of work, or the deadline came. Null while it is still draining. */
  leftMs: number | null;
  /** Requests it still held when it left: they fail. */
  cutRequests: number;
  /** Connections still open to it when it left: they are reset. */
  cutConnections: number;
}

export interface Backend {
  id: string;
  pool: number;
  config: BackendConfig;
  removed: boolean;
  queue: IntQueue;
  /** Bumped when it crashes or is removed: requests sent before then fail. */
  epoch: number;
  /** Its entry in `SimState.drains` while it drains (no new work, leaves when idle), else null. */
  drain: DrainRecord | null;
  histogram: Histogram;
}

export interface PoolState {
  id: string;
  backends: number[];
  picker: PickerState;
  /** Cached candidate list, valid while `version` matches the state's `membershipVersion`. */
  candidates: number[];
  version: number;
  /** Whether a candidate in that list is in its slow-start ramp (its factor is below 1). */
  ramping: boolean;
}

/** A pick context with nothing filled in yet; routing refills one per pick instead of allocating. */
function emptyPickContext(rng: Rng): PickContext {
  return {
    rng,
    load: [],
    weight: [],
    names: [],
    key: 0,
    ipKey: 0,
    choices: 2,
    ringVnodes: 100,
    maglevTableSize: 65_537,
    ramp: null,
  };
}

/** The simulation's fields; see the module comment. `Simulation` extends it with the event loop. */
export class SimState {
  config: SimConfig;
  readonly random: RandomStreams;
  // The streams again as plain fields: they are read on every request.
  readonly arrivals: Rng;
  readonly service: Rng;
  readonly balance: Rng;
  readonly mobility: Rng;
  nowUs = 0;
  eventsProcessed = 0;
  readonly queue = new EventQueue(4096);
  /** Time of the next client request (whole µs), or Infinity while the rate is zero. */
  nextArrivalUs = Infinity;

  population!: Population;
  /** Running sums of the request templates' weights, for drawing a template. */
  templateCumulative!: Float64Array;
  rules!: CompiledRules;
  /** Per template: bytes and packets each way on the wire, worked out once (see model/wire.ts). */
  wire: WireTable;
  readonly window: WindowSlots;

  readonly backends: Backend[] = [];
  readonly pools: PoolState[] = [];
  /** Bumped whenever health, ejection, weight or membership changes: candidate lists are cached. */
  membershipVersion = 0;
  nextEjectionExpiryUs = Infinity;

  // Per backend (index = backend number), plain arrays: at most 256 entries.
  readonly status: number[] = [];
  readonly healthy: boolean[] = [];
  readonly checkStreak: number[] = [];
  readonly passiveErrors: number[] = [];
  readonly ejectedUntil: number[] = [];
  readonly active: number[] = [];
  readonly outstanding: number[] = [];
  /** Load as the balancer sees it: `outstanding` itself, or a snapshot refreshed periodically. */
  loadView: number[];
  readonly openConns: number[] = [];
  readonly weights: number[] = [];
  /** Slow start: the share of its weight a backend gets now (1 when not ramping), and when its ramp began (-1: none). */
  readonly slowStartFactor: number[] = [];
  readonly rampStartUs: number[] = [];
  /** When each ramping backend's next ramp step is due: an older step still in the queue is ignored. */
  readonly rampNextUs: number[] = [];
  readonly names: string[] = [];
  readonly perBackend = {
    requests: [] as number[],
    completed: [] as number[],
    errors: [] as number[],
    connections: [] as number[],
    busyUs: [] as number[],
  };

  // Per client: the open connection (connection-tracking table) and affinity.
  connBackend!: Int32Array;
  connLeft!: Float64Array;
  connOpen!: Uint8Array;
  connPort!: Int32Array;
  connProxy!: Int32Array;
  connId!: Int32Array;
  /** QUIC migration: when the client's address next changes (µs), or -1 when none is drawn yet. */
  connMoveAt!: Float64Array;
  stickyBackend!: Int32Array;
  sessionBackend!: Int32Array;
  nextConnectionId = 1;

  readonly req = new RequestPool();
  /** One context object, refilled per pick: no allocation on the hot path. */
  readonly pickContext: PickContext;

  // Front L4 tier (layered scenario): proxies 0..n-1, their names and weights, built per size.
  readonly proxyPicker = new PickerState();
  readonly proxyContext: PickContext;
  proxyIds: number[] = [];
  readonly proxyRequests: number[] = [];
  /** L4 nodes behind the routers, each flow's node, the resilient ECMP table and nodes 1…n's pickers. */
  l4NodeCount = 1;
  connL4Node!: Int32Array;
  readonly ecmpTable = new Int32Array(256);
  readonly nodePickers: PickerState[] = [];
  lastEcmp: EcmpReport | null = null;
  readonly proxyConnections: number[] = [];

  readonly totals = {
    sent: 0,
    completed: 0,
    failed: 0,
    status503: 0,
    cacheHits: 0,
    transit: 0,
    queued: 0,
    sessionsLost: 0,
    connectionsOpened: 0,
    backendConnectionsOpened: 0,
    handshakesAtBalancer: 0,
    handshakesAtBackends: 0,
    lbBytesIn: 0,
    lbBytesOut: 0,
    trafficBytes: 0,
    lbCpuUs: 0,
    frontTierBytes: 0,
    frontTierCpuUs: 0,
    spoofedXffForwarded: 0,
    ecmpMoved: 0,
    ecmpBroken: 0,
    /** QUIC connection migrations the balancer saw (a packet from the client's new address). */
    migrations: 0,
    /** Migrated connections that reached a server that did not know them: lost. */
    migrationsLost: 0,
    /** Full handshakes clients made to replace a lost connection. */
    reconnectHandshakes: 0,
  };
  readonly poolRequests: number[] = [];
  readonly latency = new Histogram();
  lastRemap: RemapReport | null = null;
  /** Every removal so far, in order; `drainingCount` of them are still draining. */
  readonly drains: DrainRecord[] = [];
  drainingCount = 0;
  /** Salt of the cache-hit hash, so each seed caches different requests. */
  readonly cacheSalt: number;

  /** A state for `config` (already validated) with every configured pool and backend in place. */
  constructor(config: SimConfig, seed: number) {
    this.config = config;
    this.random = new RandomStreams(seed);
    this.arrivals = this.random.arrivals;
    this.service = this.random.service;
    this.balance = this.random.balance;
    this.mobility = this.random.mobility;
    this.cacheSalt = mix32(seed ^ 0x2545f491);
    this.pickContext = emptyPickContext(this.balance);
    this.pickContext.weight = this.weights;
    this.pickContext.names = this.names;
    this.proxyContext = emptyPickContext(this.balance);
    this.proxyContext.load = this.proxyConnections;
    this.proxyContext.maglevTableSize = 251;
    this.resizeClients(0);
    // With fresh stats the balancer reads live counts; stale stats get their own snapshot array.
    this.loadView = config.balancer.statsRefreshMs > 0 ? [] : this.outstanding;
    for (const pool of config.pools) {
      const index = this.pools.length;
      this.pools.push({
        id: pool.id,
        backends: [],
        picker: new PickerState(),
        candidates: [],
        version: -1,
        ramping: false,
      });
      this.poolRequests.push(0);
      for (const backend of pool.backends) this.registerBackend(index, backend);
    }
    this.compileTemplates();
    this.wire = wireTable(config);
    this.window = new WindowSlots((config.windowMs * US) / WINDOW_SLOTS, PER_BACKEND * LIMITS.backends);
  }

  /** Requests sent and not yet answered: on the wire, queued, or being served. */
  get inFlight(): number {
    let active = 0;
    for (let b = 0; b < this.backends.length; b++) active += this.active[b] as number;
    return this.totals.transit + this.totals.queued + active;
  }

  /** Index of pool `id`, or -1. */
  poolIndex(id: string): number {
    for (let i = 0; i < this.pools.length; i++) if (this.pools[i]!.id === id) return i;
    return -1;
  }

  /** Appends a backend to pool `poolIndex` and every per-backend array; returns its index. */
  registerBackend(poolIndex: number, config: BackendConfig): number {
    if (this.backends.length >= LIMITS.backends)
      throw new EngineParamError('pools', `at most ${LIMITS.backends} backends in all`, this.backends.length + 1);
    if (this.names.includes(config.id)) throw new EngineParamError('backend id', 'a unique id', config.id);
    const b = this.backends.length;
    this.backends.push({
      id: config.id,
      pool: poolIndex,
      config,
      removed: false,
      queue: new IntQueue(),
      epoch: 0,
      drain: null,
      histogram: new Histogram(),
    });
    this.pools[poolIndex]!.backends.push(b);
    this.membershipVersion++;
    this.status.push(STATE_CODE[config.state]);
    // Registered targets start healthy, so a fresh scenario serves at once.
    this.healthy.push(true);
    this.checkStreak.push(0);
    this.passiveErrors.push(0);
    this.ejectedUntil.push(0);
    this.active.push(0);
    this.outstanding.push(0);
    if (this.loadView !== this.outstanding) this.loadView.push(0);
    this.openConns.push(0);
    this.weights.push(config.weight);
    this.slowStartFactor.push(1);
    this.rampStartUs.push(-1);
    this.rampNextUs.push(-1);
    this.names.push(config.id);
    for (const list of Object.values(this.perBackend)) list.push(0);
    return b;
  }

  /** Rebuilds the population and resizes the per-client arrays, keeping the first clients' state. */
  resizeClients(previousCount: number): void {
    const { clients } = this.config;
    this.population = buildPopulation(clients);
    const n = clients.count;
    if (n === previousCount && this.connBackend) return;
    this.connBackend = resized(this.connBackend, new Int32Array(n), -1);
    this.connLeft = resized(this.connLeft, new Float64Array(n), 0);
    this.connOpen = resized(this.connOpen, new Uint8Array(n), 0);
    this.connPort = resized(this.connPort, new Int32Array(n), 49152);
    this.connProxy = resized(this.connProxy, new Int32Array(n), -1);
    this.connL4Node = resized(this.connL4Node, new Int32Array(n), 0);
    this.connId = resized(this.connId, new Int32Array(n), 0);
    this.connMoveAt = resized(this.connMoveAt, new Float64Array(n), -1);
    this.stickyBackend = resized(this.stickyBackend, new Int32Array(n), -1);
    this.sessionBackend = resized(this.sessionBackend, new Int32Array(n), -1);
  }

  /** Recompiles what depends on the request templates, rules and clients (after a config change). */
  compileTemplates(): void {
    const { requests } = this.config;
    this.templateCumulative = new Float64Array(requests.length);
    let total = 0;
    for (let i = 0; i < requests.length; i++) {
      total += requests[i]!.weight;
      this.templateCumulative[i] = total;
    }
    this.rules = compileRules(this.config, this.pools);
  }
}

/** `next` filled with `fill`, then the start of `old` (if any) copied over it. */
function resized<T extends Int32Array | Float64Array | Uint8Array>(old: T | undefined, next: T, fill: number): T {
  next.fill(fill);
  if (old) next.set(old.subarray(0, Math.min(next.length, old.length)));
  return next;
}
