/**
 * The discrete-event simulation: clients → (L4 tier) → balancer → backends. Time is integer
 * microseconds, randomness comes from seeded streams (one per purpose, see RandomStreams), and
 * per-request state lives in typed arrays so a run allocates nothing per event. Three events carry a request: ARRIVAL (the client
 * sends; the balancer decides), AT_BACKEND (it reaches the backend) and COMPLETE (service ends).
 * Network and proxy delays are added arithmetically, which keeps the event count low.
 */
import type { Algorithm, BackendConfig, DeepPartial, SimConfig } from './config.ts';
import { backend as defaultBackend, mergeConfig } from './config.ts';
import { EventQueue, MAX_TIME_US } from './core/event-queue.ts';
import { bucketOf, Histogram } from './core/histogram.ts';
import { IntQueue } from './core/int-queue.ts';
import { mix32 } from './core/hash.ts';
import { RandomStreams, type Rng } from './core/rng.ts';
import { buildPopulation, formatIp, type Population } from './model/population.ts';
import { PickerState, type PickContext } from './model/pickers.ts';
import { wireTable, type WireTable } from './model/wire.ts';
import { Tracer } from './trace.ts';
import { EngineParamError, validateConfig } from './validate.ts';

const AT_BACKEND = 2;
const COMPLETE = 3;
const HEALTH = 4;
const REFRESH = 5;

const US = 1000; // µs per ms
const STATE_UP = 0;
const STATE_CRASHED = 1;
const STATE_GRAY = 2;
const STATE_CODE = { up: STATE_UP, crashed: STATE_CRASHED, gray: STATE_GRAY } as const;
/** CPU per forwarded packet at L4 (Katran ≈ 5 Mpps per core) and per request at L7 (Istio 1.24). */
const L4_CPU_PER_PACKET_US = 0.2;
const L7_CPU_PER_REQUEST_US = 200;
const TLS_HANDSHAKE_CPU_US = 50;
const WINDOW_SLOTS = 10;
export const VIP = '192.0.2.10';

export interface RemapReport {
  /** Keys considered: users for hashing algorithms, live flows otherwise. */
  keys: number;
  remapped: number;
  fraction: number;
}

interface Backend {
  id: string;
  pool: number;
  config: BackendConfig;
  removed: boolean;
  queue: IntQueue;
  epoch: number;
  histogram: Histogram;
}

interface PoolState {
  id: string;
  backends: number[];
  picker: PickerState;
  /** Cached candidate list, valid while `version` matches the simulation's membershipVersion. */
  candidates: number[];
  version: number;
}

/** Counters kept per window slot so "the last second" updates as soon as a slider moves. */
class WindowSlots {
  readonly epoch = new Float64Array(WINDOW_SLOTS).fill(-1);
  readonly data: Float64Array[];
  readonly latency: Histogram[];

  constructor(
    readonly slotUs: number,
    width: number,
  ) {
    this.data = Array.from({ length: WINDOW_SLOTS }, () => new Float64Array(width));
    this.latency = Array.from({ length: WINDOW_SLOTS }, () => new Histogram());
  }

  private currentStart = Infinity;
  private currentEnd = -Infinity;
  private current = 0;

  slot(nowUs: number): number {
    if (nowUs >= this.currentStart && nowUs < this.currentEnd) return this.current;
    const epoch = Math.floor(nowUs / this.slotUs);
    this.currentStart = epoch * this.slotUs;
    this.currentEnd = this.currentStart + this.slotUs;
    const i = (this.current = epoch % WINDOW_SLOTS);
    if (this.epoch[i] !== epoch) {
      this.epoch[i] = epoch;
      this.data[i]!.fill(0);
      this.latency[i]!.reset();
    }
    return i;
  }

  /** Sums slots that belong to the last WINDOW_SLOTS epochs. */
  sum(nowUs: number, column: number): number {
    const current = Math.floor(nowUs / this.slotUs);
    let total = 0;
    for (let i = 0; i < WINDOW_SLOTS; i++) {
      const e = this.epoch[i] as number;
      if (e >= 0 && e > current - WINDOW_SLOTS) total += (this.data[i] as Float64Array)[column] as number;
    }
    return total;
  }

  histogram(nowUs: number): Histogram {
    const current = Math.floor(nowUs / this.slotUs);
    const out = new Histogram();
    for (let i = 0; i < WINDOW_SLOTS; i++) {
      const e = this.epoch[i] as number;
      if (e >= 0 && e > current - WINDOW_SLOTS) out.addFrom(this.latency[i] as Histogram);
    }
    return out;
  }
}

/** Column layout of the window slots: per backend [requests, errors, busyUs], then globals. */
const PER_BACKEND = 3;

export class Simulation {
  config: SimConfig;
  readonly random: RandomStreams;
  // The streams again as plain fields: they are read on every request.
  private readonly arrivals: Rng;
  private readonly service: Rng;
  private readonly balance: Rng;
  readonly tracer: Tracer;
  nowUs = 0;
  eventsProcessed = 0;

  private readonly queue = new EventQueue(4096);
  private population!: Population;
  private templateCumulative!: Float64Array;
  private templateRules!: number[][];
  /** Per template: bytes and packets each way on the wire, worked out once (see model/wire.ts). */
  private wire!: WireTable;
  /** Per rule: pool indices and weights of its forward action, and whether its cookie condition
   * names the cookie some clients carry (string comparisons are done once, not per request). */
  private rulePools: number[][] = [];
  private ruleWeights: number[][] = [];
  private ruleCookieOk: boolean[] = [];
  private ruleNeedsCookie: boolean[] = [];
  private defaultPoolIndex = -1;
  private backends: Backend[] = [];
  private pools: PoolState[] = [];
  private window!: WindowSlots;
  private globalsColumn = 0;

