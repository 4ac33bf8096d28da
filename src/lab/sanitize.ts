/**
 * Reads a Lab doc from untrusted input (a link, a file, storage) and always returns one that
 * passes `validateDoc`. It never throws. The rules, applied the same way everywhere:
 *
 * - Only known fields are read, into fresh objects; anything else (`__proto__`, `constructor`
 *   and `prototype` included) is ignored and listed in `dropped` by its field path.
 * - A missing field takes its default silently (links may leave defaults out).
 * - A finite number outside its limits is clamped (and rounded, for whole-number fields); any
 *   other value of the wrong type takes the default. Both are listed.
 * - Arrays are cut to their limits (the array's path is listed). An element that cannot be
 *   repaired (a path with a bad URL, a rule naming a missing pool, a fault whose target does not
 *   exist at its time) is left out and listed as `faults.3`.
 * - A TLS mode or stickiness the balancer's mode cannot use (passthrough at L7, a cookie at L4)
 *   is replaced as a switch of mode would replace it (`withMode`), and listed.
 * - A wrong or missing `v` is an unknown version: the default doc comes back with `dropped: ['v']`
 *   and the caller decides what to tell the student.
 */
import { defaultDesign, defaultDoc, defaultPool } from './defaults';
import {
  LAB_VERSION,
  type LabDesign,
  type LabDoc,
  type LabFault,
  type LabPathShare,
  type LabPool,
  type LabRule,
} from './design';
import {
  CHOICES,
  clampTo,
  dsrConflict,
  fitsMode,
  isChoice,
  limitOf,
  MAX_FAULTS,
  MAX_PATHS,
  MAX_POOLS,
  MAX_RULES,
  MAX_SERVERS,
  ruleValueLimit,
  TEXT_LIMITS,
  withMode,
  type ChoicePath,
  type NumberLimit,
  type TextLimit,
} from './limits';
import { faultOrder, removes, ServerRoster, textError } from './validate';

export interface Sanitized {
  doc: LabDoc;
  dropped: string[];
}

/** A hostile input could name a million unknown fields; the first ones tell the student enough. */
const MAX_DROPPED = 64;

type Fields = Map<string, unknown>;

class Reader {
  readonly dropped: string[] = [];

  drop(path: string): void {
    if (this.dropped.length < MAX_DROPPED) this.dropped.push(path);
  }

  /** The known fields of a plain object (own properties only), or null if it is not one. */
  fields(path: string, value: unknown, known: readonly string[]): Fields | null {
    if (value === undefined) return null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.drop(path);
      return null;
    }
    const out: Fields = new Map();
    for (const key of Object.keys(value)) {
      if (known.includes(key)) out.set(key, (value as Record<string, unknown>)[key]);
      else this.drop(path === '' ? key : `${path}.${key}`);
    }
    return out;
  }

  number(path: string, value: unknown, fallback: number): number {
    if (value === undefined) return fallback;
    const limit = limitOf(path) as NumberLimit;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.drop(path);
      return fallback;
    }
    const clamped = clampTo(limit, value);
    if (clamped !== value) this.drop(path);
    return clamped;
  }

  bool(path: string, value: unknown, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.drop(path);
    return fallback;
  }

  choice<P extends ChoicePath>(
    path: string,
    key: P,
    value: unknown,
    fallback: (typeof CHOICES)[P][number],
  ): (typeof CHOICES)[P][number] {
    if (value === undefined) return fallback;
    if (isChoice(key, value)) return value;
    this.drop(path);
    return fallback;
  }

  /** A string that meets its limit, or null (listed) when it does not. */
  text(path: string, value: unknown, limit: TextLimit): string | null {
    if (textError(limit, value) === null) return value as string;
    this.drop(path);
    return null;
  }

  /** Up to `max` elements; a longer array is cut (listed), a non-array is null (listed). */
  array(path: string, value: unknown, max: number): unknown[] | null {
    if (value === undefined) return null;
    if (!Array.isArray(value)) {
      this.drop(path);
      return null;
    }
    if (value.length > max) this.drop(path);
    return value.slice(0, max);
  }
}

