/**
 * Scenario configuration: plain JSON, so presets, URLs and tests can carry it. Every field has a
 * default taken from the fact base (domain-facts §6), and `validateConfig` names any parameter
 * that is out of range.
 */

export type Mode = 'l4' | 'l7';
export const ALGORITHMS = [
  'round-robin',
  'weighted-round-robin',
  'random',
  'least-connections',
  'least-outstanding',
  'p2c',
  'ip-hash',
  'ring-hash',
  'maglev',
] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
/**
 * What an L4 node in front of the proxies may use: the balancer's algorithms plus 'flow-hash', a
 * hash of the flow's 5-tuple modulo the proxy count (the plain hash an ECMP router also uses;
 * 'ring-hash' and 'maglev' hash the same 5-tuple through consistent tables). Kept apart from
 * `ALGORITHMS` so the lesson widgets' algorithm select keeps its options.
 */
export const TIER_ALGORITHMS = [...ALGORITHMS, 'flow-hash'] as const;
export type TierAlgorithm = (typeof TIER_ALGORITHMS)[number];
export type Forwarding = 'nat' | 'dsr';
export type TlsMode = 'none' | 'terminate' | 'passthrough' | 'reencrypt';
export type TlsVersion = '1.2' | '1.3';
export type Stickiness = 'none' | 'cookie' | 'source-ip';
/** 'quic': HTTP/3 over QUIC over UDP, TLS 1.3 inside, one long-lived multiplexed connection. */
export type Protocol = 'http1' | 'http2' | 'websocket' | 'quic';
/** How an L4 balancer routes QUIC: by the UDP 5-tuple, or by the server ID in the connection ID. */
export type QuicRouting = '5-tuple' | 'connection-id';
export type SessionStore = 'none' | 'memory' | 'shared';
export type ServiceDistribution = 'exponential' | 'bimodal' | 'constant';
/** 'slow': passes health checks and answers correctly, but each request takes `slowdownFactor` times as long. */
export type BackendState = 'up' | 'crashed' | 'gray' | 'slow';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ClientsConfig {
  /** Distinct users. */
  count: number;
  /** Requests per second across all users (Poisson arrivals). */
  ratePerSecond: number;
  protocol: Protocol;
  /** HTTP/1.1 keep-alive: requests sent on one TCP connection before it closes. */
  requestsPerConnection: number;
  /** Share of users behind one corporate NAT address (0–1). */
  natShare: number;
  /** The other users share public addresses in groups of this size (1 = own address; CGNAT > 1). */
  usersPerIp: number;
  tlsVersion: TlsVersion;
  /** Share of users carrying the cookie below (e.g. opted into a beta). */
  cookieShare: number;
  cookie: { name: string; value: string };
  /** Users send their own X-Forwarded-For header (a spoofing attempt). */
  spoofedXff: string | null;
  /** Encrypted Client Hello: the real SNI is hidden from the balancer. */
  ech: boolean;
  /**
   * QUIC connection migration: how often each open connection's client address changes (per
   * second; a phone moving from Wi-Fi to mobile data). 0 by default, so nothing moves and no
   * existing figure shifts; the moves come from a stream of their own (`RandomStreams.mobility`).
   */
  migrationPerSecond: number;
}

export interface RequestTemplate {
  method: HttpMethod;
  host: string;
  path: string;
  /** Relative frequency among templates. */
  weight: number;
  requestBytes: number;
  responseBytes: number;
  /** Responses a reverse proxy may cache. */
  cacheable: boolean;
  headers: Record<string, string>;
}

export interface RuleMatch {
  pathPrefix?: string;
  host?: string;
  method?: HttpMethod;
  header?: { name: string; value: string };
  cookie?: { name: string; value: string };
}

export interface Rule {
  id: string;
  match: RuleMatch;
  /** Weighted target groups: a canary split is two entries. */
  forward: { pool: string; weight: number }[];
}

