/**
 * The packet engine's measurements: every number the lessons state about the simulated network,
 * each a (scenario, variant, seed, duration, measure, format). See measurements.ts.
 */
import type { DeepPartial, SimConfig } from './config.ts';
import type { MeasureFormat } from './measure-format.ts';
import type { PacketMeasurement } from './measurement-types.ts';
import { OPERATIONS_MEASUREMENTS } from './operations-measurements.ts';
import { getScenario } from './scenarios/index.ts';

const PERCENT: MeasureFormat = { unit: 'percent' };
/** One decimal even above 10%: hashing shares sit a few tenths of a point from 1/N. */
const PERCENT_1: MeasureFormat = { unit: 'percent', digits: 1 };
const COUNT: MeasureFormat = { unit: 'count' };
/** A plain number with one decimal: "3.7", read as "3.7 times" or "в 3,7 раза". */
const NUMBER_1: MeasureFormat = { unit: 'number', digits: 1 };

/**
 * A measure that reads only the scenario's settings needs no traffic: a 1 ms run (the registry test
 * evaluates every measurement, so runs stay cheap).
 */
const SETTING = 1;
/** The hashing table's population: 100,000 users on five servers. */
const CHURN_KEYS = { clients: { count: 100_000 } } as const;
/** Enough requests from those users that each server's share of them shows its share of users. */
const BALANCE_RUN = { clients: { count: 100_000, ratePerSecond: 100_000 } } as const;
/** Load snapshots refreshed every 0, 1 and 5 mean service times (10 ms each). */
const STALENESS = {
  t0: { balancer: { statsRefreshMs: 0 } },
  t1: { balancer: { statsRefreshMs: 10 } },
  t5: { balancer: { statsRefreshMs: 50 } },
} as const;