export function sanitizeDoc(input: unknown): Sanitized {
  try {
    return readDoc(input);
  } catch {
    // Only exotic objects (getters, proxies) can throw here; JSON never does.
    return { doc: defaultDoc(), dropped: ['v'] };
  }
}

function readDoc(input: unknown): Sanitized {
  const r = new Reader();
  const top = r.fields('', input, ['v', 'seed', 'design', 'faults']);
  if (!top || top.get('v') !== LAB_VERSION) return { doc: defaultDoc(), dropped: ['v'] };
  const base = defaultDoc();
  const design = readDesign(r, top.get('design'));
  const faults = readFaults(r, top.get('faults'), design.pools);
  const doc: LabDoc = { v: LAB_VERSION, seed: r.number('seed', top.get('seed'), base.seed), design, faults };
  return { doc, dropped: r.dropped };
}

function readDesign(r: Reader, value: unknown): LabDesign {
  const d = defaultDesign();
  const f = r.fields('design', value, ['clients', 'paths', 'l4', 'l7', 'pools', 'sessions']);
  if (!f) return d;
  const c = r.fields('clients', f.get('clients'), Object.keys(d.clients));
  const clients: LabDesign['clients'] = {
    count: r.number('clients.count', c?.get('count'), d.clients.count),
    ratePerSecond: r.number('clients.ratePerSecond', c?.get('ratePerSecond'), d.clients.ratePerSecond),
    natShare: r.number('clients.natShare', c?.get('natShare'), d.clients.natShare),
    usersPerIp: r.number('clients.usersPerIp', c?.get('usersPerIp'), d.clients.usersPerIp),
    protocol: r.choice('clients.protocol', 'clients.protocol', c?.get('protocol'), d.clients.protocol),
    requestsPerConnection: r.number(
      'clients.requestsPerConnection',
      c?.get('requestsPerConnection'),
      d.clients.requestsPerConnection,
    ),
    cookieShare: r.number('clients.cookieShare', c?.get('cookieShare'), d.clients.cookieShare),
  };
  const l4f = r.fields('l4', f.get('l4'), Object.keys(d.l4));
  const l4: LabDesign['l4'] = {
    enabled: r.bool('l4.enabled', l4f?.get('enabled'), d.l4.enabled),
    proxies: r.number('l4.proxies', l4f?.get('proxies'), d.l4.proxies),
    forwarding: r.choice('l4.forwarding', 'l4.forwarding', l4f?.get('forwarding'), d.l4.forwarding),
    hashing: r.choice('l4.hashing', 'l4.hashing', l4f?.get('hashing'), d.l4.hashing),
  };
  const pools = readPools(r, f.get('pools'));
  return {
    clients,
    paths: readPaths(r, f.get('paths')),
    l4,
    l7: readL7(r, f.get('l7'), pools),
    pools,
    sessions: r.choice('sessions', 'sessions', f.get('sessions'), d.sessions),
  };
}

function readPaths(r: Reader, value: unknown): LabPathShare[] {
  const fallback = defaultDesign().paths;
  const items = r.array('paths', value, MAX_PATHS);
  if (!items) return fallback;
  const seen = new Set<string>();
  const paths: LabPathShare[] = [];
  items.forEach((item, i) => {
    const at = `paths.${i}`;
    const f = r.fields(at, item, ['path', 'weight', 'responseKb']);
    if (!f) return leftOut(r, at, item);
    const path = r.text(`${at}.path`, f.get('path'), TEXT_LIMITS['paths.*.path']);
    if (path === null || seen.has(path)) return r.drop(at);
    seen.add(path);
    const base = fallback[0] as LabPathShare;
    paths.push({
      path,
      weight: r.number(`${at}.weight`, f.get('weight'), base.weight),
      responseKb: r.number(`${at}.responseKb`, f.get('responseKb'), base.responseKb),
    });
  });
  return paths.length > 0 ? paths : fallback;
}

/** An element that is not an object was listed by `fields`, except a hole (`[, x]` in a JS array). */
function leftOut(r: Reader, at: string, item: unknown): void {
  if (item === undefined) r.drop(at);
}

