/**
 * "Try this": one small goal per scenario, checked live against the widget's own numbers and
 * settings. Reaching it is recorded as progress. Text lives in i18n under widget.goal.<scenario>.
 */
import type { Metrics, SimConfig } from '../engine';

export type GoalCheck = (metrics: Metrics, config: SimConfig) => boolean;

const windowTotal = (m: Metrics) => m.backends.reduce((sum, b) => sum + b.window.requests, 0);
const pool = (m: Metrics, id: string) => m.pools.find((p) => p.id === id)?.windowShare ?? 0;

export const GOALS: Record<string, GoalCheck> = {
  'what-the-lb-sees': (_m, c) => c.balancer.mode === 'l4' && c.balancer.tls === 'passthrough',
  'content-routing-canary': (m) => {
    const canary = pool(m, 'canary');
    const v2 = pool(m, 'v2');
    return windowTotal(m) > 50 && canary + v2 > 0 && Math.abs(canary / (canary + v2) - 0.25) <= 0.03;
  },
  'nat-vs-dsr': (_m, c) => c.balancer.forwarding === 'dsr' && (c.requests[0]?.responseBytes ?? 0) >= 370_000,
  'tls-modes': (_m, c) => c.balancer.tls === 'passthrough',
  'sticky-ip-hash-nat': (m, c) => c.clients.natShare >= 0.3 && windowTotal(m) > 100 && m.windowImbalance < 1.3,
  'sticky-cookie-nat': (m, c) =>
    c.clients.natShare >= 0.6 && c.balancer.stickiness === 'cookie' && windowTotal(m) > 100 && m.windowImbalance < 1.3,
  'crash-memory-sessions': (m) => m.sessionsLost > 0,
  'crash-shared-store': (m, c) => c.sessions === 'shared' && m.backends.some((b) => b.state === 'crashed'),
  'hash-churn': (m) => m.remap !== null && m.remap.fraction < 0.25,
  'http2-pinning': (m, c) => c.balancer.mode === 'l7' && m.backends.every((b) => b.window.requests > 0),
  'websocket-scale-out': (m) => m.backends.length > 3,
  'algorithm-race': (_m, c) => c.balancer.algorithm === 'least-outstanding',
  'herding-stale-stats': (_m, c) => c.balancer.algorithm === 'p2c',
  'health-gray-failure': (m) => m.backends.some((b) => b.id === 'web-3' && b.state === 'crashed'),
  'health-passive-ejection': (m) => m.backends.some((b) => b.id === 'web-3' && !b.healthy),
  'reverse-proxy': (_m, c) => c.clients.ratePerSecond >= 3000,
  'layered-tiers': (m) => m.backends.length > 6,
};
