/**
 * What is wrong with a design, field by field, for the form to show next to each input. Errors are
 * keyed by field path (`pools.1.count`, `l7.rules.0.pool`, `faults.2.target`) and carry a code and
 * the limits the message names; the words live in i18n. Every limit comes from `limits.ts`.
 */
import type { LabDoc, LabFault, LabRule } from './design';
import {
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
  type ChoicePath,
  type NumberLimit,
  type TextLimit,
  dsrConflict,
} from './limits';

/** Whether a fault takes its server out of the pool (drained or at once). */
export function removes(fault: LabFault): boolean {
  return fault.kind === 'remove' || fault.kind === 'remove-now';
}

export type FieldErrorCode =
  | 'number'
  | 'integer'
  | 'range'
  | 'pattern'
  | 'required'
  | 'unknownPool'
  | 'unknownServer'
  | 'duplicate'
  | 'tooManyServers'
  | 'tooMany'
  | 'dsrTls';

export interface FieldError {
  code: FieldErrorCode;
  min?: number;
  max?: number;
}

export type FieldErrors = Map<string, FieldError>;

/** A number against its limit: not a number, not whole, or out of range. */
export function numberError(limit: NumberLimit, value: unknown): FieldError | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return { code: 'number' };
  if (Number.isFinite(value) && limit.integer && !Number.isInteger(value)) return { code: 'integer' };
  if (!Number.isFinite(value) || value < limit.min || value > limit.max)
    return { code: 'range', min: limit.min, max: limit.max };
  return null;
}

/** A plain decimal as typed (`12`, `-3`, `0.25`, `.5`); hex, exponents and `Infinity` are not numbers here. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The number a text input holds, or NaN: the one parser the form and the checks share. */
export function parseNumberInput(raw: string): number {
  const text = raw.trim();
  return DECIMAL.test(text) ? Number(text) : NaN;
}

/**
 * Reads a numeric text input as typed. `scale` is how the form shows the field (1000 ms shown as
 * 1 s is 0.001; a 0–1 share shown in percent is 100): the number is read in the shown unit, checked
 * in the stored one, and a range error names its limits in the shown unit again.
 */
export function readNumberField(
  path: string,
  raw: string,
  scale = 1,
): { value: number; error: null } | { value: null; error: FieldError } {
  const limit = limitOf(path);
  if (raw.trim() === '') return { value: null, error: { code: 'required' } };
  // Float noise from the unit conversion (0.1 × 100) must not fail an integer check.
  const value = Math.round((parseNumberInput(raw) / scale) * 1e6) / 1e6;
  const error = limit ? numberError(limit, value) : null;
  if (!error) return { value, error: null };
  const shown = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * scale * 1e6) / 1e6);
  return {
    value: null,
    error: error.code === 'range' ? { ...error, min: shown(error.min), max: shown(error.max) } : error,
  };
}

/** As-you-type check of a numeric text input; null when it is fine (or the field has no limit). */
export function validateNumberField(path: string, raw: string): FieldError | null {
  return limitOf(path) ? readNumberField(path, raw).error : null;
}

export function textError(limit: TextLimit, value: unknown): FieldError | null {
  if (typeof value !== 'string' || value === '') return { code: 'required' };
  if (value.length > limit.maxLength || !limit.pattern.test(value)) return { code: 'pattern', max: limit.maxLength };
  return null;
}

/** Server ids per pool over the timeline: what a fault may target at its turn. */
export class ServerRoster {
  private readonly present = new Map<string, string[]>();
  private readonly next = new Map<string, number>();

  constructor(pools: readonly { id: string; count: number }[]) {
    for (const pool of pools) {
      if (this.present.has(pool.id)) continue;
      const count = Number.isInteger(pool.count) ? Math.max(0, Math.min(pool.count, MAX_SERVERS)) : 0;
      this.present.set(
        pool.id,
        Array.from({ length: count }, (_, i) => `${pool.id}-${i + 1}`),
      );
      this.next.set(pool.id, count + 1);
    }
  }

  hasPool(id: string): boolean {
    return this.present.has(id);
  }