function readPools(r: Reader, value: unknown): LabPool[] {
  const items = r.array('pools', value, MAX_POOLS);
  const pools: LabPool[] = [];
  items?.forEach((item, i) => {
    const at = `pools.${i}`;
    const base = defaultPool();
    const f = r.fields(at, item, Object.keys(base));
    if (!f) return leftOut(r, at, item);
    const id = r.text(`${at}.id`, f.get('id'), TEXT_LIMITS['pools.*.id']);
    if (id === null || pools.some((p) => p.id === id)) return r.drop(at);
    const num = (key: Exclude<keyof LabPool, 'id'>) => r.number(`${at}.${key}`, f.get(key), base[key]);
    pools.push({
      id,
      count: num('count'),
      concurrency: num('concurrency'),
      serviceMs: num('serviceMs'),
      speed: num('speed'),
      heterogeneity: num('heterogeneity'),
    });
  });
  if (pools.length === 0) return defaultDesign().pools;
  // At most MAX_SERVERS in all, every pool keeping at least one: later pools give way first.
  let room = MAX_SERVERS - pools.length;
  pools.forEach((pool, i) => {
    const count = Math.min(pool.count, room + 1);
    room -= count - 1;
    if (count !== pool.count) {
      r.drop(`pools.${i}.count`);
      pool.count = count;
    }
  });
  return pools;
}

function readL7(r: Reader, value: unknown, pools: readonly LabPool[]): LabDesign['l7'] {
  const d = defaultDesign().l7;
  const f = r.fields('l7', value, Object.keys(d));
  const poolIds = pools.map((p) => p.id);
  const firstPool = (pools[0] as LabPool).id;
  const given = f?.get('defaultPool');
  let defaultPoolId = given === undefined && poolIds.includes(d.defaultPool) ? d.defaultPool : firstPool;
  if (typeof given === 'string' && poolIds.includes(given)) defaultPoolId = given;
  else if (given !== undefined) r.drop('l7.defaultPool');
  const af = r.fields('l7.activeHealth', f?.get('activeHealth'), Object.keys(d.activeHealth));
  const pf = r.fields('l7.passiveHealth', f?.get('passiveHealth'), Object.keys(d.passiveHealth));
  const a = d.activeHealth;
  const p = d.passiveHealth;
  const mode = r.choice('l7.mode', 'l7.mode', f?.get('mode'), d.mode);
  const tls = r.choice('l7.tls', 'l7.tls', f?.get('tls'), d.tls);
  const stickiness = r.choice('l7.stickiness', 'l7.stickiness', f?.get('stickiness'), d.stickiness);
  const fitted = withMode({ mode, tls, stickiness }, mode);
  if (!fitsMode(mode, 'l7.tls', tls)) r.drop('l7.tls');
  if (!fitsMode(mode, 'l7.stickiness', stickiness)) r.drop('l7.stickiness');
  let forwarding = r.choice('l7.forwarding', 'l7.forwarding', f?.get('forwarding'), d.forwarding);
  // DSR cannot carry replies of a TLS session the balancer holds: such a link falls back to NAT.
  if (dsrConflict({ mode, forwarding, tls: fitted.tls })) {
    forwarding = 'nat';
    r.drop('l7.forwarding');
  }
  return {
    mode,
    forwarding,
    algorithm: r.choice('l7.algorithm', 'l7.algorithm', f?.get('algorithm'), d.algorithm),
    tls: fitted.tls,
    stickiness: fitted.stickiness,
    rules: readRules(r, f?.get('rules'), poolIds),
    defaultPool: defaultPoolId,
    activeHealth: {
      enabled: r.bool('l7.activeHealth.enabled', af?.get('enabled'), a.enabled),
      intervalMs: r.number('l7.activeHealth.intervalMs', af?.get('intervalMs'), a.intervalMs),
      healthyThreshold: r.number('l7.activeHealth.healthyThreshold', af?.get('healthyThreshold'), a.healthyThreshold),
      unhealthyThreshold: r.number(
        'l7.activeHealth.unhealthyThreshold',
        af?.get('unhealthyThreshold'),
        a.unhealthyThreshold,
      ),
    },
    passiveHealth: {
      enabled: r.bool('l7.passiveHealth.enabled', pf?.get('enabled'), p.enabled),
      consecutiveErrors: r.number(
        'l7.passiveHealth.consecutiveErrors',
        pf?.get('consecutiveErrors'),
        p.consecutiveErrors,
      ),
      ejectionMs: r.number('l7.passiveHealth.ejectionMs', pf?.get('ejectionMs'), p.ejectionMs),
    },
    panicThresholdPercent: r.number(
      'l7.panicThresholdPercent',
      f?.get('panicThresholdPercent'),
      d.panicThresholdPercent,
    ),
    slowStartMs: r.number('l7.slowStartMs', f?.get('slowStartMs'), d.slowStartMs),
    drainMs: r.number('l7.drainMs', f?.get('drainMs'), d.drainMs),
  };
}

