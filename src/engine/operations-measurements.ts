/**
 * Measurements of operating a pool (see measurements.ts): taking servers out with and without
 * draining (rolling-deploy), L4 nodes joining behind ECMP routers (ecmp-rehash), and QUIC
 * connections migrating behind an L4 balancer (quic-migration). Kept apart from
 * packet-measurements.ts, which lists them last, so neither table grows past a screenful of topics.
 */
import type { MeasureFormat } from './measure-format.ts';
import type { PacketMeasurement } from './measurement-types.ts';

const PERCENT: MeasureFormat = { unit: 'percent' };
const COUNT: MeasureFormat = { unit: 'count' };
/** A measure that reads only the scenario's settings needs no traffic: a 1 ms run. */
const SETTING = 1;
/** Drain deadlines for the rolling deploy: long enough for HTTP, a short one for WebSockets. */
const DRAIN_30S = { balancer: { drainMs: 30_000 } } as const;
const DRAIN_10S = { balancer: { drainMs: 10_000 } } as const;

export const OPERATIONS_MEASUREMENTS: PacketMeasurement[] = [
  // A rolling deploy with and without draining (rolling-deploy).
  {
    id: 'deploy-failed',
    describe: 'requests that fail while four servers are replaced one by one at 400 req/s',
    format: COUNT,
    base: { scenario: 'rolling-deploy', measure: 'failedRequests' },
    cols: {
      abrupt: { patch: { balancer: { drainMs: 0 } } },
      drained: { patch: DRAIN_30S },
      'websocket-abrupt': { patch: { balancer: { drainMs: 0 }, clients: { protocol: 'websocket' } } },
      'websocket-drained': { patch: { ...DRAIN_10S, clients: { protocol: 'websocket' } }, durationMs: 30_000 },
    },
  },
  {
    id: 'deploy-slowest-leave',
    describe: 'longest time, in seconds, an old server takes to leave during the rolling deploy',
    format: { unit: 'number', digits: 1 },
    base: { scenario: 'rolling-deploy', measure: 'slowestLeaveSeconds', patch: DRAIN_30S },
    cols: {
      http: {},
      websocket: { patch: { ...DRAIN_10S, clients: { protocol: 'websocket' } }, durationMs: 30_000 },
    },
  },
  {
    id: 'deploy-websockets-cut',
    describe: 'WebSocket connections reset at the drain deadline over the rolling deploy (10 s deadline)',
    format: COUNT,
    base: {
      scenario: 'rolling-deploy',
      measure: 'drainCutConnections',
      patch: { ...DRAIN_10S, clients: { protocol: 'websocket' } },
      durationMs: 30_000,
    },
  },
  {
    id: 'deploy-servers',
    describe: 'servers the rolling deploy replaces',
    format: COUNT,
    base: { scenario: 'rolling-deploy', durationMs: SETTING, measure: 'backendCount' },
  },
  {
    id: 'deploy-service-ms',
    describe: 'mean time a request takes in the rolling deploy (ms)',
    format: COUNT,
    base: { scenario: 'rolling-deploy', durationMs: SETTING, measure: 'serviceMeanMs' },
  },
  {
    id: 'deploy-in-service',
    describe: 'requests each server of the rolling deploy has in service at a time, on average',
    format: COUNT,
    base: { scenario: 'rolling-deploy', durationMs: SETTING, measure: 'inServicePerServer' },
  },
  {
    id: 'deploy-rate',
    describe: 'request rate of the rolling deploy (req/s)',
    format: COUNT,
    base: { scenario: 'rolling-deploy', durationMs: SETTING, measure: 'requestRate' },
  },
  {
    id: 'deploy-deadline',
    describe: 'drain deadlines (s) in the rolling-deploy tables',
    format: COUNT,
    base: { scenario: 'rolling-deploy', durationMs: SETTING, measure: 'drainDeadlineSeconds', patch: DRAIN_30S },
    cols: { http: {}, websocket: { patch: DRAIN_10S } },
  },
  // ECMP in front of the L4 tier: a node joins (ecmp-rehash).
  {
    id: 'ecmp-moved',
    describe: 'share of open flows sent to another L4 node when a fifth node joins four',
    format: PERCENT,
    base: { scenario: 'ecmp-rehash', measure: 'ecmpMovedShare' },
    cols: {
      modulo: { patch: { frontTier: { ecmp: 'modulo' } } },
      resilient: { patch: { frontTier: { ecmp: 'resilient' } } },
    },
  },
  {
    id: 'ecmp-broken',
    describe: 'share of open flows reset when a fifth L4 node joins, by how the nodes pick a proxy',
    format: PERCENT,
    base: { scenario: 'ecmp-rehash', measure: 'ecmpBrokenShare' },
    rows: {
      modulo: { patch: { frontTier: { ecmp: 'modulo' } } },
      resilient: { patch: { frontTier: { ecmp: 'resilient' } } },
    },
    cols: {
      maglev: { patch: { frontTier: { algorithm: 'maglev' } } },
      'round-robin': { patch: { frontTier: { algorithm: 'round-robin' } } },
    },
  },
  {
    id: 'ecmp-nodes',
    describe: 'L4 nodes before and after the change in the ECMP scenario',
    format: COUNT,
    base: { scenario: 'ecmp-rehash', measure: 'l4NodeCount' },
    cols: { before: { durationMs: SETTING, measure: 'l4NodesConfigured' }, after: {} },
  },
  {
    id: 'ecmp-proxies',
    describe: 'L7 proxies behind the L4 tier in the ECMP scenario',
    format: COUNT,
    base: { scenario: 'ecmp-rehash', durationMs: SETTING, measure: 'proxyCount' },
  },
  // QUIC connection migration behind an L4 balancer (quic-migration).
  {
    id: 'quic-lost-share',
    describe: 'share of migrated QUIC connections lost, 5-tuple hashing vs routing by connection ID',
    format: PERCENT,
    base: { scenario: 'quic-migration', measure: 'migratedLostShare' },
    cols: {
      'five-tuple': { patch: { balancer: { quicRouting: '5-tuple' } } },
      'connection-id': { patch: { balancer: { quicRouting: 'connection-id' } } },
    },
  },
  {
    id: 'quic-migrations',
    describe: 'connection migrations the balancer sees over the quic-migration run',
    format: COUNT,
    base: { scenario: 'quic-migration', measure: 'migrations' },
  },
  {
    id: 'quic-reconnects',
    describe: 'reconnect handshakes over the quic-migration run, 5-tuple hashing vs connection ID',
    format: COUNT,
    base: { scenario: 'quic-migration', measure: 'reconnectHandshakes' },
    cols: {
      'five-tuple': { patch: { balancer: { quicRouting: '5-tuple' } } },
      'connection-id': { patch: { balancer: { quicRouting: 'connection-id' } } },
    },
  },
  {
    id: 'quic-servers',
    describe: 'servers behind the L4 balancer in quic-migration',
    format: COUNT,
    base: { scenario: 'quic-migration', durationMs: SETTING, measure: 'backendCount' },
  },
  {
    id: 'quic-moves-per-minute',
    describe: 'network changes per connection per minute in quic-migration',
    format: COUNT,
    base: { scenario: 'quic-migration', durationMs: SETTING, measure: 'migrationsPerMinute' },
  },
];