  // Per backend (index = backend number), plain arrays: at most 256 entries.
  private state: number[] = [];
  private healthy: boolean[] = [];
  private checkStreak: number[] = [];
  private passiveErrors: number[] = [];
  private ejectedUntil: number[] = [];
  private active: number[] = [];
  private outstanding: number[] = [];
  private loadView: number[] = [];
  private openConns: number[] = [];
  private weights: number[] = [];
  private names: string[] = [];
  readonly perBackend = {
    requests: [] as number[],
    completed: [] as number[],
    errors: [] as number[],
    connections: [] as number[],
    busyUs: [] as number[],
  };

  // Per client.
  private connBackend!: Int32Array;
  private connLeft!: Float64Array;
  private connOpen!: Uint8Array;
  private connPort!: Int32Array;
  private connProxy!: Int32Array;
  private connId!: Int32Array;
  private stickyBackend!: Int32Array;
  private sessionBackend!: Int32Array;

  // Per request (pooled).
  private reqClient = new Int32Array(1024);
  private reqBackend = new Int32Array(1024);
  private reqTemplate = new Int32Array(1024);
  private reqStart = new Float64Array(1024);
  private reqEpoch = new Int32Array(1024);
  private reqId = new Float64Array(1024);
  /** The request's service-time draw, made on arrival from the service stream. */
  private reqU = new Float64Array(1024);
  private freeRequests: number[] = [];
  private requestSlots = 0;

