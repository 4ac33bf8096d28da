/**
 * Scenario presets for the lessons (fact base §9). Each is a JSON-serialisable config patch, a
 * duration, an optional script of mid-run changes, and the outcome it must produce, as numbers
 * with tolerances. `test/unit/engine-scenarios.test.ts` runs every preset headless and checks them.
 */
import type { BackendConfig, DeepPartial, SimConfig } from './config.ts';
import { backend, defaultConfig, DEFAULT_REQUEST, mergeConfig, pool } from './config.ts';

export type ScriptStep =
  | { atMs: number; action: 'crash' | 'revive' | 'gray' | 'remove'; backend: string }
  | { atMs: number; action: 'add'; pool: string; backend?: Partial<BackendConfig> }
  | { atMs: number; action: 'update'; patch: DeepPartial<SimConfig> };

/** A measured number (see MEASURES in scenario-measures.ts) and the range it must land in. */
export interface Expectation {
  measure: string;
  min?: number;
  max?: number;
  /** What the number means, for people reading a failing test. */
  why: string;
}

export interface Scenario {
  id: string;
  patch: DeepPartial<SimConfig>;
  /** The full config: defaults plus the patch. */
  config: SimConfig;
  durationMs: number;
  seed: number;
  script: ScriptStep[];
  expect: Expectation[];
}

const preset = (
  id: string,
  patch: DeepPartial<SimConfig>,
  rest: Omit<Scenario, 'id' | 'patch' | 'config' | 'seed'> & { seed?: number },
): Scenario => ({
  id,
  patch,
  config: scenarioConfig(patch),
  seed: rest.seed ?? 42,
  durationMs: rest.durationMs,
  script: rest.script,
  expect: rest.expect,
});

export function scenarioConfig(patch: DeepPartial<SimConfig>): SimConfig {
  return mergeConfig(defaultConfig(), patch);
}

/** Five backends, the third one gray: /health answers 200 while real requests fail. */
const GRAY_POOL = {
  id: 'web',
  backends: [
    backend('web-1'),
    backend('web-2'),
    backend('web-3', { state: 'gray' as const }),
    backend('web-4'),
    backend('web-5'),
  ],
};

const API_V2 = { ...DEFAULT_REQUEST, path: '/api/v2/cart' };
const API_V1 = { ...DEFAULT_REQUEST, path: '/api/v1/cart' };
const STATIC = { ...DEFAULT_REQUEST, path: '/static/app.js', responseBytes: 120_000, cacheable: true };

