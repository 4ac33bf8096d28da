/**
 * The discrete-event simulation: clients → (L4 tier) → balancer → backends. Time is integer
 * microseconds, randomness comes from seeded streams (one per purpose, see RandomStreams), and
 * per-request state lives in typed arrays (`sim/request-pool.ts`), so a run allocates nothing per
 * event. Three events carry a request: ARRIVAL (the client sends; the balancer decides),
 * AT_BACKEND (it reaches the backend) and COMPLETE (service ends). Network and proxy delays are
 * added arithmetically, which keeps the event count low.
 *
 * This file holds the event loop and the request's life; the state it runs on is `sim/state.ts`,
 * and the decisions and bookkeeping along the way are the function modules in `sim/`.
 */
import type { BackendConfig, BackendState, DeepPartial, SimConfig } from './config.ts';
import { mergeConfig } from './config.ts';
import { MAX_TIME_US } from './core/event-queue.ts';
import { wireTable } from './model/wire.ts';
import { closeConnection, openConnection } from './sim/connections.ts';
import { changeL4Nodes, initEcmp } from './sim/ecmp.ts';
import {
  backendConnectUs,
  balancerHopUs,
  countHandshake,
  countRequest,
  countResponse,
  handshakeUs,
  L7_CPU_PER_REQUEST_US,
  returnUs,
  TLS_HANDSHAKE_CPU_US,
} from './sim/costs.ts';
import * as membership from './sim/membership.ts';
import { moveIfDue, scheduleMove } from './sim/migration.ts';
import { fail, finishCacheHit, grayFails, isCacheHit, recordSuccess } from './sim/outcomes.ts';
import { assignConnection, pickProxy, refreshLoadView, routeRequest } from './sim/routing.ts';
import { rampStep, retimeRamps } from './sim/slow-start.ts';
import {
  AT_BACKEND,
  COLUMN_BUSY,
  COLUMN_REQUESTS,
  COMPLETE,
  DRAIN_DEADLINE,
  HEALTH,
  PER_BACKEND,
  REFRESH,
  SimState,
  SLOW_START,
  STATE_CRASHED,
  STATE_GRAY,
  STATE_SLOW,
  US,
  type RemapReport,
} from './sim/state.ts';
import { Tracer } from './trace.ts';
import { EngineParamError, validateConfig } from './validate.ts';

/**
 * A running simulation: its state (the class it extends, so the hot path reads plain fields of one
 * object) plus the event loop, the life of a request, and the live changes the handle exposes.
 */
export class Simulation extends SimState {
  readonly tracer: Tracer;

