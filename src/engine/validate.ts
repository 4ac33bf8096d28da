/** Parameter checks: a bad value throws an error that names the parameter and its valid range. */
import { ALGORITHMS, TIER_ALGORITHMS, type SimConfig } from './config.ts';

export class EngineParamError extends Error {
  constructor(
    readonly param: string,
    readonly range: string,
    readonly value: unknown,
  ) {
    super(`Invalid parameter ${param}: ${JSON.stringify(value)} (expected ${range})`);
    this.name = 'EngineParamError';
  }
}

function number(param: string, value: unknown, min: number, max: number, integer = false): void {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value));
  if (!ok) throw new EngineParamError(param, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, value);
}

function oneOf(param: string, value: unknown, options: readonly string[]): void {
  if (typeof value !== 'string' || !options.includes(value))
    throw new EngineParamError(param, `one of ${options.join(', ')}`, value);
}

export const LIMITS = {
  clients: 100_000,
  rate: 2_000_000,
  backends: 256,
  concurrency: 10_000,
} as const;

export function validateConfig(config: SimConfig): void {
  const { clients, balancer, network } = config;
  number('clients.count', clients.count, 1, LIMITS.clients, true);
  number('clients.ratePerSecond', clients.ratePerSecond, 0, LIMITS.rate);
  oneOf('clients.protocol', clients.protocol, ['http1', 'http2', 'websocket', 'quic']);
  number('clients.migrationPerSecond', clients.migrationPerSecond, 0, 100);
  number('clients.requestsPerConnection', clients.requestsPerConnection, 1, 10_000, true);
  number('clients.natShare', clients.natShare, 0, 1);
  number('clients.usersPerIp', clients.usersPerIp, 1, 5000, true);
  oneOf('clients.tlsVersion', clients.tlsVersion, ['1.2', '1.3']);
  number('clients.cookieShare', clients.cookieShare, 0, 1);

  if (config.requests.length === 0)
    throw new EngineParamError('requests', 'at least one request template', config.requests);
  config.requests.forEach((r, i) => {
    number(`requests[${i}].weight`, r.weight, 0, 1e6);
    number(`requests[${i}].requestBytes`, r.requestBytes, 1, 1e9);
    number(`requests[${i}].responseBytes`, r.responseBytes, 0, 1e10);
    if (!r.path.startsWith('/')) throw new EngineParamError(`requests[${i}].path`, 'a path starting with /', r.path);
  });
  if (!config.requests.some((r) => r.weight > 0))
    throw new EngineParamError('requests', 'at least one template with weight > 0', config.requests);

  oneOf('balancer.mode', balancer.mode, ['l4', 'l7']);
  oneOf('balancer.algorithm', balancer.algorithm, ALGORITHMS);
  oneOf('balancer.forwarding', balancer.forwarding, ['nat', 'dsr']);
  oneOf('balancer.tls', balancer.tls, ['none', 'terminate', 'passthrough', 'reencrypt']);
  oneOf('balancer.stickiness', balancer.stickiness, ['none', 'cookie', 'source-ip']);
  if (balancer.mode === 'l7' && balancer.tls === 'passthrough') {
    throw new EngineParamError(
      'balancer.tls',
      "'none', 'terminate' or 'reencrypt' in L7 mode (passthrough is L4 only)",
      balancer.tls,
    );
  }
  if (balancer.mode === 'l7' && balancer.forwarding === 'dsr') {
    throw new EngineParamError(
      'balancer.forwarding',
      "'nat' in L7 mode (a proxy must see the response)",
      balancer.forwarding,
    );
  }
  if (balancer.mode === 'l4' && balancer.stickiness === 'cookie') {
    throw new EngineParamError(
      'balancer.stickiness',
      "'none' or 'source-ip' in L4 mode (cookies need HTTP)",
      balancer.stickiness,
    );
  }
  number('balancer.cache.hitRatio', balancer.cache.hitRatio, 0, 1);
  number('balancer.ringVnodes', balancer.ringVnodes, 1, 1000, true);
  number('balancer.maglevTableSize', balancer.maglevTableSize, 7, 1_000_003, true);
  if (!isPrime(balancer.maglevTableSize))
    throw new EngineParamError('balancer.maglevTableSize', 'a prime number', balancer.maglevTableSize);
  number('balancer.statsRefreshMs', balancer.statsRefreshMs, 0, 600_000);
  number('balancer.choices', balancer.choices, 1, 16, true);
  number('balancer.drainMs', balancer.drainMs, 0, 3_600_000);
  oneOf('balancer.quicRouting', balancer.quicRouting, ['5-tuple', 'connection-id']);
  number('balancer.panicThresholdPercent', balancer.panicThresholdPercent, 0, 100);
  // AWS ALB accepts 30 s–15 min; 0 turns it off, and shorter windows suit a short simulation.
  number('balancer.slowStartMs', balancer.slowStartMs, 0, 900_000);
  // QUIC always encrypts, with TLS 1.3 (RFC 9001): there is no plaintext or TLS 1.2 QUIC.
  if (clients.protocol === 'quic' && (balancer.tls === 'none' || clients.tlsVersion !== '1.3'))
    throw new EngineParamError(
      'clients.protocol',
      "'quic' only with TLS 1.3 and balancer.tls other than 'none'",
      'quic',
    );

  const poolIds = new Set<string>();
  let backends = 0;
  config.pools.forEach((p, i) => {
    if (poolIds.has(p.id)) throw new EngineParamError(`pools[${i}].id`, 'a unique pool id', p.id);
    poolIds.add(p.id);
    p.backends.forEach((b, j) => {
      const at = `pools[${i}].backends[${j}]`;
      number(`${at}.concurrency`, b.concurrency, 1, LIMITS.concurrency, true);
      number(`${at}.serviceMs`, b.serviceMs, 0.001, 600_000);
      number(`${at}.speed`, b.speed, 0.01, 100);
      number(`${at}.weight`, b.weight, 0, 999);
      oneOf(`${at}.distribution`, b.distribution, ['exponential', 'bimodal', 'constant']);
      oneOf(`${at}.state`, b.state, ['up', 'crashed', 'gray', 'slow']);
      number(`${at}.grayErrorRate`, b.grayErrorRate, 0, 1);
      number(`${at}.slowdownFactor`, b.slowdownFactor, 1, 100);
      backends++;
    });
  });
  if (backends > LIMITS.backends)
    throw new EngineParamError('pools', `at most ${LIMITS.backends} backends in all`, backends);
  const knownPool = (param: string, id: string) => {
    if (!poolIds.has(id)) throw new EngineParamError(param, `one of the pool ids ${[...poolIds].join(', ')}`, id);
  };
  knownPool('balancer.defaultPool', balancer.defaultPool);
  balancer.rules.forEach((rule, i) => {
    if (rule.forward.length === 0)
      throw new EngineParamError(`balancer.rules[${i}].forward`, 'at least one target group', rule.forward);
    rule.forward.forEach((f, j) => {
      knownPool(`balancer.rules[${i}].forward[${j}].pool`, f.pool);
      number(`balancer.rules[${i}].forward[${j}].weight`, f.weight, 0, 999);
    });
  });
  balancer.sniRoutes.forEach((r, i) => knownPool(`balancer.sniRoutes[${i}].pool`, r.pool));

  if (config.health.active) {
    number('health.active.intervalMs', config.health.active.intervalMs, 10, 600_000);
    number('health.active.healthyThreshold', config.health.active.healthyThreshold, 1, 10, true);
    number('health.active.unhealthyThreshold', config.health.active.unhealthyThreshold, 1, 10, true);
  }
  if (config.health.passive) {
    number('health.passive.consecutiveErrors', config.health.passive.consecutiveErrors, 1, 100, true);
    number('health.passive.ejectionMs', config.health.passive.ejectionMs, 0, 3_600_000);
  }
  oneOf('sessions', config.sessions, ['none', 'memory', 'shared']);
  number('network.clientRttMs', network.clientRttMs, 0, 1000);
  number('network.backendRttMs', network.backendRttMs, 0, 100);
  number('network.l7HopMs', network.l7HopMs, 0, 100);
  number('network.l4HopMs', network.l4HopMs, 0, 10);
  if (config.frontTier) {
    if (balancer.mode !== 'l7')
      throw new EngineParamError(
        'frontTier',
        'null unless balancer.mode is l7 (the L4 tier fronts L7 proxies)',
        config.frontTier,
      );
    number('frontTier.proxies', config.frontTier.proxies, 1, 64, true);
    oneOf('frontTier.algorithm', config.frontTier.algorithm, TIER_ALGORITHMS);
    if (config.frontTier.l4Nodes !== undefined) number('frontTier.l4Nodes', config.frontTier.l4Nodes, 1, 32, true);
    if (config.frontTier.ecmp !== undefined) oneOf('frontTier.ecmp', config.frontTier.ecmp, ['modulo', 'resilient']);
    oneOf('frontTier.forwarding', config.frontTier.forwarding, ['nat', 'dsr']);
  }
  number('traceCapacity', config.traceCapacity, 0, 100_000, true);
  number('traceRequestsPerSecond', config.traceRequestsPerSecond, 1, 1_000_000);
  number('windowMs', config.windowMs, 10, 600_000);
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}