export const SCENARIOS: Scenario[] = [
  preset(
    'what-the-lb-sees',
    { traceCapacity: 400, clients: { count: 20, ratePerSecond: 50 }, pools: [pool('web', 3)] },
    {
      durationMs: 2000,
      script: [],
      expect: [
        { measure: 'l4ReadsPath', max: 0, why: 'an L4 device never parses the HTTP path' },
        { measure: 'l7ReadsPath', min: 1, max: 1, why: 'the terminating L7 balancer reads every path' },
        { measure: 'l4ReadsSni', min: 1, max: 1, why: 'SNI travels in the clear ClientHello' },
      ],
    },
  ),
  preset(
    'content-routing-canary',
    {
      clients: { count: 2000, ratePerSecond: 2000 },
      requests: [
        { ...API_V2, weight: 6 },
        { ...API_V1, weight: 2 },
        { ...STATIC, weight: 2 },
      ],
      pools: [pool('v1', 2), pool('v2', 3), pool('canary', 1), pool('static', 2, { serviceMs: 2 })],
      balancer: {
        defaultPool: 'v1',
        rules: [
          { id: 'static', match: { pathPrefix: '/static/' }, forward: [{ pool: 'static', weight: 1 }] },
          {
            id: 'api-v2',
            match: { pathPrefix: '/api/v2/' },
            forward: [
              { pool: 'v2', weight: 90 },
              { pool: 'canary', weight: 10 },
            ],
          },
        ],
      },
    },
    {
      durationMs: 20_000,
      script: [],
      expect: [
        {
          measure: 'canaryShareOfV2',
          min: 0.09,
          max: 0.11,
          why: 'a 10% weight sends 10% ± 1% of /api/v2 to the canary',
        },
        {
          measure: 'staticShare',
          min: 0.18,
          max: 0.22,
          why: 'path rules send /static (20% of requests) to its own pool',
        },
      ],
    },
  ),
  preset(
    'nat-vs-dsr',
    {
      clients: { count: 500, ratePerSecond: 1000 },
      balancer: { mode: 'l4', tls: 'passthrough', algorithm: 'maglev', forwarding: 'dsr' },
      pools: [pool('web', 4)],
    },
    {
      durationMs: 10_000,
      script: [],
      expect: [
        // 800 B requests against 37,600 B responses: 800 / 38,400 ≈ 2.1% of the bytes.
        { measure: 'balancerByteShare', min: 0.0158, max: 0.0258, why: 'with DSR only requests cross the balancer' },
      ],
    },
  ),
  preset(
    'tls-modes',
    {
      traceCapacity: 400,
      clients: { count: 20, ratePerSecond: 50 },
      balancer: { tls: 'reencrypt' },
      pools: [pool('web', 3)],
    },
    {
      durationMs: 2000,
      script: [],
      expect: [
        { measure: 'backendHopEncrypted', min: 1, max: 1, why: 're-encryption encrypts the balancer → backend hop' },
        { measure: 'l7ReadsPath', min: 1, max: 1, why: '…but the balancer itself saw the plaintext' },
      ],
    },
  ),
  preset(
    'sticky-ip-hash-nat',
    {
      clients: { count: 10_000, ratePerSecond: 5000, natShare: 0.3 },
      balancer: { stickiness: 'source-ip' },
      sessions: 'memory',
      pools: [pool('web', 10, { concurrency: 64, serviceMs: 5 })],
    },
    {
      durationMs: 20_000,
      script: [],
      expect: [
        {
          measure: 'imbalance',
          min: 3.3,
          max: 4.1,
          why: '30% of users behind one NAT give its server 3.7× its fair share',
        },
      ],
    },
  ),
  preset(
    'sticky-cookie-nat',
    {
      clients: { count: 10_000, ratePerSecond: 5000, natShare: 0.3 },
      balancer: { stickiness: 'cookie' },
      sessions: 'memory',
      pools: [pool('web', 10, { concurrency: 64, serviceMs: 5 })],
    },
    {
      durationMs: 20_000,
      script: [],
      expect: [
        {
          measure: 'imbalance',
          max: 1.2,
          why: 'cookies pin each browser, not each address, so NAT does not skew load',
        },
        { measure: 'sessionsLost', max: 0, why: 'every user keeps landing on the server that holds their session' },
      ],
    },
  ),
  preset(
    'crash-memory-sessions',
    {
      clients: { count: 1000, ratePerSecond: 1000 },
      balancer: { stickiness: 'cookie' },
      sessions: 'memory',
      pools: [pool('web', 4)],
    },
    {
      durationMs: 10_000,
      script: [{ atMs: 5000, action: 'crash', backend: 'web-2' }],
      expect: [
        { measure: 'sessionsLost', min: 150, why: 'the crashed server’s in-memory sessions are gone (≈ 1/4 of users)' },
      ],
    },
  ),
  preset(
    'crash-shared-store',
    {
      clients: { count: 1000, ratePerSecond: 1000 },
      balancer: { stickiness: 'none' },
      sessions: 'shared',
      pools: [pool('web', 4)],
    },
    {
      durationMs: 15_000,
      script: [{ atMs: 5000, action: 'crash', backend: 'web-2' }],
      expect: [
        { measure: 'sessionsLost', max: 0, why: 'a shared store keeps every session, whichever server answers' },
        {
          measure: 'crashedGetsNothingLate',
          max: 0,
          why: 'once health checks mark it down, the crashed server gets no new requests',
        },
      ],
    },
  ),
  preset(
    'hash-churn',
    {
      clients: { count: 10_000, ratePerSecond: 100 },
      balancer: { mode: 'l4', tls: 'passthrough', algorithm: 'maglev' },
      pools: [pool('web', 5)],
    },
    {
      durationMs: 2000,
      script: [{ atMs: 1000, action: 'add', pool: 'web' }],
      expect: [
        {
          measure: 'remapFraction',
          min: 0.117,
          max: 0.217,
          why: 'Maglev moves about 1/6 of keys going from 5 to 6 servers',
        },
      ],
    },
  ),
  preset(
    'http2-pinning',
    {
      clients: { count: 3, ratePerSecond: 600, protocol: 'http2' },
      balancer: { mode: 'l4', tls: 'passthrough', algorithm: 'round-robin' },
      pools: [pool('web', 8)],
    },
    {
      durationMs: 10_000,
      script: [],
      expect: [
        {
          measure: 'busyBackends',
          max: 3,
          why: 'under L4 each HTTP/2 connection, with all its streams, stays on one backend',
        },
      ],
    },
  ),
  preset(
    'websocket-scale-out',
    {
      clients: { count: 300, ratePerSecond: 600, protocol: 'websocket' },
      balancer: { defaultPool: 'ws' },
      pools: [pool('ws', 3)],
    },
    {
      durationMs: 10_000,
      script: [
        { atMs: 5000, action: 'add', pool: 'ws', backend: { id: 'ws-4' } },
        { atMs: 5000, action: 'add', pool: 'ws', backend: { id: 'ws-5' } },
        { atMs: 5000, action: 'add', pool: 'ws', backend: { id: 'ws-6' } },
      ],
      expect: [
        {
          measure: 'newBackendsWindowShare',
          max: 0.01,
          why: 'open WebSockets never move: new servers wait for reconnects',
        },
      ],
    },
  ),
  preset(
    'algorithm-race',
    {
      clients: { count: 1000, ratePerSecond: 900 },
      network: { clientRttMs: 0, backendRttMs: 0, l7HopMs: 0, l4HopMs: 0 },
      balancer: { algorithm: 'p2c' },
      pools: [pool('web', 10, { concurrency: 1, serviceMs: 10, distribution: 'bimodal' })],
    },
    {
      durationMs: 120_000,
      script: [],
      // Fact base §5.1, bimodal service times at ρ = 0.9: P2C p99 ≈ 34× the mean service time.
      expect: [{ measure: 'p99OverService', min: 20, max: 50, why: 'P2C keeps p99 near 34× the mean service time' }],
    },
  ),
  preset(
    'herding-stale-stats',
    {
      clients: { count: 1000, ratePerSecond: 900 },
      network: { clientRttMs: 0, backendRttMs: 0, l7HopMs: 0, l4HopMs: 0 },
      balancer: { algorithm: 'least-outstanding', statsRefreshMs: 50 },
      pools: [pool('web', 10, { concurrency: 1, serviceMs: 10 })],
    },
    {
      durationMs: 120_000,
      script: [],
      // Fact base §5.1: with stats 5 service times old, least-outstanding herds (p99 ≈ 51×).
      expect: [
        { measure: 'p99OverService', min: 30, why: 'stale load information sends everyone to the same idle server' },
      ],
    },
  ),
  preset(
    'health-gray-failure',
    {
      clients: { count: 500, ratePerSecond: 500 },
      pools: [GRAY_POOL],
    },
    {
      durationMs: 20_000,
      script: [],
      expect: [
        {
          measure: 'errorShare',
          min: 0.15,
          max: 0.25,
          why: 'active checks pass on a gray server, so 1 request in 5 keeps failing',
        },
        { measure: 'grayHealthy', min: 1, max: 1, why: 'the gray server still looks healthy to /health' },
      ],
    },
  ),
  preset(
    'health-passive-ejection',
    {
      clients: { count: 500, ratePerSecond: 500 },
      health: { passive: { consecutiveErrors: 5, ejectionMs: 30_000 } },
      pools: [GRAY_POOL],
    },
    {
      durationMs: 20_000,
      script: [],
      expect: [
        { measure: 'errorShare', max: 0.01, why: 'passive checks eject the gray server after a few real failures' },
      ],
    },
  ),
  preset(
    'reverse-proxy',
    {
      clients: { count: 500, ratePerSecond: 1000, spoofedXff: '1.2.3.4' },
      requests: [
        { ...API_V2, weight: 1 },
        { ...STATIC, weight: 1 },
      ],
      balancer: { cache: { enabled: true, hitRatio: 0.9 }, backendPooling: true },
      pools: [pool('web', 3)],
      traceCapacity: 200,
    },
    {
      durationMs: 10_000,
      script: [],
      expect: [
        { measure: 'cacheHitShare', min: 0.42, max: 0.48, why: '90% of the cacheable half is answered by the proxy' },
        { measure: 'backendConnectionsPerRequest', max: 0, why: 'pooled backend connections are reused, not reopened' },
        {
          measure: 'xffKeepsSpoofedEntry',
          min: 1,
          max: 1,
          why: 'X-Forwarded-For is appended: the spoofed entry stays leftmost',
        },
      ],
    },
  ),
  preset(
    'layered-tiers',
    {
      clients: { count: 2000, ratePerSecond: 2000 },
      frontTier: { proxies: 3, algorithm: 'maglev', forwarding: 'dsr' },
      pools: [pool('web', 6)],
    },
    {
      durationMs: 10_000,
      script: [],
      expect: [
        { measure: 'proxyImbalance', max: 1.25, why: 'consistent hashing spreads connections over the L7 proxies' },
        { measure: 'frontTierByteShare', max: 0.03, why: 'with DSR the L4 tier carries only requests' },
      ],
    },
  ),
];

export function getScenario(id: string): Scenario {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown scenario "${id}". Known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  return found;
}