/** Every packet-engine measurement: the ones below, then draining, ECMP and QUIC (operations-measurements.ts). */
export const PACKET_MEASUREMENTS: PacketMeasurement[] = [
  // IP hashing behind one corporate NAT (sticky-ip-hash-nat).
  {
    id: 'nat-skew',
    describe: 'busiest server over its fair share, some users behind one NAT, IP hashing ("3.7 times")',
    format: NUMBER_1,
    base: { scenario: 'sticky-ip-hash-nat', measure: 'imbalance' },
  },
  {
    id: 'nat-busiest-share',
    describe: 'busiest server’s share of requests, some users behind one NAT, IP hashing',
    format: PERCENT,
    base: { scenario: 'sticky-ip-hash-nat', measure: 'maxShare' },
  },
  {
    id: 'nat-least-busy',
    describe: 'least busy server over its fair share, some users behind one NAT, IP hashing',
    format: NUMBER_1,
    base: { scenario: 'sticky-ip-hash-nat', measure: 'leastOverFair' },
  },
  {
    id: 'nat-users',
    describe: 'users in the NAT scenario',
    format: COUNT,
    base: { scenario: 'sticky-ip-hash-nat', durationMs: SETTING, measure: 'clientCount' },
  },
  {
    id: 'nat-share',
    describe: 'share of users behind the one NAT address',
    format: PERCENT,
    base: { scenario: 'sticky-ip-hash-nat', durationMs: SETTING, measure: 'natShare' },
  },
  {
    id: 'nat-users-behind',
    describe: 'users behind the one NAT address',
    format: COUNT,
    base: { scenario: 'sticky-ip-hash-nat', durationMs: SETTING, measure: 'natUsers' },
  },
  {
    id: 'nat-servers',
    describe: 'servers in the NAT scenario',
    format: COUNT,
    base: { scenario: 'sticky-ip-hash-nat', durationMs: SETTING, measure: 'backendCount' },
  },
  // DSR (nat-vs-dsr).
  {
    id: 'dsr-byte-share',
    describe: 'share of all bytes on the wire that cross a DSR balancer',
    format: PERCENT,
    base: { scenario: 'nat-vs-dsr', measure: 'balancerByteShare' },
  },
  {
    id: 'nat-byte-share',
    describe: 'share of all bytes on the wire that cross the same balancer in NAT mode',
    format: PERCENT,
    base: { scenario: 'nat-vs-dsr', patch: { balancer: { forwarding: 'nat' } }, measure: 'balancerByteShare' },
  },
  {
    id: 'dsr-request-kb',
    describe: 'request size in the DSR scenario, KB',
    format: NUMBER_1,
    base: { scenario: 'nat-vs-dsr', durationMs: SETTING, measure: 'requestKb' },
  },
  {
    id: 'dsr-response-kb',
    describe: 'response size in the DSR scenario, KB',
    format: NUMBER_1,
    base: { scenario: 'nat-vs-dsr', durationMs: SETTING, measure: 'responseKb' },
  },
  // Sessions, health, routing, reverse proxy.
  {
    id: 'crash-sessions-lost',
    describe: 'share of users whose in-memory session died with web-2',
    format: PERCENT,
    base: { scenario: 'crash-memory-sessions-replay', measure: 'sessionsLostShare' },
  },
  {
    id: 'gray-error-share',
    describe: 'share of requests failing while a gray server passes its health checks',
    format: PERCENT,
    base: { scenario: 'health-gray-failure', measure: 'errorShare' },
  },
  {
    id: 'canary-weight',
    describe: 'the canary’s weight in the /api/v2 rule of the canary scenario',
    format: PERCENT,
    base: { scenario: 'content-routing-canary', durationMs: SETTING, measure: 'canaryWeight' },
  },
  {
    id: 'rp-cache-hit-ratio',
    describe: 'share of cacheable requests the reverse proxy answers from its cache',
    format: PERCENT,
    base: { scenario: 'reverse-proxy', durationMs: SETTING, measure: 'cacheHitRatio' },
  },
  // Hashing: churn when a server goes or comes, and balance (hash-churn, hash-churn-replay).
  {
    id: 'hash-churn',
    describe: 'share of 100,000 users that map to another server when 5 servers change',
    format: PERCENT_1,
    base: { scenario: 'hash-churn', patch: CHURN_KEYS, measure: 'remapFraction' },
    rows: {
      remove: { script: [{ atMs: 1000, action: 'remove', backend: 'web-5' }] },
      add: { script: [{ atMs: 1000, action: 'add', pool: 'web' }] },
    },
    cols: {
      modulo: { patch: { balancer: { algorithm: 'ip-hash' } } },
      ring: { patch: { balancer: { algorithm: 'ring-hash' } } },
      maglev: { patch: { balancer: { algorithm: 'maglev' } } },
      /** What any scheme must move on average: 1/N on removal, 1/(N+1) on addition (any key count). */
      minimum: { measure: 'remapMinimum', patch: { clients: { count: 1000 } } },
    },
  },
  {
    id: 'hash-balance',
    describe: 'least and most busy server’s share of 100,000 requests, 100,000 users hashed onto 5 servers',
    format: PERCENT_1,
    base: { scenario: 'hash-churn', patch: BALANCE_RUN, durationMs: 1000, measure: 'maxShare' },
    rows: { min: { measure: 'minShare' }, max: {} },
    cols: {
      'ring-1': { patch: { balancer: { algorithm: 'ring-hash', ringVnodes: 1 } } },
      ring: { patch: { balancer: { algorithm: 'ring-hash' } } },
      maglev: { patch: { balancer: { algorithm: 'maglev' } } },
    },
  },
  {
    id: 'maglev-web-5-share',
    describe: 'web-5’s share of 300,000 requests under Maglev (the server the churn table removes)',
    format: PERCENT_1,
    base: { scenario: 'hash-churn', patch: BALANCE_RUN, durationMs: 3000, measure: 'lastServerShare' },
  },
  {
    id: 'churn-keys',
    describe: 'users (keys) hashed in the churn and balance tables',
    format: COUNT,
    base: { scenario: 'hash-churn', patch: CHURN_KEYS, durationMs: SETTING, measure: 'clientCount' },
  },
  {
    id: 'churn-servers',
    describe: 'servers before the change in the churn and balance tables',
    format: COUNT,
    base: { scenario: 'hash-churn', patch: CHURN_KEYS, durationMs: SETTING, measure: 'backendCount' },
  },
  {
    id: 'ring-vnodes',
    describe: 'virtual nodes per server on the hash ring',
    format: COUNT,
    base: { scenario: 'hash-churn', durationMs: SETTING, measure: 'ringVnodes' },
  },
  {
    id: 'maglev-quiz-users',
    describe: 'users in the Maglev predict quiz (hash-churn-replay)',
    format: COUNT,
    base: { scenario: 'hash-churn-replay', durationMs: SETTING, measure: 'clientCount' },
  },
  {
    id: 'maglev-table-size',
    describe: 'entries in the Maglev lookup table',
    format: COUNT,
    base: { scenario: 'hash-churn-replay', durationMs: SETTING, measure: 'maglevTableSize' },
  },
  // Uneven request costs and stale load figures (algorithm-race, herding-stale-stats).
  {
    id: 'race-servers',
    describe: 'single-worker servers in the algorithm race',
    format: COUNT,
    base: { scenario: 'algorithm-race', durationMs: SETTING, measure: 'backendCount' },
  },
  {
    id: 'race-load',
    describe: 'offered load in the algorithm race',
    format: PERCENT,
    base: { scenario: 'algorithm-race', durationMs: SETTING, measure: 'offeredLoad' },
  },
  {
    id: 'race-arrivals',
    describe: 'requests arriving at the whole pool per mean service time in the algorithm race',
    format: NUMBER_1,
    base: { scenario: 'algorithm-race', durationMs: SETTING, measure: 'arrivalsPerServiceTime' },
  },
  {
    id: 'algorithm-tail',
    describe: 'latency in mean service times, 10 single-worker servers at 90% load',
    format: NUMBER_1,
    base: { scenario: 'algorithm-race', measure: 'p99OverService' },
    rows: {
      'exponential-mean': { measure: 'meanOverService', patch: distribution('exponential') },
      'exponential-p99': { patch: distribution('exponential') },
      'bimodal-mean': { measure: 'meanOverService', patch: distribution('bimodal') },
      'bimodal-p99': { patch: distribution('bimodal') },
    },
    cols: {
      random: { patch: { balancer: { algorithm: 'random' } } },
      'round-robin': { patch: { balancer: { algorithm: 'round-robin' } } },
      p2c: { patch: { balancer: { algorithm: 'p2c' } } },
      'least-outstanding': { patch: { balancer: { algorithm: 'least-outstanding' } } },
    },
  },
  {
    id: 'herding',
    describe: 'latency in mean service times when load figures are T service times old',
    format: NUMBER_1,
    base: { scenario: 'herding-stale-stats', measure: 'p99OverService' },
    rows: {
      't0-mean': { measure: 'meanOverService', patch: STALENESS.t0 },
      't0-p99': { patch: STALENESS.t0 },
      't1-mean': { measure: 'meanOverService', patch: STALENESS.t1 },
      't1-p99': { patch: STALENESS.t1 },
      't5-mean': { measure: 'meanOverService', patch: STALENESS.t5 },
      't5-p99': { patch: STALENESS.t5 },
    },
    cols: {
      'least-outstanding': { patch: { balancer: { algorithm: 'least-outstanding' } } },
      p2c: { patch: { balancer: { algorithm: 'p2c' } } },
      random: { patch: { balancer: { algorithm: 'random' } } },
    },
  },
  {
    id: 'herding-age',
    describe: 'how old the load figures are in the herding table, in mean service times (T)',
    format: { unit: 'number', digits: 0 },
    base: { scenario: 'herding-stale-stats', durationMs: SETTING, measure: 'statsAgeOverService' },
    rows: { t0: { patch: STALENESS.t0 }, t1: { patch: STALENESS.t1 }, t5: { patch: STALENESS.t5 } },
  },
  ...OPERATIONS_MEASUREMENTS,
];

function distribution(kind: 'exponential' | 'bimodal'): DeepPartial<SimConfig> {
  const base = getScenario('algorithm-race').config.pools;
  return { pools: base.map((p) => ({ ...p, backends: p.backends.map((b) => ({ ...b, distribution: kind })) })) };
}