const RULE_FIELDS = ['kind', 'name', 'value', 'pool', 'canaryPool', 'canaryPercent'];

function readRules(r: Reader, value: unknown, poolIds: readonly string[]): LabRule[] {
  const rules: LabRule[] = [];
  r.array('l7.rules', value, MAX_RULES)?.forEach((item, i) => {
    const at = `l7.rules.${i}`;
    const f = r.fields(at, item, RULE_FIELDS);
    if (!f) return leftOut(r, at, item);
    const kind = f.get('kind');
    if (!isChoice('l7.rules.*.kind', kind)) return r.drop(at);
    // A path rule has no name; a header or cookie rule needs one.
    const name = kind === 'path' ? '' : r.text(`${at}.name`, f.get('name'), TEXT_LIMITS['l7.rules.*.name']);
    const ruleValue = r.text(`${at}.value`, f.get('value'), ruleValueLimit(kind));
    const pool = f.get('pool');
    if (name === null || ruleValue === null || typeof pool !== 'string' || !poolIds.includes(pool)) return r.drop(at);
    let canaryPool = f.get('canaryPool') ?? null;
    if (canaryPool !== null && (typeof canaryPool !== 'string' || !poolIds.includes(canaryPool))) {
      r.drop(`${at}.canaryPool`);
      canaryPool = null;
    }
    rules.push({
      kind,
      name,
      value: ruleValue,
      pool,
      canaryPool: canaryPool as string | null,
      canaryPercent: r.number(`${at}.canaryPercent`, f.get('canaryPercent'), 0),
    });
  });
  return rules;
}

/** Faults whose fields read, then only those whose target exists at their turn in the run. */
function readFaults(r: Reader, value: unknown, pools: readonly LabPool[]): LabFault[] {
  const read: { fault: LabFault; from: number }[] = [];
  r.array('faults', value, MAX_FAULTS)?.forEach((item, i) => {
    const at = `faults.${i}`;
    const f = r.fields(at, item, ['atMs', 'kind', 'target']);
    if (!f) return leftOut(r, at, item);
    const atMs = f.get('atMs');
    const kind = f.get('kind');
    const target = f.get('target');
    // The target is checked against the servers present at the fault's turn, below.
    if (
      typeof atMs !== 'number' ||
      !Number.isFinite(atMs) ||
      !isChoice('faults.*.kind', kind) ||
      typeof target !== 'string'
    )
      return r.drop(at);
    read.push({ fault: { atMs: r.number(`${at}.atMs`, atMs, 0), kind, target }, from: i });
  });
  const roster = new ServerRoster(pools);
  const keep = new Set<number>();
  for (const j of faultOrder(read.map((x) => x.fault))) {
    const { fault, from } = read[j] as { fault: LabFault; from: number };
    const ok =
      fault.kind === 'add' ? roster.hasPool(fault.target) && roster.total < MAX_SERVERS : roster.has(fault.target);
    if (!ok) {
      r.drop(`faults.${from}`);
      continue;
    }
    if (fault.kind === 'add') roster.add(fault.target);
    if (removes(fault)) roster.remove(fault.target);
    keep.add(j);
  }
  return read.filter((_, j) => keep.has(j)).map((x) => x.fault);
}
