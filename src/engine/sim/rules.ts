/**
 * The balancer's routing configuration compiled to indices, once per config change: which listener
 * rules can match each request template, each rule's target pools and weights, and where an L4
 * balancer sends each template by its SNI. String comparisons happen here, never per request; a
 * request's decision is then a few array reads (and one draw for a weighted split).
 */
import type { SimConfig } from '../config.ts';
import type { Rng } from '../core/rng.ts';

/** One config's routing rules as index tables, with the per-request lookups on them. */
export class CompiledRules {
  constructor(
    /** Pool index for requests no rule matches (-1 if the default pool does not exist). */
    readonly defaultPool: number,
    /** Per template: the rules that can match it, in order, ignoring cookie conditions. */
    readonly templateRules: readonly number[][],
    /** Per rule: pool indices and weights of its forward action. */
    readonly rulePools: readonly number[][],
    readonly ruleWeights: readonly number[][],
    /** Per rule: whether it has a cookie condition, and whether that names the clients' cookie. */
    readonly ruleNeedsCookie: readonly boolean[],
    readonly ruleCookieOk: readonly boolean[],
    /** Per template: the pool an L4 balancer picks from (an SNI route's, or the default). */
    readonly l4Pool: Int32Array,
  ) {}

  /** L7: the pool for a request of `template` from a client with or without the cookie. */
  poolFor(template: number, hasCookie: boolean, rng: Rng): number {
    const rules = this.templateRules[template]!;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i] as number;
      if (this.ruleNeedsCookie[rule] && !(this.ruleCookieOk[rule] && hasCookie)) continue;
      return this.weightedForward(rule, rng);
    }
    return this.defaultPool;
  }

  /** Whether the first rule that matches may send this request to `pool` (for cookie stickiness). */
  allowsPool(template: number, hasCookie: boolean, pool: number): boolean {
    const rules = this.templateRules[template]!;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i] as number;
      if (this.ruleNeedsCookie[rule] && !(this.ruleCookieOk[rule] && hasCookie)) continue;
      const pools = this.rulePools[rule]!;
      const weights = this.ruleWeights[rule]!;
      for (let k = 0; k < pools.length; k++) if (pools[k] === pool && (weights[k] as number) > 0) return true;
      return false;
    }
    return this.defaultPool === pool;
  }

  /** A rule's target pool: its only one, or a weighted draw (a canary split). */
  private weightedForward(rule: number, rng: Rng): number {
    const pools = this.rulePools[rule]!;
    if (pools.length === 1) return pools[0] as number;
    const weights = this.ruleWeights[rule]!;
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i] as number;
    if (total <= 0) return pools[0] as number;
    let x = rng.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return pools[i] as number;
    }
    return pools[pools.length - 1] as number;
  }
}

/** Compiles `config`'s rules against the run's pools (`pools[i].id` is pool index `i`). */
export function compileRules(config: SimConfig, pools: readonly { id: string }[]): CompiledRules {
  const { requests, balancer, clients } = config;
  const poolIndex = (id: string) => pools.findIndex((p) => p.id === id);
  const defaultPool = poolIndex(balancer.defaultPool);
  const rulePools = balancer.rules.map((rule) => rule.forward.map((f) => poolIndex(f.pool)));
  const ruleWeights = balancer.rules.map((rule) => rule.forward.map((f) => f.weight));
  const ruleNeedsCookie = balancer.rules.map((rule) => rule.match.cookie !== undefined);
  const ruleCookieOk = balancer.rules.map(
    (rule) => rule.match.cookie?.name === clients.cookie.name && rule.match.cookie.value === clients.cookie.value,
  );
  // Rules that can match each template, ignoring cookies (those depend on the client).
  const templateRules = requests.map((r) =>
    balancer.rules.flatMap((rule, index) => {
      const m = rule.match;
      const ok =
        (m.pathPrefix === undefined || r.path.startsWith(m.pathPrefix)) &&
        (m.host === undefined || r.host === m.host) &&
        (m.method === undefined || r.method === m.method) &&
        (m.header === undefined || r.headers[m.header.name] === m.header.value);
      return ok ? [index] : [];
    }),
  );
  // SNI routing needs a readable ClientHello: TLS, and no ECH.
  const readable = balancer.tls !== 'none' && !clients.ech;
  const l4Pool = Int32Array.from(requests, (r) => {
    const route = readable ? balancer.sniRoutes.find((s) => s.sni === r.host) : undefined;
    return route ? poolIndex(route.pool) : defaultPool;
  });
  return new CompiledRules(defaultPool, templateRules, rulePools, ruleWeights, ruleNeedsCookie, ruleCookieOk, l4Pool);
}
