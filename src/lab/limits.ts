/**
 * Every limit of a Lab design in one table. The form states these, the validator enforces them and
 * the sanitiser clamps to them, so what the form says is what is checked. Numeric fields are keyed
 * by a field path with `*` for an array index (`pools.*.count`); `limitOf('pools.2.count')` finds
 * the row. This module imports only types from the engine, so the link codec and the saved-design
 * store can use it without loading the simulation.
 */
import type { Algorithm, Forwarding, Mode, SessionStore, Stickiness, TlsMode } from '../engine';
import type { L4Hashing, LabFaultKind, LabProtocol, LabRuleKind } from './design';

/** How the form shows a number (`ms` fields may be shown in seconds; `share` is 0–1). */
export type LimitUnit = 'count' | 'perSecond' | 'share' | 'percent' | 'ms' | 'kilobytes' | 'factor' | 'seed';

export interface NumberLimit {
  min: number;
  max: number;
  integer: boolean;
  unit: LimitUnit;
}

const int = (min: number, max: number, unit: LimitUnit): NumberLimit => ({ min, max, integer: true, unit });
const real = (min: number, max: number, unit: LimitUnit): NumberLimit => ({ min, max, integer: false, unit });

export const MAX_POOLS = 4;
/** Servers at the start, summed over pools; adds may not push the live count past it either. */
export const MAX_SERVERS = 64;
export const MAX_PATHS = 6;
export const MAX_RULES = 8;
export const MAX_FAULTS = 32;
/** A Lab run lasts at most ten simulated minutes, and no fault may come later. */
export const MAX_RUN_MS = 600_000;
/** Seeds are 31-bit, as in widget links. */
export const MAX_SEED = 2 ** 31 - 1;

export const NUMBER_LIMITS = {
  seed: int(0, MAX_SEED, 'seed'),
  // 10,000 users is the largest lesson population (the NAT scenarios).
  'clients.count': int(1, 10_000, 'count'),
  // The widgets' rate knob stops at 5,000 req/s too. The engine simulates about 900,000 req/s on
  // one core (`npm run bench:engine`), so a full 10-minute run at the limit (3 M requests) takes
  // a few seconds to run to its end.
  'clients.ratePerSecond': real(1, 5_000, 'perSecond'),
  'clients.natShare': real(0, 1, 'share'),
  // Fact base §6: 100–1,000 users per CGNAT address, slider range 1–5,000.
  'clients.usersPerIp': int(1, 5_000, 'count'),
  'clients.requestsPerConnection': int(1, 1_000, 'count'),
  'clients.cookieShare': real(0, 1, 'share'),
  'paths.*.weight': int(1, 1_000, 'count'),
  // Fact base §6: responses from 1 KB to 5 MB (video); 0 allows an empty 204.
  'paths.*.responseKb': real(0, 5_000, 'kilobytes'),
  'l4.proxies': int(1, 16, 'count'),
  'l7.rules.*.canaryPercent': int(0, 100, 'percent'),
  // AWS allows 5–300 s, HAProxy checks every 2 s by default: 1–300 s covers both.
  'l7.activeHealth.intervalMs': int(1_000, 300_000, 'ms'),
  'l7.activeHealth.healthyThreshold': int(1, 10, 'count'),
  'l7.activeHealth.unhealthyThreshold': int(1, 10, 'count'),
  // nginx ejects after 1 failure by default, Envoy after 5 consecutive 5xx.
  'l7.passiveHealth.consecutiveErrors': int(1, 100, 'count'),
  // nginx fail_timeout 10 s, Envoy base ejection 30 s; up to 10 minutes.
  'l7.passiveHealth.ejectionMs': int(1_000, 600_000, 'ms'),
  // Envoy's panic threshold: 0–100%, 50% by default.
  'l7.panicThresholdPercent': int(0, 100, 'percent'),
  // ALB takes 30 s–15 min; Envoy's window has no floor. Shorter ramps are allowed so a run of a
  // minute can show one; 15 min stays the ceiling.
  'l7.slowStartMs': int(0, 900_000, 'ms'),
  // AWS deregistration delay: 0–3,600 s.
  'l7.drainMs': int(0, 3_600_000, 'ms'),
  'pools.*.count': int(1, MAX_SERVERS, 'count'),
  'pools.*.concurrency': int(1, 256, 'count'),
  'pools.*.serviceMs': real(1, 10_000, 'ms'),
  'pools.*.speed': real(0.1, 10, 'factor'),
  // Below 0.8 the slowest server keeps a fifth of the pool's speed; at 1 it would stop.
  'pools.*.heterogeneity': real(0, 0.8, 'factor'),
  'faults.*.atMs': int(0, MAX_RUN_MS, 'ms'),
} as const satisfies Record<string, NumberLimit>;

