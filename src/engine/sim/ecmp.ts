/**
 * The routers in front of the L4 tier: ECMP spreads flows over the L4 nodes by a hash of the
 * 5-tuple, either modulo the node count or through a resilient table of buckets. Each L4 node then
 * picks an L7 proxy by the tier's algorithm and remembers it in its own connection-tracking table.
 * When a node joins or leaves, some flows hash to another node; that node has no entry for them and
 * picks again. Consistent hashing at the nodes sends such a flow to the proxy it already had (if the
 * proxies are unchanged); round robin mostly does not, and the proxy that gets the packet resets it.
 */
import { mix32 } from '../core/hash.ts';
import { PickerState } from '../model/pickers.ts';
import { closeConnection, flowKey } from './connections.ts';
import type { EcmpReport, SimState } from './state.ts';

/** Buckets of the resilient table: enough that each of up to 32 nodes owns several. */
export const ECMP_BUCKETS = 256;
/** The routers hash with their own seed, unrelated to the L4 nodes' hashing of the same tuple. */
const ROUTER_SALT = 0x5bd1e995;

export type EcmpHash = 'modulo' | 'resilient';

/** Which L4 node the routers send a flow to. */
export function ecmpNode(s: SimState, key: number): number {
  const n = s.l4NodeCount;
  if (n <= 1) return 0;
  const h = mix32(key ^ ROUTER_SALT);
  return s.config.frontTier?.ecmp === 'resilient' ? (s.ecmpTable[h % ECMP_BUCKETS] as number) : h % n;
}

/** The picker (round-robin state and so on) of L4 node `node`; node 0 keeps the tier's original one. */
export function nodePicker(s: SimState, node: number): PickerState {
  if (node === 0) return s.proxyPicker;
  while (s.nodePickers.length < node) s.nodePickers.push(new PickerState());
  return s.nodePickers[node - 1]!;
}

/** Sets up the node count and resilient table for a fresh tier (no flows to move yet). */
export function initEcmp(s: SimState, nodes: number): void {
  s.l4NodeCount = nodes;
  for (let i = 0; i < ECMP_BUCKETS; i++) s.ecmpTable[i] = i % nodes;
}

/**
 * The routers now see `nodes` L4 nodes (and maybe another hash): every open flow is hashed again.
 * A flow that lands on another node is picked again there; if that pick is not its proxy, the
 * connection is reset. Returns what moved and what broke.
 */
export function changeL4Nodes(s: SimState, nodes: number): EcmpReport {
  resizeTable(s, s.l4NodeCount, nodes);
  s.l4NodeCount = nodes;
  const tier = s.config.frontTier!;
  const ctx = s.proxyContext;
  let flows = 0;
  let moved = 0;
  let broken = 0;
  for (let c = 0; c < s.config.clients.count; c++) {
    if (s.connOpen[c] === 0 || (s.connProxy[c] as number) < 0) continue;
    flows++;
    const key = flowKey(s, c);
    const node = ecmpNode(s, key);
    if (node === s.connL4Node[c]) continue;
    moved++;
    ctx.key = key;
    ctx.ipKey = s.population.ipKey[c] as number;
    const proxy = nodePicker(s, node).pick(tier.algorithm, s.proxyIds, ctx);
    if (proxy === s.connProxy[c]) s.connL4Node[c] = node;
    else {
      // The proxy that gets the next packet never saw this connection: it answers with a reset.
      broken++;
      closeConnection(s, c);
    }
  }
  s.totals.ecmpMoved += moved;
  s.totals.ecmpBroken += broken;
  s.lastEcmp = { flows, moved, broken };
  return s.lastEcmp;
}

/**
 * Modulo needs no table. The resilient table changes as little as it can: a new node takes an even
 * share of buckets from the fullest nodes, a leaving node's buckets go to the emptiest ones.
 */
function resizeTable(s: SimState, from: number, to: number): void {
  const table = s.ecmpTable;
  const counts = new Array<number>(Math.max(from, to)).fill(0);
  for (let i = 0; i < ECMP_BUCKETS; i++) counts[table[i] as number]!++;
  for (let n = from; n < to; n++) {
    // Node n joins: it takes floor(B / (n + 1)) buckets, each from the node that has most.
    for (let need = Math.floor(ECMP_BUCKETS / (n + 1)); need > 0; need--) {
      const donor = argBest(counts, n, (a, b) => a > b);
      const bucket = findBucket(table, donor);
      table[bucket] = n;
      counts[donor]!--;
      counts[n] = (counts[n] ?? 0) + 1;
    }
  }
  for (let n = from - 1; n >= to; n--) {
    // Node n leaves: each of its buckets goes to the node that has fewest.
    for (let i = 0; i < ECMP_BUCKETS; i++) {
      if (table[i] !== n) continue;
      const heir = argBest(counts, n, (a, b) => a < b);
      table[i] = heir;
      counts[heir]!++;
    }
    counts[n] = 0;
  }
}

/** Index below `limit` whose count wins `better` (ties: the lowest index). */
function argBest(counts: number[], limit: number, better: (a: number, b: number) => boolean): number {
  let best = 0;
  for (let i = 1; i < limit; i++) if (better(counts[i] as number, counts[best] as number)) best = i;
  return best;
}

/** The bucket owned by `node` that a stride through the table meets first: spread, not clustered. */
function findBucket(table: Int32Array, node: number): number {
  for (let k = 0; k < ECMP_BUCKETS; k++) {
    const i = (k * 97) % ECMP_BUCKETS;
    if (table[i] === node) return i;
  }
  return 0;
}
