/**
 * Balancing algorithms. Each picks one index from a candidate list of backend indices, reading
 * load from the balancer's view (which may be stale, to show herding). Ties go to the earliest
 * candidate, so runs are deterministic.
 *
 * Slow start (`PickContext.ramp`, set only while a candidate ramps) scales each candidate's weight
 * by its ramp factor. As in Envoy, it affects round robin and weighted round robin (smooth weighted
 * selection), random (a weighted draw) and the least-load algorithms (least connections, least
 * outstanding, P2C: Envoy's LEAST_REQUEST with unequal weights, an earliest-deadline schedule over
 * weight / (load + 1)); the hashing algorithms ignore it (Envoy offers slow start only for round
 * robin and least request), so a key's server never depends on the clock.
 * Plain round robin, random and least load have no configured weights, so only the factor counts.
 */
import type { TierAlgorithm } from '../config.ts';
import type { Rng } from '../core/rng.ts';
import { maglevTable, ringTable, type HashTable } from './hashing.ts';

export interface PickContext {
  rng: Rng;
  /** Load as the balancer sees it, per backend index (connections at L4, requests at L7). */
  load: ArrayLike<number>;
  weight: ArrayLike<number>;
  names: readonly string[];
  /** Hash key for hashing algorithms (client IP for ip-hash, flow or user key otherwise). */
  key: number;
  ipKey: number;
  choices: number;
  ringVnodes: number;
  maglevTableSize: number;
  /** Slow-start factor per backend (0.1–1), or null when no candidate ramps: the plain paths then run. */
  ramp: ArrayLike<number> | null;
}

/** Per-pool state that survives between picks (round-robin counters, cached hash tables). */
export class PickerState {
  rr = 0;
  private wrrCurrent = new Map<number, number>();
  private tables = new Map<string, HashTable>();

  pick(algorithm: TierAlgorithm, candidates: readonly number[], ctx: PickContext): number {
    const n = candidates.length;
    if (n === 0) return -1;
    if (n === 1) return candidates[0] as number;
    const ramp = ctx.ramp;
    switch (algorithm) {
      case 'round-robin':
        return ramp === null ? (candidates[this.rr++ % n] as number) : this.smoothWeighted(candidates, null, ramp);
      case 'weighted-round-robin':
        return this.smoothWeighted(candidates, ctx.weight, ramp);
      case 'random':
        return ramp === null ? (candidates[ctx.rng.int(n)] as number) : weightedDraw(candidates, ramp, ctx);
      case 'least-connections':
      case 'least-outstanding':
        if (ramp !== null) return this.smoothWeighted(candidates, null, ramp, ctx.load);
        return leastLoaded(candidates, ctx.load, this.rr++);
      case 'p2c':
        if (ramp !== null) return this.smoothWeighted(candidates, null, ramp, ctx.load);
        return this.powerOfChoices(candidates, ctx);
      case 'ip-hash':
        return candidates[(ctx.ipKey >>> 0) % n] as number;
      case 'flow-hash':
        // The flow's 5-tuple hash (the key at L4 and at the front tier) modulo the candidates.
        return candidates[(ctx.key >>> 0) % n] as number;
      case 'ring-hash':
      case 'maglev': {
        const index = this.table(algorithm, candidates, ctx).lookup(ctx.key);
        return candidates[index < 0 ? 0 : index] as number;
      }
    }
  }

  /**
   * nginx's smooth weighted round robin: even interleaving, exact long-run shares. Each weight is
   * `weight` (1 when null) times the slow-start factor (when ramping), over load + 1 (when `load`
   * is given: Envoy's least request with unequal weights).
   */
  private smoothWeighted(
    candidates: readonly number[],
    weight: ArrayLike<number> | null,
    ramp: ArrayLike<number> | null,
    load: ArrayLike<number> | null = null,
  ): number {
    let total = 0;
    let best = -1;
    let bestValue = -Infinity;
    for (const b of candidates) {
      let w = weight === null ? 1 : (weight[b] as number);
      if (ramp !== null) w *= ramp[b] as number;
      if (load !== null) w /= (load[b] as number) + 1;
      const current = (this.wrrCurrent.get(b) ?? 0) + w;
      this.wrrCurrent.set(b, current);
      total += w;
      if (current > bestValue) {
        bestValue = current;
        best = b;
      }
    }
    if (total === 0) return candidates[this.rr++ % candidates.length] as number;
    this.wrrCurrent.set(best, bestValue - total);
    return best;
  }

  /** Sample `choices` distinct candidates, keep the least loaded (Envoy LEAST_REQUEST). */
  private powerOfChoices(candidates: readonly number[], ctx: PickContext): number {
    const n = candidates.length;
    const d = Math.min(ctx.choices, n);
    let best = -1;
    let bestLoad = Infinity;
    const first = ctx.rng.int(n);
    // Distinct samples without allocation: a random start and random strides coprime-free walk.
    for (let i = 0; i < d; i++) {
      const index = i === 0 ? first : (first + 1 + ctx.rng.int(n - 1)) % n;
      const b = candidates[index] as number;
      const load = ctx.load[b] as number;
      if (load < bestLoad) {
        bestLoad = load;
        best = b;
      }
    }
    return best;
  }

  private table(algorithm: 'ring-hash' | 'maglev', candidates: readonly number[], ctx: PickContext): HashTable {
    const signature = `${algorithm}:${candidates.join(',')}:${candidates.map((b) => ctx.weight[b]).join(',')}`;
    let table = this.tables.get(signature);
    if (!table) {
      const members = candidates.map((b) => ({
        name: ctx.names[b] as string,
        weight: Math.max(ctx.weight[b] as number, 0) || 1,
      }));
      table =
        algorithm === 'ring-hash' ? ringTable(members, ctx.ringVnodes) : maglevTable(members, ctx.maglevTableSize);
      // Membership changes are rare (slider moves, failures); keep a few recent tables.
      if (this.tables.size > 8) this.tables.clear();
      this.tables.set(signature, table);
    }
    return table;
  }

  reset(): void {
    this.wrrCurrent.clear();
    this.tables.clear();
  }
}

/** One draw from the balancing stream, each candidate as likely as its slow-start factor. */
function weightedDraw(candidates: readonly number[], ramp: ArrayLike<number>, ctx: PickContext): number {
  let total = 0;
  for (const b of candidates) total += ramp[b] as number;
  let x = ctx.rng.next() * total;
  for (const b of candidates) {
    x -= ramp[b] as number;
    if (x < 0) return b;
  }
  return candidates[candidates.length - 1] as number;
}

/** Least loaded, scanning from a rotating start so equal loads share work evenly. */
function leastLoaded(candidates: readonly number[], load: ArrayLike<number>, rotation: number): number {
  const n = candidates.length;
  const start = rotation % n;
  let best = candidates[start] as number;
  let bestLoad = load[best] as number;
  // Two plain loops instead of a modulo per step: this runs once per request.
  for (let i = start + 1; i < n; i++) {
    const b = candidates[i] as number;
    const l = load[b] as number;
    if (l < bestLoad) {
      bestLoad = l;
      best = b;
    }
  }
  for (let i = 0; i < start; i++) {
    const b = candidates[i] as number;
    const l = load[b] as number;
    if (l < bestLoad) {
      bestLoad = l;
      best = b;
    }
  }
  return best;
}