  has(serverId: string): boolean {
    for (const ids of this.present.values()) if (ids.includes(serverId)) return true;
    return false;
  }

  get total(): number {
    let total = 0;
    for (const ids of this.present.values()) total += ids.length;
    return total;
  }

  ids(): string[] {
    return [...this.present.values()].flat();
  }

  /** An add names its server as the engine does: the pool's next number, removed ones counted. */
  add(poolId: string): string {
    const n = this.next.get(poolId) ?? 1;
    this.next.set(poolId, n + 1);
    const id = `${poolId}-${n}`;
    this.present.get(poolId)?.push(id);
    return id;
  }

  remove(serverId: string): void {
    for (const ids of this.present.values()) {
      const at = ids.indexOf(serverId);
      if (at >= 0) ids.splice(at, 1);
    }
  }
}

/** Fault indices in the order a run applies them: by time, ties in list order (a stable sort). */
export function faultOrder(faults: readonly LabFault[]): number[] {
  const key = (f: LabFault) => (Number.isFinite(f.atMs) ? f.atMs : Infinity);
  return faults.map((_, i) => i).sort((a, b) => key(faults[a] as LabFault) - key(faults[b] as LabFault) || a - b);
}

const CLIENT_NUMBERS = [
  'count',
  'ratePerSecond',
  'natShare',
  'usersPerIp',
  'requestsPerConnection',
  'cookieShare',
] as const;

export function validateDoc(doc: LabDoc): FieldErrors {
  const errors: FieldErrors = new Map();
  const number = (path: string, value: unknown) => {
    const error = numberError(limitOf(path) as NumberLimit, value);
    if (error) errors.set(path, error);
  };
  const text = (path: string, limit: TextLimit, value: unknown) => {
    const error = textError(limit, value);
    if (error) errors.set(path, error);
  };
  const choice = (path: string, key: ChoicePath, value: unknown) => {
    if (!isChoice(key, value)) errors.set(path, { code: 'pattern' });
  };
  const count = (path: string, length: number, max: number) => {
    if (length === 0) errors.set(path, { code: 'required', min: 1, max });
    else if (length > max) errors.set(path, { code: 'tooMany', max });
  };
  const { design } = doc;

  number('seed', doc.seed);
  const { clients } = design;
  for (const key of CLIENT_NUMBERS) number(`clients.${key}`, clients[key]);
  choice('clients.protocol', 'clients.protocol', clients.protocol);

  count('paths', design.paths.length, MAX_PATHS);
  const seenPaths = new Set<string>();
  design.paths.forEach((p, i) => {
    text(`paths.${i}.path`, TEXT_LIMITS['paths.*.path'], p.path);
    if (seenPaths.has(p.path)) errors.set(`paths.${i}.path`, { code: 'duplicate' });
    seenPaths.add(p.path);
    number(`paths.${i}.weight`, p.weight);
    number(`paths.${i}.responseKb`, p.responseKb);
  });

  number('l4.proxies', design.l4.proxies);
  choice('l4.forwarding', 'l4.forwarding', design.l4.forwarding);
  choice('l4.hashing', 'l4.hashing', design.l4.hashing);

  const poolIds = new Set<string>();
  count('pools', design.pools.length, MAX_POOLS);
  let servers = 0;
  design.pools.forEach((pool, i) => {
    text(`pools.${i}.id`, TEXT_LIMITS['pools.*.id'], pool.id);
    if (poolIds.has(pool.id)) errors.set(`pools.${i}.id`, { code: 'duplicate' });
    poolIds.add(pool.id);
    for (const key of ['count', 'concurrency', 'serviceMs', 'speed', 'heterogeneity'] as const)
      number(`pools.${i}.${key}`, pool[key]);
    servers += Number.isFinite(pool.count) ? pool.count : 0;
  });
  if (servers > MAX_SERVERS) errors.set('pools', { code: 'tooManyServers', max: MAX_SERVERS });

  const { l7 } = design;
  choice('l7.mode', 'l7.mode', l7.mode);
  choice('l7.forwarding', 'l7.forwarding', l7.forwarding);
  choice('l7.algorithm', 'l7.algorithm', l7.algorithm);
  choice('l7.tls', 'l7.tls', l7.tls);
  choice('l7.stickiness', 'l7.stickiness', l7.stickiness);
  // What the engine refuses at the balancer's layer: passthrough at L7, cookie stickiness at L4.
  if (isChoice('l7.mode', l7.mode)) {
    if (isChoice('l7.tls', l7.tls) && !fitsMode(l7.mode, 'l7.tls', l7.tls)) errors.set('l7.tls', { code: 'pattern' });
    if (isChoice('l7.stickiness', l7.stickiness) && !fitsMode(l7.mode, 'l7.stickiness', l7.stickiness))
      errors.set('l7.stickiness', { code: 'pattern' });
    if (dsrConflict(l7)) errors.set('l7.forwarding', { code: 'dsrTls' });
  }
  choice('sessions', 'sessions', design.sessions);
  if (!poolIds.has(l7.defaultPool)) errors.set('l7.defaultPool', { code: 'unknownPool' });
  if (l7.rules.length > MAX_RULES) errors.set('l7.rules', { code: 'tooMany', max: MAX_RULES });
  l7.rules.forEach((rule, i) => validateRule(rule, `l7.rules.${i}`, poolIds, errors, number));
  for (const key of ['intervalMs', 'healthyThreshold', 'unhealthyThreshold'] as const)
    number(`l7.activeHealth.${key}`, l7.activeHealth[key]);
  for (const key of ['consecutiveErrors', 'ejectionMs'] as const)
    number(`l7.passiveHealth.${key}`, l7.passiveHealth[key]);
  for (const key of ['panicThresholdPercent', 'slowStartMs', 'drainMs'] as const) number(`l7.${key}`, l7[key]);

  validateFaults(doc, errors, number);
  return errors;
}

