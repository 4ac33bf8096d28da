/**
 * "Open in the Lab": a lesson widget's scenario, its settings and the student's own actions (the
 * widget's link state) as a Lab doc. The scenario is started as its widget starts it (seed and
 * knobs from the link), its configuration is read back in the form's language, and its script plus
 * the student's actions become faults. Whatever a Lab design cannot express is named in
 * `notCarried` by a stable short code, so the page can say what the Lab leaves out.
 */
import {
  DEFAULT_REQUEST,
  defaultConfig,
  getScenario,
  isScenarioId,
  startRun,
  type BackendConfig,
  type PoolConfig,
  type Rule,
  type ScriptStep,
  type SimConfig,
} from '../engine';
import { applyKnobs, parseWidgetState } from '../widgets/url-state';
import { defaultDesign } from './defaults';
import {
  LAB_VERSION,
  type L4Hashing,
  type LabDesign,
  type LabDoc,
  type LabFault,
  type LabPathShare,
  type LabPool,
  type LabRule,
} from './design';
import { isChoice, MAX_PATHS, MAX_RUN_MS, MAX_SERVERS, PATH_PATTERN } from './limits';
import { sanitizeDoc } from './sanitize';

/** What a Lab design cannot say about a scenario, by stable code (the page words them via i18n). */
export type NotCarried =
  | 'quic'
  | 'migration'
  | 'tlsVersion'
  | 'spoofedXff'
  | 'ech'
  | 'clientCookie'
  | 'cacheable'
  | 'requestShape'
  | 'requests'
  | 'sniRoutes'
  | 'xff'
  | 'cache'
  | 'backendPooling'
  | 'hashTables'
  | 'statsRefresh'
  | 'choices'
  | 'ruleMatch'
  | 'ruleSplit'
  | 'ecmp'
  | 'tierAlgorithm'
  | 'network'
  | 'distribution'
  | 'weights'
  | 'serverSizes'
  | 'serverIds'
  | 'grayErrorRate'
  | 'slowdownFactor'
  | 'scriptUpdate'
  | 'limits';

export interface FromWidget {
  doc: LabDoc;
  notCarried: NotCarried[];
}

export function docFromWidget(scenarioId: string, widgetState: string | null): FromWidget | null {
  if (!isScenarioId(scenarioId)) return null;
  const record = getScenario(scenarioId);
  const state = parseWidgetState(scenarioId, widgetState);
  // The scenario as its widget starts it, before any step: the script and actions become faults.
  const run = startRun(record, { ...(state.seed === undefined ? {} : { seed: state.seed }), script: false });
  applyKnobs(run, state);
  const notes = new Set<NotCarried>();
  const config = run.sim.config;
  const { design, renames, startFaults } = configToDesign(config, notes);
  const steps = [...record.script, ...state.actions].sort((a, b) => a.atMs - b.atMs);
  const faults = [...startFaults, ...stepsToFaults(steps, design, renames, notes)];
  const raw: LabDoc = { v: LAB_VERSION, seed: run.seed, design, faults };
  const { doc, dropped } = sanitizeDoc(raw);
  // The sanitiser only clamps here (numbers past the Lab's limits, too many of something).
  if (dropped.length > 0) notes.add('limits');
  return { doc, notCarried: [...notes].sort() };
}

interface Converted {
  design: LabDesign;
  /** Scenario server ids the Lab names differently (`v2-1` added to `web` is `web-5` here). */
  renames: Map<string, string>;
  /** Servers that start gray, crashed or slow: faults at t = 0. */
  startFaults: LabFault[];
}

