/**
 * A Lab doc as the engine's run record: the design becomes a `SimConfig` (the engine's defaults
 * plus what the form sets), the faults become script steps, and the seed is the doc's. Also what a
 * live edit means for a running simulation (`liveChange`) and which servers a fault may name.
 */
import {
  backend,
  defaultConfig,
  DEFAULT_REQUEST,
  type BackendConfig,
  type DeepPartial,
  type PoolConfig,
  type RequestTemplate,
  type Rule,
  type RunSpec,
  type ScriptStep,
  type SimConfig,
  type TierAlgorithm,
} from '../engine';
import type { L4Hashing, LabDesign, LabDoc, LabFault, LabPool, LabRule } from './design';
import { MAX_RUN_MS, MAX_SERVERS } from './limits';
import { faultOrder, removes, ServerRoster } from './validate';

/** The Lab samples its charts every 250 ms, so the engine's "recent" window is one sample long. */
export const LAB_WINDOW_MS = 250;

/** The L4 tier's "5-tuple" hashing: the engine's plain flow hash modulo the proxy count. */
export const FIVE_TUPLE_TIER_ALGORITHM: TierAlgorithm = 'flow-hash';

const TIER_ALGORITHM: Record<L4Hashing, TierAlgorithm> = {
  '5-tuple': FIVE_TUPLE_TIER_ALGORITHM,
  'ring-hash': 'ring-hash',
  maglev: 'maglev',
};

/** The response sizes the form states in KB are decimal, as the lessons' response-size knob uses. */
const BYTES_PER_KB = 1000;

export function docToRunSpec(doc: LabDoc): RunSpec {
  return {
    config: designToConfig(doc.design),
    script: faultsToScript(doc.faults),
    seed: doc.seed,
    durationMs: MAX_RUN_MS,
  };
}

/** Server i of n runs at speed × (1 − h + 2h·i/(n − 1)): evenly spread, the same mean speed. */
export function spreadSpeed(speed: number, heterogeneity: number, i: number, n: number): number {
  return n <= 1 ? speed : speed * (1 - heterogeneity + (2 * heterogeneity * i) / (n - 1));
}

export function poolConfig(pool: LabPool): PoolConfig {
  const backends: BackendConfig[] = Array.from({ length: pool.count }, (_, i) =>
    backend(`${pool.id}-${i + 1}`, {
      concurrency: pool.concurrency,
      serviceMs: pool.serviceMs,
      speed: spreadSpeed(pool.speed, pool.heterogeneity, i, pool.count),
    }),
  );
  return { id: pool.id, backends };
}

function requestTemplates(design: LabDesign): RequestTemplate[] {
  // Each path is the engine's default request (≈0.8 KB up, the same host and headers) with its size.
  return design.paths.map((p) => ({
    ...DEFAULT_REQUEST,
    headers: { ...DEFAULT_REQUEST.headers },
    path: p.path,
    weight: p.weight,
    responseBytes: Math.round(p.responseKb * BYTES_PER_KB),
  }));
}

/**
 * A header rule matches the headers the requests carry (the engine compares exact names, HTTP
 * names are case-insensitive, so the request's own spelling is used); `Host` is the host match.
 */
function ruleMatch(rule: LabRule): Rule['match'] {
  if (rule.kind === 'path') return { pathPrefix: rule.value };
  if (rule.kind === 'cookie') return { cookie: { name: rule.name, value: rule.value } };
  const lower = rule.name.toLowerCase();
  if (lower === 'host') return { host: rule.value };
  const known = Object.keys(DEFAULT_REQUEST.headers).find((h) => h.toLowerCase() === lower);
  return { header: { name: known ?? rule.name, value: rule.value } };
}

export function ruleConfig(rule: LabRule, index: number): Rule {
  const forward =
    rule.canaryPool === null
      ? [{ pool: rule.pool, weight: 1 }]
      : [
          { pool: rule.pool, weight: 100 - rule.canaryPercent },
          { pool: rule.canaryPool, weight: rule.canaryPercent },
        ];
  return { id: `rule-${index + 1}`, match: ruleMatch(rule), forward };
}

/**
 * The design as the engine's config. The balancer works at `l7.mode`; what that layer cannot use
 * stays in the design but is not applied: at L4 the rules (an L4 balancer never reads a request)
 * and the L4 tier (it fronts L7 proxies), at L7 the L4 return path (a proxy sees every response).
 */
