/**
 * Plain, serialisable metrics read from a running simulation: cumulative totals and the recent
 * window (the last `windowMs` of simulated time), so a slider's effect shows at once.
 */
import type { BackendState } from './config.ts';
import { inPanic, poolHealth } from './sim/panic.ts';
import {
  COLUMN_BUSY,
  COLUMN_ERRORS,
  COLUMN_REQUESTS,
  PER_BACKEND,
  type DrainRecord,
  type EcmpReport,
  type RemapReport,
  type SimState,
} from './sim/state.ts';

export interface Percentiles {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface BackendMetrics {
  id: string;
  pool: string;
  state: BackendState;
  /** Whether the balancer currently sends it new work (health checks and passive ejection). */
  healthy: boolean;
  /** Removed with draining and still finishing its work: no new requests or connections. */
  draining: boolean;
  weight: number;
  /** Slow start: the share of its weight it gets now (0.1–1; 1 when not ramping). */
  slowStartFactor: number;
  requests: number;
  completed: number;
  errors: number;
  /** Connections assigned over the run, and open now (L4 flows). */
  connections: number;
  openConnections: number;
  active: number;
  queued: number;
  /** Busy share of its concurrency, 0–1, over the run and over the window. */
  utilisation: number;
  share: number;
  latencyMs: Percentiles;
  window: { requests: number; errors: number; share: number; utilisation: number };
}

export interface PoolMetrics {
  id: string;
  requests: number;
  share: number;
  windowShare: number;
  /** Healthy (and not ejected) servers over those in service, draining ones left out, in percent. */
  healthyPercent: number;
  /**
   * Below `balancer.panicThresholdPercent`: the pool disregards health and balances over all its
   * servers (Envoy's panic mode). Never with threshold 0; the all-unhealthy fail open is then
   * `healthyPercent` 0.
   */
  panic: boolean;
}

export interface Metrics {
  timeMs: number;
  events: number;
  requests: { sent: number; completed: number; failed: number; inFlight: number; status503: number; cacheHits: number };
  latencyMs: Percentiles;
  window: { requests: number; errors: number; latencyMs: Percentiles; requestsPerSecond: number };
  backends: BackendMetrics[];
  pools: PoolMetrics[];
  balancer: {
    bytesIn: number;
    bytesOut: number;
    /** Every byte the clients and servers exchanged on the wire: data, headers, ACKs, handshakes. */
    trafficBytes: number;
    /** Share of those bytes that passed through the balancer. */
    bytesShare: number;
    cpuMs: number;
    /** Average cores busy: CPU time over elapsed time. */
    cpuCores: number;
    handshakes: number;
    connectionsOpened: number;
    backendConnectionsOpened: number;
    backendHandshakes: number;
    spoofedXffForwarded: number;
  };
  /** Highest backend share over the mean, among live backends (1 = perfectly even). */
  imbalance: number;
  windowImbalance: number;
  sessionsLost: number;
  remap: RemapReport | null;
  /** Every backend removed so far: when it started to leave, when it left, and what was cut. */
  drains: DrainRecord[];
  frontTier: {
    proxies: { id: string; requests: number; share: number }[];
    bytes: number;
    cpuMs: number;
    /** L4 nodes behind the routers, and what the last change of their number (or hashing) did. */
    l4Nodes: number;
    lastChange: EcmpReport | null;
    movedFlows: number;
    brokenFlows: number;
  } | null;
  /** QUIC connection migration: moves the balancer saw, connections they lost, reconnect handshakes. */
  migration: { moves: number; lost: number; reconnects: number };
}

/** `SimState.status` codes (`STATE_CODE`) back to names. */
const STATES = ['up', 'crashed', 'gray', 'slow'] as const;

/** A snapshot of `s`'s metrics at its current time: plain data, safe to keep and serialise. */
export function readMetrics(s: SimState): Metrics {
  const now = s.nowUs;
  const t = s.totals;
  const elapsedUs = Math.max(now, 1);
  const windowUs = Math.min(s.config.windowMs * 1000, elapsedUs);
  const live = s.backends.map((b, i) => ({ b, i })).filter(({ b }) => !b.removed);
  const totalRequests = live.reduce((sum, { i }) => sum + (s.perBackend.requests[i] as number), 0);
  const windowRequests = live.map(({ i }) => s.window.sum(now, i * PER_BACKEND + COLUMN_REQUESTS));
  const windowTotal = windowRequests.reduce((a, b) => a + b, 0);

  const backends: BackendMetrics[] = live.map(({ b, i }, k) => {
    const requests = s.perBackend.requests[i] as number;
    const concurrency = b.config.concurrency;
    return {
      id: b.id,
      pool: s.pools[b.pool]!.id,
      state: STATES[s.status[i] as number] ?? 'up',
      healthy: (s.healthy[i] as boolean) && (s.ejectedUntil[i] as number) <= now,
      draining: b.drain !== null,
      weight: s.weights[i] as number,
      slowStartFactor: s.slowStartFactor[i] as number,
      requests,
      completed: s.perBackend.completed[i] as number,
      errors: s.perBackend.errors[i] as number,
      connections: s.perBackend.connections[i] as number,
      openConnections: s.openConns[i] as number,
      active: s.active[i] as number,
      queued: b.queue.size,
      utilisation: clamp01((s.perBackend.busyUs[i] as number) / (elapsedUs * concurrency)),
      share: totalRequests > 0 ? requests / totalRequests : 0,
      latencyMs: percentiles(b.histogram),
      window: {
        requests: windowRequests[k] as number,
        errors: s.window.sum(now, i * PER_BACKEND + COLUMN_ERRORS),
        share: windowTotal > 0 ? (windowRequests[k] as number) / windowTotal : 0,
        utilisation: clamp01(s.window.sum(now, i * PER_BACKEND + COLUMN_BUSY) / (windowUs * concurrency)),
      },
    };
  });

  const poolTotal = s.poolRequests.reduce((a, b) => a + b, 0);
  const pools = s.pools.map((pool, p): PoolMetrics => {
    const windowPool = backends.filter((b) => b.pool === pool.id).reduce((sum, b) => sum + b.window.requests, 0);
    const health = poolHealth(s, pool);
    return {
      id: pool.id,
      requests: s.poolRequests[p] as number,
      share: poolTotal > 0 ? (s.poolRequests[p] as number) / poolTotal : 0,
      windowShare: windowTotal > 0 ? windowPool / windowTotal : 0,
      healthyPercent: health.total > 0 ? (health.healthy / health.total) * 100 : 0,
      panic: inPanic(s, pool),
    };
  });

  const windowHistogram = s.window.histogram(now);
  const windowErrors = backends.reduce((sum, b) => sum + b.window.errors, 0);
  const proxyTotal = s.proxyRequests.reduce((a, b) => a + b, 0);
  return {
    timeMs: now / 1000,
    events: s.eventsProcessed,
    requests: {
      sent: t.sent,
      completed: t.completed,
      failed: t.failed,
      inFlight: s.inFlight,
      status503: t.status503,
      cacheHits: t.cacheHits,
    },
    latencyMs: percentiles(s.latency),
    window: {
      requests: windowHistogram.total,
      errors: windowErrors,
      latencyMs: percentiles(windowHistogram),
      requestsPerSecond: windowUs > 0 ? (windowHistogram.total + windowErrors) / (windowUs / 1e6) : 0,
    },
    backends,
    pools,
    balancer: {
      bytesIn: t.lbBytesIn,
      bytesOut: t.lbBytesOut,
      trafficBytes: t.trafficBytes,
      bytesShare: t.trafficBytes > 0 ? t.lbBytesIn / t.trafficBytes : 0,
      cpuMs: t.lbCpuUs / 1000,
      cpuCores: t.lbCpuUs / elapsedUs,
      handshakes: t.handshakesAtBalancer,
      connectionsOpened: t.connectionsOpened,
      backendConnectionsOpened: t.backendConnectionsOpened,
      backendHandshakes: t.handshakesAtBackends,
      spoofedXffForwarded: t.spoofedXffForwarded,
    },
    imbalance: maxOverMean(backends.map((b) => b.requests)),
    windowImbalance: maxOverMean(backends.map((b) => b.window.requests)),
    sessionsLost: t.sessionsLost,
    remap: s.lastRemap,
    drains: s.drains.map((d) => ({ ...d })),
    frontTier: s.config.frontTier
      ? {
          proxies: Array.from({ length: s.config.frontTier.proxies }, (_, p) => ({
            id: `proxy-${p + 1}`,
            requests: s.proxyRequests[p] ?? 0,
            share: proxyTotal > 0 ? (s.proxyRequests[p] ?? 0) / proxyTotal : 0,
          })),
          bytes: t.frontTierBytes,
          cpuMs: t.frontTierCpuUs / 1000,
          l4Nodes: s.l4NodeCount,
          lastChange: s.lastEcmp ? { ...s.lastEcmp } : null,
          movedFlows: t.ecmpMoved,
          brokenFlows: t.ecmpBroken,
        }
      : null,
    migration: { moves: t.migrations, lost: t.migrationsLost, reconnects: t.reconnectHandshakes },
  };
}

function percentiles(h: { quantile(q: number): number; mean(): number }): Percentiles {
  return {
    mean: h.mean() / 1000,
    p50: h.quantile(0.5) / 1000,
    p95: h.quantile(0.95) / 1000,
    p99: h.quantile(0.99) / 1000,
  };
}

function maxOverMean(values: number[]): number {
  if (values.length === 0) return 1;
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return 1;
  return Math.max(...values) / (total / values.length);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