function configToDesign(config: SimConfig, notes: Set<NotCarried>): Converted {
  const base = defaultConfig();
  const d = defaultDesign();
  const { clients, balancer } = config;
  const note = (code: NotCarried, when: boolean) => {
    if (when) notes.add(code);
  };

  note('quic', clients.protocol === 'quic');
  note('migration', clients.migrationPerSecond > 0);
  note('tlsVersion', clients.tlsVersion !== base.clients.tlsVersion);
  note('spoofedXff', clients.spoofedXff !== null);
  note('ech', clients.ech);
  note('clientCookie', JSON.stringify(clients.cookie) !== JSON.stringify(base.clients.cookie));
  note('sniRoutes', balancer.sniRoutes.length > 0);
  note('xff', !balancer.xff);
  note('cache', balancer.cache.enabled);
  note('backendPooling', !balancer.backendPooling);
  note(
    'hashTables',
    balancer.ringVnodes !== base.balancer.ringVnodes || balancer.maglevTableSize !== base.balancer.maglevTableSize,
  );
  note('statsRefresh', balancer.statsRefreshMs > 0);
  note('choices', balancer.choices !== base.balancer.choices);
  note('network', JSON.stringify(config.network) !== JSON.stringify(base.network));

  const renames = new Map<string, string>();
  const startFaults: LabFault[] = [];
  const pools = config.pools.map((p) => poolToLab(p, notes, renames, startFaults));
  const active = config.health.active;
  const passive = config.health.passive;
  const algorithm = isChoice('l7.algorithm', balancer.algorithm) ? balancer.algorithm : d.l7.algorithm;
  const design: LabDesign = {
    clients: {
      count: clients.count,
      ratePerSecond: clients.ratePerSecond,
      natShare: clients.natShare,
      usersPerIp: clients.usersPerIp,
      // HTTP/3 is closest to HTTP/2 here: one long-lived multiplexed connection.
      protocol: clients.protocol === 'quic' ? 'http2' : clients.protocol,
      requestsPerConnection: clients.requestsPerConnection,
      cookieShare: clients.cookieShare,
    },
    paths: requestsToPaths(config.requests, notes),
    l4: frontTierToLab(config.frontTier, d.l4, notes),
    // The balancer's layer and L4 return path carry over as they are (the engine refuses DSR and
    // passthrough at L7 and cookies at L4, and so does the design).
    l7: {
      mode: balancer.mode,
      forwarding: balancer.forwarding,
      algorithm,
      tls: balancer.tls,
      stickiness: balancer.stickiness,
      rules: balancer.rules.flatMap((rule) => ruleToLab(rule, notes)),
      defaultPool: balancer.defaultPool,
      activeHealth: active ? { enabled: true, ...active } : { ...d.l7.activeHealth, enabled: false },
      passiveHealth: passive ? { enabled: true, ...passive } : { ...d.l7.passiveHealth, enabled: false },
      panicThresholdPercent: balancer.panicThresholdPercent,
      slowStartMs: balancer.slowStartMs,
      drainMs: balancer.drainMs,
    },
    pools,
    sessions: config.sessions,
  };
  return { design, renames, startFaults };
}

/** Request templates by path: same-path templates merge, weights become whole numbers. */
function requestsToPaths(requests: SimConfig['requests'], notes: Set<NotCarried>): LabPathShare[] {
  const byPath = new Map<string, { weight: number; responseKb: number }>();
  for (const r of requests) {
    if (r.cacheable) notes.add('cacheable');
    if (r.requestBytes !== DEFAULT_REQUEST.requestBytes) notes.add('requestShape');
    if (
      r.host !== DEFAULT_REQUEST.host ||
      r.method !== DEFAULT_REQUEST.method ||
      JSON.stringify(r.headers) !== JSON.stringify(DEFAULT_REQUEST.headers)
    )
      notes.add('requestShape');
    if (r.weight <= 0) continue;
    if (!PATH_PATTERN.test(r.path) || r.path.length > 64) {
      notes.add('requests');
      continue;
    }
    const seen = byPath.get(r.path);
    if (seen) {
      notes.add('requests');
      seen.weight += r.weight;
    } else byPath.set(r.path, { weight: r.weight, responseKb: r.responseBytes / 1000 });
  }
  if (byPath.size > MAX_PATHS) notes.add('requests');
  const entries = [...byPath].slice(0, MAX_PATHS);
  const max = Math.max(...entries.map(([, e]) => e.weight));
  const whole = entries.every(([, e]) => Number.isInteger(e.weight) && e.weight <= 1000);
  return entries.map(([path, e]) => ({
    path,
    // Relative weights survive scaling; the form takes whole numbers from 1 to 1,000.
    weight: whole ? e.weight : Math.max(1, Math.round((1000 * e.weight) / max)),
    responseKb: e.responseKb,
  }));
}

/** One condition (path, header, host or the clients' cookie) and at most two targets. */
function ruleToLab(rule: Rule, notes: Set<NotCarried>): LabRule[] {
  const m = rule.match;
  const conditions = [m.pathPrefix, m.header, m.cookie, m.host, m.method].filter((c) => c !== undefined);
  if (conditions.length !== 1 || m.method !== undefined) {
    notes.add('ruleMatch');
    return [];
  }
  if (rule.forward.length === 0 || rule.forward.length > 2) {
    notes.add('ruleSplit');
    return [];
  }
  const [first, second] = rule.forward as [Rule['forward'][number], Rule['forward'][number] | undefined];
  const total = first.weight + (second?.weight ?? 0);
  const split = second
    ? { canaryPool: second.pool, canaryPercent: total > 0 ? Math.round((100 * second.weight) / total) : 0 }
    : null;
  const target = { pool: first.pool, canaryPool: split?.canaryPool ?? null, canaryPercent: split?.canaryPercent ?? 0 };
  if (m.pathPrefix !== undefined) return [{ kind: 'path', name: '', value: m.pathPrefix, ...target }];
  if (m.cookie) return [{ kind: 'cookie', name: m.cookie.name, value: m.cookie.value, ...target }];
  if (m.header) return [{ kind: 'header', name: m.header.name, value: m.header.value, ...target }];
  return [{ kind: 'header', name: 'Host', value: m.host as string, ...target }];
}