  // Front L4 tier (layered scenario).
  private proxyPicker = new PickerState();
  readonly proxyRequests: number[] = [];
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
  };
  readonly poolRequests: number[] = [];
  readonly latency = new Histogram();
  lastRemap: RemapReport | null = null;
  private nextRequestId = 1;
  private readonly cacheSalt: number;
  private nextConnectionId = 1;

  constructor(config: SimConfig, seed: number) {
    validateConfig(config);
    this.config = config;
    this.random = new RandomStreams(seed);
    this.arrivals = this.random.arrivals;
    this.service = this.random.service;
    this.balance = this.random.balance;
    this.cacheSalt = mix32(seed ^ 0x2545f491);
    this.tracer = new Tracer(config.traceCapacity);
    this.rebuildPopulation();
    // With fresh stats the balancer reads live counts; stale stats get their own snapshot array.
    this.loadView = config.balancer.statsRefreshMs > 0 ? [] : this.outstanding;
    for (const pool of config.pools) {
      const index = this.pools.length;
      this.pools.push({ id: pool.id, backends: [], picker: new PickerState(), candidates: [], version: -1 });
      this.poolRequests.push(0);
      for (const backend of pool.backends) this.addBackendInternal(index, backend);
    }
    this.rebuildTemplates();
    this.wire = wireTable(config);
    this.window = new WindowSlots((config.windowMs * US) / WINDOW_SLOTS, PER_BACKEND * 256 + 8);
    this.globalsColumn = PER_BACKEND * 256;
    this.scheduleArrival();
    this.scheduleHealthChecks();
    if (config.balancer.statsRefreshMs > 0) this.queue.push(0, REFRESH, 0);
  }

  // ───────────────────────────── running ─────────────────────────────

  /** Processes every event up to and including `timeUs`, then sets the clock there. */
  advanceTo(timeUs: number): void {
    if (!(timeUs >= this.nowUs)) return;
    if (timeUs > MAX_TIME_US)
      throw new EngineParamError('timeMs', `at most ${MAX_TIME_US / 1000} ms of simulated time`, timeUs / 1000);
    const queue = this.queue;
    for (;;) {
      // The next arrival lives outside the heap: there is always exactly one, and keeping it
      // apart saves a heap push and pop per request. On a tie the queued event goes first.
      const queued = queue.peekTime();
      const arrival = this.nextArrivalUs;
      if (arrival < queued) {
        if (arrival > timeUs) break;
        this.nowUs = arrival;
        this.eventsProcessed++;
        this.onArrival();
        continue;
      }
      if (queued > timeUs) break; // also ends an empty queue, whose peek is Infinity
      const kind = queue.topKind;
      const ref = queue.topRef;
      queue.pop();
      this.nowUs = queued;
      this.eventsProcessed++;
      switch (kind) {
        case AT_BACKEND:
          this.onAtBackend(ref);
          break;
        case COMPLETE:
          this.onComplete(ref);
          break;
        case HEALTH:
          this.onHealthCheck(ref);
          break;
        case REFRESH:
          this.onRefresh();
          break;
      }
    }
    this.nowUs = timeUs;
  }

  get inFlight(): number {
    let active = 0;
    for (let b = 0; b < this.backends.length; b++) active += this.active[b] as number;
    return this.totals.transit + this.totals.queued + active;
  }

  /** Time of the next client request (whole µs), or Infinity while the rate is zero. */
  private nextArrivalUs = Infinity;

  private scheduleArrival(): void {
    const rate = this.config.clients.ratePerSecond;
    this.nextArrivalUs = rate > 0 ? Math.round(this.nowUs + this.arrivals.exp(1e6 / rate)) : Infinity;
  }

  private scheduleHealthChecks(): void {
    const active = this.config.health.active;
    if (!active) return;
    const n = this.backends.length;
    this.backends.forEach((_, b) =>
      this.queue.push(this.nowUs + ((b + 1) / (n + 1)) * active.intervalMs * US, HEALTH, b),
    );
  }

  // ───────────────────────────── requests ─────────────────────────────

  private onArrival(): void {
    this.scheduleArrival();
    const { clients, balancer, network } = this.config;
    const c = this.arrivals.int(clients.count);
    const template = this.pickTemplate();
    const r = this.allocRequest(c, template);
    this.totals.sent++;

    // The client-side connection: keep-alive for HTTP/1.1, one long-lived one for HTTP/2 and WebSocket.
    const persistent = clients.protocol !== 'http1';
    let setupUs = 0;
    const newConnection = this.connOpen[c] === 0 || (this.connLeft[c] as number) <= 0;
    if (newConnection) {
      this.closeConnection(c);
      this.connOpen[c] = 1;
      this.connLeft[c] = persistent ? Infinity : clients.requestsPerConnection;
      // The next ephemeral port: a hash, not a random draw, so opening connections never shifts
      // the arrival or balancing streams.
      const portStep = 1 + (mix32(c ^ Math.imul(this.nextConnectionId, 0x9e3779b9)) % 97);
      this.connPort[c] = 49152 + (((this.connPort[c] as number) - 49152 + portStep) % 16384);
      this.connId[c] = this.nextConnectionId++;
      this.totals.connectionsOpened++;
      setupUs = this.handshakeUs();
      this.countHandshake();
      if (balancer.tls === 'terminate' || balancer.tls === 'reencrypt') {
        this.totals.handshakesAtBalancer++;
        this.totals.lbCpuUs += TLS_HANDSHAKE_CPU_US;
      }
      if (this.config.frontTier) this.pickProxy(c);
      this.tracer.handshake(this, c, r, setupUs);
    }
    this.connLeft[c] = (this.connLeft[c] as number) - 1;
    if (this.config.frontTier) {
      const p = this.connProxy[c] as number;
      this.proxyRequests[p] = (this.proxyRequests[p] ?? 0) + 1;
    }

    const t = this.config.requests[template]!;
    let b: number;
    if (balancer.mode === 'l4' || clients.protocol === 'websocket') {
      // One decision per connection, remembered in the connection-tracking table.
      if (newConnection || this.connBackend[c] === -1) this.assignConnection(c, template);
      b = this.connBackend[c] as number;
    } else {
      this.totals.lbCpuUs += L7_CPU_PER_REQUEST_US;
      if (balancer.cache.enabled && t.cacheable && this.isCacheHit(r)) {
        this.finishCacheHit(r, setupUs);
        return;
      }
      b = this.routeRequest(c, template);
    }
    if (clients.spoofedXff !== null && balancer.mode === 'l7' && balancer.xff) this.totals.spoofedXffForwarded++;

    if (b < 0) {
      // No backend configured in the pool: the balancer answers 503 itself.
      this.totals.status503++;
      this.fail(r, -1);
      return;
    }
    this.reqBackend[r] = b;
    this.reqEpoch[r] = this.backends[b]!.epoch;
    this.perBackend.requests[b]!++;
    this.outstanding[b]!++;
    this.poolRequests[this.backends[b]!.pool]!++;
    const slot = this.window.slot(this.nowUs);
    this.window.data[slot]![b * PER_BACKEND]! += 1;

    this.countRequest(template);
    if (this.state[b] === STATE_CRASHED) {
      // Nothing listens: the connection is refused after one backend round trip.
      this.fail(r, b);
      return;
    }
    const toBackendUs =
      setupUs +
      (network.clientRttMs * US) / 2 +
      this.balancerHopUs() +
      this.backendConnectUs() +
      (network.backendRttMs * US) / 2;
    this.totals.transit++;
    // Requests on open connections share one delay, so they reach backends in send order; ones
    // that first set up a connection arrive later and go through the heap.
    if (setupUs === 0) this.queue.pushMonotone(this.nowUs + toBackendUs, AT_BACKEND, r);
    else this.queue.push(this.nowUs + toBackendUs, AT_BACKEND, r);
    this.tracer.request(this, r, c, b, setupUs, toBackendUs);
  }

  private onAtBackend(r: number): void {
    this.totals.transit--;
    const b = this.reqBackend[r] as number;
    if (this.state[b] === STATE_CRASHED || this.reqEpoch[r] !== this.backends[b]!.epoch) {
      this.fail(r, b);
      return;
    }
    if ((this.active[b] as number) < this.backends[b]!.config.concurrency) this.startService(r, b);
    else {
      this.backends[b]!.queue.push(r);
      this.totals.queued++;
    }
  }

  private startService(r: number, b: number): void {
    this.active[b]!++;
    const config = this.backends[b]!.config;
    const mean = (config.serviceMs * US) / config.speed;
    // The request's own uniform draw (made on arrival), shaped by this backend's distribution: the
    // same request costs the same wherever a design sends it.
    const u = this.reqU[r] as number;
    let serviceUs: number;
    switch (config.distribution) {
      case 'exponential':
        serviceUs = -Math.log(1 - u) * mean;
        break;
      case 'bimodal':
        // Fact base §5.1: 95% take 0.5× the mean, 5% take 10.5×.
        serviceUs = u < 0.95 ? mean * 0.5 : mean * 10.5;
        break;
      case 'constant':
        serviceUs = mean;
        break;
    }
    this.perBackend.busyUs[b]! += serviceUs;
    this.window.data[this.window.slot(this.nowUs)]![b * PER_BACKEND + 2]! += serviceUs;
    this.queue.push(this.nowUs + serviceUs, COMPLETE, r);
  }

  private onComplete(r: number): void {
    const b = this.reqBackend[r] as number;
    this.active[b]!--;
    const backend = this.backends[b]!;
    const next = backend.queue.shift();
    if (next >= 0) {
      this.totals.queued--;
      this.startService(next, b);
    }
    const state = this.state[b];
    if (this.reqEpoch[r] !== backend.epoch || state === STATE_CRASHED || (state === STATE_GRAY && this.grayFails(b))) {
      // Gray failure: served, but with a 5xx. Crashed mid-request: the response never comes.
      this.fail(r, b);
      return;
    }
    this.countResponse(this.reqTemplate[r] as number);
    const { network, balancer } = this.config;
    const viaBalancer = balancer.mode === 'l7' || balancer.forwarding === 'nat';
    const returnUs =
      (network.backendRttMs * US) / 2 + (viaBalancer ? this.balancerHopUs() : 0) + (network.clientRttMs * US) / 2;
    const latencyUs = this.nowUs + returnUs - (this.reqStart[r] as number);
    const bucket = bucketOf(latencyUs);
    this.latency.recordIn(bucket, latencyUs);
    backend.histogram.recordIn(bucket, latencyUs);
    this.window.latency[this.window.slot(this.nowUs)]!.recordIn(bucket, latencyUs);
    this.totals.completed++;
    this.perBackend.completed[b]!++;
    this.outstanding[b]!--;
    this.passiveErrors[b] = 0;
    this.trackSession(this.reqClient[r] as number, b);
    this.tracer.response(this, r, b, returnUs, viaBalancer);
    this.freeRequest(r);
  }

  private finishCacheHit(r: number, setupUs: number): void {
    const { network } = this.config;
    const latencyUs = setupUs + network.clientRttMs * US + this.balancerHopUs();
    // The proxy answers itself: both directions cross it and no backend is involved.
    this.countRequest(this.reqTemplate[r] as number);
    this.countResponse(this.reqTemplate[r] as number);
    this.latency.record(latencyUs);
    this.window.latency[this.window.slot(this.nowUs)]!.record(latencyUs);
    this.totals.completed++;
    this.totals.cacheHits++;
    this.freeRequest(r);
  }

  private fail(r: number, b: number): void {
    this.totals.failed++;
    if (b >= 0) {
      this.perBackend.errors[b]!++;
      this.outstanding[b]!--;
      this.window.data[this.window.slot(this.nowUs)]![b * PER_BACKEND + 1]! += 1;
      const passive = this.config.health.passive;
      if (passive) {
        this.passiveErrors[b]!++;
        if ((this.passiveErrors[b] as number) >= passive.consecutiveErrors) {
          this.ejectedUntil[b] = this.nowUs + passive.ejectionMs * US;
          this.nextEjectionExpiryUs = Math.min(this.nextEjectionExpiryUs, this.ejectedUntil[b] as number);
          this.membershipVersion++;
          this.passiveErrors[b] = 0;
          this.dropConnectionsTo(b);
        }
      }
    }
    this.freeRequest(r);
  }

  // ───────────────────────────── routing ─────────────────────────────

  /** L7: one decision per request, from listener rules, weights, stickiness and the algorithm. */
  private routeRequest(c: number, template: number): number {
    const { balancer } = this.config;
    const poolIndex = this.poolForRequest(c, template);
    const sticky = this.stickyBackend[c] as number;
    if (balancer.stickiness === 'cookie' && sticky >= 0 && this.isCandidate(sticky)) {
      // Stickiness wins over weights: the cookie names the backend.
      const stickyPool = this.backends[sticky]!.pool;
      if (stickyPool === poolIndex || this.ruleAllowsPool(c, template, stickyPool)) return sticky;
    }
    if (poolIndex < 0) return -1;
    const algorithm: Algorithm = balancer.stickiness === 'source-ip' ? 'ip-hash' : balancer.algorithm;
    const b = this.pickFromPool(poolIndex, algorithm, this.population.userKey[c] as number, c);
    if (balancer.stickiness === 'cookie' && b >= 0) this.stickyBackend[c] = b;
    return b;
  }

  private poolForRequest(c: number, template: number): number {
    const rules = this.templateRules[template]!;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i] as number;
      if (this.ruleNeedsCookie[rule] && !(this.ruleCookieOk[rule] && this.population.hasCookie[c] === 1)) continue;
      return this.weightedForward(rule);
    }
    return this.defaultPoolIndex;
  }

  private ruleAllowsPool(c: number, template: number, pool: number): boolean {
    for (const rule of this.templateRules[template]!) {
      if (this.ruleNeedsCookie[rule] && !(this.ruleCookieOk[rule] && this.population.hasCookie[c] === 1)) continue;
      return this.rulePools[rule]!.some((p, i) => p === pool && (this.ruleWeights[rule]![i] as number) > 0);
    }
    return this.defaultPoolIndex === pool;
  }

  private weightedForward(rule: number): number {
    const pools = this.rulePools[rule]!;
    if (pools.length === 1) return pools[0] as number;
    const weights = this.ruleWeights[rule]!;
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i] as number;
    if (total <= 0) return pools[0] as number;
    let x = this.balance.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return pools[i] as number;
    }
    return pools[pools.length - 1] as number;
  }

  /** L4 (and WebSocket at L7): pick once for the connection and remember it. */
  private assignConnection(c: number, template: number): void {
    const { balancer } = this.config;
    let poolIndex = this.defaultPoolIndex;
    if (balancer.mode === 'l4') {
      // SNI routing needs a readable ClientHello: TLS, and no ECH.
      const sni = this.config.requests[template]!.host;
      const readable = balancer.tls !== 'none' && !this.config.clients.ech;
      const route = readable ? balancer.sniRoutes.find((r) => r.sni === sni) : undefined;
      if (route) poolIndex = this.poolIndex(route.pool);
    } else {
      poolIndex = this.poolForRequest(c, template);
    }
    const algorithm: Algorithm = balancer.stickiness === 'source-ip' ? 'ip-hash' : balancer.algorithm;
    const b = poolIndex < 0 ? -1 : this.pickFromPool(poolIndex, algorithm, this.flowKey(c), c);
    this.connBackend[c] = b;
    if (b >= 0) {
      this.openConns[b]!++;
      this.perBackend.connections[b]!++;
      if (balancer.tls === 'passthrough') this.totals.handshakesAtBackends++;
    }
  }

  /** One context object, refilled per pick: no allocation on the hot path. */
  private readonly pickContext: PickContext = {
    rng: undefined as unknown as Rng,
    load: [],
    weight: [],
    names: [],
    key: 0,
    ipKey: 0,
    choices: 2,
    ringVnodes: 100,
    maglevTableSize: 65_537,
  };

  private pickFromPool(poolIndex: number, algorithm: Algorithm, key: number, c: number): number {
    const pool = this.pools[poolIndex]!;
    const candidates = this.candidates(pool);
    if (candidates.length === 0) return -1;
    const { balancer } = this.config;
    const ctx = this.pickContext;
    ctx.rng = this.balance;
    ctx.load = balancer.mode === 'l4' && algorithm === 'least-connections' ? this.openConns : this.loadView;
    ctx.weight = this.weights;
    ctx.names = this.names;
    ctx.key = key;
    ctx.ipKey = this.population.ipKey[c] as number;
    ctx.choices = balancer.choices;
    ctx.ringVnodes = balancer.ringVnodes;
    ctx.maglevTableSize = balancer.maglevTableSize;
    return pool.picker.pick(algorithm, candidates, ctx);
  }

  /** Bumped whenever health, ejection, weight or membership changes: candidate lists are cached. */
  private membershipVersion = 0;
  private nextEjectionExpiryUs = Infinity;

  /** Healthy backends of a pool; if none is healthy, all of them (fail open, as ALB does). */
  private candidates(pool: PoolState): number[] {
    if (this.nowUs >= this.nextEjectionExpiryUs) this.expireEjections();
    if (pool.version === this.membershipVersion) return pool.candidates;
    const out: number[] = [];
    let configured = 0;
    for (const b of pool.backends) {
      if (this.backends[b]!.removed) continue;
      configured++;
      if (this.isCandidate(b)) out.push(b);
    }
    if (out.length === 0 && configured > 0) for (const b of pool.backends) if (!this.backends[b]!.removed) out.push(b);
    pool.candidates = out;
    pool.version = this.membershipVersion;
    return out;
  }

  private expireEjections(): void {
    this.membershipVersion++;
    let next = Infinity;
    for (let b = 0; b < this.backends.length; b++) {
      const until = this.ejectedUntil[b] as number;
      if (until > this.nowUs && until < next) next = until;
    }
    this.nextEjectionExpiryUs = next;
  }

  private isCandidate(b: number): boolean {
    return (
      !this.backends[b]!.removed &&
      (this.healthy[b] as boolean) &&
      (this.ejectedUntil[b] as number) <= this.nowUs &&
      (this.weights[b] as number) > 0
    );
  }

  private pickProxy(c: number): void {
    const tier = this.config.frontTier!;
    const proxies = Array.from({ length: tier.proxies }, (_, i) => i);
    const names = proxies.map((i) => `proxy-${i + 1}`);
    const p = this.proxyPicker.pick(tier.algorithm, proxies, {
      rng: this.random.balance,
      load: this.proxyConnections,
      weight: proxies.map(() => 1),
      names,
      key: this.flowKey(c),
      ipKey: this.population.ipKey[c] as number,
      choices: 2,
      ringVnodes: 100,
      maglevTableSize: 251,
    });
    this.connProxy[c] = p;
    this.proxyConnections[p] = (this.proxyConnections[p] ?? 0) + 1;
  }

  private flowKey(c: number): number {
    return mix32((this.population.ipKey[c] as number) ^ mix32(this.connPort[c] as number));
  }

  private closeConnection(c: number): void {
    if (this.connOpen[c] === 0) return;
    const b = this.connBackend[c] as number;
    if (b >= 0) this.openConns[b]!--;
    if (this.config.frontTier) {
      const p = this.connProxy[c] as number;
      if (p >= 0) this.proxyConnections[p]!--;
    }
    this.connBackend[c] = -1;
    this.connOpen[c] = 0;
  }

  /** Resets the flows pinned to a backend the balancer stopped trusting (GCP NEVER_PERSIST). */
  private dropConnectionsTo(b: number): void {
    for (let c = 0; c < this.config.clients.count; c++) {
      if (this.connBackend[c] === b) this.closeConnection(c);
    }
  }

  // ───────────────────────────── costs ─────────────────────────────

  /** TCP handshake plus TLS: 1 round trip for TLS 1.3, 2 for TLS 1.2 (fact base §6). */
  private handshakeUs(): number {
    const { balancer, network, clients } = this.config;
    const tlsRtts = balancer.tls === 'none' ? 0 : clients.tlsVersion === '1.3' ? 1 : 2;
    // Under passthrough (L4) the TLS handshake runs end to end with the backend.
    const tlsRttUs =
      balancer.tls === 'passthrough' ? (network.clientRttMs + network.backendRttMs) * US : network.clientRttMs * US;
    return network.clientRttMs * US + tlsRtts * tlsRttUs;
  }

  private balancerHopUs(): number {
    const { balancer, network } = this.config;
    return (balancer.mode === 'l7' ? network.l7HopMs : network.l4HopMs) * US;
  }

  /** L7 opens (or reuses) its own backend connection; L4 forwards the client's. */
  private backendConnectUs(): number {
    const { balancer, network, clients } = this.config;
    if (balancer.mode === 'l4') return 0;
    if (balancer.backendPooling && clients.protocol !== 'websocket') return 0;
    this.totals.backendConnectionsOpened++;
    const tls = balancer.tls === 'reencrypt';
    if (tls) {
      this.totals.handshakesAtBackends++;
      this.totals.lbCpuUs += TLS_HANDSHAKE_CPU_US;
    }
    return network.backendRttMs * US * (tls ? (clients.tlsVersion === '1.3' ? 2 : 3) : 1);
  }

  /** Whether a request's response is in the proxy cache: a property of the request, not a draw. */
  private isCacheHit(r: number): boolean {
    const id = this.reqId[r] as number;
    return mix32(id ^ this.cacheSalt) / 4294967296 < this.config.balancer.cache.hitRatio;
  }

  /** A gray backend fails a share of what it serves (all of it by default), drawn from the fault stream. */
  private grayFails(b: number): boolean {
    const rate = this.backends[b]!.config.grayErrorRate;
    return rate >= 1 || this.random.faults.next() < rate;
  }

  /** Opening a connection: the TCP (and TLS) handshake packets of both sides. */
  private countHandshake(): void {
    const { client, server } = this.wire.handshake;
    this.countFlows(client.bytes, client.packets, server.bytes, server.packets);
  }

  /** A request goes out; the server's ACK for it comes back (sizes worked out per template). */
  private countRequest(template: number): void {
    const w = this.wire;
    this.countFlows(
      w.reqBytes[template]!,
      w.reqPackets[template]!,
      w.reqAckBytes[template]!,
      w.reqAckPackets[template]!,
    );
  }

  /** A response comes back; the client's ACKs for it go out. */
  private countResponse(template: number): void {
    const w = this.wire;
    this.countFlows(
      w.respAckBytes[template]!,
      w.respAckPackets[template]!,
      w.respBytes[template]!,
      w.respPackets[template]!,
    );
  }

  /**
   * Client-to-server packets always cross the balancer (and an L4 tier in front of it); the
   * server's packets cross it only when they come back through it (L7, or L4 in NAT mode).
   */
  private countFlows(
    toServerBytes: number,
    toServerPackets: number,
    toClientBytes: number,
    toClientPackets: number,
  ): void {
    const { balancer, frontTier } = this.config;
    const t = this.totals;
    t.trafficBytes += toServerBytes + toClientBytes;
    const back = balancer.mode === 'l7' || balancer.forwarding === 'nat';
    const bytes = back ? toServerBytes + toClientBytes : toServerBytes;
    t.lbBytesIn += bytes;
    t.lbBytesOut += bytes;
    if (balancer.mode === 'l4')
      t.lbCpuUs += L4_CPU_PER_PACKET_US * (back ? toServerPackets + toClientPackets : toServerPackets);
    if (frontTier) {
      const tierBack = frontTier.forwarding === 'nat';
      t.frontTierBytes += tierBack ? toServerBytes + toClientBytes : toServerBytes;
      t.frontTierCpuUs += L4_CPU_PER_PACKET_US * (tierBack ? toServerPackets + toClientPackets : toServerPackets);
    }
  }

  // ───────────────────────────── sessions and health ─────────────────────────────

  private trackSession(c: number, b: number): void {
    if (this.config.sessions !== 'memory') return;
    const holder = this.sessionBackend[c] as number;
    if (holder >= 0 && holder !== b) this.totals.sessionsLost++;
    this.sessionBackend[c] = b;
  }

  private onHealthCheck(b: number): void {
    const active = this.config.health.active;
    const backend = this.backends[b];
    if (!active || !backend || backend.removed) return;
    this.queue.push(this.nowUs + active.intervalMs * US, HEALTH, b);
    // A gray backend still answers its health endpoint: that is what makes it gray.
    const passed = this.state[b] !== STATE_CRASHED;
    const streak = this.checkStreak[b] as number;
    this.checkStreak[b] = passed ? Math.max(streak, 0) + 1 : Math.min(streak, 0) - 1;
    if (!this.healthy[b] && passed && (this.checkStreak[b] as number) >= active.healthyThreshold) {
      this.healthy[b] = true;
      this.membershipVersion++;
    }
    if (this.healthy[b] && !passed && -(this.checkStreak[b] as number) >= active.unhealthyThreshold) {
      this.healthy[b] = false;
      this.membershipVersion++;
      this.dropConnectionsTo(b);
    }
    this.tracer.healthCheck(this, b, passed);
  }

  private onRefresh(): void {
    const refresh = this.config.balancer.statsRefreshMs;
    if (refresh <= 0) return;
    for (let b = 0; b < this.backends.length; b++) this.loadView[b] = this.outstanding[b] as number;
    this.queue.push(this.nowUs + refresh * US, REFRESH, 0);
  }

  // ───────────────────────────── live changes ─────────────────────────────

  /**
   * Applies a partial config while running: rates, weights, NAT share, algorithm, TLS mode, rules…
   * Pools' backend lists change only through add/remove/crash/revive below.
   */
  update(patch: DeepPartial<SimConfig>): void {
    if ('pools' in patch)
      throw new EngineParamError('pools', 'addBackend/removeBackend/setBackendState, not update()', patch.pools);
    const next = mergeConfig(this.config, patch);
    next.pools = this.currentPoolsConfig();
    validateConfig(next);
    const previous = this.config;
    this.config = next;
    if (
      patch.clients &&
      (next.clients.count !== previous.clients.count ||
        next.clients.natShare !== previous.clients.natShare ||
        next.clients.usersPerIp !== previous.clients.usersPerIp ||
        next.clients.cookieShare !== previous.clients.cookieShare)
    ) {
      this.rebuildPopulation(previous.clients.count);
    }
    if (patch.requests || patch.balancer || patch.clients) this.rebuildTemplates();
    this.wire = wireTable(next);
    // A new rate takes effect now, not after the gap drawn at the old rate.
    if (next.clients.ratePerSecond !== previous.clients.ratePerSecond) this.scheduleArrival();
    if (next.balancer.algorithm !== previous.balancer.algorithm) for (const pool of this.pools) pool.picker.reset();
    const tierChanged = JSON.stringify(next.frontTier) !== JSON.stringify(previous.frontTier);
    if (next.balancer.mode !== previous.balancer.mode || next.balancer.tls !== previous.balancer.tls || tierChanged) {
      // A different listener: every client reconnects.
      for (let c = 0; c < next.clients.count; c++) this.closeConnection(c);
    }
    if (next.balancer.statsRefreshMs > 0 && previous.balancer.statsRefreshMs <= 0) {
      this.loadView = [...this.outstanding];
      this.queue.push(this.nowUs, REFRESH, 0);
    }
    if (next.balancer.statsRefreshMs <= 0) this.loadView = this.outstanding;
    if (next.health.active && !previous.health.active) this.scheduleHealthChecks();
  }

  setWeight(backendId: string, weight: number): void {
    const b = this.backendIndex(backendId);
    if (!(weight >= 0 && weight <= 999))
      throw new EngineParamError(`weight of ${backendId}`, 'a number from 0 to 999', weight);
    this.weights[b] = weight;
    this.membershipVersion++;
    this.backends[b]!.config = { ...this.backends[b]!.config, weight };
  }

  /** Adds a backend and reports how many users or flows now map elsewhere. */
  addBackend(poolId: string, config: Partial<BackendConfig> = {}): RemapReport {
    const poolIndex = this.poolIndex(poolId);
    if (poolIndex < 0) throw new EngineParamError('poolId', `one of ${this.pools.map((p) => p.id).join(', ')}`, poolId);
    const id = config.id ?? `${poolId}-${this.pools[poolIndex]!.backends.length + 1}`;
    const before = this.snapshotChoices(poolIndex);
    const base = this.pools[poolIndex]!.backends.map((b) => this.backends[b]!.config).find(() => true);
    // A new server is a copy of the pool's first one (same size and speed), healthy and at weight 1.
    const b = this.addBackendInternal(poolIndex, {
      ...defaultBackend(id),
      ...(base ?? {}),
      id,
      weight: 1,
      state: 'up',
      ...config,
    });
    const active = this.config.health.active;
    if (active) this.queue.push(this.nowUs + active.intervalMs * US, HEALTH, b);
    return this.reportRemap(poolIndex, before);
  }

  removeBackend(backendId: string): RemapReport {
    const b = this.backendIndex(backendId);
    const poolIndex = this.backends[b]!.pool;
    const before = this.snapshotChoices(poolIndex);
    this.backends[b]!.removed = true;
    this.membershipVersion++;
    this.dropConnectionsTo(b);
    this.failQueued(b);
    this.backends[b]!.epoch++;
    this.loseSessionsOn(b);
    return this.reportRemap(poolIndex, before);
  }

  setBackendState(backendId: string, state: 'up' | 'crashed' | 'gray'): void {
    const b = this.backendIndex(backendId);
    const code = STATE_CODE[state];
    if (this.state[b] === code) return;
    if (code === STATE_CRASHED) {
      this.backends[b]!.epoch++;
      this.failQueued(b);
      this.loseSessionsOn(b);
    }
    this.state[b] = code;
    this.backends[b]!.config = { ...this.backends[b]!.config, state };
  }

  private failQueued(b: number): void {
    const queue = this.backends[b]!.queue;
    for (let r = queue.shift(); r >= 0; r = queue.shift()) {
      this.totals.queued--;
      this.fail(r, b);
    }
  }

  /** In-memory sessions die with their server; a shared store keeps them. */
  private loseSessionsOn(b: number): void {
    if (this.config.sessions !== 'memory') return;
    for (let c = 0; c < this.config.clients.count; c++) {
      if (this.sessionBackend[c] === b) {
        this.sessionBackend[c] = -1;
        this.totals.sessionsLost++;
      }
    }
  }

  /** Where every user would go now (by the routing key the algorithm uses). */
  private snapshotChoices(poolIndex: number): Int32Array {
    const n = this.config.clients.count;
    const out = new Int32Array(n);
    const { balancer } = this.config;
    const algorithm: Algorithm = balancer.stickiness === 'source-ip' ? 'ip-hash' : balancer.algorithm;
    const hashing = algorithm === 'ip-hash' || algorithm === 'ring-hash' || algorithm === 'maglev';
    const pool = this.pools[poolIndex]!;
    for (let c = 0; c < n; c++) {
      if (hashing) {
        // Pure lookups: no counters move, so the report does not disturb the run.
        out[c] = pool.picker.pick(algorithm, this.candidates(pool).slice(), {
          rng: this.random.balance,
          load: this.loadView,
          weight: this.weights,
          names: this.names,
          key: this.population.userKey[c] as number,
          ipKey: this.population.ipKey[c] as number,
          choices: 1,
          ringVnodes: balancer.ringVnodes,
          maglevTableSize: balancer.maglevTableSize,
        });
      } else {
        out[c] = balancer.stickiness === 'cookie' ? (this.stickyBackend[c] as number) : (this.connBackend[c] as number);
      }
    }
    return out;
  }

  private reportRemap(poolIndex: number, before: Int32Array): RemapReport {
    const after = this.snapshotChoices(poolIndex);
    let keys = 0;
    let remapped = 0;
    for (let c = 0; c < before.length; c++) {
      if ((before[c] as number) < 0) continue;
      keys++;
      const gone = this.backends[before[c] as number]!.removed;
      if (before[c] !== after[c] || gone) remapped++;
    }
    this.lastRemap = { keys, remapped, fraction: keys === 0 ? 0 : remapped / keys };
    return this.lastRemap;
  }

  // ───────────────────────────── bookkeeping ─────────────────────────────

  private addBackendInternal(poolIndex: number, config: BackendConfig): number {
    if (this.backends.length >= 256)
      throw new EngineParamError('pools', 'at most 256 backends in all', this.backends.length + 1);
    if (this.names.includes(config.id)) throw new EngineParamError('backend id', 'a unique id', config.id);
    const b = this.backends.length;
    this.backends.push({
      id: config.id,
      pool: poolIndex,
      config,
      removed: false,
      queue: new IntQueue(),
      epoch: 0,
      histogram: new Histogram(),
    });
    this.pools[poolIndex]!.backends.push(b);
    this.membershipVersion++;
    this.state.push(STATE_CODE[config.state]);
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
    this.names.push(config.id);
    for (const list of Object.values(this.perBackend)) list.push(0);
    return b;
  }

  private rebuildPopulation(previousCount = 0): void {
    const { clients } = this.config;
    this.population = buildPopulation(clients);
    const n = clients.count;
    if (n === previousCount && this.connBackend) return;
    const resize = <T extends Int32Array | Float64Array | Uint8Array>(
      old: T | undefined,
      make: (size: number) => T,
      fill: number,
    ): T => {
      const next = make(n).fill(fill) as T;
      if (old) next.set(old.subarray(0, Math.min(n, old.length)));
      return next;
    };
    this.connBackend = resize(this.connBackend, (s) => new Int32Array(s), -1);
    this.connLeft = resize(this.connLeft, (s) => new Float64Array(s), 0);
    this.connOpen = resize(this.connOpen, (s) => new Uint8Array(s), 0);
    this.connPort = resize(this.connPort, (s) => new Int32Array(s), 49152);
    this.connProxy = resize(this.connProxy, (s) => new Int32Array(s), -1);
    this.connId = resize(this.connId, (s) => new Int32Array(s), 0);
    this.stickyBackend = resize(this.stickyBackend, (s) => new Int32Array(s), -1);
    this.sessionBackend = resize(this.sessionBackend, (s) => new Int32Array(s), -1);
  }

  private rebuildTemplates(): void {
    const { requests, balancer, clients } = this.config;
    this.templateCumulative = new Float64Array(requests.length);
    let total = 0;
    requests.forEach((r, i) => {
      total += r.weight;
      this.templateCumulative[i] = total;
    });
    this.defaultPoolIndex = this.poolIndex(balancer.defaultPool);
    this.rulePools = balancer.rules.map((rule) => rule.forward.map((f) => this.poolIndex(f.pool)));
    this.ruleWeights = balancer.rules.map((rule) => rule.forward.map((f) => f.weight));
    this.ruleNeedsCookie = balancer.rules.map((rule) => rule.match.cookie !== undefined);
    this.ruleCookieOk = balancer.rules.map(
      (rule) => rule.match.cookie?.name === clients.cookie.name && rule.match.cookie.value === clients.cookie.value,
    );
    // Rules that can match each template, ignoring cookies (those depend on the client).
    this.templateRules = requests.map((r) =>
      balancer.rules.flatMap((rule, index) => {
        const m = rule.match;
        const ok =
          (m.pathPrefix === undefined || r.path.startsWith(m.pathPrefix)) &&
          (m.host === undefined || r.host === m.host) &&
          (m.method === undefined || r.method === m.method) &&
          (m.header === undefined || r.headers[m.header.name] === m.header.value);
        return ok ? [index] : [];
      }),
    );
  }

  private pickTemplate(): number {
    const cumulative = this.templateCumulative;
    if (cumulative.length === 1) return 0;
    const x = this.arrivals.next() * (cumulative[cumulative.length - 1] as number);
    for (let i = 0; i < cumulative.length; i++) if (x < (cumulative[i] as number)) return i;
    return cumulative.length - 1;
  }

  private allocRequest(c: number, template: number): number {
    let r = this.freeRequests.pop();
    if (r === undefined) {
      r = this.requestSlots++;
      if (r >= this.reqClient.length) this.growRequests();
    }
    this.reqClient[r] = c;
    this.reqTemplate[r] = template;
    this.reqStart[r] = this.nowUs;
    this.reqBackend[r] = -1;
    this.reqId[r] = this.nextRequestId++;
    this.reqU[r] = this.service.next();
    return r;
  }

  private freeRequest(r: number): void {
    this.freeRequests.push(r);
  }

  private growRequests(): void {
    const size = this.reqClient.length * 2;
    const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.reqClient = grow(this.reqClient, (n) => new Int32Array(n));
    this.reqBackend = grow(this.reqBackend, (n) => new Int32Array(n));
    this.reqTemplate = grow(this.reqTemplate, (n) => new Int32Array(n));
    this.reqStart = grow(this.reqStart, (n) => new Float64Array(n));
    this.reqEpoch = grow(this.reqEpoch, (n) => new Int32Array(n));
    this.reqId = grow(this.reqId, (n) => new Float64Array(n));
    this.reqU = grow(this.reqU, (n) => new Float64Array(n));
  }

  private poolIndex(id: string): number {
    for (let i = 0; i < this.pools.length; i++) if (this.pools[i]!.id === id) return i;
    return -1;
  }

  private backendIndex(id: string): number {
    const b = this.names.indexOf(id);
    if (b < 0 || this.backends[b]!.removed)
      throw new EngineParamError('backendId', `one of ${this.backendIds().join(', ')}`, id);
    return b;
  }

  /** Ids of the servers in the run now (removed ones excluded). */
  backendIds(): string[] {
    return this.backends.filter((b) => !b.removed).map((b) => b.id);
  }

  private currentPoolsConfig(): SimConfig['pools'] {
    return this.pools.map((pool) => ({
      id: pool.id,
      backends: pool.backends.filter((b) => !this.backends[b]!.removed).map((b) => this.backends[b]!.config),
    }));
  }

  // ───────────────────────────── read access for metrics and trace ─────────────────────────────

  /** Read-only views for `metrics.ts` and `trace.ts`; nothing outside the engine mutates them. */
  get view() {
    return {
      backends: this.backends,
      pools: this.pools,
      state: this.state,
      healthy: this.healthy,
      ejectedUntil: this.ejectedUntil,
      active: this.active,
      outstanding: this.outstanding,
      openConns: this.openConns,
      weights: this.weights,
      window: this.window,
      perBackendColumns: PER_BACKEND,
      population: this.population,
      reqClient: this.reqClient,
      reqTemplate: this.reqTemplate,
      reqId: this.reqId,
      connPort: this.connPort,
      connId: this.connId,
      connProxy: this.connProxy,
      connBackend: this.connBackend,
      globalsColumn: this.globalsColumn,
    };
  }

  formatClientIp(c: number): string {
    return formatIp(this.population.ip[c] as number);
  }
}
