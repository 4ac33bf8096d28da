/**
 * The balancer's decisions: which pool and which backend get a request (L7, per request) or a
 * connection (L4 and WebSocket, once per connection), which backends are candidates at all, and
 * which front-tier proxy a new connection lands on. Runs on every request, so it reads compiled
 * rules (`rules.ts`), cached candidate lists and one reused pick context, and allocates nothing.
 */
import type { Algorithm, BalancerConfig } from '../config.ts';
import { flowKey } from './connections.ts';
import { ecmpNode, nodePicker } from './ecmp.ts';
import { inPanic } from './panic.ts';
import { REFRESH, US, type PoolState, type SimState } from './state.ts';

/** The algorithm in force: source-IP stickiness is IP hashing, whatever the algorithm setting. */
export function effectiveAlgorithm(balancer: BalancerConfig): Algorithm {
  return balancer.stickiness === 'source-ip' ? 'ip-hash' : balancer.algorithm;
}

/** L7: one decision per request, from listener rules, weights, stickiness and the algorithm. */
export function routeRequest(s: SimState, c: number, template: number): number {
  const { balancer } = s.config;
  const hasCookie = s.population.hasCookie[c] === 1;
  const poolIndex = s.rules.poolFor(template, hasCookie, s.balance);
  const sticky = s.stickyBackend[c] as number;
  if (balancer.stickiness === 'cookie' && sticky >= 0 && isCandidate(s, sticky)) {
    // Stickiness wins over weights: the cookie names the backend.
    const stickyPool = s.backends[sticky]!.pool;
    if (stickyPool === poolIndex || s.rules.allowsPool(template, hasCookie, stickyPool)) return sticky;
  }
  if (poolIndex < 0) return -1;
  const b = pickFromPool(s, poolIndex, effectiveAlgorithm(balancer), s.population.userKey[c] as number, c);
  if (balancer.stickiness === 'cookie' && b >= 0) s.stickyBackend[c] = b;
  return b;
}

/** L4 (and WebSocket at L7): pick once for the connection and remember it. */
export function assignConnection(s: SimState, c: number, template: number): void {
  const { balancer } = s.config;
  const poolIndex =
    balancer.mode === 'l4'
      ? (s.rules.l4Pool[template] as number)
      : s.rules.poolFor(template, s.population.hasCookie[c] === 1, s.balance);
  const b = poolIndex < 0 ? -1 : pickFromPool(s, poolIndex, effectiveAlgorithm(balancer), flowKey(s, c), c);
  s.connBackend[c] = b;
  if (b >= 0) {
    s.openConns[b]!++;
    s.perBackend.connections[b]!++;
    if (balancer.tls === 'passthrough') s.totals.handshakesAtBackends++;
  }
}

/** One pick from a pool by `key` (the flow hash at L4); exported for a migrated flow's new pick. */
export function pickFromPool(s: SimState, poolIndex: number, algorithm: Algorithm, key: number, c: number): number {
  const pool = s.pools[poolIndex]!;
  const list = candidates(s, pool);
  if (list.length === 0) return -1;
  const { balancer } = s.config;
  const ctx = s.pickContext;
  ctx.load = balancer.mode === 'l4' && algorithm === 'least-connections' ? s.openConns : s.loadView;
  ctx.key = key;
  ctx.ipKey = s.population.ipKey[c] as number;
  ctx.choices = balancer.choices;
  ctx.ringVnodes = balancer.ringVnodes;
  ctx.maglevTableSize = balancer.maglevTableSize;
  // Slow start: the weighted paths run only while one of this pool's candidates ramps.
  ctx.ramp = pool.ramping ? s.slowStartFactor : null;
  return pool.picker.pick(algorithm, list, ctx);
}

/**
 * Healthy backends of a pool; if none is healthy, all of them (fail open, as ALB does). Below the
 * panic threshold (`sim/panic.ts`) health is disregarded: every server in service with a weight
 * above 0 is a candidate, unhealthy or ejected ones included.
 */
export function candidates(s: SimState, pool: PoolState): number[] {
  if (s.nowUs >= s.nextEjectionExpiryUs) expireEjections(s);
  if (pool.version === s.membershipVersion) return pool.candidates;
  const out: number[] = [];
  const panic = inPanic(s, pool);
  let configured = 0;
  let ramping = false;
  for (const b of pool.backends) {
    // A draining backend is on its way out: not even fail-open (or panic) sends it new work.
    if (s.backends[b]!.removed || s.backends[b]!.drain !== null) continue;
    configured++;
    if (panic ? (s.weights[b] as number) > 0 : isCandidate(s, b)) out.push(b);
  }
  if (out.length === 0 && configured > 0)
    for (const b of pool.backends) if (!s.backends[b]!.removed && s.backends[b]!.drain === null) out.push(b);
  for (const b of out) if ((s.slowStartFactor[b] as number) < 1) ramping = true;
  pool.candidates = out;
  pool.version = s.membershipVersion;
  pool.ramping = ramping;
  return out;
}

/** An ejection ran out: candidate lists change, and the next expiry is looked up. */
function expireEjections(s: SimState): void {
  s.membershipVersion++;
  let next = Infinity;
  for (let b = 0; b < s.backends.length; b++) {
    const until = s.ejectedUntil[b] as number;
    if (until > s.nowUs && until < next) next = until;
  }
  s.nextEjectionExpiryUs = next;
}

function isCandidate(s: SimState, b: number): boolean {
  return (
    !s.backends[b]!.removed &&
    s.backends[b]!.drain === null &&
    (s.healthy[b] as boolean) &&
    (s.ejectedUntil[b] as number) <= s.nowUs &&
    (s.weights[b] as number) > 0
  );
}

/** A new connection through the front L4 tier: pick its proxy by the tier's own algorithm. */
export function pickProxy(s: SimState, c: number): void {
  const tier = s.config.frontTier!;
  if (s.proxyIds.length !== tier.proxies) resizeFrontTier(s, tier.proxies);
  const ctx = s.proxyContext;
  ctx.key = flowKey(s, c);
  ctx.ipKey = s.population.ipKey[c] as number;
  // The routers pick the L4 node (ECMP); that node picks the proxy and keeps it in its table.
  const node = s.l4NodeCount > 1 ? ecmpNode(s, ctx.key) : 0;
  s.connL4Node[c] = node;
  const p = nodePicker(s, node).pick(tier.algorithm, s.proxyIds, ctx);
  s.connProxy[c] = p;
  s.proxyConnections[p] = (s.proxyConnections[p] ?? 0) + 1;
}

/** Proxies 0..n-1 as pick candidates, named `proxy-1`… and weighted equally. */
function resizeFrontTier(s: SimState, proxies: number): void {
  s.proxyIds = Array.from({ length: proxies }, (_, i) => i);
  s.proxyContext.names = s.proxyIds.map((i) => `proxy-${i + 1}`);
  s.proxyContext.weight = s.proxyIds.map(() => 1);
}

/** Stale load stats: the balancer's snapshot of outstanding requests, refreshed on a timer. */
export function refreshLoadView(s: SimState): void {
  const refresh = s.config.balancer.statsRefreshMs;
  if (refresh <= 0) return;
  for (let b = 0; b < s.backends.length; b++) s.loadView[b] = s.outstanding[b] as number;
  s.queue.push(s.nowUs + refresh * US, REFRESH, 0);
}