  /** A simulation of `config` at time zero; throws EngineParamError naming any bad parameter. */
  constructor(config: SimConfig, seed: number) {
    validateConfig(config);
    super(config, seed);
    this.tracer = new Tracer(config.traceCapacity);
    this.scheduleArrival();
    membership.scheduleHealthChecks(this);
    if (config.balancer.statsRefreshMs > 0) this.queue.push(0, REFRESH, 0);
    if (config.frontTier) initEcmp(this, config.frontTier.l4Nodes ?? 1);
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
          membership.healthCheck(this, this.tracer, ref);
          break;
        case REFRESH:
          refreshLoadView(this);
          break;
        case DRAIN_DEADLINE:
          membership.drainDeadline(this, ref);
          break;
        case SLOW_START:
          rampStep(this, ref);
          break;
      }
    }
    this.nowUs = timeUs;
  }

  private scheduleArrival(): void {
    const rate = this.config.clients.ratePerSecond;
    this.nextArrivalUs = rate > 0 ? Math.round(this.nowUs + this.arrivals.exp(1e6 / rate)) : Infinity;
  }

  // ───────────────────────────── a request's life ─────────────────────────────

  private onArrival(): void {
    this.scheduleArrival();
    const { clients, balancer, network } = this.config;
    const c = this.arrivals.int(clients.count);
    const template = this.pickTemplate();
    const r = this.req.alloc(c, template, this.nowUs, this.service.next());
    this.totals.sent++;

    // The client-side connection: keep-alive for HTTP/1.1, one long-lived one for HTTP/2, QUIC and WebSocket.
    let newConnection = this.connOpen[c] === 0 || (this.connLeft[c] as number) <= 0;
    // A QUIC client that moved: a lost connection is replaced by a new one (a full handshake).
    if (!newConnection && clients.migrationPerSecond > 0 && clients.protocol === 'quic')
      newConnection = moveIfDue(this, c, template);
    const setupUs = newConnection ? this.connect(c, r) : 0;
    this.connLeft[c] = (this.connLeft[c] as number) - 1;
    if (this.config.frontTier) {
      const p = this.connProxy[c] as number;
      this.proxyRequests[p] = (this.proxyRequests[p] ?? 0) + 1;
    }

    let b: number;
    if (balancer.mode === 'l4' || clients.protocol === 'websocket') {
      // One decision per connection, remembered in the connection-tracking table.
      if (newConnection || this.connBackend[c] === -1) assignConnection(this, c, template);
      b = this.connBackend[c] as number;
    } else {
      this.totals.lbCpuUs += L7_CPU_PER_REQUEST_US;
      if (balancer.cache.enabled && this.config.requests[template]!.cacheable && isCacheHit(this, r)) {
        finishCacheHit(this, r, setupUs);
        return;
      }
      b = routeRequest(this, c, template);
    }
    if (clients.spoofedXff !== null && balancer.mode === 'l7' && balancer.xff) this.totals.spoofedXffForwarded++;

    if (b < 0) {
      // No backend configured in the pool: the balancer answers 503 itself.
      this.totals.status503++;
      fail(this, r, -1);
      return;
    }
    this.req.backend[r] = b;
    this.req.epoch[r] = this.backends[b]!.epoch;
    this.perBackend.requests[b]!++;
    this.outstanding[b]!++;
    this.poolRequests[this.backends[b]!.pool]!++;
    this.window.data[this.window.slot(this.nowUs)]![b * PER_BACKEND + COLUMN_REQUESTS]! += 1;

    countRequest(this, template);
    if (this.status[b] === STATE_CRASHED) {
      // Nothing listens: the connection is refused after one backend round trip.
      fail(this, r, b);
      return;
    }
    const toBackendUs =
      setupUs +
      (network.clientRttMs * US) / 2 +
      balancerHopUs(this) +
      backendConnectUs(this) +
      (network.backendRttMs * US) / 2;
    this.totals.transit++;
    // Requests on open connections share one delay, so they reach backends in send order; ones
    // that first set up a connection arrive later and go through the heap.
    if (setupUs === 0) this.queue.pushMonotone(this.nowUs + toBackendUs, AT_BACKEND, r);
    else this.queue.push(this.nowUs + toBackendUs, AT_BACKEND, r);
    this.tracer.request(this, r, c, b, setupUs, toBackendUs);
  }

  /** Client `c` opens a connection for request `r` (handshakes, their costs, a proxy); returns the setup time. */
  private connect(c: number, r: number): number {
    const { clients, balancer } = this.config;
    openConnection(this, c, clients.protocol !== 'http1' ? Infinity : clients.requestsPerConnection);
    const setupUs = handshakeUs(this);
    countHandshake(this);
    if (clients.migrationPerSecond > 0 && clients.protocol === 'quic') scheduleMove(this, c);
    if (balancer.tls === 'terminate' || balancer.tls === 'reencrypt') {
      this.totals.handshakesAtBalancer++;
      this.totals.lbCpuUs += TLS_HANDSHAKE_CPU_US;
    }
    if (this.config.frontTier) pickProxy(this, c);
    this.tracer.handshake(this, c, r, setupUs);
    return setupUs;
  }

  /** Which request template the client sends, by the templates' weights (arrival stream). */
  private pickTemplate(): number {
    const cumulative = this.templateCumulative;
    if (cumulative.length === 1) return 0;
    const x = this.arrivals.next() * (cumulative[cumulative.length - 1] as number);
    for (let i = 0; i < cumulative.length; i++) if (x < (cumulative[i] as number)) return i;
    return cumulative.length - 1;
  }

  private onAtBackend(r: number): void {
    this.totals.transit--;
    const b = this.req.backend[r] as number;
    if (this.status[b] === STATE_CRASHED || this.req.epoch[r] !== this.backends[b]!.epoch) {
      fail(this, r, b);
      if (this.drainingCount !== 0) membership.settleDrain(this, b);
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
    const u = this.req.u[r] as number;
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
    // A slow server takes longer for the same request: the same draw, scaled (no extra draws).
    if (this.status[b] === STATE_SLOW) serviceUs *= config.slowdownFactor;
    this.perBackend.busyUs[b]! += serviceUs;
    this.window.data[this.window.slot(this.nowUs)]![b * PER_BACKEND + COLUMN_BUSY]! += serviceUs;
    this.queue.push(this.nowUs + serviceUs, COMPLETE, r);
  }

  private onComplete(r: number): void {
    const b = this.req.backend[r] as number;
    this.active[b]!--;
    const backend = this.backends[b]!;
    const next = backend.queue.shift();
    if (next >= 0) {
      this.totals.queued--;
      this.startService(next, b);
    }
    const status = this.status[b];
    if (
      this.req.epoch[r] !== backend.epoch ||
      status === STATE_CRASHED ||
      (status === STATE_GRAY && grayFails(this, b))
    ) {
      // Gray failure: served, but with a 5xx. Crashed mid-request: the response never comes.
      fail(this, r, b);
      if (this.drainingCount !== 0) membership.settleDrain(this, b);
      return;
    }
    countResponse(this, this.req.template[r] as number);
    const { balancer } = this.config;
    const viaBalancer = balancer.mode === 'l7' || balancer.forwarding === 'nat';
    const backUs = returnUs(this, viaBalancer);
    recordSuccess(this, r, b, this.nowUs + backUs - (this.req.start[r] as number));
    this.tracer.response(this, r, b, backUs, viaBalancer);
    this.req.release(r);
    if (this.drainingCount !== 0) membership.settleDrain(this, b);
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
    next.pools = membership.currentPoolsConfig(this);
    validateConfig(next);
    const previous = this.config;
    this.config = next;
    const was = previous.clients;
    const now = next.clients;
    const populationChanged =
      now.count !== was.count ||
      now.natShare !== was.natShare ||
      now.usersPerIp !== was.usersPerIp ||
      now.cookieShare !== was.cookieShare;
    if (patch.clients && populationChanged) this.resizeClients(was.count);
    if (patch.requests || patch.balancer || patch.clients) this.compileTemplates();
    this.wire = wireTable(next);
    // A new rate takes effect now, not after the gap drawn at the old rate.
    if (now.ratePerSecond !== was.ratePerSecond) this.scheduleArrival();
    if (next.balancer.algorithm !== previous.balancer.algorithm) for (const pool of this.pools) pool.picker.reset();
    const tierChanged = JSON.stringify(tierShape(next.frontTier)) !== JSON.stringify(tierShape(previous.frontTier));
    if (next.balancer.mode !== previous.balancer.mode || next.balancer.tls !== previous.balancer.tls || tierChanged) {
      // A different listener: every client reconnects.
      for (let c = 0; c < now.count; c++) closeConnection(this, c);
      if (next.frontTier) initEcmp(this, next.frontTier.l4Nodes ?? 1);
    } else if (next.frontTier && previous.frontTier) {
      // Only the routers' side changed (node count or hashing): the open flows are hashed again.
      const nodes = next.frontTier.l4Nodes ?? 1;
      if (nodes !== this.l4NodeCount || (next.frontTier.ecmp ?? 'modulo') !== (previous.frontTier.ecmp ?? 'modulo'))
        changeL4Nodes(this, nodes);
    }
    if (next.balancer.statsRefreshMs > 0 && previous.balancer.statsRefreshMs <= 0) {
      this.loadView = [...this.outstanding];
      this.queue.push(this.nowUs, REFRESH, 0);
    }
    if (next.balancer.statsRefreshMs <= 0) this.loadView = this.outstanding;
    if (next.health.active && !previous.health.active) membership.scheduleHealthChecks(this);
    // Candidate lists are cached: a new panic threshold or slow-start window must rebuild them.
    if (next.balancer.panicThresholdPercent !== previous.balancer.panicThresholdPercent) this.membershipVersion++;
    if (next.balancer.slowStartMs !== previous.balancer.slowStartMs) retimeRamps(this);
  }

  setWeight(backendId: string, weight: number): void {
    membership.setWeight(this, backendId, weight);
  }

  /** Adds a backend and reports how many users or flows now map elsewhere. */
  addBackend(poolId: string, config: Partial<BackendConfig> = {}): RemapReport {
    return membership.addBackend(this, poolId, config);
  }

  /** `drainMs` overrides `balancer.drainMs` for this removal (0: at once). */
  removeBackend(backendId: string, drainMs?: number): RemapReport {
    return membership.removeBackend(this, backendId, drainMs);
  }

  setBackendState(backendId: string, state: BackendState): void {
    membership.setBackendState(this, backendId, state);
  }

  /** Ids of the servers in the run now (removed ones excluded). */
  backendIds(): string[] {
    return membership.backendIds(this);
  }
}

/** The tier as its listeners see it: what the routers do in front (node count, ECMP) left out. */
function tierShape(tier: SimConfig['frontTier']): unknown {
  if (!tier) return null;
  const { l4Nodes: _nodes, ecmp: _ecmp, ...shape } = tier;
  return shape;
}