export interface BalancerConfig {
  mode: Mode;
  algorithm: Algorithm;
  forwarding: Forwarding;
  tls: TlsMode;
  stickiness: Stickiness;
  /** L7 listener rules, first match wins; unmatched requests go to `defaultPool`. */
  rules: Rule[];
  defaultPool: string;
  /** L4 with TLS passthrough: route on the SNI from the ClientHello. */
  sniRoutes: { sni: string; pool: string }[];
  xff: boolean;
  /** Reverse-proxy response cache for cacheable requests (L7 only). */
  cache: { enabled: boolean; hitRatio: number };
  /** Reuse backend connections across client requests (L7 only). */
  backendPooling: boolean;
  ringVnodes: number;
  maglevTableSize: number;
  /** How old the balancer's view of backend load may be (ms; 0 = always fresh). */
  statsRefreshMs: number;
  /** Power-of-d choices: how many backends to sample. */
  choices: number;
  /**
   * Connection draining when a backend is removed (ms; 0 = none): it takes no new work, finishes
   * what it has and closes idle connections, and whatever is left at the deadline is cut. AWS
   * calls this the deregistration delay (300 s by default there); 0 here keeps a removal abrupt,
   * which is what the scenarios without draining measure.
   */
  drainMs: number;
  /**
   * QUIC at L4: '5-tuple' hashes the UDP flow, so a migrated connection is picked again and is
   * lost unless the pick lands on the same server; 'connection-id' reads the server ID encoded in
   * the destination connection ID (the IETF QUIC-LB draft) and keeps it wherever the client moves.
   */
  quicRouting: QuicRouting;
  /**
   * Envoy's panic threshold (percent, 0 = off; Envoy's default is 50): when the share of a pool's
   * servers that are healthy and not ejected falls below it, the balancer disregards health and
   * balances over all of the pool's servers, unhealthy ones included, so the survivors are not
   * crushed by the whole load ("avoid a situation in which host failures cascade", [ENVOY-PANIC]).
   * Requests that then reach a crashed server fail. With 0 only the all-unhealthy fail open
   * (ALB: "routes requests to all those targets") remains.
   */
  panicThresholdPercent: number;
  /**
   * Slow start window (ms, 0 = off): a server that joins, or comes back to healthy, gets a weight
   * that ramps from 10% of its weight to all of it over the window, as Envoy's `slow_start_window`
   * (`min_weight_percent` 10, aggression 1) and AWS ALB's slow start duration (30 s–15 min) do.
   * Affects round robin, weighted round robin, random and the least-load algorithms; hashing ignores it.
   */
  slowStartMs: number;
}

export interface BackendConfig {
  id: string;
  /** Requests served at once; the rest queue. */
  concurrency: number;
  /** Mean service time in ms at speed 1. */
  serviceMs: number;
  distribution: ServiceDistribution;
  /** Relative speed (2 = twice as fast). */
  speed: number;
  weight: number;
  state: BackendState;
  /** Share of requests a gray backend answers with a 5xx (1 = all of them). */
  grayErrorRate: number;
  /**
   * In the 'slow' state every service time is multiplied by this (1–100): a server with a noisy
   * neighbour, a swapping heap or a degraded disk, which still passes its health checks because the
   * check endpoint answers (the gray-failure pattern, but slow instead of failing).
   */
  slowdownFactor: number;
}

export interface PoolConfig {
  id: string;
  backends: BackendConfig[];
}

export interface HealthCheckConfig {
  active: { intervalMs: number; healthyThreshold: number; unhealthyThreshold: number } | null;
  passive: { consecutiveErrors: number; ejectionMs: number } | null;
}

export interface NetworkConfig {
  /** Client ↔ balancer round trip. */
  clientRttMs: number;
  /** Balancer ↔ backend round trip (same data centre). */
  backendRttMs: number;
  /** Added per request by an L7 proxy (parse, rules, buffering). */
  l7HopMs: number;
  /** Added per packet by an L4 balancer. */
  l4HopMs: number;
}

