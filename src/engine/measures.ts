/**
 * Named measures: one number read from a run. Expectations, predictions, prose measurements, a
 * widget's headline and a replay's Result row all name a measure here, so the same quantity is
 * computed the same way wherever a student reads it.
 */
import type { SimConfig } from './config.ts';
import type { Metrics } from './metrics.ts';
import { viewAtL4, viewAtL7 } from './model/views.ts';
import type { RemapReport } from './sim/state.ts';
import type { Hop } from './trace.ts';

/** A run as measures see it: a headless result or a widget's live run. */
export interface RunView {
  config: SimConfig;
  metrics: Metrics;
  /** One report per add or remove, in order. */
  remaps: readonly RemapReport[];
  /** Servers added during the run. */
  added: readonly string[];
  /** Traced hops (all of them headless; a widget keeps only recent ones). */
  hops: readonly Hop[];
}

export type Measure = (run: RunView) => number;

const share = (hits: number, total: number) => (total === 0 ? NaN : hits / total);
const poolRequests = (m: Metrics, id: string) => m.pools.find((p) => p.id === id)?.requests ?? 0;
const meanServiceMs = (run: RunView) => run.config.pools[0]?.backends[0]?.serviceMs ?? 1;

/**
 * The canary's share of the traffic its rule splits (/api/v2): what its weight sets. Cumulative,
 * or over the recent window for live readouts.
 */
export function canaryShare(metrics: Metrics, over: 'run' | 'window'): number {
  const pick = (id: string) => {
    const pool = metrics.pools.find((p) => p.id === id);
    if (!pool) return 0;
    return over === 'run'
      ? pool.requests
      : metrics.backends.filter((b) => b.pool === id).reduce((sum, b) => sum + b.window.requests, 0);
  };
  return share(pick('canary'), pick('canary') + pick('v2'));
}

/** The longest a removed server took to leave, in seconds (NaN before any has left). */
export function slowestLeaveSeconds(metrics: Metrics): number {
  const times = metrics.drains.filter((d) => d.leftMs !== null).map((d) => (d.leftMs! - d.startedMs) / 1000);
  return times.length ? Math.max(...times) : NaN;
}

/** Share of the open flows that the last change of L4 nodes moved or broke (NaN before any change). */
export function ecmpShare(metrics: Metrics, what: 'moved' | 'broken'): number {
  const last = metrics.frontTier?.lastChange;
  return last ? share(last[what], last.flows) : NaN;
}

/** Share of migrated QUIC connections that were lost (NaN before any connection moved). */
export function migratedLostShare(metrics: Metrics): number {
  return share(metrics.migration.lost, metrics.migration.moves);
}

function requestHops(run: RunView, to?: 'lb' | 'backend'): readonly Hop[] {
  return run.hops.filter(
    (h) => h.kind === 'request' && (to === undefined || (to === 'lb' ? h.to === 'lb' : h.from === 'lb')),
  );
}

function fractionOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? NaN : items.filter(test).length / items.length;
}

