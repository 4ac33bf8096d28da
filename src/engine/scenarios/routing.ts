/** Scenarios about L7 routing: path rules and a weighted canary, and a reverse proxy in front. */
import { pool } from '../config.ts';
import { canaryShare } from '../measures.ts';
import { API_V1, API_V2, preset, STATIC } from './build.ts';

const contentRoutingCanary = preset(
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
    widget: {
      knobs: ['canary', 'rate'],
      backendButtons: true,
      addRemove: false,
      timeScale: 150,
      headline: ['canaryOfV2'],
      goal: (m) => {
        const windowRequests = m.backends.reduce((sum, b) => sum + b.window.requests, 0);
        return windowRequests > 50 && Math.abs(canaryShare(m, 'window') - 0.25) <= 0.03;
      },
    },
  },
);

const reverseProxy = preset(
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
    widget: {
      knobs: ['rate'],
      backendButtons: true,
      addRemove: false,
      headline: ['cacheHits', 'latency'],
      goal: (_m, c) => c.clients.ratePerSecond >= 3000,
    },
  },
);

export const ROUTING_SCENARIOS = {
  'content-routing-canary': contentRoutingCanary,
  'reverse-proxy': reverseProxy,
} as const;
