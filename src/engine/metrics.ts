/**
 * Plain, serialisable metrics read from a running simulation: cumulative totals and the recent
 * window (the last `windowMs` of simulated time), so a slider's effect shows at once.
 */
import type { RemapReport, Simulation } from './simulation.ts';

export interface Percentiles {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface BackendMetrics {
  id: string;
  pool: string;
  state: 'up' | 'crashed' | 'gray';
  /** Whether the balancer currently sends it new work (health checks and passive ejection). */
  healthy: boolean;
  weight: number;
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

export interface Metrics {
  timeMs: number;
  events: number;
  requests: { sent: number; completed: number; failed: number; inFlight: number; status503: number; cacheHits: number };
  latencyMs: Percentiles;
  window: { requests: number; errors: number; latencyMs: Percentiles; requestsPerSecond: number };
  backends: BackendMetrics[];
  pools: { id: string; requests: number; share: number; windowShare: number }[];
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
  frontTier: { proxies: { id: string; requests: number; share: number }[]; bytes: number; cpuMs: number } | null;
}

const STATES = ['up', 'crashed', 'gray'] as const;

export function readMetrics(sim: Simulation): Metrics {
  const v = sim.view;
  const now = sim.nowUs;
  const t = sim.totals;
  const elapsedUs = Math.max(now, 1);
  const windowUs = Math.min(sim.config.windowMs * 1000, elapsedUs);
  const columns = v.perBackendColumns;
  const live = v.backends.map((b, i) => ({ b, i })).filter(({ b }) => !b.removed);
  const totalRequests = live.reduce((sum, { i }) => sum + (sim.perBackend.requests[i] as number), 0);
  const windowRequests = live.map(({ i }) => v.window.sum(now, i * columns));
  const windowTotal = windowRequests.reduce((a, b) => a + b, 0);

  const backends: BackendMetrics[] = live.map(({ b, i }, k) => {
    const requests = sim.perBackend.requests[i] as number;
    const concurrency = b.config.concurrency;
    return {
      id: b.id,
      pool: v.pools[b.pool]!.id,
      state: STATES[v.state[i] as number] ?? 'up',
      healthy: (v.healthy[i] as boolean) && (v.ejectedUntil[i] as number) <= now,
      weight: v.weights[i] as number,
      requests,
      completed: sim.perBackend.completed[i] as number,
      errors: sim.perBackend.errors[i] as number,
      connections: sim.perBackend.connections[i] as number,
      openConnections: v.openConns[i] as number,
      active: v.active[i] as number,
      queued: b.queue.size,
      utilisation: clamp01((sim.perBackend.busyUs[i] as number) / (elapsedUs * concurrency)),
      share: totalRequests > 0 ? requests / totalRequests : 0,
      latencyMs: percentiles(b.histogram),
      window: {
        requests: windowRequests[k] as number,
        errors: v.window.sum(now, i * columns + 1),
        share: windowTotal > 0 ? (windowRequests[k] as number) / windowTotal : 0,
        utilisation: clamp01(v.window.sum(now, i * columns + 2) / (windowUs * concurrency)),
      },
    };
  });

  const poolTotal = sim.poolRequests.reduce((a, b) => a + b, 0);
  const pools = v.pools.map((pool, p) => {
    const windowPool = backends.filter((b) => b.pool === pool.id).reduce((sum, b) => sum + b.window.requests, 0);
    return {
      id: pool.id,
      requests: sim.poolRequests[p] as number,
      share: poolTotal > 0 ? (sim.poolRequests[p] as number) / poolTotal : 0,
      windowShare: windowTotal > 0 ? windowPool / windowTotal : 0,
    };
  });

  const windowHistogram = v.window.histogram(now);
  const windowErrors = backends.reduce((sum, b) => sum + b.window.errors, 0);
  const proxyTotal = sim.proxyRequests.reduce((a, b) => a + b, 0);
  return {
    timeMs: now / 1000,
    events: sim.eventsProcessed,
    requests: {
      sent: t.sent,
      completed: t.completed,
      failed: t.failed,
      inFlight: sim.inFlight,
      status503: t.status503,
      cacheHits: t.cacheHits,
    },
    latencyMs: percentiles(sim.latency),
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
    remap: sim.lastRemap,
    frontTier: sim.config.frontTier
      ? {
          proxies: Array.from({ length: sim.config.frontTier.proxies }, (_, p) => ({
            id: `proxy-${p + 1}`,
            requests: sim.proxyRequests[p] ?? 0,
            share: proxyTotal > 0 ? (sim.proxyRequests[p] ?? 0) / proxyTotal : 0,
          })),
          bytes: t.frontTierBytes,
          cpuMs: t.frontTierCpuUs / 1000,
        }
      : null,
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