export type NumberPath = keyof typeof NUMBER_LIMITS;

/** `pools.2.count` → `pools.*.count`: the table's key for a concrete field path. */
export function limitKey(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, '.*');
}

export function limitOf(path: string): NumberLimit | undefined {
  const key = limitKey(path);
  return Object.prototype.hasOwnProperty.call(NUMBER_LIMITS, key) ? NUMBER_LIMITS[key as NumberPath] : undefined;
}

/** Nearest allowed value (rounded for integer fields); NaN → the minimum. */
export function clampTo(limit: NumberLimit, value: number): number {
  if (Number.isNaN(value)) return limit.min;
  const rounded = limit.integer ? Math.round(value) : value;
  return Math.min(limit.max, Math.max(limit.min, rounded));
}

export function withinLimit(limit: NumberLimit, value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= limit.min &&
    value <= limit.max &&
    (!limit.integer || Number.isInteger(value))
  );
}

// ───────────────────────────── text ─────────────────────────────

export const MAX_ID_LENGTH = 24;
export const MAX_PATH_LENGTH = 64;
export const MAX_NAME_LENGTH = 32;
export const MAX_VALUE_LENGTH = 64;

/** Pool ids: lowercase kebab-case (the site's id pattern), so server ids `<pool>-<n>` are too. */
export const POOL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A server id as the Lab names them. */
export const SERVER_ID_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*)-([1-9][0-9]*)$/;
/** A URL path or path prefix: `/` and unreserved characters, nothing that needs escaping. */
export const PATH_PATTERN = /^\/[A-Za-z0-9._~/-]*$/;
/** A header or cookie name: an HTTP token (RFC 9110; cookie names are tokens too, RFC 6265). */
export const NAME_PATTERN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** A header or cookie value to match: visible ASCII without quotes, commas, semicolons or backslashes. */
export const VALUE_PATTERN = /^[A-Za-z0-9!#$%&'()*+./:<=>?@[\]^_`{|}~-]+$/;

export interface TextLimit {
  maxLength: number;
  pattern: RegExp;
}

export const TEXT_LIMITS = {
  'pools.*.id': { maxLength: MAX_ID_LENGTH, pattern: POOL_ID_PATTERN },
  'paths.*.path': { maxLength: MAX_PATH_LENGTH, pattern: PATH_PATTERN },
  'l7.rules.*.name': { maxLength: MAX_NAME_LENGTH, pattern: NAME_PATTERN },
  /** A header or cookie rule's value; a path rule's is a path prefix (`ruleValueLimit`). */
  'l7.rules.*.value': { maxLength: MAX_VALUE_LENGTH, pattern: VALUE_PATTERN },
} as const satisfies Record<string, TextLimit>;

/** A path rule matches a path prefix; a header or cookie rule matches a value. */
export function ruleValueLimit(kind: LabRuleKind): TextLimit {
  return kind === 'path' ? TEXT_LIMITS['paths.*.path'] : TEXT_LIMITS['l7.rules.*.value'];
}

// ───────────────────────────── choices ─────────────────────────────

/**
 * Every value a choice field may hold in any mode. The balancer's TLS and stickiness also depend
 * on its mode (`MODE_CHOICES`). Lists are written out, not imported from the engine, to keep this
 * module free of engine code.
 */
export const CHOICES = {
  'clients.protocol': ['http1', 'http2', 'websocket'] as const satisfies readonly LabProtocol[],
  'l4.forwarding': ['nat', 'dsr'] as const satisfies readonly Forwarding[],
  'l4.hashing': ['5-tuple', 'ring-hash', 'maglev'] as const satisfies readonly L4Hashing[],
  'l7.mode': ['l4', 'l7'] as const satisfies readonly Mode[],
  'l7.forwarding': ['nat', 'dsr'] as const satisfies readonly Forwarding[],
  'l7.algorithm': [
    'round-robin',
    'weighted-round-robin',
    'random',
    'least-connections',
    'least-outstanding',
    'p2c',
    'ip-hash',
    'ring-hash',
    'maglev',
  ] as const satisfies readonly Algorithm[],
  'l7.tls': ['none', 'terminate', 'passthrough', 'reencrypt'] as const satisfies readonly TlsMode[],
  'l7.stickiness': ['none', 'cookie', 'source-ip'] as const satisfies readonly Stickiness[],
  'l7.rules.*.kind': ['path', 'header', 'cookie'] as const satisfies readonly LabRuleKind[],
  sessions: ['none', 'memory', 'shared'] as const satisfies readonly SessionStore[],
  'faults.*.kind': [
    'crash',
    'gray',
    'slow',
    'revive',
    'remove',
    'remove-now',
    'add',
  ] as const satisfies readonly LabFaultKind[],
};

export type ChoicePath = keyof typeof CHOICES;

export function isChoice<P extends ChoicePath>(path: P, value: unknown): value is (typeof CHOICES)[P][number] {
  return typeof value === 'string' && (CHOICES[path] as readonly string[]).includes(value);
}

/** The balancer's fields whose choices depend on its mode. */
export type ModeDependentPath = 'l7.tls' | 'l7.stickiness';

/**
 * What the balancer may use at each layer: exactly what the engine's `validateConfig` accepts.
 * TLS passthrough is L4 only (a proxy must decrypt to read a request); termination and
 * re-encryption are offered at L4 too, as an L4 balancer with a TLS listener (AWS NLB) does.
 * Cookie stickiness needs HTTP, so L7 only. Every algorithm works at both layers (at L4 it picks
 * once per connection), and L4 mode's return path may be NAT or DSR.
 */
export const MODE_CHOICES: {
  readonly [M in Mode]: { readonly [P in ModeDependentPath]: readonly (typeof CHOICES)[P][number][] };
} = {
  l7: { 'l7.tls': ['none', 'terminate', 'reencrypt'], 'l7.stickiness': ['none', 'cookie', 'source-ip'] },
  l4: { 'l7.tls': ['none', 'terminate', 'passthrough', 'reencrypt'], 'l7.stickiness': ['none', 'source-ip'] },
};

/**
 * What a switch of mode puts in place of a choice the new mode lacks: passthrough becomes
 * termination at L7 and cookie stickiness becomes none at L4 (as the lessons' mode knob does).
 * Both replacements are valid in either mode.
 */
const MODE_FALLBACK: { readonly [P in ModeDependentPath]: (typeof CHOICES)[P][number] } = {
  'l7.tls': 'terminate',
  'l7.stickiness': 'none',
};

export function fitsMode<P extends ModeDependentPath>(
  mode: Mode,
  path: P,
  value: (typeof CHOICES)[P][number],
): boolean {
  return (MODE_CHOICES[mode][path] as readonly string[]).includes(value);
}

/** `value` if `mode` allows it, else the field's fallback. */
export function fitToMode<P extends ModeDependentPath>(
  mode: Mode,
  path: P,
  value: (typeof CHOICES)[P][number],
): (typeof CHOICES)[P][number] {
  return fitsMode(mode, path, value) ? value : MODE_FALLBACK[path];
}

/**
 * A DSR reply goes from the server straight to the client, bypassing the balancer; a balancer
 * that terminates (or re-encrypts) TLS holds the client's TLS session, so the reply would have
 * to pass through it. The two cannot be combined: DSR works with TLS off or passed through.
 */
export function dsrConflict(l7: { mode: Mode; forwarding: Forwarding; tls: TlsMode }): boolean {
  return l7.mode === 'l4' && l7.forwarding === 'dsr' && (l7.tls === 'terminate' || l7.tls === 'reencrypt');
}

/** The balancer switched to `mode`, with whatever the new mode lacks replaced (one edit, one undo step). */
export function withMode<L extends { mode: Mode; tls: TlsMode; stickiness: Stickiness }>(l7: L, mode: Mode): L {
  return {
    ...l7,
    mode,
    tls: fitToMode(mode, 'l7.tls', l7.tls),
    stickiness: fitToMode(mode, 'l7.stickiness', l7.stickiness),
  };
}