const TIER_HASHING: Partial<Record<string, L4Hashing>> = {
  'flow-hash': '5-tuple',
  'ring-hash': 'ring-hash',
  maglev: 'maglev',
};

function frontTierToLab(
  tier: SimConfig['frontTier'],
  fallback: LabDesign['l4'],
  notes: Set<NotCarried>,
): LabDesign['l4'] {
  if (!tier) return fallback;
  if ((tier.l4Nodes ?? 1) > 1 || tier.ecmp !== undefined) notes.add('ecmp');
  const hashing = TIER_HASHING[tier.algorithm];
  if (!hashing) notes.add('tierAlgorithm');
  return { enabled: true, proxies: tier.proxies, forwarding: tier.forwarding, hashing: hashing ?? fallback.hashing };
}

/** A pool as count, size and speed spread; each server's starting state becomes a fault at 0. */
function poolToLab(
  pool: PoolConfig,
  notes: Set<NotCarried>,
  renames: Map<string, string>,
  startFaults: LabFault[],
): LabPool {
  const first = pool.backends[0] as BackendConfig | undefined;
  const base = defaultDesign().pools[0] as LabPool;
  const speeds = pool.backends.map((b) => b.speed);
  const mean = speeds.length > 0 ? speeds.reduce((a, b) => a + b, 0) / speeds.length : base.speed;
  // An even spread over mean × (1 ± h) has h = (max − min) / (2 × mean).
  const spread = speeds.length > 1 ? (Math.max(...speeds) - Math.min(...speeds)) / (2 * mean) : 0;
  pool.backends.forEach((b, i) => {
    const id = `${pool.id}-${i + 1}`;
    if (b.id !== id) {
      notes.add('serverIds');
      renames.set(b.id, id);
    }
    if (b.concurrency !== first?.concurrency || b.serviceMs !== first.serviceMs) notes.add('serverSizes');
    if (b.distribution !== 'exponential') notes.add('distribution');
    if (b.weight !== 1) notes.add('weights');
    if (b.grayErrorRate !== 1) notes.add('grayErrorRate');
    if (b.slowdownFactor !== 5) notes.add('slowdownFactor');
    if (b.state !== 'up') startFaults.push({ atMs: 0, kind: b.state === 'crashed' ? 'crash' : b.state, target: id });
  });
  return {
    id: pool.id,
    count: pool.backends.length,
    concurrency: first?.concurrency ?? base.concurrency,
    serviceMs: first?.serviceMs ?? base.serviceMs,
    speed: Math.round(mean * 1000) / 1000,
    heterogeneity: Math.round(spread * 1000) / 1000,
  };
}

/**
 * Script steps and the student's actions as faults, in run order. Added servers take the Lab's
 * names (renamed where the scenario chose its own). A step the run would refuse (a server that is
 * not there) is left out, as the widget left it out; updates are not faults.
 */
function stepsToFaults(
  steps: readonly ScriptStep[],
  design: LabDesign,
  renames: Map<string, string>,
  notes: Set<NotCarried>,
): LabFault[] {
  const next = new Map(design.pools.map((p) => [p.id, p.count + 1]));
  const present = new Set(design.pools.flatMap((p) => Array.from({ length: p.count }, (_, i) => `${p.id}-${i + 1}`)));
  const faults: LabFault[] = [];
  for (const step of steps) {
    if (step.action === 'update') {
      notes.add('scriptUpdate');
      continue;
    }
    if (step.atMs > MAX_RUN_MS) {
      notes.add('limits');
      continue;
    }
    if (step.action === 'add') {
      const n = next.get(step.pool);
      if (n === undefined || present.size >= MAX_SERVERS) continue;
      next.set(step.pool, n + 1);
      const id = `${step.pool}-${n}`;
      const { id: customId, ...custom } = step.backend ?? {};
      if (customId !== undefined && customId !== id) {
        notes.add('serverIds');
        renames.set(customId, id);
      }
      if (Object.keys(custom).length > 0) notes.add('serverSizes');
      present.add(id);
      faults.push({ atMs: step.atMs, kind: 'add', target: step.pool });
      continue;
    }
    const target = renames.get(step.backend) ?? step.backend;
    if (!present.has(target)) continue;
    if (step.action === 'remove') present.delete(target);
    faults.push({ atMs: step.atMs, kind: step.action, target });
  }
  return faults;
}
