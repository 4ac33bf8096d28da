/**
 * The Lab's starting design: the engine's own defaults (fact base §6) in the form's language, so a
 * fresh Lab behaves like the lessons' baseline: 200 users at 400 req/s on four identical servers
 * behind one L7 balancer with HAProxy's default health checks.
 */
import { LAB_VERSION, type LabDesign, type LabDoc, type LabPool } from './design';

/** The seed every lesson preset uses. */
export const DEFAULT_LAB_SEED = 42;

export function defaultPool(id = 'web', count = 4): LabPool {
  return { id, count, concurrency: 8, serviceMs: 20, speed: 1, heterogeneity: 0 };
}

export function defaultDesign(): LabDesign {
  return {
    clients: {
      count: 200,
      ratePerSecond: 400,
      natShare: 0,
      usersPerIp: 1,
      protocol: 'http1',
      requestsPerConnection: 6,
      cookieShare: 0,
    },
    // The engine's default request: ≈0.8 KB up, 37.6 KB down.
    paths: [{ path: '/api/v2/cart', weight: 1, responseKb: 37.6 }],
    // Off; when turned on, three proxies behind Maglev with DSR (the layered-tiers lesson).
    l4: { enabled: false, proxies: 3, forwarding: 'dsr', hashing: 'maglev' },
    // An L7 proxy, as the lessons' baseline; in L4 mode the return path would be NAT.
    l7: {
      mode: 'l7',
      forwarding: 'nat',
      algorithm: 'round-robin',
      tls: 'terminate',
      stickiness: 'none',
      rules: [],
      defaultPool: 'web',
      // HAProxy defaults: inter 2 s, rise 2, fall 3.
      activeHealth: { enabled: true, intervalMs: 2000, healthyThreshold: 2, unhealthyThreshold: 3 },
      // Envoy's outlier detection defaults when turned on: 5 consecutive 5xx, 30 s ejection.
      passiveHealth: { enabled: false, consecutiveErrors: 5, ejectionMs: 30_000 },
      panicThresholdPercent: 0,
      slowStartMs: 0,
      drainMs: 0,
    },
    pools: [defaultPool()],
    sessions: 'none',
  };
}

export function defaultDoc(): LabDoc {
  return { v: LAB_VERSION, seed: DEFAULT_LAB_SEED, design: defaultDesign(), faults: [] };
}