export function designToConfig(design: LabDesign): SimConfig {
  const base = defaultConfig();
  const { clients, l4, l7 } = design;
  const atL4 = l7.mode === 'l4';
  return {
    ...base,
    clients: {
      ...base.clients,
      count: clients.count,
      ratePerSecond: clients.ratePerSecond,
      protocol: clients.protocol,
      requestsPerConnection: clients.requestsPerConnection,
      natShare: clients.natShare,
      usersPerIp: clients.usersPerIp,
      // Those users carry the engine's rule cookie, `beta=1`: a cookie rule matches it.
      cookieShare: clients.cookieShare,
    },
    requests: requestTemplates(design),
    balancer: {
      ...base.balancer,
      mode: l7.mode,
      forwarding: atL4 ? l7.forwarding : 'nat',
      algorithm: l7.algorithm,
      tls: l7.tls,
      stickiness: l7.stickiness,
      rules: atL4 ? [] : l7.rules.map(ruleConfig),
      defaultPool: l7.defaultPool,
      drainMs: l7.drainMs,
      panicThresholdPercent: l7.panicThresholdPercent,
      slowStartMs: l7.slowStartMs,
    },
    pools: design.pools.map(poolConfig),
    health: {
      active: l7.activeHealth.enabled
        ? {
            intervalMs: l7.activeHealth.intervalMs,
            healthyThreshold: l7.activeHealth.healthyThreshold,
            unhealthyThreshold: l7.activeHealth.unhealthyThreshold,
          }
        : null,
      passive: l7.passiveHealth.enabled
        ? { consecutiveErrors: l7.passiveHealth.consecutiveErrors, ejectionMs: l7.passiveHealth.ejectionMs }
        : null,
    },
    sessions: design.sessions,
    frontTier:
      l4.enabled && !atL4
        ? { proxies: l4.proxies, forwarding: l4.forwarding, algorithm: TIER_ALGORITHM[l4.hashing] }
        : null,
    // Widgets set their own trace capacity when they start the run.
    traceCapacity: 0,
    windowMs: LAB_WINDOW_MS,
  };
}

/**
 * Faults in run order as script steps. A `remove` drains when `l7.drainMs` > 0 (the engine's
 * rule); a `remove-now` is a removal with draining 0 for that server alone.
 */
export function faultsToScript(faults: readonly LabFault[]): ScriptStep[] {
  return faultOrder(faults).map((i): ScriptStep => {
    const { atMs, kind, target } = faults[i] as LabFault;
    if (kind === 'add') return { atMs, action: 'add', pool: target };
    if (kind === 'remove-now') return { atMs, action: 'remove', backend: target, drainMs: 0 };
    return { atMs, action: kind, backend: target };
  });
}

export type LiveChange = { kind: 'same' } | { kind: 'update'; patch: DeepPartial<SimConfig> } | { kind: 'restart' };

/** Config sections a running simulation takes through `update` (pools change only by add/remove). */
const LIVE_SECTIONS = ['clients', 'requests', 'balancer', 'health', 'sessions', 'frontTier'] as const;

/**
 * What an edit means for a running simulation. Any pool change restarts it: the engine changes
 * servers only one at a time, by add and remove. Everything else, a switch of the balancer's
 * layer and the L4 tier coming or going included (the engine reconnects every client then), is a
 * live update carrying exactly the changed config sections, whole; the engine validates the result.
 */
export function liveChange(prev: LabDesign, next: LabDesign): LiveChange {
  if (JSON.stringify(prev.pools) !== JSON.stringify(next.pools)) return { kind: 'restart' };
  const before = designToConfig(prev);
  const after = designToConfig(next);
  const patch: DeepPartial<SimConfig> = {};
  for (const key of LIVE_SECTIONS)
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) Object.assign(patch, { [key]: after[key] });
  return Object.keys(patch).length === 0 ? { kind: 'same' } : { kind: 'update', patch };
}

/**
 * The servers present at `atMs` (the fault form's target list): the pools' own, plus adds and
 * minus removals strictly before it. With `beforeFault` (an index into `doc.faults`) the faults
 * the run applies before that one instead, which also counts earlier faults at the same instant.
 */
export function serverIdsAt(doc: LabDoc, atMs: number, beforeFault?: number): string[] {
  const roster = new ServerRoster(doc.design.pools);
  for (const i of faultOrder(doc.faults)) {
    const fault = doc.faults[i] as LabFault;
    if (beforeFault === undefined ? fault.atMs >= atMs : i === beforeFault) break;
    if (fault.kind === 'add' && roster.hasPool(fault.target) && roster.total < MAX_SERVERS) roster.add(fault.target);
    if (removes(fault)) roster.remove(fault.target);
  }
  return roster.ids();
}