export const MEASURES = {
  /** The busiest server's requests over the mean, over the whole run (1 = perfectly even). */
  imbalance: (run) => run.metrics.imbalance,
  /** The busiest server's share of all requests. */
  maxShare: (run) => Math.max(0, ...run.metrics.backends.map((b) => b.share)),
  /** The least busy server's share of all requests. */
  minShare: (run) => Math.min(1, ...run.metrics.backends.map((b) => b.share)),
  /** The share of the last server in the first pool (web-5 of five: the one a script removes). */
  lastServerShare: (run) => {
    const last = run.config.pools[0]?.backends.at(-1)?.id;
    return run.metrics.backends.find((b) => b.id === last)?.share ?? NaN;
  },
  /** The least busy server's requests over the mean (1 = its fair share). */
  leastOverFair: (run) => {
    const shares = run.metrics.backends.map((b) => b.share);
    return shares.length ? Math.min(...shares) * shares.length : NaN;
  },
  sessionsLost: (run) => run.metrics.sessionsLost,
  /** Requests that failed over the run, for whatever reason. */
  failedRequests: (run) => run.metrics.requests.failed,
  /** Removed servers that have left the pool (drained, cut at the deadline, or removed at once). */
  drainsFinished: (run) => run.metrics.drains.filter((d) => d.leftMs !== null).length,
  /** Requests cut by removals: what the servers still held when they left. */
  drainCutRequests: (run) => run.metrics.drains.reduce((sum, d) => sum + d.cutRequests, 0),
  /** Connections reset by removals. */
  drainCutConnections: (run) => run.metrics.drains.reduce((sum, d) => sum + d.cutConnections, 0),
  /** The longest a removed server took to leave, in seconds (NaN before any has left). */
  slowestLeaveSeconds: (run) => slowestLeaveSeconds(run.metrics),
  /** Sessions lost per simulated user: how much of the user base had to log in again. */
  sessionsLostShare: (run) => share(run.metrics.sessionsLost, run.config.clients.count),
  balancerByteShare: (run) => run.metrics.balancer.bytesShare,
  errorShare: (run) => share(run.metrics.requests.failed, run.metrics.requests.sent),
  cacheHitShare: (run) => share(run.metrics.requests.cacheHits, run.metrics.requests.sent),
  /** Users or flows that map to another server after the first add or remove. */
  remapFraction: (run) => run.remaps[0]?.fraction ?? NaN,
  /**
   * The share any scheme must move on average for that first change: 1/N when one of N servers
   * goes (its keys), 1/(N+1) when an (N+1)th arrives (its fair share).
   */
  remapMinimum: (run) => {
    if (!run.remaps[0]) return NaN;
    const live = run.metrics.backends.length;
    return run.added.length > 0 ? 1 / live : 1 / (live + 1);
  },
  canaryShareOfV2: (run) => canaryShare(run.metrics, 'run'),
  staticShare: (run) => share(poolRequests(run.metrics, 'static'), run.metrics.requests.sent),
  busyBackends: (run) => run.metrics.backends.filter((b) => b.requests > 0).length,
  /** Share of the recent window's requests that reached servers added during the run. */
  newBackendsWindowShare: (run) =>
    run.metrics.backends.filter((b) => run.added.includes(b.id)).reduce((sum, b) => sum + b.window.share, 0),
  meanOverService: (run) => run.metrics.latencyMs.mean / meanServiceMs(run),
  p99OverService: (run) => run.metrics.latencyMs.p99 / meanServiceMs(run),
  grayHealthy: (run) => (run.metrics.backends.find((b) => b.state === 'gray')?.healthy ? 1 : 0),
  crashedGetsNothingLate: (run) =>
    run.metrics.backends.filter((b) => b.state === 'crashed').reduce((sum, b) => sum + b.window.requests, 0),
  backendConnectionsPerRequest: (run) =>
    share(run.metrics.balancer.backendConnectionsOpened, run.metrics.requests.sent),
  proxyImbalance: (run) => {
    const shares = run.metrics.frontTier?.proxies.map((p) => p.share) ?? [];
    return shares.length ? Math.max(...shares) * shares.length : NaN;
  },
  frontTierByteShare: (run) => share(run.metrics.frontTier?.bytes ?? 0, run.metrics.balancer.trafficBytes),
  l4ReadsPath: (run) => fractionOf(requestHops(run), (h) => viewAtL4(h.facts).path.readable),
  l7ReadsPath: (run) => fractionOf(requestHops(run), (h) => viewAtL7(h.facts).path.readable),
  l4ReadsSni: (run) => fractionOf(requestHops(run, 'lb'), (h) => viewAtL4(h.facts).sni.readable),
  backendHopEncrypted: (run) => fractionOf(requestHops(run, 'backend'), (h) => h.encrypted),
  xffKeepsSpoofedEntry: (run) =>
    fractionOf(requestHops(run, 'backend'), (h) =>
      /^X-Forwarded-For: 1\.2\.3\.4, \d+\.\d+\.\d+\.\d+$/m.test(h.facts.headers),
    ),
  // The scenario's own settings, so prose that describes a setup reads it from the same record.
  /** Simulated users (distinct clients). */
  clientCount: (run) => run.config.clients.count,
  requestRate: (run) => run.config.clients.ratePerSecond,
  /** Share of open flows the last change of L4 nodes sent to another node (ECMP rehash). */
  ecmpMovedShare: (run) => ecmpShare(run.metrics, 'moved'),
  /** Share of open flows the last change of L4 nodes reset: moved, and sent to another proxy. */
  ecmpBrokenShare: (run) => ecmpShare(run.metrics, 'broken'),
  /** L7 proxies behind the L4 tier. */
  proxyCount: (run) => run.config.frontTier?.proxies ?? NaN,
  /** L4 nodes behind the routers now. */
  l4NodeCount: (run) => run.metrics.frontTier?.l4Nodes ?? NaN,
  /** L4 nodes before the scenario's change (as configured). */
  l4NodesConfigured: (run) => run.config.frontTier?.l4Nodes ?? 1,
  /** Mean service time of the first pool's servers, in ms. */
  serviceMeanMs: (run) => meanServiceMs(run),
  /** Requests each server has in service at a time, on average (Little's law: rate × time ÷ servers). */
  inServicePerServer: (run) => {
    const servers = run.config.pools[0]?.backends.length ?? 0;
    return servers > 0 ? ((run.config.clients.ratePerSecond / 1000) * meanServiceMs(run)) / servers : NaN;
  },
  /** The drain deadline the scenario sets, in seconds. */
  drainDeadlineSeconds: (run) => run.config.balancer.drainMs / 1000,
  /** Share of users behind the one corporate NAT address. */
  natShare: (run) => run.config.clients.natShare,
  natUsers: (run) => Math.round(run.config.clients.count * run.config.clients.natShare),
  /** Servers in the run's configuration, every pool together. */
  backendCount: (run) => run.config.pools.reduce((sum, p) => sum + p.backends.length, 0),
  /** Offered load: arrivals over what every server together can serve (0.9 = 90% busy). */
  offeredLoad: (run) => {
    const capacityPerMs = run.config.pools
      .flatMap((p) => p.backends)
      .reduce((sum, b) => sum + (b.concurrency * b.speed) / b.serviceMs, 0);
    return share(run.config.clients.ratePerSecond / 1000, capacityPerMs);
  },
  /** Requests arriving, across all servers, during one mean service time. */
  arrivalsPerServiceTime: (run) => (run.config.clients.ratePerSecond / 1000) * meanServiceMs(run),
  /** How old the balancer's load figures may be, in mean service times. */
  statsAgeOverService: (run) => run.config.balancer.statsRefreshMs / meanServiceMs(run),
  /** The weight that sends traffic to the canary pool, as a share of its rule's weights. */
  canaryWeight: (run) => {
    const rule = run.config.balancer.rules.find((r) => r.forward.some((f) => f.pool === 'canary'));
    const total = rule?.forward.reduce((sum, f) => sum + f.weight, 0) ?? 0;
    return share(rule?.forward.find((f) => f.pool === 'canary')?.weight ?? 0, total);
  },
  /** Share of cacheable requests the reverse proxy answers from its cache. */
  cacheHitRatio: (run) => run.config.balancer.cache.hitRatio,
  /** The first request template's sizes, in kilobytes (1 KB = 1,000 bytes). */
  requestKb: (run) => (run.config.requests[0]?.requestBytes ?? NaN) / 1000,
  responseKb: (run) => (run.config.requests[0]?.responseBytes ?? NaN) / 1000,
  maglevTableSize: (run) => run.config.balancer.maglevTableSize,
  ringVnodes: (run) => run.config.balancer.ringVnodes,
  /** QUIC connection migrations the balancer saw over the run. */
  migrations: (run) => run.metrics.migration.moves,
  /** Migrated QUIC connections lost: the new path reached a server that did not know them. */
  migratedLost: (run) => run.metrics.migration.lost,
  /** Share of migrated connections lost (NaN before any has migrated). */
  migratedLostShare: (run) => migratedLostShare(run.metrics),
  /** Full handshakes clients made to replace lost connections. */
  reconnectHandshakes: (run) => run.metrics.migration.reconnects,
  /** The scenario's migration rate: moves per open connection per second. */
  migrationRate: (run) => run.config.clients.migrationPerSecond,
  /** The same rate per minute, as the widget's slider shows it. */
  migrationsPerMinute: (run) => run.config.clients.migrationPerSecond * 60,
} satisfies Record<string, Measure>;

export type MeasureId = keyof typeof MEASURES;

export function isMeasureId(id: string): id is MeasureId {
  return Object.prototype.hasOwnProperty.call(MEASURES, id);
}

export function measure(id: MeasureId, run: RunView): number {
  return MEASURES[id](run);
}