function validateRule(
  rule: LabRule,
  at: string,
  poolIds: ReadonlySet<string>,
  errors: FieldErrors,
  number: (path: string, value: unknown) => void,
): void {
  if (!isChoice('l7.rules.*.kind', rule.kind)) errors.set(`${at}.kind`, { code: 'pattern' });
  // A path rule has no name: whatever the name field holds is ignored.
  if (rule.kind !== 'path') {
    const error = textError(TEXT_LIMITS['l7.rules.*.name'], rule.name);
    if (error) errors.set(`${at}.name`, error);
  }
  const valueError = textError(ruleValueLimit(rule.kind), rule.value);
  if (valueError) errors.set(`${at}.value`, valueError);
  if (!poolIds.has(rule.pool)) errors.set(`${at}.pool`, { code: 'unknownPool' });
  if (rule.canaryPool !== null && !poolIds.has(rule.canaryPool))
    errors.set(`${at}.canaryPool`, { code: 'unknownPool' });
  number(`${at}.canaryPercent`, rule.canaryPercent);
}

/** Each fault in run order against the servers present at its turn. */
function validateFaults(doc: LabDoc, errors: FieldErrors, number: (path: string, value: unknown) => void): void {
  const { faults } = doc;
  if (faults.length > MAX_FAULTS) errors.set('faults', { code: 'tooMany', max: MAX_FAULTS });
  const roster = new ServerRoster(doc.design.pools);
  for (const i of faultOrder(faults)) {
    const fault = faults[i] as LabFault;
    const at = `faults.${i}`;
    number(`${at}.atMs`, fault.atMs);
    if (!isChoice('faults.*.kind', fault.kind)) {
      errors.set(`${at}.kind`, { code: 'pattern' });
      continue;
    }
    if (typeof fault.target !== 'string' || fault.target === '') {
      errors.set(`${at}.target`, { code: 'required' });
      continue;
    }
    if (fault.kind === 'add') {
      if (!roster.hasPool(fault.target)) errors.set(`${at}.target`, { code: 'unknownPool' });
      else if (roster.total >= MAX_SERVERS) errors.set(`${at}.target`, { code: 'tooManyServers', max: MAX_SERVERS });
      else roster.add(fault.target);
    } else if (!roster.has(fault.target)) errors.set(`${at}.target`, { code: 'unknownServer' });
    else if (removes(fault)) roster.remove(fault.target);
  }
}
