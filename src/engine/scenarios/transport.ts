/** Scenarios about what each layer sees and carries: visibility, TLS, DSR, HTTP/2, WebSocket, tiers. */
import { pool } from '../config.ts';
import { preset, replayOf } from './build.ts';

const whatTheLbSees = preset(
  'what-the-lb-sees',
  { traceCapacity: 400, clients: { count: 20, ratePerSecond: 50 }, pools: [pool('web', 3)] },
  {
    durationMs: 2000,
    expect: [
      { measure: 'l4ReadsPath', max: 0, why: 'an L4 device never parses the HTTP path' },
      { measure: 'l7ReadsPath', min: 1, max: 1, why: 'the terminating L7 balancer reads every path' },
      { measure: 'l4ReadsSni', min: 1, max: 1, why: 'SNI travels in the clear ClientHello' },
    ],
    widget: {
      knobs: ['mode', 'tls'],
      backendButtons: false,
      addRemove: false,
      headline: ['latency'],
      goal: (_m, c) => c.balancer.mode === 'l4' && c.balancer.tls === 'passthrough',
    },
  },
);

const natVsDsr = preset(
  'nat-vs-dsr',
  {
    clients: { count: 500, ratePerSecond: 1000 },
    balancer: { mode: 'l4', tls: 'passthrough', algorithm: 'maglev', forwarding: 'dsr' },
    pools: [pool('web', 4)],
  },
  {
    durationMs: 10_000,
    expect: [
      // Requests, handshakes and the client's ACKs still cross a DSR balancer: about 4% of the bytes.
      {
        measure: 'balancerByteShare',
        min: 0.03,
        max: 0.05,
        why: 'with DSR only the client’s packets cross the balancer',
      },
    ],
    widget: {
      knobs: ['forwarding', 'responseKb'],
      backendButtons: false,
      addRemove: false,
      headline: ['balancerBytes'],
      goal: (_m, c) => c.balancer.forwarding === 'dsr' && (c.requests[0]?.responseBytes ?? 0) >= 370_000,
    },
  },
);

const tlsModes = preset(
  'tls-modes',
  {
    traceCapacity: 400,
    clients: { count: 20, ratePerSecond: 50 },
    balancer: { tls: 'reencrypt' },
    pools: [pool('web', 3)],
  },
  {
    durationMs: 2000,
    expect: [
      { measure: 'backendHopEncrypted', min: 1, max: 1, why: 're-encryption encrypts the balancer → backend hop' },
      { measure: 'l7ReadsPath', min: 1, max: 1, why: '…but the balancer itself saw the plaintext' },
    ],
    widget: {
      knobs: ['tls'],
      backendButtons: false,
      addRemove: false,
      headline: ['latency'],
      goal: (_m, c) => c.balancer.tls === 'passthrough',
    },
  },
);

const http2Pinning = preset(
  'http2-pinning',
  {
    clients: { count: 3, ratePerSecond: 600, protocol: 'http2' },
    balancer: { mode: 'l4', tls: 'passthrough', algorithm: 'round-robin' },
    pools: [pool('web', 8)],
  },
  {
    durationMs: 10_000,
    expect: [
      {
        measure: 'busyBackends',
        max: 3,
        why: 'under L4 each HTTP/2 connection, with all its streams, stays on one backend',
      },
    ],
    widget: {
      knobs: ['mode'],
      backendButtons: false,
      addRemove: true,
      timeScale: 100,
      headline: ['busyServers', 'imbalance'],
      goal: (m, c) => c.balancer.mode === 'l7' && m.backends.every((b) => b.window.requests > 0),
    },
  },
);

const websocketScaleOut = preset(
  'websocket-scale-out',
  {
    clients: { count: 300, ratePerSecond: 600, protocol: 'websocket' },
    balancer: { defaultPool: 'ws' },
    pools: [pool('ws', 3)],
  },
  {
    durationMs: 10_000,
    expect: [{ measure: 'busyBackends', min: 3, max: 3, why: 'every open WebSocket stays where it was opened' }],
    widget: {
      knobs: [],
      backendButtons: false,
      addRemove: true,
      timeScale: 150,
      headline: ['busyServers'],
      goal: (m) => m.backends.length > 3,
    },
  },
);

const websocketScaleOutReplay = replayOf(websocketScaleOut, 'websocket-scale-out-replay', {
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
});

const layeredTiers = preset(
  'layered-tiers',
  {
    clients: { count: 2000, ratePerSecond: 2000 },
    frontTier: { proxies: 3, algorithm: 'maglev', forwarding: 'dsr' },
    pools: [pool('web', 6)],
  },
  {
    durationMs: 10_000,
    expect: [
      { measure: 'proxyImbalance', max: 1.25, why: 'consistent hashing spreads connections over the L7 proxies' },
      { measure: 'frontTierByteShare', max: 0.06, why: 'with DSR the L4 tier carries only the clients’ packets' },
    ],
    widget: {
      knobs: ['rate'],
      backendButtons: false,
      addRemove: true,
      timeScale: 150,
      headline: ['imbalance', 'latency'],
      goal: (m) => m.backends.length > 6,
    },
  },
);

/**
 * Routers spread long-lived flows over four L4 nodes with ECMP; a fifth node joins at 3 s. Modulo
 * hashing moves most flows to another node, a resilient table about a fifth; with Maglev at the
 * nodes a moved flow still reaches its proxy, with round robin it is usually reset.
 */
const ecmpRehash = preset(
  'ecmp-rehash',
  {
    clients: { count: 2000, ratePerSecond: 2000, protocol: 'http2' },
    frontTier: { proxies: 4, algorithm: 'maglev', forwarding: 'dsr', l4Nodes: 4, ecmp: 'modulo' },
    pools: [pool('web', 4)],
  },
  {
    durationMs: 6000,
    script: [{ atMs: 3000, action: 'update', patch: { frontTier: { l4Nodes: 5 } } }],
    expect: [
      {
        measure: 'ecmpMovedShare',
        min: 0.7,
        max: 0.9,
        why: 'modulo hashing over 4 → 5 nodes moves about 4/5 of the flows',
      },
      { measure: 'ecmpBrokenShare', max: 0, why: 'Maglev at every node sends a moved flow to the proxy it had' },
    ],
    widget: {
      knobs: ['l4Nodes', 'ecmp', 'tierAlgorithm'],
      backendButtons: false,
      addRemove: false,
      timeScale: 500,
      headline: ['ecmpMoved', 'ecmpBroken'],
      goal: (m, config) =>
        config.frontTier?.ecmp === 'resilient' &&
        (m.frontTier?.lastChange?.flows ?? 0) > 0 &&
        (m.frontTier?.lastChange?.broken ?? 1) === 0 &&
        (m.frontTier?.lastChange?.moved ?? 1) / (m.frontTier?.lastChange?.flows ?? 1) < 0.3,
    },
  },
);

export const TRANSPORT_SCENARIOS = {
  'what-the-lb-sees': whatTheLbSees,
  'nat-vs-dsr': natVsDsr,
  'tls-modes': tlsModes,
  'http2-pinning': http2Pinning,
  'websocket-scale-out': websocketScaleOut,
  'websocket-scale-out-replay': websocketScaleOutReplay,
  'layered-tiers': layeredTiers,
  'ecmp-rehash': ecmpRehash,
} as const;