/** An L4 tier in front of the L7 balancer: each proxy is a balancer node of its own. */
export interface FrontTierConfig {
  /** L7 proxies behind the L4 tier. */
  proxies: number;
  /** How each L4 node picks a proxy for a new flow ('flow-hash': the 5-tuple's hash modulo the proxies). */
  algorithm: TierAlgorithm;
  forwarding: Forwarding;
  /** L4 nodes the routers spread flows over with ECMP (1 when absent). */
  l4Nodes?: number;
  /** The routers' ECMP hashing: modulo the node count, or a resilient bucket table ('modulo' when absent). */
  ecmp?: 'modulo' | 'resilient';
}

export interface SimConfig {
  clients: ClientsConfig;
  requests: RequestTemplate[];
  balancer: BalancerConfig;
  pools: PoolConfig[];
  health: HealthCheckConfig;
  sessions: SessionStore;
  network: NetworkConfig;
  frontTier: FrontTierConfig | null;
  /** Hop events kept for animation; 0 turns tracing off. */
  traceCapacity: number;
  /**
   * At most this many requests per second are traced (a deterministic sample by request id):
   * an animation cannot show thousands of packets, and recording them all would cost frame time.
   */
  traceRequestsPerSecond: number;
  /** Length of the "recent" metrics window. */
  windowMs: number;
}

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (infer U)[]
    ? U[]
    : T[K] extends object | null
      ? DeepPartial<NonNullable<T[K]>> | T[K]
      : T[K];
};

export function backend(id: string, overrides: Partial<BackendConfig> = {}): BackendConfig {
  return {
    id,
    concurrency: 8,
    serviceMs: 20,
    distribution: 'exponential',
    speed: 1,
    weight: 1,
    state: 'up',
    grayErrorRate: 1,
    slowdownFactor: 5,
    ...overrides,
  };
}

export function pool(id: string, count: number, overrides: Partial<BackendConfig> = {}, prefix = id): PoolConfig {
  return { id, backends: Array.from({ length: count }, (_, i) => backend(`${prefix}-${i + 1}`, overrides)) };
}

export const DEFAULT_REQUEST: RequestTemplate = {
  method: 'GET',
  host: 'shop.example.com',
  path: '/api/v2/cart',
  weight: 1,
  // Fact base §6: ~0.8 KB requests, ~37 KB responses (47:1).
  requestBytes: 800,
  responseBytes: 37_600,
  cacheable: false,
  headers: { 'User-Agent': 'Mozilla/5.0', Accept: 'application/json' },
};

export function defaultConfig(): SimConfig {
  return {
    clients: {
      count: 200,
      ratePerSecond: 400,
      protocol: 'http1',
      requestsPerConnection: 6,
      natShare: 0,
      usersPerIp: 1,
      tlsVersion: '1.3',
      cookieShare: 0,
      cookie: { name: 'beta', value: '1' },
      spoofedXff: null,
      ech: false,
      migrationPerSecond: 0,
    },
    requests: [DEFAULT_REQUEST],
    balancer: {
      mode: 'l7',
      algorithm: 'round-robin',
      forwarding: 'nat',
      tls: 'terminate',
      stickiness: 'none',
      rules: [],
      defaultPool: 'web',
      sniRoutes: [],
      xff: true,
      cache: { enabled: false, hitRatio: 0.8 },
      backendPooling: true,
      ringVnodes: 100,
      maglevTableSize: 65_537,
      statsRefreshMs: 0,
      choices: 2,
      drainMs: 0,
      quicRouting: '5-tuple',
      panicThresholdPercent: 0,
      slowStartMs: 0,
    },
    pools: [pool('web', 4)],
    health: {
      // HAProxy defaults (fact base §5.2): inter 2 s, rise 2, fall 3.
      active: { intervalMs: 2000, healthyThreshold: 2, unhealthyThreshold: 3 },
      passive: null,
    },
    sessions: 'none',
    network: { clientRttMs: 20, backendRttMs: 0.5, l7HopMs: 1, l4HopMs: 0.02 },
    frontTier: null,
    traceCapacity: 0,
    traceRequestsPerSecond: 200,
    windowMs: 1000,
  };
}

/** Deep-merges plain objects; arrays and primitives replace. Used for presets and live updates. */
export function mergeConfig<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = (base as Record<string, unknown>)[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfig(current, value as never) : value;
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
